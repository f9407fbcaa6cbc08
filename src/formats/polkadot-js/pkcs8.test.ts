import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes } from '../../crypto/bytes.js';
import { PKCS8_DIVIDER, PKCS8_HEADER, PKCS8_LENGTHS, pkcs8Decode, pkcs8Encode } from './pkcs8.js';

describe('pkcs8Encode / pkcs8Decode', () => {
  it('uses the framing bytes Polkadot{.js} writes (keyring pair/defaults.ts)', () => {
    expect(bytesToHex(PKCS8_HEADER)).toBe('0x3053020101300506032b657004220420');
    expect(bytesToHex(PKCS8_DIVIDER)).toBe('0xa123032100');
  });

  it('lays out header ‖ secret ‖ divider ‖ public', () => {
    const secret = new Uint8Array(64).fill(1);
    const pub = new Uint8Array(32).fill(2);
    const encoded = pkcs8Encode(secret, pub);
    expect(bytesToHex(encoded)).toBe(bytesToHex(concatBytes(PKCS8_HEADER, secret, PKCS8_DIVIDER, pub)));
    expect(PKCS8_LENGTHS).toContain(encoded.length);
  });

  it('round-trips every layout a file can hold (64+32, 32+33, 32+32)', () => {
    const layout = fc.constantFrom([64, 32], [32, 33], [32, 32]);
    fc.assert(
      fc.property(layout, fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ minLength: 33, maxLength: 33 }), ([s, p], sBytes, pBytes) => {
        const secret = sBytes.slice(0, s);
        const pub = pBytes.slice(0, p);
        const encoded = pkcs8Encode(secret, pub);
        expect(PKCS8_LENGTHS).toContain(encoded.length);
        const parts = pkcs8Decode(encoded);
        expect(parts).toBeDefined();
        expect(bytesToHex(parts!.secretKey)).toBe(bytesToHex(secret));
        expect(bytesToHex(parts!.publicKey)).toBe(bytesToHex(pub));
      }),
    );
  });

  it('is undefined for a wrong header, a missing divider or a public part of the wrong size', () => {
    const good = pkcs8Encode(new Uint8Array(64).fill(9), new Uint8Array(32).fill(8));
    const badHeader = good.slice();
    badHeader[0] = 0;
    expect(pkcs8Decode(badHeader)).toBeUndefined();
    const badDivider = good.slice();
    badDivider[16 + 64] = 0;
    expect(pkcs8Decode(badDivider)).toBeUndefined();
    expect(pkcs8Decode(good.subarray(0, good.length - 1))).toBeUndefined();
    expect(pkcs8Decode(concatBytes(good, new Uint8Array([0, 0])))).toBeUndefined();
    expect(pkcs8Decode(new Uint8Array(0))).toBeUndefined();
    expect(pkcs8Decode(PKCS8_HEADER)).toBeUndefined();
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 140 }), (tail) => {
        pkcs8Decode(concatBytes(PKCS8_HEADER, tail));
        pkcs8Decode(tail);
      }),
    );
  });
});
