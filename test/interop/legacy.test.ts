/**
 * Older and unusual Polkadot{.js} files keepsake must still read as Polkadot{.js} does: unencrypted
 * files (`type: ["none"]`, what `pair.toJson()` writes without a password) and versions 0–2, whose key
 * is the password's UTF-8 zero-padded to 32 bytes (no scrypt), which may store the 32-byte seed instead
 * of the secret, and may not record the key type at all.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { hexToU8a, stringToU8a, u8aConcat, u8aFixLength, u8aToHex } from '@polkadot/util';
import { base64Encode, naclEncrypt } from '@polkadot/util-crypto';
import { WrongPasswordError } from '../../src/errors/password.js';
import { polkadotJsOpen } from '../../src/formats/polkadot-js/open.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import {
  PKCS8_DIVIDER,
  PKCS8_HEADER,
  asFile,
  hex,
  hexSeedArb,
  keyringFor,
  keyringSecret,
  passwordArb,
  runs,
  suriArb,
  KEY_TYPES,
  parseSingle,
} from './oracle.js';

describe('unencrypted files: pair.toJson() without a password', () => {
  it('open in keepsake with the same key, and inspect says they are not encrypted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KEY_TYPES).chain((type) => suriArb(type).map(({ suri }) => ({ type, suri }))),
        async ({ type, suri }) => {
          const pair = keyringFor(type).addFromUri(suri, { name: 'plain' }, type);
          const json = asFile<KeyringPair$Json>(pair.toJson());
          expect(json.encoding.type).toEqual(['none']);
          const opened = await polkadotJsOpen(parseSingle(json), '');
          expect(opened.address).toBe(pair.address);
          expect(hex(opened.secretKey)).toBe(hex(keyringSecret(pair)));
          const inspected = await inspectFile(JSON.stringify(json));
          expect(inspected.encrypted).toBe(false);
          expect(inspected.kdf).toEqual({ name: 'none' });
        },
      ),
      { numRuns: runs(12) },
    );
  });
});

describe('versions 0–2: the password itself is the key', () => {
  const legacyArb = fc.record({
    type: fc.constantFrom('sr25519' as const, 'ed25519' as const, 'ecdsa' as const),
    seed: hexSeedArb,
    password: passwordArb,
    version: fc.constantFrom('0', '1', '2'),
    // Generations 1–2 stored the 32-byte seed; generation 3 the full secret.
    storesSeed: fc.boolean(),
    recordsType: fc.boolean(),
    typeAsString: fc.boolean(),
    hexEncoded: fc.boolean(),
  });

  it('open in keepsake as in Polkadot{.js}: same account, same secret; a wrong password is WrongPasswordError', async () => {
    await fc.assert(
      fc.asyncProperty(legacyArb, passwordArb, async (c, wrong) => {
        const pair = keyringFor(c.type).addFromUri(c.seed, { name: 'legacy' }, c.type);
        const secret = c.storesSeed ? hexToU8a(c.seed) : keyringSecret(pair);
        const plaintext = u8aConcat(PKCS8_HEADER, secret, PKCS8_DIVIDER, pair.publicKey);
        // util-crypto json/decryptData.ts: u8aFixLength(stringToU8a(password), 256, true), no hex reading here.
        const { encrypted, nonce } = naclEncrypt(plaintext, u8aFixLength(stringToU8a(c.password), 256, true));
        const body = u8aConcat(nonce, encrypted);
        // Version 0, or a content that is not a list, leaves the key type to the reader.
        const recorded = c.recordsType && c.version !== '0';
        const json = {
          address: c.type === 'ecdsa' ? u8aToHex(pair.publicKey) : pair.address,
          encoded: c.hexEncoded ? u8aToHex(body) : base64Encode(body),
          encoding: {
            content: recorded ? ['pkcs8', c.type] : 'pkcs8',
            type: c.typeAsString ? 'xsalsa20-poly1305' : ['xsalsa20-poly1305'],
            version: c.version,
          },
          meta: { name: 'legacy' },
        };

        // Polkadot{.js} reads it with a keyring of the right default type.
        const imported = keyringFor(c.type).addFromJson(json as unknown as KeyringPair$Json);
        imported.decodePkcs8(c.password);
        expect(imported.address).toBe(pair.address);

        const opened = await polkadotJsOpen(parseSingle(asFile(json)), c.password);
        expect(opened.type).toBe(c.type);
        expect(opened.address).toBe(pair.address);
        expect(hex(opened.publicKey)).toBe(hex(pair.publicKey));
        expect(hex(opened.secretKey)).toBe(hex(keyringSecret(imported)));

        // The 32-byte key is the password's first 32 bytes: only a difference there is a wrong password.
        const key = (p: string) => hex(u8aFixLength(stringToU8a(p), 256, true));
        if (key(wrong) !== key(c.password)) {
          await expect(polkadotJsOpen(parseSingle(asFile(json)), wrong)).rejects.toBeInstanceOf(WrongPasswordError);
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
