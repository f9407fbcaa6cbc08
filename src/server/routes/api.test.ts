/**
 * The JSON API refuses what the CLI refuses (issue 13 item 3): an unknown value of an enumerated
 * field (kdf, type, words, format, onDuplicate) is a UsageError, HTTP 400 — as the CLI exits 2 —
 * instead of being silently replaced by the default. And `/api/accounts/create`, which answered with
 * a recovery phrase and which no page called, is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppStart, type TestApp } from '../testApp.js';

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'api', free: 100 });
});
afterAll(() => server.stop());

const accounts = async () => (await server.app.inject({ method: 'GET', url: '/api/accounts', headers: server.headers() })).json() as unknown[];

/** The DEV phrase of Substrate (test/vectors/polkadot-js.json): a key anyone may use in a test. */
const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const PASSWORD = 'account-password';

/** A refusal of an unknown choice: 400, a UsageError that names the field and every allowed value. */
function expectChoiceRefused(r: { statusCode: number; json: () => unknown }, sentence: string): void {
  expect(r.statusCode).toBe(400);
  expect(r.json()).toMatchObject({ error: { name: 'UsageError', message: sentence } });
}

describe('an unknown value of an enumerated field is refused (400), not replaced by the default', () => {
  let address: string;
  beforeAll(async () => {
    const added = await server.post('/api/accounts/add', { name: 'Dev', suri: `${DEV}//choices`, password: PASSWORD });
    expect(added.statusCode).toBe(200);
    address = (added.json() as { account: { address: string } }).account.address;
  });

  it('account export: kdf and format', async () => {
    expectChoiceRefused(
      await server.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'fast' }),
      'The field "kdf" is default or compat, not "fast".',
    );
    expectChoiceRefused(
      await server.post('/api/accounts/export', { address, password: PASSWORD, format: 'pdf' }),
      'The field "format" is polkadot-js or ethereum-keystore, not "pdf".',
    );
    // The allowed values still work, and an absent one is still the default.
    const compat = await server.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'compat', format: 'polkadot-js' });
    expect(compat.statusCode).toBe(200);
    const inspected = await server.post('/api/inspect', { files: [{ name: 'compat.json', text: (compat.json() as { json: string }).json }] });
    expect(inspected.json()).toMatchObject({ kdf: { name: 'scrypt', N: 1 << 15 } });
  });

  it('export all: format', async () => {
    expectChoiceRefused(
      await server.post('/api/accounts/export-all', { password: PASSWORD, format: 'zip' }),
      'The field "format" is polkadot-js-batch or apps, not "zip".',
    );
  });

  it('restore: onDuplicate (before any file is opened)', async () => {
    const r = await server.post('/api/restore', { files: [{ name: 'a.json', text: '{}' }], password: PASSWORD, onDuplicate: 'merge' });
    expectChoiceRefused(r, 'The field "onDuplicate" is skip or replace, not "merge".');
  });

  it('a new phrase: words (a number or its text)', async () => {
    expectChoiceRefused(await server.post('/api/identities/generate', { words: 15 }), 'The field "words" is 12 or 24, not "15".');
    expectChoiceRefused(await server.post('/api/identities/generate', { words: 'many' }), 'The field "words" is 12 or 24, not "many".');
    expect((await server.post('/api/identities/generate', { words: 12 })).json()).toMatchObject({ mnemonic: expect.stringMatching(/^(\S+ ){11}\S+$/) });
    expect((await server.post('/api/identities/generate', {})).json()).toMatchObject({ mnemonic: expect.stringMatching(/^(\S+ ){23}\S+$/) });
  });

  it('whole-wallet backup: format', async () => {
    expectChoiceRefused(
      await server.post('/api/backup/export', { password: PASSWORD, format: 'tar' }),
      'The field "format" is keepsake or concordium-desktop, not "tar".',
    );
  });

  it('a value that is not text at all is refused the same way', async () => {
    expectChoiceRefused(
      await server.post('/api/accounts/export', { address, password: PASSWORD, kdf: ['compat'] }),
      'The field "kdf" is default or compat, not "["compat"]".',
    );
  });
});

describe('POST /api/accounts/create', () => {
  it('is gone: 404, no phrase in the answer, no account added', async () => {
    const before = await accounts();
    const r = await server.post('/api/accounts/create', { name: 'New', password: 'secret-password', words: 12 });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { name: 'NotFound', message: 'There is nothing here.' } });
    expect(await accounts()).toEqual(before);
  });
});
