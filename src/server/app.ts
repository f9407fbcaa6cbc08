import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Vault } from '../vault/open.js';
import { guardCheck, SECURITY_HEADERS } from './guard.js';
import { FailureLimiter } from './limiter.js';
import { apiRoutes } from './routes/api.js';
import { sendError } from './errors.js';

export type ServerOptions = {
  vault: Vault;
  token: string;
  /** The built browser app (index.html and assets). */
  webRoot: string;
  limiter?: FailureLimiter;
};

/** Uploads are wallet files; nothing legitimate comes near this. */
export const BODY_LIMIT = 16 * 1024 * 1024;

/**
 * The browser wallet's server: loopback only (the caller binds it to 127.0.0.1), every request
 * checked for Host and Origin, every API call for the per-launch token; a strict CSP on every
 * response; errors as `{"error":{"name","message"}}`, never a stack or a secret; nothing logged.
 */
export function serverCreate(options: ServerOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: false });
  const limiter = options.limiter ?? new FailureLimiter();
  const port = () => {
    const address = app.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  };

  app.addHook('onRequest', async (request, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    const verdict = guardCheck({ token: options.token, port }, { url: request.url, headers: request.headers });
    if (!verdict.ok) return reply.code(verdict.status).send({ error: { name: 'Forbidden', message: verdict.reason } });
  });

  app.setErrorHandler((err, _request, reply) => sendError(reply, err));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { name: 'NotFound', message: 'There is nothing here.' } }));

  apiRoutes(app, { vault: options.vault, limiter });
  staticFiles(app, options.webRoot);
  return app;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The built app; paths are resolved inside `root` only (no traversal), unknown paths get index.html. */
function staticFiles(app: FastifyInstance, root: string): void {
  const base = resolve(root);
  app.get('/*', async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0]!.split('#')[0]!);
    const wanted = path === '/' || path === '' ? '/index.html' : path;
    const file = resolve(join(base, normalize(wanted)));
    if (!(file === base || file.startsWith(base + sep)) || wanted.includes('\0')) {
      return reply.code(404).send({ error: { name: 'NotFound', message: 'There is nothing here.' } });
    }
    const type = TYPES[extname(file)];
    try {
      const body = await readFile(type === undefined ? join(base, 'index.html') : file);
      return reply.type(type ?? TYPES['.html']!).send(body);
    } catch {
      if (extname(file) !== '' && extname(file) !== '.html') return reply.code(404).send({ error: { name: 'NotFound', message: 'There is nothing here.' } });
      try {
        return reply.type(TYPES['.html']!).send(await readFile(join(base, 'index.html')));
      } catch {
        return reply.code(503).type('text/plain').send('The browser app is not built: run `npm run build`.');
      }
    }
  });
}
