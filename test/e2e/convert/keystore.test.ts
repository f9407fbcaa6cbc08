/**
 * Ethereum keystore v3 through the CLI: the published vector (inspect, verify, restore), keystores keepsake
 * writes (`account export --format ethereum-keystore`, `convert --to ethereum-keystore`) opened by the
 * independent implementation in ./oracle.ts, keystores that implementation writes read by keepsake, and
 * every refusal with its exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  sandbox,
  expectRefused,
  EXIT,
  okJson,
  type AccountJson,
  type CliResult,
  type Sandbox,
  type InspectJson,
  type RestoreJson,
  type VerifyJson,
} from '../../support/cli.js';
import {
  COMPAT,
  eip55,
  ethAddress,
  ethPrivateKey,
  GETH_LIGHT,
  GETH_STANDARD,
  hex,
  keystoreDecrypt,
  keystoreEncrypt,
  pairFromSeed,
  polkadotOpen,
  polkadotReady,
  polkadotToJson,
  type Json,
} from './oracle.js';
import { loadVectors } from '../../support/vectors.js';

const VECTOR = loadVectors('ethereum-keystore');
const ADDRESS = eip55(VECTOR.expectedAddressLowercase);
const NEW_PW = 'new keystore pässword';
const WRONG = 'Wrong-Password-Never-Shown';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const cryptoOf = (json: Json) => json['crypto'] as Json;

let b: Sandbox;
beforeAll(async () => {
  assertBuilt();
  await polkadotReady();
  b = await sandbox({ manual: true });
  await b.write('vector.json', VECTOR.file);
  await b.secret('vector.pw', VECTOR.password);
  await b.secret('new.pw', NEW_PW);
  await b.secret('wrong.pw', WRONG);
});
afterAll(() => b?.remove());

/** `--json COMMAND FILE --password-file PW` (a file of the sandbox). */
function withPassword(command: 'verify' | 'restore', file: string, pw: string): Promise<CliResult> {
  return b.run(['--json', command, file, '--password-file', b.path(pw)]);
}

/** `account export ADDRESS --format ethereum-keystore --out OUT --password-file PW` (files of the sandbox). */
function exportKeystore(address: string, out: string, pw: string): Promise<CliResult> {
  return b.run(['--json', 'account', 'export', address, '--format', 'ethereum-keystore', '--out', b.path(out), '--password-file', b.path(pw)]);
}

/** `convert FILE --to TO --out OUT` from the password in `pw` to new.pw, with a vault (by default none.sqlite) that it must not create. */
function convert(file: string, to: string, out: string, pw: string, vault = 'none.sqlite'): Promise<CliResult> {
  const args = [file, '--to', to, '--out', b.path(out), '--password-file', b.path(pw), '--new-password-file', b.path('new.pw')];
  return b.run(['--vault', b.path(vault), '--json', 'convert', ...args]);
}

/** A `restore --json` that exited `code` with its one file failed for the error `name`. */
function expectRestoreFailed(r: CliResult, code: number, name: string): void {
  expect(r.code, r.stderr).toBe(code);
  expect((JSON.parse(r.stdout) as RestoreJson).failed.map((f) => f.error.name)).toEqual([name]);
}

describe('the published vector', () => {
  it('inspect: an Ethereum keystore, pbkdf2 with 262144 iterations, one ethereum account', async () => {
    const r = await b.json<InspectJson>(['inspect', b.path('vector.json')]);
    expect(r.format).toBe('ethereum-keystore');
    expect(r.kdf).toEqual({ name: 'pbkdf2-sha256', iterations: 262144 });
    expect(r.accounts).toHaveLength(1);
    expect(r.accounts[0]!.type).toBe('ethereum');
    expect(b.exists('vault.sqlite'), 'inspect does not create the vault').toBe(false);
  });

  it('inspect shows the address a keystore records, EIP-55 checksummed', async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(21));
    await b.write('with-address.json', await keystoreEncrypt(key, 'pw', GETH_LIGHT));
    const r = await b.json<InspectJson>(['inspect', b.path('with-address.json')]);
    expect(r.accounts).toEqual([{ address: eip55(ethAddress(key)), name: null, type: 'ethereum', network: null }]);
    expect(r.kdf).toEqual({ name: 'scrypt', N: 1 << 12, r: 8, p: 6 });
  });

  it('verify: ok, the expected address and a 33-byte public key', async () => {
    const r = await b.json<VerifyJson>(['verify', b.path('vector.json'), '--password-file', b.path('vector.pw')]);
    expect(r.ok).toBe(true);
    expect(r.accounts).toHaveLength(1);
    expect(r.accounts[0]).toMatchObject({ address: ADDRESS, type: 'ethereum', ok: true });
    expect(r.accounts[0]!.publicKey).toMatch(/^0x0[23][0-9a-f]{64}$/);
  });

  it('restore: an ethereum account with the expected address in `account list`', async () => {
    const r = await b.json<RestoreJson>(['restore', b.path('vector.json'), '--password-file', b.path('vector.pw')]);
    expect(r.failed).toEqual([]);
    expect(r.restored.map((a) => a.address)).toEqual([ADDRESS]);
    const list = await b.json<AccountJson[]>(['account', 'list']);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ address: ADDRESS, type: 'ethereum', hasKey: true });
  });

  it('account export --format ethereum-keystore: the independent implementation opens it to the same key', async () => {
    const r = okJson<{ address: string }>(await exportKeystore(ADDRESS, 'exported.json', 'vector.pw'));
    expect(r.address).toBe(ADDRESS);
    const json = (await b.read('exported.json')) as Json;
    expect(json).toMatchObject({ version: 3, address: VECTOR.expectedAddressLowercase.slice(2) });
    expect(cryptoOf(json)).toMatchObject({ cipher: 'aes-128-ctr', kdf: 'scrypt', kdfparams: { n: 1 << 18, r: 8, p: 1, dklen: 32 } });
    const opened = await keystoreDecrypt(json, VECTOR.password); // @noble/hashes scrypt, N=2^18
    expect(hex(opened.privateKey)).toBe(VECTOR.expectedPrivateKey);
    expect(opened.address).toBe(VECTOR.expectedAddressLowercase);
  });

  it('account export (Polkadot{.js} file) of the restored account: @polkadot/keyring opens it to the same key', async () => {
    await b.json(['account', 'export', ADDRESS, '--out', b.path('exported-pjs.json'), '--password-file', b.path('vector.pw')]);
    const opened = polkadotOpen(await b.read('exported-pjs.json'), VECTOR.password);
    expect(opened.type).toBe('ethereum');
    expect(opened.address).toBe(ADDRESS);
    expect(opened.pkcs8).toContain(VECTOR.expectedPrivateKey);
  });

  it('account export --format ethereum-keystore of an sr25519 account: exit 1, the key type named, no file', async () => {
    const pair = pairFromSeed('sr25519', new Uint8Array(32).fill(22), { name: 'Substrate one' });
    await b.write('sr.json', polkadotToJson(pair, 'sr pw', COMPAT));
    await b.secret('sr.pw', 'sr pw');
    await b.json(['restore', b.path('sr.json'), '--password-file', b.path('sr.pw')]);
    const r = await exportKeystore(pair.address, 'sr-ks.json', 'sr.pw');
    const err = expectRefused(r, EXIT.failed, { json: true, name: 'ConversionImpossibleError', secrets: ['sr pw'] });
    expect(err).toContain('sr25519');
    expect(b.exists('sr-ks.json')).toBe(false);
  });

  it('account export --format ethereum-keystore with a wrong password: exit 3, no file', async () => {
    const r = await exportKeystore(ADDRESS, 'wrong-ks.json', 'wrong.pw');
    expectRefused(r, EXIT.wrongPassword, { json: true, name: 'WrongPasswordError', secrets: [WRONG] });
    expect(b.exists('wrong-ks.json')).toBe(false);
  });

  it('convert --to ethereum-keystore with a new password: opened by the independent implementation; the vault is not touched', async () => {
    const r = await convert(b.path('vector.json'), 'ethereum-keystore', 'converted.json', 'vector.pw', 'convert-vault.sqlite');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: 'ethereum-keystore', to: 'ethereum-keystore', accounts: 1 });
    const opened = await keystoreDecrypt((await b.read('converted.json')) as Json, NEW_PW, 'node');
    expect(hex(opened.privateKey)).toBe(VECTOR.expectedPrivateKey);
    expect(b.exists('convert-vault.sqlite')).toBe(false);
  });
});

describe('keystores written by the independent implementation', () => {
  it('geth light (scrypt N=2^12, r=8, p=6): verify ok, restore adds it', async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(23));
    await b.write('light.json', await keystoreEncrypt(key, 'light pw', GETH_LIGHT));
    await b.secret('light.pw', 'light pw');
    const v = await b.json<VerifyJson>(['verify', b.path('light.json'), '--password-file', b.path('light.pw')]);
    expect(v.ok).toBe(true);
    expect(v.accounts[0]!.address).toBe(eip55(ethAddress(key)));
    const r = await b.json<RestoreJson>(['restore', b.path('light.json'), '--password-file', b.path('light.pw')]);
    expect(r.restored.map((a) => a.address)).toEqual([eip55(ethAddress(key))]);
    expect((await b.json<AccountJson[]>(['account', 'list'])).map((a) => a.address)).toContain(eip55(ethAddress(key)));
  });

  it('geth standard (scrypt N=2^18, r=8, p=1): verify ok', async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(24));
    await b.write('standard.json', await keystoreEncrypt(key, 'std pw', GETH_STANDARD));
    await b.secret('std.pw', 'std pw');
    const v = await b.json<VerifyJson>(['verify', b.path('standard.json'), '--password-file', b.path('std.pw')]);
    expect(v).toMatchObject({ ok: true, accounts: [{ address: eip55(ethAddress(key)), type: 'ethereum', ok: true }] });
  });

  it("pbkdf2 with no address field: verify ok with the key's address", async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(25));
    await b.write('pbkdf2.json', await keystoreEncrypt(key, 'p pw', { kdf: 'pbkdf2', c: 4096 }, { address: null }));
    await b.secret('p.pw', 'p pw');
    const v = await b.json<VerifyJson>(['verify', b.path('pbkdf2.json'), '--password-file', b.path('p.pw')]);
    expect(v).toMatchObject({ ok: true, accounts: [{ address: eip55(ethAddress(key)) }] });
  });
});

describe('refusals', () => {
  let before: AccountJson[];
  beforeAll(async () => {
    before = await b.json<AccountJson[]>(['account', 'list']);
  });
  afterAll(async () => {
    // Nothing above changed the vault.
    expect(await b.json<AccountJson[]>(['account', 'list'])).toEqual(before);
  });

  it('a wrong password: verify, restore and convert exit 3 (no output file)', async () => {
    expectRefused(await withPassword('verify', b.path('vector.json'), 'wrong.pw'), EXIT.wrongPassword, {
      json: true,
      name: 'WrongPasswordError',
      secrets: [WRONG],
    });
    expectRestoreFailed(await withPassword('restore', b.path('vector.json'), 'wrong.pw'), EXIT.wrongPassword, 'WrongPasswordError');
    expectRefused(await convert(b.path('vector.json'), 'polkadot-js', 'no.json', 'wrong.pw'), EXIT.wrongPassword, {
      json: true,
      name: 'WrongPasswordError',
      secrets: [WRONG, NEW_PW],
    });
    expect(b.exists('no.json')).toBe(false);
    expect(b.exists('none.sqlite')).toBe(false);
  });

  it.each([
    ['mac', (j: Json) => flip(cryptoOf(j), 'mac')],
    ['ciphertext', (j: Json) => flip(cryptoOf(j), 'ciphertext')],
  ])('a flipped %s byte: verify exits 3 (the MAC fails, as for a wrong password)', async (field, alter) => {
    const json = clone(VECTOR.file);
    alter(json);
    await b.write(`flipped-${field}.json`, json);
    expectRefused(await withPassword('verify', b.path(`flipped-${field}.json`), 'vector.pw'), EXIT.wrongPassword, {
      json: true,
      name: 'WrongPasswordError',
      secrets: [VECTOR.password],
    });
  });

  it("an address that is not the key's: verify, restore and convert exit 1 with AddressMismatchError", async () => {
    const key = ethPrivateKey(new Uint8Array(32).fill(26));
    const claimed = ethAddress(ethPrivateKey(new Uint8Array(32).fill(27)));
    await b.write('mismatch.json', await keystoreEncrypt(key, 'm pw', GETH_LIGHT, { address: claimed.slice(2) }));
    await b.secret('m.pw', 'm pw');
    const v = await withPassword('verify', b.path('mismatch.json'), 'm.pw');
    expect(v.code, v.stderr).toBe(EXIT.failed);
    const report = JSON.parse(v.stdout) as VerifyJson;
    expect(report.ok).toBe(false);
    expect(report.accounts[0]!.error?.name).toBe('AddressMismatchError');
    expectRestoreFailed(await withPassword('restore', b.path('mismatch.json'), 'm.pw'), EXIT.failed, 'AddressMismatchError');
    const c = await convert(b.path('mismatch.json'), 'polkadot-js', 'mm-out.json', 'm.pw');
    const err = expectRefused(c, EXIT.failed, { json: true, name: 'ConversionImpossibleError', secrets: ['m pw', NEW_PW] });
    expect(err).toContain(eip55(ethAddress(key)));
    expect(b.exists('mm-out.json')).toBe(false);
  });

  it.each([
    ['scrypt n=2^21', { kdf: 'scrypt', kdfparams: { dklen: 32, n: 1 << 21, r: 8, p: 1 } }],
    ['scrypt r=17', { kdf: 'scrypt', kdfparams: { dklen: 32, n: 1 << 12, r: 17, p: 1 } }],
    ['scrypt n=2^20, p=4 (N·r·p = 2^25)', { kdf: 'scrypt', kdfparams: { dklen: 32, n: 1 << 20, r: 8, p: 4 } }],
    ['pbkdf2 c=2^40', { kdf: 'pbkdf2', kdfparams: { dklen: 32, c: 2 ** 40, prf: 'hmac-sha256' } }],
  ])('%s: inspect, verify, restore and convert exit 1 with KdfParamsTooLargeError', async (name, change) => {
    const json = clone(VECTOR.file);
    const c = cryptoOf(json);
    c['kdf'] = change.kdf;
    c['kdfparams'] = { ...change.kdfparams, salt: (c['kdfparams'] as Json)['salt'] };
    const file = await b.write(`caps-${name.replace(/\W+/g, '-')}.json`, json);
    expectRefused(await b.run(['--json', 'inspect', file]), EXIT.failed, { json: true, name: 'KdfParamsTooLargeError' });
    expectRefused(await withPassword('verify', file, 'vector.pw'), EXIT.failed, { json: true, name: 'KdfParamsTooLargeError' });
    expectRestoreFailed(await withPassword('restore', file, 'vector.pw'), EXIT.failed, 'KdfParamsTooLargeError');
    expectRefused(await convert(file, 'polkadot-js', 'caps-out.json', 'vector.pw'), EXIT.failed, { json: true, name: 'KdfParamsTooLargeError' });
    expect(b.exists('caps-out.json')).toBe(false);
  });

  it.each([
    ['crypto.cipherparams', ['cipherparams']],
    ['crypto.ciphertext', ['ciphertext']],
    ['crypto.mac', ['mac']],
    ['crypto.kdf', ['kdf']],
    ['crypto.kdfparams', ['kdfparams']],
    ['crypto.kdfparams.salt', ['kdfparams', 'salt']],
    ['crypto.kdfparams.c', ['kdfparams', 'c']],
    ['crypto.kdfparams.dklen', ['kdfparams', 'dklen']],
  ])('without %s: inspect and verify exit 1 with CorruptFileError, never a TypeError', async (name, path) => {
    const json = clone(VECTOR.file);
    let o = cryptoOf(json);
    for (const k of path.slice(0, -1)) o = o[k] as Json;
    delete o[path[path.length - 1]!];
    const file = await b.write(`missing-${name}.json`, json);
    for (const args of [
      ['inspect', file],
      ['verify', file, '--password-file', b.path('vector.pw')],
    ]) {
      const r = await b.run(['--json', ...args]);
      const err = expectRefused(r, EXIT.failed, { json: true, name: 'CorruptFileError' });
      expect(err.toLowerCase()).toContain(name.split('.').at(-1)!.toLowerCase());
      expect(r.stderr).not.toMatch(/TypeError|Cannot read prop/);
    }
  });
});

function flip(o: Json, field: string): void {
  const bytes = Buffer.from(String(o[field]), 'hex');
  bytes[7]! ^= 0x80;
  o[field] = bytes.toString('hex');
}
