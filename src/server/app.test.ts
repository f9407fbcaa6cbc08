import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from './app.js';
import { testAppStart, type TestApp } from './testApp.js';
import type { FastifyInstance } from 'fastify';

let server: TestApp;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  server = await testAppStart({ name: 'server', free: 3 });
  ({ app, port } = server);
  writeFileSync(join(server.dir, 'secret.txt'), 'outside the web root');
});
afterAll(() => server.stop());

const host = () => `127.0.0.1:${port}`;
const api = (url: string, headers: Record<string, string> = {}, body?: unknown) =>
  app.inject({
    method: body === undefined ? 'GET' : 'POST',
    url,
    headers: { ...server.headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

describe('the guard', () => {
  it('answers the API with the token, on its own host', async () => {
    const res = await api('/api/accounts');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    for (const headers of [{ 'x-keepsake-token': '' }, { 'x-keepsake-token': 'wrong' }, { 'x-keepsake-token': server.token + 'x' }]) {
      const res = await api('/api/accounts', headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/token/);
    }
  });

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    for (const h of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `127.0.0.1.nip.io:${port}`]) {
      const res = await api('/api/accounts', { host: h });
      expect(res.statusCode).toBe(421);
    }
    expect((await app.inject({ method: 'GET', url: '/', headers: { host: 'evil.example' } })).statusCode).toBe(421);
  });

  it('refuses a foreign Origin or a cross-site fetch, even with the token', async () => {
    for (const headers of [{ origin: 'http://evil.example' }, { origin: `https://${host()}` }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }]) {
      expect((await api('/api/accounts', headers)).statusCode).toBe(403);
    }
    expect((await api('/api/accounts', { origin: `http://${host()}`, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('sends a strict Content-Security-Policy with every response', async () => {
    for (const res of [await api('/api/accounts'), await app.inject({ method: 'GET', url: '/', headers: { host: host() } }), await api('/api/nothing')]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('static files', () => {
  it('serves the app without a token (it holds no secret)', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: host() } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('keepsake');
  });

  it('never serves a file outside the web root', async () => {
    for (const url of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%5csecret.txt']) {
      const res = await app.inject({ method: 'GET', url, headers: { host: host() } });
      expect(res.body).not.toContain('outside the web root');
    }
  });
});

describe('the API', () => {
  it('refuses an oversized body before any route runs', async () => {
    const res = await api('/api/inspect', {}, { files: [{ name: 'big.json', text: 'x'.repeat(BODY_LIMIT + 10) }] });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.name).toBe('TooLarge');
  });

  it('explains a missing field and a bad file in one sentence, with no stack', async () => {
    const missing = await api('/api/verify', {}, { files: [{ name: 'a.json', text: '{}' }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/password/);
    const bad = await api('/api/inspect', {}, { files: [{ name: 'a.json', text: 'not json' }] });
    expect(bad.json().error.name).toBe('NotJsonError');
    expect(bad.body).not.toMatch(/\n\s+at /);
  });

  it('slows down repeated wrong passwords (429 with Retry-After), and never echoes the password', async () => {
    const file = JSON.stringify({
      encoded: Buffer.alloc(44 + 24 + 133)
        .fill(1)
        .toString('base64'),
      encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      meta: {},
    });
    // Header N=2^15, p=1, r=8 so the file is accepted up to the decryption.
    const bytes = Buffer.from(JSON.parse(file).encoded, 'base64');
    bytes.writeUInt32LE(1 << 15, 32);
    bytes.writeUInt32LE(1, 36);
    bytes.writeUInt32LE(8, 40);
    const text = JSON.stringify({ ...JSON.parse(file), encoded: bytes.toString('base64') });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api('/api/verify', {}, { files: [{ name: 'a.json', text }], password: `guess-${i}-secret` });
      statuses.push(res.statusCode);
      expect(res.body).not.toContain(`guess-${i}-secret`);
    }
    expect(statuses.slice(0, 3)).toEqual([422, 422, 422]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await api('/api/verify', {}, { files: [{ name: 'a.json', text }], password: 'x' });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
