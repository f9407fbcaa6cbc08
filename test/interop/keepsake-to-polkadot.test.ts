/**
 * keepsake → Polkadot{.js}: a file keepsake writes (`polkadotJsWrite`) is one Polkadot{.js} opens
 * with the same password (`keyring.addFromJson` + `decodePkcs8`), giving the same address, public key
 * and secret — and it is the very file util-crypto would build from the same salt and nonce.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyringPair$Json, KeyringPair$Meta } from '@polkadot/keyring/types';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { signatureVerify } from '@polkadot/util-crypto';
import { SCRYPT_COMPAT, SCRYPT_DEFAULT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { accountAddress } from '../../src/keys/account.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { schemeLoad } from '../../src/keys/scheme.js';
import type { KeyPair } from '../../src/keys/types.js';
import {
  KEY_TYPES,
  PKCS8_DIVIDER,
  PKCS8_HEADER,
  asFile,
  hex,
  keyringFor,
  mnemonicArb,
  oracleToJson,
  passwordArb,
  prefixArb,
  runs,
  suriArb,
  type KeyType,
} from './oracle.js';

/** The address keepsake shows for a pair: SS58 at `prefix`, or EIP-55 for ethereum. */
async function keepsakeAddress(pair: KeyPair, prefix: number): Promise<string> {
  const scheme = await schemeLoad(pair.type);
  return accountAddress(pair.type, scheme.accountId(pair.publicKey), prefix);
}

/** Polkadot{.js} opens the file with the password and holds exactly keepsake's key. */
async function expectOpensInKeyring(type: KeyType, suri: string, pair: KeyPair, json: KeyringPair$Json, password: string, prefix: number): Promise<void> {
  const address = await keepsakeAddress(pair, prefix);
  const keyring = keyringFor(type, prefix);
  const imported = keyring.addFromJson(json);
  expect(imported.type).toBe(type);
  expect(imported.isLocked).toBe(true);
  expect(imported.address).toBe(address);

  imported.decodePkcs8(password);
  expect(imported.isLocked).toBe(false);
  expect(hex(imported.publicKey)).toBe(hex(pair.publicKey));
  expect(imported.address).toBe(address);
  // The secret Polkadot{.js} now holds, in its own pkcs8 framing, is keepsake's byte for byte.
  expect(hex(imported.encodePkcs8())).toBe(hex(u8aConcat(PKCS8_HEADER, pair.secretKey, PKCS8_DIVIDER, pair.publicKey)));
  // And it signs as that account.
  const message = stringToU8a(`keepsake interop ${suri.length}`);
  expect(signatureVerify(message, imported.sign(message), address).isValid).toBe(true);

  // Polkadot{.js} derives the same account from the same SURI.
  expect(keyring.createFromUri(suri, {}, type).address).toBe(address);
}

describe.each(KEY_TYPES)('%s: a file keepsake writes opens in Polkadot{.js}', (type) => {
  it('scrypt N=2^15 (--kdf compat): random SURIs, non-ASCII passwords and network prefixes', async () => {
    await fc.assert(
      fc.asyncProperty(suriArb(type), passwordArb, prefixArb, fc.string({ unit: 'grapheme', maxLength: 20 }), async ({ suri }, password, prefix, name) => {
        const pair = await pairFromSuri(suri, type);
        const meta = { name, whenCreated: 1_700_000_000_000, genesisHash: null };
        const json = asFile<KeyringPair$Json>(await polkadotJsWrite(pair, password, { params: SCRYPT_COMPAT, prefix, meta }));
        expect(json.meta).toEqual(meta);
        await expectOpensInKeyring(type, suri, pair, json, password, prefix);
      }),
      { numRuns: runs(6) },
    );
  });

  it("scrypt N=2^17 (keepsake's default, what Polkadot{.js} writes today)", async () => {
    await fc.assert(
      fc.asyncProperty(suriArb(type), passwordArb, async ({ suri }, password) => {
        const pair = await pairFromSuri(suri, type);
        const json = asFile<KeyringPair$Json>(await polkadotJsWrite(pair, password));
        // N=2^17, p=1, r=8 in the header (salt[32] ‖ N ‖ p ‖ r, u32le).
        const header = Buffer.from(json.encoded, 'base64');
        expect([header.readUInt32LE(32), header.readUInt32LE(36), header.readUInt32LE(40)]).toEqual([SCRYPT_DEFAULT.N, SCRYPT_DEFAULT.p, SCRYPT_DEFAULT.r]);
        const imported = keyringFor(type).addFromJson(json);
        imported.unlock(password);
        expect(hex(imported.publicKey)).toBe(hex(pair.publicKey));
        expect(imported.address).toBe(await keepsakeAddress(pair, 42));
        expect(hex(imported.encodePkcs8())).toBe(hex(u8aConcat(PKCS8_HEADER, pair.secretKey, PKCS8_DIVIDER, pair.publicKey)));
      }),
      { numRuns: runs(1) },
    );
  });

  it('is byte for byte the file util-crypto builds from the same key, salt and nonce', async () => {
    await fc.assert(
      fc.asyncProperty(
        suriArb(type),
        passwordArb,
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 24, maxLength: 24 }),
        async ({ suri }, password, salt, nonce) => {
          const pair = await pairFromSuri(suri, type);
          const meta: KeyringPair$Meta = { name: 'byte for byte', tags: ['a', 'b'], whenCreated: 1 };
          // keepsake asks for a 32-byte salt and a 24-byte nonce; hand each its bytes whatever the order.
          const random = (length: number) => {
            if (length === 32) return salt.slice();
            if (length === 24) return nonce.slice();
            throw new Error(`unexpected request for ${length} random bytes`);
          };
          const written = await polkadotJsWrite(pair, password, { params: SCRYPT_COMPAT, meta, random });
          const oraclePair = keyringFor(type).createFromPair({ publicKey: pair.publicKey, secretKey: pair.secretKey }, meta, type);
          const expected = oracleToJson(oraclePair, password, SCRYPT_COMPAT, meta, salt, nonce);
          // Same fields, same order, same bytes.
          expect(JSON.stringify(written)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: runs(3) },
    );
  });
});

describe('passwords that look like hex', () => {
  it('Polkadot{.js} hex-decodes a 0x… password (util u8aToU8a), so keepsake does too: 0xDEADBEEF and 0xdeadbeef are one password', async () => {
    await fc.assert(
      fc.asyncProperty(mnemonicArb, fc.uint8Array({ maxLength: 12 }), fc.constantFrom(...KEY_TYPES), async (phrase, bytes, type) => {
        const pair = await pairFromSuri(phrase, type);
        const lower = hex(bytes);
        const upper = '0x' + lower.slice(2).toUpperCase();
        const json = asFile<KeyringPair$Json>(await polkadotJsWrite(pair, upper, { params: SCRYPT_COMPAT }));
        const imported = keyringFor(type).addFromJson(json);
        imported.decodePkcs8(lower);
        expect(hex(imported.publicKey)).toBe(hex(pair.publicKey));
      }),
      { numRuns: runs(3) },
    );
  });
});
