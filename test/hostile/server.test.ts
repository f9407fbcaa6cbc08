/**
 * The local server against a hostile local client (issue 11, items 1 and 3; security review #1, #4a,
 * #11 slow body, #15): request targets that spell the API so the old guard did not see it, requests
 * the router cannot parse, guessing through the failure limiter (interleaved with successes, spread
 * over targets, in a parallel burst), a text/plain body and a body sent one byte at a time.
 *
 * Requests go out on raw sockets (node:net): fetch and http.request normalise the target, and the
 * whole point is the exact bytes of the request line.
 */
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { serverCreate, SERVER_TIMEOUTS, type ServerOptions } from '../../src/server/app.js';
import { SECURITY_HEADERS } from '../../src/server/guard.js';
import { FailureLimiter } from '../../src/server/limiter.js';
import { vaultClose, vaultOpen, type Vault } from '../../src/vault/open.js';
import { addressAdd, addressList } from '../../src/wallet/addressBook.js';
import { identityRecover } from '../../src/wallet/identity/create.js';
import { restoreFiles } from '../../src/wallet/restore.js';

const TOKEN = 'hostile-token-0123456789abcdefghij';
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const EXCHANGE = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
const INDEX_MARKER = 'keepsake-index-page';

type Reply = { status: number; headers: Record<string, string>; body: string };

/** Sends `head` (request line and headers, without the final blank line) and `body` as they are; reads to the end. */
function raw(port: number, head: string, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`));
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const lines = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      let rest = text.slice(split + 4);
      if (headers['transfer-encoding'] === 'chunked') {
        let out = '';
        for (;;) {
          const eol = rest.indexOf('\r\n');
          const size = parseInt(rest.slice(0, eol), 16);
          if (!(size > 0)) break;
          out += rest.slice(eol + 2, eol + 2 + size);
          rest = rest.slice(eol + 2 + size + 2);
        }
        rest = out;
      }
      resolve({ status: Number(lines[0]?.split(' ')[1] ?? 0), headers, body: rest });
    });
  });
}

/** One request with a JSON body (or none), the Host the server expects, and the token unless told otherwise. */
function send(port: number, method: string, target: string, options: { token?: string | null; body?: unknown; type?: string } = {}): Promise<Reply> {
  const token = options.token === undefined ? TOKEN : options.token;
  const payload = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const head = [
    `${method} ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    ...(token === null ? [] : [`x-keepsake-token: ${token}`]),
    ...(options.body === undefined ? [] : [`Content-Type: ${options.type ?? 'application/json'}`, `Content-Length: ${Buffer.byteLength(payload)}`]),
  ].join('\r\n');
  return raw(port, head, payload);
}

/** Verifies the known file with its right password (a success, which must not reset the limiter), noting `[known:<status>]`. */
async function verifyKnown(port: number, known: { text: string }, statuses: string[]): Promise<void> {
  const reset = await verifySend(port, 'k.json', known.text, 'known-pass');
  statuses.push(`[known:${reset.status}]`);
}

/** How many of the noted requests reached the password check and failed it (422). */
function wrongGuesses(statuses: readonly string[]): number {
  return statuses.filter((x) => x === '422').length;
}

/** POST /api/verify of one file (`name`, `text`) with `password`, as the page sends it. */
function verifySend(port: number, name: string, text: string, password: string): Promise<Reply> {
  return send(port, 'POST', '/api/verify', { body: { files: [{ name, text }], password } });
}

function expectSecurityHeaders(r: Reply, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name], `${what}: ${name}`).toBe(value);
}

type Running = { app: FastifyInstance; port: number; vault: Vault; dir: string; close: () => Promise<void> };

async function start(options: Partial<Omit<ServerOptions, 'vault' | 'webRoot' | 'token'>> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-hostile-server-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), `<!doctype html><title>${INDEX_MARKER}</title>`);
  const vault = vaultOpen(join(dir, 'vault.sqlite'));
  const app = serverCreate({ vault, token: TOKEN, webRoot: join(dir, 'web'), ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return {
    app,
    port,
    vault,
    dir,
    close: async () => {
      await app.close();
      vaultClose(vault);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Polkadot{.js} file (scrypt N=2^15: cheap enough to guess at in a test) and its address. */
async function accountFile(path: string, password: string, name: string): Promise<{ text: string; address: string }> {
  const pair = await pairFromSuri(`${PHRASE}//hostile-server//${path}`, 'sr25519');
  const json = await polkadotJsWrite(pair, password, { meta: { name }, params: SCRYPT_COMPAT });
  return { text: JSON.stringify(json), address: String(json['address']) };
}

describe('issue 11 item 1: no spelling of the API reaches it without the token', () => {
  let s: Running;
  let savings: { text: string; address: string };

  beforeAll(async () => {
    s = await start();
    savings = await accountFile('savings', 'savings-pass-1', 'Savings');
    const report = await restoreFiles(s.vault, [{ file: 'savings.json', text: savings.text }], 'savings-pass-1');
    expect(report.restored).toHaveLength(1);
    addressAdd(s.vault, { address: EXCHANGE, name: 'Exchange' });
  });
  afterAll(() => s?.close());

  const targets = (port: number) => [
    '/%61pi/accounts',
    '/ap%69/accounts',
    '/%61%70%69/addresses',
    `http://127.0.0.1:${port}/api/accounts`,
    `http://127.0.0.1:${port}/%61pi/addresses`,
    '/%2561pi/accounts',
    '/%252561pi/accounts',
    '/x/%2e%2e/api/accounts',
    '/x/%252e%252e/api/accounts',
    '/api/%2e%2e/api/accounts',
    '/%41PI/accounts',
    '//api/accounts',
    '/api//accounts',
    '/api/accounts/',
    '/api/accounts;x',
    '/%5capi/accounts',
    '/api/nothing-here',
  ];

  it("GET: every spelling gets the guard's refusal (401, no data) with the security headers", async () => {
    for (const target of targets(s.port)) {
      const r = await send(s.port, 'GET', target, { token: null });
      expect(r.status, target).toBe(401);
      expect(JSON.parse(r.body), target).toEqual({ error: { name: 'Forbidden', message: expect.stringMatching(/session token is missing or wrong/) } });
      expect(r.body, target).not.toContain(savings.address);
      expect(r.body, target).not.toContain('Exchange');
      expectSecurityHeaders(r, target);
    }
  });

  it("a target the router cannot decode (FST_ERR_BAD_URL) gets the same refusal and headers, not Fastify's own answer", async () => {
    for (const target of ['/%E0%A4%A', '/%61pi/%E0%A4%A', '/api/accounts/%C0']) {
      const r = await send(s.port, 'GET', target, { token: null });
      expect(r.status, target).toBe(401);
      expect(r.body, target).not.toContain('FST_ERR');
      expect(r.body, target).toMatch(/session token/);
      expectSecurityHeaders(r, target);
    }
    // With the token it is a plain "not understood", still with the headers and without Fastify's text.
    const withToken = await send(s.port, 'GET', '/%E0%A4%A');
    expect(withToken.status).toBe(400);
    expect(withToken.body).not.toContain('FST_ERR');
    expectSecurityHeaders(withToken, 'bad URL with the token');
    // And a foreign Host is refused there too (421), as everywhere.
    const foreign = await raw(s.port, 'GET /%E0%A4%A HTTP/1.1\r\nHost: evil.example');
    expect(foreign.status).toBe(421);
  });

  it('POST: export, remove and rewrite through encoded or absolute targets are refused and change nothing', async () => {
    const writes: [string, unknown][] = [
      ['/%61pi/backup/export', { password: 'attacker-pw' }],
      [`http://127.0.0.1:${s.port}/api/backup/export`, { password: 'attacker-pw' }],
      ['/%61pi/addresses/remove', { address: EXCHANGE }],
      ['/ap%69/accounts/remove', { address: savings.address }],
      ['/x/%2e%2e/api/addresses/add', { address: '14E5nqKAp3oAJcmzgZhUD2RcptBeUBScxKHgJKU4HPNcKVf3', name: 'Exchange 2' }],
      ['/%E0%A4%A', { address: EXCHANGE }],
    ];
    for (const [target, body] of writes) {
      const r = await send(s.port, 'POST', target, { token: null, body });
      expect(r.status, target).toBe(401);
      expect(r.body, target).not.toContain('ciphertext');
      expectSecurityHeaders(r, target);
    }
    expect(addressList(s.vault).map((a) => a.address)).toEqual([EXCHANGE]);
    const accounts = await send(s.port, 'GET', '/api/accounts');
    expect(JSON.parse(accounts.body).map((a: { address: string }) => a.address)).toEqual([savings.address]);
  });

  it("with the token the data routes still answer (also through the router's own decoding), and the app's page needs no token", async () => {
    const accounts = await send(s.port, 'GET', '/api/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.body).toContain(savings.address);
    expectSecurityHeaders(accounts, '/api/accounts');
    expect((await send(s.port, 'GET', '/%61pi/addresses')).body).toContain(EXCHANGE);
    expect((await send(s.port, 'GET', `http://127.0.0.1:${s.port}/api/accounts`)).body).toContain(savings.address);
    const verify = await verifySend(s.port, 's.json', savings.text, 'savings-pass-1');
    expect(verify.status).toBe(200);
    expect(JSON.parse(verify.body).ok).toBe(true);
    // An unknown API path is a 404 behind the token, not the app's page.
    expect((await send(s.port, 'GET', '/api/nothing-here')).status).toBe(404);

    for (const target of ['/', '/index.html', '/accounts', '/some/page']) {
      const page = await send(s.port, 'GET', target, { token: null });
      expect(page.status, target).toBe(200);
      expect(page.body, target).toContain(INDEX_MARKER);
      expectSecurityHeaders(page, target);
    }
  });
});

describe('issue 11 item 3: the failure limiter', () => {
  let s: Running | undefined;
  // The server's own limiter with its default budgets, on a clock that stands still: no penalty runs
  // out while a test is busy, so what is refused depends only on the tries made.
  const frozen = () => ({ limiter: new FailureLimiter({ now: () => 1_700_000_000_000 }) });
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it(
    "the review's reset attack: wrong guesses interleaved with successful verifies of a known file get 429 (with Retry-After) long before 20 guesses",
    { timeout: 120_000 },
    async () => {
      s = await start(frozen());
      const target = await accountFile('target', 'the-real-password', 'Target');
      const known = await accountFile('known', 'known-pass', 'Known');
      const statuses: string[] = [];
      let firstLimited: Reply | undefined;
      for (let i = 0; i < 20; i++) {
        const r = await verifySend(s.port, 't.json', target.text, `guess-${i}`);
        statuses.push(String(r.status));
        if (r.status === 429) firstLimited ??= r;
        if ((i + 1) % 4 === 0) await verifyKnown(s.port, known, statuses);
      }
      // 5 free wrong guesses at the target, then it waits: the successes on the known file do not count for it.
      expect(wrongGuesses(statuses), statuses.join(' ')).toBe(5);
      expect(statuses.slice(0, 7), statuses.join(' ')).toEqual(['422', '422', '422', '422', '[known:200]', '422', '429']);
      expect(firstLimited!.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(JSON.parse(firstLimited!.body).error).toEqual({
        name: 'TooManyAttempts',
        message: expect.stringMatching(/Too many wrong passwords or PINs in a row: wait \d+ seconds/),
        kind: 'locked',
        field: 'secret',
      });
      expect(firstLimited!.body).not.toContain('guess-');
    },
  );

  it("a success on target A does not clear the failures on target B (and B's failures do not block A)", { timeout: 120_000 }, async () => {
    s = await start(frozen());
    const b = await accountFile('b', 'b-password', 'B');
    const a = await accountFile('a', 'a-password', 'A');
    const verifyB = (password: string) => verifySend(s!.port, 'b.json', b.text, password);
    for (let i = 0; i < 5; i++) expect((await verifyB(`wrong-${i}`)).status).toBe(422);
    expect((await verifyB('wrong-5')).status).toBe(429);
    const okA = await verifySend(s.port, 'a.json', a.text, 'a-password');
    expect(okA.status).toBe(200);
    expect((await verifyB('wrong-6')).status).toBe(429);
    // The same file under another name is the same target (keyed by content, not by name).
    const renamed = await verifySend(s.port, 'other-name.json', b.text, 'wrong-7');
    expect(renamed.status).toBe(429);
  });

  it("a restore of the target together with a known file counts the target's wrong password, and does not clear it", { timeout: 120_000 }, async () => {
    s = await start(frozen());
    const target = await accountFile('mixed-target', 'target-password', 'Target');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      // A fresh known file each time (its password is the guess): it restores, the target fails.
      const known = await accountFile(`mixed-known-${i}`, `guess-${i}`, `Known ${i}`);
      const r = await send(s.port, 'POST', '/api/restore', {
        body: {
          files: [
            { name: 'k.json', text: known.text },
            { name: 't.json', text: target.text },
          ],
          password: `guess-${i}`,
        },
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 5), statuses.join(' ')).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5), statuses.join(' ')).toEqual([429, 429]);
  });

  it('guessing across many targets runs into the global budget, which successes never reset', { timeout: 120_000 }, async () => {
    s = await start(frozen());
    const known = await accountFile('global-known', 'known-pass', 'Known');
    const target = JSON.parse((await accountFile('global-target', 'the-real-password', 'Target')).text) as { meta: Record<string, unknown> };
    const statuses: string[] = [];
    for (let i = 0; i < 12; i++) {
      // The same key under a different name each time: a different file hash, so a fresh per-file target.
      const variant = JSON.stringify({ ...target, meta: { ...target.meta, name: `variant ${i}` } });
      const r = await verifySend(s.port, 't.json', variant, `guess-${i}`);
      statuses.push(String(r.status));
      await verifyKnown(s.port, known, statuses);
    }
    expect(wrongGuesses(statuses), statuses.join(' ')).toBe(10);
    expect(statuses.slice(-2), statuses.join(' ')).toEqual(['429', '[known:429]']);
  });

  it('a parallel burst of 8 wrong PINs: no more than the free tries reach the PIN check, the rest get 429', { timeout: 120_000 }, async () => {
    s = await start(frozen());
    // N=2^15 so each try takes a while and the burst really overlaps (the format reads the parameters from the sealed data).
    await identityRecover(s.vault, { name: 'Main', mnemonic: PHRASE, pin: '135790', pinKdf: { N: 1 << 15, r: 8, p: 1 } });
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send(s!.port, 'POST', '/api/identities/show-phrase', { body: { identity: 'Main', pin: `99999${i}` } })),
    );
    const names = burst.map((r) => (JSON.parse(r.body) as { error?: { name: string } }).error?.name ?? `ok ${r.status}`);
    // A PIN is checked only for WrongPinError (or a shown phrase); the others are refused before any check,
    // by the server's limiter (TooManyAttempts) or by the identity's own delay, reserved in the vault before
    // each check (PinLockedError) — both 429 with Retry-After.
    const pinChecked = names.filter((n) => n === 'WrongPinError' || n.startsWith('ok'));
    expect(pinChecked.length, names.join(' ')).toBeLessThanOrEqual(5);
    const refused = burst.filter((r) => !pinChecked.includes((JSON.parse(r.body) as { error?: { name: string } }).error?.name ?? `ok ${r.status}`));
    expect(refused.length, names.join(' ')).toBeGreaterThanOrEqual(3);
    for (const r of refused) {
      expect(r.status, names.join(' ')).toBe(429);
      expect(['TooManyAttempts', 'PinLockedError']).toContain((JSON.parse(r.body) as { error: { name: string } }).error.name);
      expect(r.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    }
    expect(burst.map((r) => r.body).join('\n')).not.toContain(PHRASE.split(' ')[0]!);
    // Naming the identity by its id instead of its name is the same target.
    const byId = await send(s.port, 'POST', '/api/identities/show-phrase', { body: { identity: '1', pin: '999990' } });
    expect(byId.status).toBe(429);
  });
});

describe('issue 11 item 3: bodies', () => {
  let s: Running | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('a text/plain body is refused with 415 before any route runs (JSON only)', async () => {
    s = await start();
    const r = await send(s.port, 'POST', '/api/addresses/add', { body: JSON.stringify({ address: EXCHANGE, name: 'x' }), type: 'text/plain' });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body).error.name).toBe('UnsupportedMediaType');
    expectSecurityHeaders(r, 'text/plain');
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await send(s.port, 'POST', '/api/verify', { body: 'password=x', type })).status, type).toBe(415);
    }
    expect(addressList(s.vault)).toEqual([]);
    // Without the token it is the token that is refused first.
    expect((await send(s.port, 'POST', '/api/addresses/add', { token: null, body: 'x', type: 'text/plain' })).status).toBe(401);
  });

  it('by default a request must arrive within the documented time (headers, then the whole body)', async () => {
    s = await start();
    expect(s.app.server.requestTimeout).toBe(SERVER_TIMEOUTS.requestMs);
    expect(s.app.server.headersTimeout).toBe(SERVER_TIMEOUTS.headersMs);
    expect(SERVER_TIMEOUTS.requestMs).toBeGreaterThan(0);
    expect(SERVER_TIMEOUTS.headersMs).toBeLessThanOrEqual(SERVER_TIMEOUTS.requestMs);
  });

  it('a body sent one byte at a time is cut off: the connection is closed while the client is still sending', { timeout: 120_000 }, async () => {
    s = await start({ timeouts: { requestMs: 1500, headersMs: 1000, checkEveryMs: 200 } });
    const port = s.port;
    const outcome = await new Promise<{ closedWhileSending: boolean; response: string; sent: number }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let response = '';
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      const finish = (closedWhileSending: boolean) => {
        clearInterval(timer);
        socket.destroy();
        resolve({ closedWhileSending, response, sent });
      };
      socket.on('data', (d: Buffer) => (response += d.toString('utf8')));
      socket.on('close', () => finish(true));
      socket.on('error', () => {});
      socket.on('connect', () => {
        socket.write(
          `POST /api/verify HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-keepsake-token: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
        );
        // One byte every 100 ms, for at most 60 s (a bound for the test, not a measured time).
        timer = setInterval(() => {
          if (++sent > 600) finish(false);
          else socket.write(' ');
        }, 100);
      });
    });
    expect(outcome.closedWhileSending, `still open after ${outcome.sent} bytes`).toBe(true);
    expect(outcome.sent).toBeLessThan(600);
    // It is told why, in the API's own shape and with the security headers.
    expect(outcome.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(outcome.response).toContain(`content-security-policy: ${SECURITY_HEADERS['content-security-policy']}`);
    expect(outcome.response).toContain('{"error":{"name":"Timeout"');
  });
});
