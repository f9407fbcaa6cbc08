/**
 * The browser's stand-in for the two @polkadot/util-crypto functions the Polkadot identicon calls
 * (web/src/polkadotUtilCrypto.ts; issue 12 item 12) gives what the real package gives: the same
 * BLAKE2b digests and the same public key out of an SS58 address of any prefix (one- and two-byte),
 * and a refusal where util-crypto refuses (a bad checksum, the reserved prefixes). So the circles the
 * page draws are Polkadot{.js}' own; the browser test compares the drawn circles too.
 */
import { base58Encode, blake2AsU8a as realBlake2, cryptoWaitReady, decodeAddress as realDecode, encodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2AsU8a, decodeAddress } from '../../web/src/polkadotUtilCrypto.js';

const hex = (u8: Uint8Array) => Buffer.from(u8).toString('hex');

beforeAll(async () => {
  await cryptoWaitReady();
});

describe("the identicon's util-crypto stand-in", () => {
  it("blake2AsU8a(data, 512) and (data, 256) equal util-crypto's", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(256 as const, 512 as const), (data, bits) => {
        expect(hex(blake2AsU8a(data, bits))).toBe(hex(realBlake2(data, bits)));
      }),
      { numRuns: 200 },
    );
  });

  it('decodeAddress gives the key util-crypto gives, for any registered-style prefix (0–16383, not 46/47)', () => {
    const prefix = fc.integer({ min: 0, max: 16383 }).filter((p) => p !== 46 && p !== 47);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), prefix, (key, p) => {
        const address = encodeAddress(key, p);
        expect(hex(decodeAddress(address))).toBe(hex(realDecode(address)));
        expect(hex(decodeAddress(address))).toBe(hex(key));
      }),
      { numRuns: 300 },
    );
  });

  it('a 0x public key is taken as it is, as util-crypto does', () => {
    const key = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
    expect(hex(decodeAddress(key))).toBe(hex(realDecode(key)));
  });

  it('refuses what util-crypto refuses: a changed character (checksum), not base58, a reserved prefix', () => {
    const good = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
    const bad = good.slice(0, 10) + (good[10] === 'z' ? 'y' : 'z') + good.slice(11);
    // util-crypto will not encode prefix 46 (reserved): made by hand, with a right checksum.
    const body = Uint8Array.from([46, ...new Uint8Array(32).fill(7)]);
    const sum = realBlake2(Uint8Array.from([...new TextEncoder().encode('SS58PRE'), ...body]), 512);
    const reserved = base58Encode(Uint8Array.from([...body, sum[0]!, sum[1]!]));
    for (const address of [bad, 'not base58 0OIl', reserved]) {
      expect(() => realDecode(address), address).toThrow();
      expect(() => decodeAddress(address), address).toThrow();
    }
  });
});
