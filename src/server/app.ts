import { readFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Vault } from '../vault/open.js';
import { guardCheck, SECURITY_HEADERS, tokenCheck, type GuardConfig, type GuardVerdict } from './guard.js';
import { LaunchCodes } from './launch.js';
import { FailureLimiter } from './limiter.js';
import { apiRoutes } from './routes/api.js';
import { sendError } from './errors.js';
import { VaultSession } from './vaultSession.js';

/**
 * How long the server waits for a client. A request's headers and body must arrive in time (a
 * client that sends its body one byte at a time is cut off with 408); a connection with no traffic
 * at all is closed after `idleMs`, which is generous because it also runs while a long restore is
 * being worked on. Node checks the first two every `checkEveryMs`.
 */
export type ServerTimeouts = { requestMs: number; headersMs: number; idleMs: number; keepAliveMs: number; checkEveryMs: number };

/** Uploads come from the same machine: 30 s for a whole request is far more than a 16 MiB body needs. */
export const SERVER_TIMEOUTS: ServerTimeouts = { requestMs: 30_000, headersMs: 10_000, idleMs: 10 * 60_000, keepAliveMs: 5_000, checkEveryMs: 5_000 };

export type ServerOptions = {
  /** The vault, open for the whole run; or `session`, which may start locked (a vault password) and lock again. */
  vault?: Vault;
  session?: VaultSession;
  token: string;
  /** The built browser app (index.html and assets). */
  webRoot: string;
  limiter?: FailureLimiter;
  /** The one-time codes of the link the browser is opened with (see `keepsake ui`); none by default. */
  launch?: LaunchCodes;
  timeouts?: Partial<ServerTimeouts>;
};

/** Uploads are wallet files; nothing legitimate comes near this. */
export const BODY_LIMIT = 16 * 1024 * 1024;

/**
 * The browser wallet's server: loopback only (the caller binds it to 127.0.0.1), every request
 * checked for Host and Origin and — unless it is one of the app's files or the one-time-link
 * exchange — for the per-launch token; a strict CSP on every response, also on refusals and on
 * requests the router cannot parse; JSON bodies only; errors as `{"error":{"name","message"}}`,
 * never a stack or a secret; nothing logged.
 */
export function serverCreate(options: ServerOptions): FastifyInstance {
  const timeouts = { ...SERVER_TIMEOUTS, ...options.timeouts };
  const limiter = options.limiter ?? new FailureLimiter();
  const launch = options.launch ?? new LaunchCodes(options.token);
  const session = options.session ?? new VaultSession(options.vault!.file, { vault: options.vault });
  const guard: GuardConfig = {
    token: options.token,
    port: () => {
      const address = app.server.address();
      return typeof address === 'object' && address !== null ? address.port : 0;
    },
  };

  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    // A target the router cannot decode (`/%E0%A4%A`) never reaches the hooks: refuse it here the same way.
    frameworkErrors: (err, request, reply) => {
      headersSet(reply);
      const verdict = guardCheck(guard, { url: request.url, method: request.method, route: undefined, headers: request.headers });
      return verdict.ok ? sendError(reply, err) : refuse(reply, verdict);
    },
    clientErrorHandler,
  });

  app.addHook('onRequest', async (request, reply) => {
    headersSet(reply);
    const verdict = guardCheck(guard, { url: request.url, method: request.method, route: request.routeOptions.url, headers: request.headers });
    if (!verdict.ok) return refuse(reply, verdict);
  });

  // JSON only: Fastify's default text/plain parser would let a cross-site "simple" POST reach a route.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, _request, reply) => sendError(reply, err));
  app.setNotFoundHandler((_request, reply) => notFound(reply));

  // The API in its own scope, with its own token check: a second lock should the guard's routing ever change.
  app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        const verdict = tokenCheck(guard, request.headers);
        if (!verdict.ok) return refuse(reply, verdict);
      });
      apiRoutes(api, { session, limiter });
      api.all('/*', async (_request, reply) => notFound(reply));
    },
    { prefix: '/api' },
  );

  app.post('/session', async (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    const code = typeof body?.['code'] === 'string' ? body['code'] : '';
    return { token: launch.redeem(code) };
  });

  staticFiles(app, options.webRoot);
  return app;
}

/**
 * What Node reports before any request exists (a body or headers that did not arrive in time, bytes
 * that are not HTTP): answered in the API's error shape, with the security headers, then closed.
 */
function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, name, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Timeout', 'The request did not arrive in time; it was dropped.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'TooLarge', 'The request headers are too large.']
        : [400, 'BadRequest', 'The request was not understood.'];
  const body = JSON.stringify({ error: { name, message } });
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  });
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  socket.destroy(err);
}

function headersSet(reply: FastifyReply): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
}

function refuse(reply: FastifyReply, verdict: GuardVerdict & { ok: false }): FastifyReply {
  return reply.code(verdict.status).send({ error: { name: verdict.name, message: verdict.reason } });
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: { name: 'NotFound', message: 'There is nothing here.' } });
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
    // The path the router matched (decoded), not the raw target, which may be in absolute form.
    const path = `/${(request.params as { '*'?: string })['*'] ?? ''}`;
    const wanted = path === '/' ? '/index.html' : path;
    const file = resolve(join(base, normalize(wanted)));
    if (!(file === base || file.startsWith(base + sep)) || wanted.includes('\0')) return notFound(reply);
    const type = TYPES[extname(file)];
    try {
      const body = await readFile(type === undefined ? join(base, 'index.html') : file);
      return reply.type(type ?? TYPES['.html']!).send(body);
    } catch {
      if (extname(file) !== '' && extname(file) !== '.html') return notFound(reply);
      try {
        return reply.type(TYPES['.html']!).send(await readFile(join(base, 'index.html')));
      } catch {
        return reply.code(503).type('text/plain').send('The browser app is not built: run `npm run build`.');
      }
    }
  });
}
