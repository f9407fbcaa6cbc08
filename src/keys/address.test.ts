import { blake2b } from '@noble/hashes/blake2.js';
import { base58 } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, utf8 } from '../crypto/bytes.js';
import { InvalidAddressError } from '../errors/address.js';
import { ecdsaAccountId, ethereumChecksum, ethereumDecode, ss58Decode, ss58Encode } from './address.js';
import { loadVectors, EIP55_EXAMPLES } from '../../test/support/vectors.js';

type Ss58Vector = { prefix: number; publicKey: string; address: string };
const vectors = loadVectors<{ ss58: Ss58Vector[] }>('polkadot-js');

/** Builds an SS58 string by hand (any payload length, any prefix bytes) with a correct checksum, to reach each refusal. */
function rawSs58(head: number[], key: Uint8Array, { goodChecksum = true } = {}): string {
  const payload = concatBytes(new Uint8Array(head), key);
  const sum = blake2b(concatBytes(utf8('SS58PRE'), payload), { dkLen: 64 }).subarray(0, 2);
  if (!goodChecksum) sum[0] = sum[0]! ^ 0xff;
  return base58.encode(concatBytes(payload, sum));
}

function expectInvalid(f: () => unknown, reason: RegExp): void {
  let caught: unknown;
  try {
    f();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(InvalidAddressError);
  expect((caught as InvalidAddressError).shortMessage).toMatch(reason);
}

describe('ss58Encode / ss58Decode', () => {
  it('has the ss58 vectors', () => {
    expect(vectors.ss58.map((v) => v.prefix).sort((a, b) => a - b)).toEqual([42, 65, 4242, 14269]);
  });

  for (const v of vectors.ss58) {
    it(`encodes and decodes the prefix ${v.prefix} vector`, () => {
      expect(ss58Encode(hexToBytes(v.publicKey), v.prefix)).toBe(v.address);
      const decoded = ss58Decode(v.address);
      expect(decoded.prefix).toBe(v.prefix);
      expect(bytesToHex(decoded.publicKey)).toBe(v.publicKey);
    });
  }

  it('defaults to the generic substrate prefix 42', () => {
    const v = vectors.ss58.find((x) => x.prefix === 42)!;
    expect(ss58Encode(hexToBytes(v.publicKey))).toBe(v.address);
  });

  it('round-trips every allowed prefix with 32- and 33-byte keys', () => {
    const prefix = fc.integer({ min: 0, max: 16383 }).filter((p) => p !== 46 && p !== 47);
    const key = fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 33, maxLength: 33 }));
    fc.assert(
      fc.property(prefix, key, (p, k) => {
        const address = ss58Encode(k, p);
        const decoded = ss58Decode(address);
        expect(decoded.prefix).toBe(p);
        expect(bytesToHex(decoded.publicKey)).toBe(bytesToHex(k));
        // One-byte prefixes below 64, two bytes above: the payload length says which.
        expect(base58.decode(address).length).toBe(k.length + 2 + (p < 64 ? 1 : 2));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a bad checksum', () => {
    const v = vectors.ss58[0]!;
    expectInvalid(() => ss58Decode(rawSs58([v.prefix], hexToBytes(v.publicKey), { goodChecksum: false })), /checksum does not match/);
    // One character changed: same length, checksum no longer matches.
    const chars = v.address.split('');
    chars[10] = chars[10] === 'a' ? 'b' : 'a';
    expectInvalid(() => ss58Decode(chars.join('')), /checksum does not match/);
  });

  it('refuses every single-character change to the vector addresses (checksum or length)', () => {
    // Exhaustive rather than sampled: a random change passes a 16-bit checksum once in 65536 tries, so sampling would be flaky.
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    let tried = 0;
    for (const v of vectors.ss58) {
      for (let i = 0; i < v.address.length; i++) {
        for (const ch of alphabet) {
          if (v.address[i] === ch) continue;
          expect(() => ss58Decode(v.address.slice(0, i) + ch + v.address.slice(i + 1))).toThrow(InvalidAddressError);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(10_000);
  });

  it('refuses characters base58 does not use', () => {
    const v = vectors.ss58[0]!.address;
    for (const bad of ['0', 'O', 'I', 'l', ' ', '-', 'é']) {
      expectInvalid(() => ss58Decode(v.slice(0, 5) + bad + v.slice(6)), /characters that base58 does not use/);
    }
  });

  it('refuses the reserved prefixes 46 and 47 when decoding and encoding', () => {
    const key = new Uint8Array(32).fill(7);
    expectInvalid(() => ss58Decode(rawSs58([46], key)), /prefix 46 is reserved/);
    expectInvalid(() => ss58Decode(rawSs58([47], key)), /prefix 47 is reserved/);
    expectInvalid(() => ss58Encode(key, 46), /except 46 and 47/);
    expectInvalid(() => ss58Encode(key, 47), /except 46 and 47/);
  });

  it('refuses prefixes outside 0..16383 when encoding', () => {
    const key = new Uint8Array(32);
    for (const p of [-1, 16384, 1.5, Number.NaN]) expectInvalid(() => ss58Encode(key, p), /0–16383/);
  });

  it('refuses a first byte with the top bit set (no SS58 prefix starts that way)', () => {
    expectInvalid(() => ss58Decode(rawSs58([0x80, 0], new Uint8Array(32))), /network prefix byte is invalid/);
    expectInvalid(() => ss58Decode(''), /network prefix byte is invalid/);
  });

  it('refuses payloads that are not a 32- or 33-byte key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 64 }).filter((n) => n !== 32 && n !== 33),
        fc.integer({ min: 0, max: 63 }),
        (length, prefix) => {
          expectInvalid(() => ss58Decode(rawSs58([prefix], new Uint8Array(length).fill(1))), /characters long, not the length of an account address/);
        },
      ),
    );
    const v = vectors.ss58[0]!.address;
    expect(() => ss58Decode(v.slice(0, -4))).toThrow(InvalidAddressError);
    expect(() => ss58Decode(v + '1111')).toThrow(InvalidAddressError);
  });

  it('refuses keys that are not 32 or 33 bytes when encoding', () => {
    for (const n of [0, 20, 31, 34, 64]) expectInvalid(() => ss58Encode(new Uint8Array(n), 42), /32 or 33 bytes/);
  });

  it('decodes any string to a value or an InvalidAddressError, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          ss58Decode(s);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidAddressError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('ethereumChecksum / ethereumDecode (EIP-55)', () => {
  for (const address of EIP55_EXAMPLES) {
    it(`checksums ${address}`, () => {
      expect(ethereumChecksum(hexToBytes(address.toLowerCase()))).toBe(address);
      expect(bytesToHex(ethereumDecode(address))).toBe(address.toLowerCase());
    });
  }

  it('accepts all-lower and all-upper case (no checksum claimed)', () => {
    const a = EIP55_EXAMPLES[2];
    expect(bytesToHex(ethereumDecode(a.toLowerCase()))).toBe(a.toLowerCase());
    expect(bytesToHex(ethereumDecode('0x' + a.slice(2).toUpperCase()))).toBe(a.toLowerCase());
  });

  it('refuses mixed case with a wrong checksum', () => {
    const a = EIP55_EXAMPLES[2];
    const flipped = a.slice(0, 3) + (a[3] === a[3]!.toUpperCase() ? a[3]!.toLowerCase() : a[3]!.toUpperCase()) + a.slice(4);
    expectInvalid(() => ethereumDecode(flipped), /EIP-55 checksum/);
  });

  it('refuses anything but 0x and 40 hex digits', () => {
    for (const bad of ['', '0x', EIP55_EXAMPLES[2].slice(0, -1), EIP55_EXAMPLES[2] + '0', EIP55_EXAMPLES[2].slice(2), '0x' + 'g'.repeat(40)]) {
      expectInvalid(() => ethereumDecode(bad), /0x followed by 40 hex digits/);
    }
  });

  it('round-trips any 20 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const address = ethereumChecksum(bytes);
        expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
        expect(bytesToHex(ethereumDecode(address))).toBe(bytesToHex(bytes));
      }),
    );
  });
});

describe('ecdsaAccountId', () => {
  it('is blake2b-256 of the compressed public key', () => {
    const key = hexToBytes('0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1');
    expect(bytesToHex(ecdsaAccountId(key))).toBe(bytesToHex(blake2b(key, { dkLen: 32 })));
    // //Alice's ecdsa account in the vectors.
    expect(ss58Encode(ecdsaAccountId(key), 42)).toBe('5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X');
  });
});
