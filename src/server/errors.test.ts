import { readdirSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_WORDS } from '../../test/support/cliWords.js';
import { BaseError } from '../errors/base.js';
import { sendError } from './errors.js';
import { testAppStart, type TestApp } from './testApp.js';
import { loadVectors } from '../../test/support/vectors.js';

// Issue 12 #10: what the server sends is read in the browser, so no message names a flag, a command or
// Markdown; the CLI's words for what to do next live in `next`, which each front end words itself.

type ErrorClass = new (...args: unknown[]) => BaseError;

/** Every error class of src/errors (also those added later, in new files). */
const classes: [string, ErrorClass][] = [];
const errorsDir = new URL('../errors/', import.meta.url);
for (const file of readdirSync(errorsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
  const mod = (await import(`../errors/${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function' && value.prototype instanceof BaseError) classes.push([name, value as ErrorClass]);
  }
}

/**
 * Sample facts for any constructor: a short string for every key, except the caller-given wording
 * (`hint`, `next`: the real call sites are checked below) and the enumerations, tried in each value.
 */
const VARIANTS: Record<string, unknown>[] = [
  {},
  { held: 'vault' },
  { wanted: 'wallet' },
  { wanted: 'accounts' },
  { kind: 'unencrypted', problem: 'empty-password' },
  { kind: 'legacy', problem: 'own-password' },
  { unit: 'junctions' },
  { unit: 'bytes' },
  { scope: 'file' },
  { scope: 'entry', file: undefined },
  { waitSeconds: 0, attempts: 2 },
  { waitSeconds: 30, attempts: 5 },
  { code: 'ENOENT' },
  { code: 'EISDIR' },
  { size: 0 },
  { codePoint: undefined },
];
function facts(variant: Record<string, unknown>): unknown {
  return new Proxy(
    {},
    {
      get: (_, key) => (typeof key !== 'string' || key === 'hint' || key === 'next' ? undefined : key in variant ? variant[key] : `<fact ${key}>`),
      has: (_, key) => typeof key === 'string' && key !== 'hint' && key !== 'next',
    },
  );
}

/** What sendError puts on the wire for `err`: status, headers and the JSON body. */
function sent(err: unknown): { status: number; body: { error: { name: string; message: string; next?: unknown } } } {
  let status = 0;
  let body: unknown;
  const reply = {
    code(c: number) {
      status = c;
      return reply;
    },
    header() {
      return reply;
    },
    send(b: unknown) {
      body = b;
      return reply;
    },
  };
  sendError(reply as unknown as FastifyReply, err);
  return { status, body: JSON.parse(JSON.stringify(body)) as { error: { name: string; message: string; next?: unknown } } };
}

describe('sendError: no message names a flag, a command or Markdown', () => {
  it('finds the error classes', () => {
    expect(classes.length).toBeGreaterThan(40);
    expect(classes.map(([n]) => n)).toEqual(
      expect.arrayContaining(['DuplicateAccountError', 'FormatNotSupportedError', 'UsageError', 'VaultNotFoundError', 'TruncatedFileError']),
    );
  });

  for (const [name, Cls] of classes) {
    it(`${name}, built from sample facts`, () => {
      for (const variant of VARIANTS) {
        const { body } = sent(new Cls(facts(variant)));
        expect(body.error.name).toBe(name);
        expect(body.error.message, JSON.stringify(variant)).not.toMatch(CLI_WORDS);
      }
    });
  }

  it('sends the next step beside the message, as a fact', () => {
    const err = classes.find(([n]) => n === 'DuplicateAccountError')![1];
    const { status, body } = sent(new err({ address: '5Grw…', name: 'Alice' }));
    expect(status).toBe(409);
    expect(body.error).toEqual({
      name: 'DuplicateAccountError',
      message: 'The account 5Grw… is already in the vault as "Alice"; nothing was changed.',
      next: { do: 'replace-duplicate' },
      kind: 'conflict',
      field: 'phrase',
    });
  });
});

// The errors real requests meet, with the wording their call sites give, through the running server.

const PW = 'file pässword';
type JsonVector = { keyType: string; password: string; file: Record<string, unknown> };
const vectors = loadVectors<{ json: JsonVector[] }>('polkadot-js');
const SR = vectors.json.find((v) => v.keyType === 'sr25519')!;
let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'server-messages', free: 1000 });
});
afterAll(() => server.stop());

async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> & { error?: { name: string; message: string; next?: unknown } } }> {
  const res = await server.post(url, body);
  const json = res.json() as Record<string, unknown>;
  // Everything the page may show: the message, report entries, notes.
  expect(JSON.stringify(json), url).not.toMatch(CLI_WORDS);
  return { status: res.statusCode, json };
}

describe('the server, on requests that fail: no flag, command or Markdown anywhere in the answer', () => {
  it('an address of another network names the network, as a next step', async () => {
    const polkadot = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
    const r = await post('/api/addresses/add', { address: polkadot, name: 'p', network: 'kusama' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ name: 'InvalidAddressError', next: { do: 'choose-network', network: 'polkadot', label: 'Polkadot Relay Chain' } });
    const eth = await post('/api/addresses/add', { address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', name: 'e', network: 'kusama' });
    expect(eth.json.error).toMatchObject({ name: 'InvalidAddressError', next: { do: 'network-from-address' } });
  });

  it('an account file given to the whole-wallet import, and a whole-wallet backup given to restore', async () => {
    const account = JSON.stringify(SR.file);
    const imp = await post('/api/backup/import', { files: [{ name: 'alice.json', text: account }], password: SR.password });
    expect(imp.json.error).toMatchObject({ name: 'FormatNotSupportedError', next: { do: 'use-restore' } });
    const { backupExport } = await import('../wallet/backup/export.js');
    const { json: whole } = await backupExport(server.vault, 'backup pässword');
    const restore = await post('/api/restore', { files: [{ name: 'whole.json', text: whole }], password: 'backup pässword' });
    expect((restore.json['failed'] as { error: unknown }[])[0]!.error).toMatchObject({ name: 'FormatNotSupportedError', next: { do: 'use-backup-import' } });
  });

  it('empty and cut-off files, a usage error, an unknown account, a duplicate, a short password', async () => {
    const empty = await post('/api/inspect', { files: [{ name: 'empty.json', text: '' }] });
    expect(empty.json.error).toMatchObject({ name: 'EmptyFileError' });
    const cut = await post('/api/inspect', { files: [{ name: 'cut.json', text: JSON.stringify(SR.file).slice(0, 300) }] });
    expect(cut.json.error).toMatchObject({ name: 'TruncatedFileError' });
    expect((await post('/api/accounts/rename', { address: 'nobody', name: 'x' })).json.error).toMatchObject({
      name: 'AccountNotFoundError',
      next: { do: 'list', what: 'accounts' },
    });
    expect((await post('/api/accounts/add', { name: 'x' })).json.error).toMatchObject({ name: 'UsageError' });
    const phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    expect((await post('/api/accounts/add', { name: 'a', suri: phrase, password: 'short' })).json.error!.message).toBe(
      'An account password has at least 6 characters. Choose a longer one.',
    );
    expect((await post('/api/accounts/add', { name: 'a', suri: phrase, password: PW })).status).toBe(200);
    // Adding a key already in the vault can update it: the page offers "Update the existing account".
    expect((await post('/api/accounts/add', { name: 'b', suri: phrase, password: PW })).json.error).toMatchObject({
      name: 'DuplicateAccountError',
      next: { do: 'update-duplicate', relock: true },
    });
    expect((await post('/api/accounts/export-all', { password: 'short' })).json.error!.message).toBe(
      'A batch password has at least 6 characters. Choose a longer one.',
    );
  });

  it('inspect notes of a file older wallets refuse: neutral sentences, and the step as a fact', async () => {
    const r = await post('/api/inspect', { files: [{ name: 'alice.json', text: JSON.stringify(SR.file) }] });
    if (r.json['olderWallets'] === false) expect(r.json['next']).toEqual({ do: 'kdf-compat' });
    const { accountExport } = await import('../wallet/export.js');
    const { json } = await accountExport(server.vault, 'a', { password: PW });
    const current = await post('/api/inspect', { files: [{ name: 'a.json', text: json }] });
    expect(current.json['olderWallets']).toBe(false);
    // Beside the note on where it restores (its address format is shared: issue 17), every note a neutral sentence.
    const notes = current.json['notes'] as string[];
    expect(notes).toContainEqual(expect.stringMatching(/wallets from before mid-2025 refuse it\.$/));
    for (const note of notes) expect(note).not.toMatch(/--[a-z]|`|keepsake [a-z]/);
    expect(current.json['next']).toEqual({ do: 'kdf-compat' });
  });
});
