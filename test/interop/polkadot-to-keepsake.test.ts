/**
 * Polkadot{.js} → keepsake: a file Polkadot{.js} writes (`pair.toJson`, or util-crypto's primitives
 * with the older N=2^15 parameters) opens in keepsake with the same password, giving the account
 * Polkadot{.js} holds: same public key, same address, same secret bytes. `verify` and `inspect` agree.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { KdfParamsTooLargeError, UnsupportedKdfParamsError } from '../../src/errors/kdf.js';
import { SCRYPT_COMPAT, SCRYPT_DEFAULT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../../src/formats/polkadot-js/open.js';
import type { ScryptParams } from '../../src/crypto/scrypt.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import { verifyFile } from '../../src/wallet/verify.js';
import {
  KEY_TYPES,
  asFile,
  hex,
  keyringFor,
  keyringSecret,
  mnemonicArb,
  oracleToJson,
  passwordArb,
  prefixArb,
  runs,
  suriArb,
  type KeyType,
  parseSingle,
} from './oracle.js';

/** secp256k1 files carry a hex public key, not an address: the network prefix is not in the file. */
function filePrefix(type: KeyType, prefix: number): number {
  return type === 'ecdsa' || type === 'ethereum' ? 42 : prefix;
}

/** keepsake opens the file and holds exactly the key the keyring pair holds. */
async function expectOpensInKeepsake(pair: KeyringPair, json: KeyringPair$Json, password: string, params: ScryptParams, checkVerify: boolean): Promise<void> {
  const type = pair.type as KeyType;
  const file = parseSingle(json);
  expect(file.keyType).toBe(type);
  const opened = await polkadotJsOpen(file, password);
  expect(opened.type).toBe(type);
  expect(hex(opened.publicKey)).toBe(hex(pair.publicKey));
  expect(opened.address).toBe(pair.address);
  expect(hex(opened.accountId)).toBe(hex(pair.addressRaw));
  expect(opened.name).toBe(pair.meta.name);
  // The decrypted secret is the one the keyring holds (for sr25519 soft paths: its random nonce too).
  expect(hex(opened.secretKey)).toBe(hex(keyringSecret(pair)));

  const text = JSON.stringify(json);
  const inspected = await inspectFile(text);
  expect(inspected.format).toBe('polkadot-js');
  expect(inspected.kdf).toEqual({ name: 'scrypt', ...params });
  expect(inspected.olderWallets).toBe(params.N === SCRYPT_COMPAT.N);
  expect(inspected.accounts).toMatchObject([{ address: pair.address, name: pair.meta.name ?? null, type }]);

  if (checkVerify) {
    const report = await verifyFile(text, password);
    expect(report.ok).toBe(true);
    // toMatchObject: reports may gain fields (DESIGN.md: "add fields freely; never rename these").
    expect(report.accounts).toMatchObject([
      { address: pair.address, publicKey: hex(pair.publicKey), type, name: pair.meta.name ?? null, ok: true, error: null },
    ]);
  }
}

describe.each(KEY_TYPES)('%s: a file Polkadot{.js} writes opens in keepsake', (type) => {
  it('pair.toJson(password): scrypt N=2^17, as Polkadot{.js} writes today', async () => {
    await fc.assert(
      fc.asyncProperty(suriArb(type), passwordArb, prefixArb, fc.string({ unit: 'grapheme', maxLength: 20 }), async ({ suri }, password, prefix, name) => {
        const keyring = keyringFor(type, filePrefix(type, prefix));
        const pair = keyring.addFromUri(suri, { name, whenCreated: 1_700_000_000_000 }, type);
        const json = asFile<KeyringPair$Json>(pair.toJson(password));
        await expectOpensInKeepsake(pair, json, password, SCRYPT_DEFAULT, false);
      }),
      { numRuns: runs(3) },
    );
  });

  it('util-crypto scryptEncode + naclEncrypt with N=2^15, as wallets before mid-2025 write', async () => {
    await fc.assert(
      fc.asyncProperty(suriArb(type), passwordArb, prefixArb, fc.string({ unit: 'binary', maxLength: 20 }), async ({ suri }, password, prefix, name) => {
        const keyring = keyringFor(type, filePrefix(type, prefix));
        const pair = keyring.addFromUri(suri, { name }, type);
        const json = asFile<KeyringPair$Json>(oracleToJson(pair, password, SCRYPT_COMPAT));
        await expectOpensInKeepsake(pair, json, password, SCRYPT_COMPAT, true);
      }),
      { numRuns: runs(6) },
    );
  });
});

describe('the N=2^15 files built here are the files Polkadot{.js} writes, apart from N', () => {
  it('same fields, order, address form and plaintext as pair.toJson', async () => {
    for (const type of KEY_TYPES) {
      const phrase = fc.sample(mnemonicArb, { numRuns: 1, seed: 42 })[0]!;
      const pair = keyringFor(type).addFromUri(phrase, { name: 'same shape' }, type);
      const real = asFile<KeyringPair$Json>(pair.toJson('pw'));
      const built = asFile<KeyringPair$Json>(oracleToJson(pair, 'pw', SCRYPT_COMPAT));
      expect(Object.keys(built)).toEqual(Object.keys(real));
      expect({ ...built, encoded: '' }).toEqual({ ...real, encoded: '' });
      expect(hex((await polkadotJsOpen(parseSingle(built), 'pw')).secretKey)).toBe(hex(keyringSecret(pair)));
    }
  });
});

describe('passwords that look like hex', () => {
  it('a file Polkadot{.js} locked with 0xdeadbeef opens in keepsake with 0xdeadbeef and 0xDEADBEEF (one password there)', async () => {
    const pair = keyringFor('sr25519').addFromUri(fc.sample(mnemonicArb, { numRuns: 1, seed: 7 })[0]!, { name: 'hex' }, 'sr25519');
    const json = asFile<KeyringPair$Json>(oracleToJson(pair, '0xdeadbeef', SCRYPT_COMPAT));
    for (const password of ['0xdeadbeef', '0xDEADBEEF']) {
      const opened = await polkadotJsOpen(parseSingle(json), password);
      expect(opened.address).toBe(pair.address);
    }
  });
});

describe('keepsake and Polkadot{.js} accept the same scrypt parameters (util-crypto scrypt/fromU8a.ts, scrypt/defaults.ts)', () => {
  const phrase = fc.sample(mnemonicArb, { numRuns: 1, seed: 11 })[0]!;

  it.each([
    { N: 1 << 15, p: 3, r: 8 },
    { N: 1 << 15, p: 1, r: 8 },
    { N: 1 << 16, p: 2, r: 8 },
    // N=2^17, p=1, r=8: the pair.toJson tests above.
  ])('N=$N p=$p r=$r opens in keepsake', async (params) => {
    const pair = keyringFor('ed25519').addFromUri(`${phrase}//params`, { name: 'params' }, 'ed25519');
    const json = asFile<KeyringPair$Json>(oracleToJson(pair, 'pässword', params));
    const opened = await polkadotJsOpen(parseSingle(json), 'pässword');
    expect(opened.address).toBe(pair.address);
    expect(hex(opened.secretKey)).toBe(hex(keyringSecret(pair)));
  });

  it.each([
    { params: { N: 1 << 13, p: 10, r: 8 }, error: KdfParamsTooLargeError },
    { params: { N: 1 << 14, p: 5, r: 8 }, error: KdfParamsTooLargeError },
    { params: { N: 1 << 16, p: 1, r: 8 }, error: UnsupportedKdfParamsError },
    { params: { N: 1 << 14, p: 1, r: 8 }, error: UnsupportedKdfParamsError },
  ])('N=$params.N p=$params.p r=$params.r is refused by both, before any scrypt work', async ({ params, error }) => {
    const pair = keyringFor('sr25519').addFromUri(`${phrase}//params`, { name: 'params' }, 'sr25519');
    // A real N=2^15 file with the parameters in its header rewritten: neither reader may get as far as scrypt.
    const json = asFile<KeyringPair$Json>(oracleToJson(pair, 'pässword', SCRYPT_COMPAT));
    const encoded = Buffer.from(json.encoded, 'base64');
    encoded.writeUInt32LE(params.N, 32);
    encoded.writeUInt32LE(params.p, 36);
    encoded.writeUInt32LE(params.r, 40);
    json.encoded = encoded.toString('base64');
    // util-crypto scryptFromU8a: p > 4 "exceed safe limits"; listed but over the caps, or not listed at all, refused.
    expect(() => keyringFor('sr25519').addFromJson(json).decodePkcs8('pässword')).toThrow(/scrypt/i);
    await expect(polkadotJsOpen(parseSingle(json), 'pässword')).rejects.toBeInstanceOf(error);
  });
});
