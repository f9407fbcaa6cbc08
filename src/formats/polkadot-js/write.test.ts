import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../crypto/bytes.js';
import type { RandomSource } from '../../crypto/random.js';
import { accountAddress } from '../../keys/account.js';
import { pairFromSuri } from '../../keys/fromSuri.js';
import { schemeLoad } from '../../keys/scheme.js';
import { KEY_TYPES } from '../../keys/types.js';
import { base64Decode } from '../json.js';
import { SCRYPT_COMPAT, scryptHeaderRead } from './kdf.js';
import { polkadotJsOpen } from './open.js';
import { polkadotJsParse } from './parse.js';
import { polkadotJsWrite } from './write.js';

/** Deterministic bytes, so a file can be rebuilt byte for byte. */
function counter(): RandomSource {
  let next = 0;
  return (n) => Uint8Array.from({ length: n }, () => next++ & 0xff);
}

const SURI: Record<(typeof KEY_TYPES)[number], string> = {
  sr25519: '//Alice',
  ed25519: '//Alice',
  ecdsa: '//Alice',
  ethereum: "bottom drive obey lake curtain smoke basket hold race lonely fit walk/m/44'/60'/0'/0/0",
};

describe('polkadotJsWrite', () => {
  for (const type of KEY_TYPES) {
    it(`writes a ${type} file that opens again to the same key`, async () => {
      const pair = await pairFromSuri(SURI[type], type);
      const meta = { name: `${type} account`, whenCreated: 1, custom: { kept: true } };
      const json = await polkadotJsWrite(pair, 'p4ss-wörd', { meta, params: SCRYPT_COMPAT, prefix: 2 });
      expect(Object.keys(json)).toEqual(['encoded', 'encoding', 'address', 'meta']);
      expect(json['encoding']).toEqual({ content: ['pkcs8', type], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
      expect(json['meta']).toEqual(meta);
      // Polkadot{.js} writes the compressed key in hex for secp256k1 types, SS58 otherwise.
      const scheme = await schemeLoad(type);
      expect(json['address']).toBe(
        type === 'ecdsa' || type === 'ethereum' ? bytesToHex(pair.publicKey) : accountAddress(type, scheme.accountId(pair.publicKey), 2),
      );
      expect(scryptHeaderRead(base64Decode(json['encoded'] as string)!).params).toEqual(SCRYPT_COMPAT);

      const parsed = polkadotJsParse(JSON.parse(JSON.stringify(json)));
      if (parsed.kind !== 'single') throw new Error('expected a single-account file');
      const opened = await polkadotJsOpen(parsed, 'p4ss-wörd');
      expect(opened.type).toBe(type);
      expect(bytesToHex(opened.publicKey)).toBe(bytesToHex(pair.publicKey));
      expect(bytesToHex(opened.secretKey)).toBe(bytesToHex(pair.secretKey));
      expect(opened.name).toBe(`${type} account`);
    });
  }

  it('is byte-for-byte reproducible with injected randomness', async () => {
    const pair = await pairFromSuri('//Bob', 'sr25519');
    const a = await polkadotJsWrite(pair, 'pw', { params: SCRYPT_COMPAT, random: counter() });
    const b = await polkadotJsWrite(pair, 'pw', { params: SCRYPT_COMPAT, random: counter() });
    expect(a).toEqual(b);
    // salt = the first 32 bytes the source gives, nonce the next 24 (after N, p, r).
    const bytes = base64Decode(a['encoded'] as string)!;
    expect(bytesToHex(bytes.subarray(0, 32))).toBe(bytesToHex(Uint8Array.from({ length: 32 }, (_, i) => i)));
    expect(bytesToHex(bytes.subarray(44, 68))).toBe(bytesToHex(Uint8Array.from({ length: 24 }, (_, i) => 32 + i)));
    expect(a['address']).toBe('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty');
    expect(a['meta']).toEqual({});
  });
});
