/**
 * The JSON API refuses what the CLI refuses (issue 13 item 3): an unknown value of an enumerated
 * field (kdf, type, words, format, onDuplicate) is a UsageError, HTTP 400 — as the CLI exits 2 —
 * instead of being silently replaced by the default. And `/api/accounts/create`, which answered with
 * a recovery phrase and which no page called, is gone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultClose, vaultOpen, type Vault } from '../../vault/open.js';
import { serverCreate } from '../app.js';
import { FailureLimiter } from '../limiter.js';

const TOKEN = 'test-token-api-0123456789abcdef';

let dir: string;
let vault: Vault;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keepsake-api-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>keepsake</title>');
  vault = vaultOpen(join(dir, 'vault.sqlite'));
  app = serverCreate({ vault, token: TOKEN, webRoot: join(dir, 'web'), limiter: new FailureLimiter({ free: 100, windowMs: 60_000 }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  vaultClose(vault);
  rmSync(dir, { recursive: true, force: true });
});

const headers = () => ({ host: `127.0.0.1:${(app.server.address() as { port: number }).port}`, 'x-keepsake-token': TOKEN });
const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
const accounts = async () => (await app.inject({ method: 'GET', url: '/api/accounts', headers: headers() })).json() as unknown[];

describe('POST /api/accounts/create', () => {
  it('is gone: 404, no phrase in the answer, nothing stored', async () => {
    const r = await post('/api/accounts/create', { name: 'New', password: 'secret-password', words: 12 });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { name: 'NotFound', message: 'There is nothing here.' } });
    expect(await accounts()).toEqual([]);
  });
});
