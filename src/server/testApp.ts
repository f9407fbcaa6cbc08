import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { vaultClose, vaultOpen, type Vault } from '../vault/open.js';
import { serverCreate } from './app.js';
import { FailureLimiter } from './limiter.js';

/**
 * A running server for in-process route tests, as src/cli/testIo.ts is for commands: a fresh folder
 * with an empty vault and a one-page web root, the server listening on a free port of 127.0.0.1, and
 * requests sent with Fastify's inject as the page sends them (its Host, the token). Nothing here is
 * used by keepsake itself.
 *
 * - `name`: the folder's prefix (keepsake-`name`-…) and part of the token.
 * - `free`: the failures the limiter lets through in its minute (a test of the limiter sets it low).
 */
export type TestAppOptions = { name: string; free: number };

export type TestApp = {
  app: FastifyInstance;
  vault: Vault;
  /** The folder holding the vault and the web root (`web/`). */
  dir: string;
  port: number;
  /** The server's token (test-token-`name`-…). */
  token: string;
  /** What the page sends with every API request: the server's own Host and the token. */
  headers: () => Record<string, string>;
  /** POSTs `body` as JSON with {@link TestApp.headers}. */
  post: (url: string, body: unknown) => Promise<LightMyRequestResponse>;
  /** Closes the server and the vault, and removes the folder. */
  stop: () => Promise<void>;
};

/** Starts a {@link TestApp} (a test file calls it in `beforeAll` and `stop` in `afterAll`). */
export async function testAppStart({ name, free }: TestAppOptions): Promise<TestApp> {
  const token = `test-token-${name}-0123456789abcdef`;
  const dir = mkdtempSync(join(tmpdir(), `keepsake-${name}-`));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>keepsake</title>');
  const vault = vaultOpen(join(dir, 'vault.sqlite'));
  const app = serverCreate({ vault, token, webRoot: join(dir, 'web'), limiter: new FailureLimiter({ free, windowMs: 60_000 }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const headers = () => ({ host: `127.0.0.1:${port}`, 'x-keepsake-token': token });
  return {
    app,
    vault,
    dir,
    port,
    token,
    headers,
    post: (url, body) => app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': 'application/json' }, payload: JSON.stringify(body) }),
    stop: async () => {
      await app.close();
      vaultClose(vault);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
