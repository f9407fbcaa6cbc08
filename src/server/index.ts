/**
 * `keepsake/server`: the browser wallet's server (Fastify), for a program that serves it itself as
 * `keepsake ui` does. `index.test.ts` beside this file pins the export list.
 */
export { serverCreate, type ServerOptions } from './app.js';
