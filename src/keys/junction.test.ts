import { blake2b } from '@noble/hashes/blake2.js';
import { keyExtractPath } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, utf8 } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import { InvalidPathError, PathTooLongError } from '../errors/suri.js';
import { junctionChainCode, junctionsParse, PATH_MAX_BYTES, PATH_MAX_JUNCTIONS, pathLimitsCheck } from './junction.js';

/** 32 bytes: `head` then zeros. */
function padded(head: number[] | Uint8Array): string {
  const out = new Uint8Array(32);
  out.set(head);
  return bytesToHex(out);
}

describe('junctionChainCode', () => {
  it('encodes decimal numbers little-endian, zero-padded', () => {
    expect(bytesToHex(junctionChainCode('0'))).toBe(padded([]));
    expect(bytesToHex(junctionChainCode('1'))).toBe(padded([1]));
    expect(bytesToHex(junctionChainCode('42'))).toBe(padded([42]));
    expect(bytesToHex(junctionChainCode('256'))).toBe(padded([0, 1]));
    expect(bytesToHex(junctionChainCode('007'))).toBe(padded([7]));
    expect(bytesToHex(junctionChainCode('18446744073709551615'))).toBe(padded(new Array(8).fill(0xff)));
    expect(bytesToHex(junctionChainCode('18446744073709551616'))).toBe(padded([0, 0, 0, 0, 0, 0, 0, 0, 1]));
  });

  it('refuses numbers of 2^256 and more', () => {
    expect(() => junctionChainCode((1n << 256n).toString())).toThrow(InvalidPathError);
    expect(bytesToHex(junctionChainCode(((1n << 256n) - 1n).toString()))).toBe('0x' + 'ff'.repeat(32));
  });

  it('uses 0x hex as raw bytes, hashing more than 32 of them', () => {
    expect(bytesToHex(junctionChainCode('0x0102'))).toBe(padded([1, 2]));
    expect(bytesToHex(junctionChainCode('0x'))).toBe(padded([]));
    expect(bytesToHex(junctionChainCode('0x' + 'ab'.repeat(32)))).toBe('0x' + 'ab'.repeat(32));
    const long = new Uint8Array(33).fill(0xab);
    expect(bytesToHex(junctionChainCode('0x' + 'ab'.repeat(33)))).toBe(bytesToHex(blake2b(long, { dkLen: 32 })));
  });

  it('treats odd-length hex as text', () => {
    expect(bytesToHex(junctionChainCode('0x123'))).toBe(padded([5 << 2, ...utf8('0x123')]));
  });

  it('encodes text as SCALE compact length ‖ UTF-8', () => {
    expect(bytesToHex(junctionChainCode('Alice'))).toBe(padded([5 << 2, ...utf8('Alice')]));
    expect(bytesToHex(junctionChainCode('polkadot'))).toBe(padded([8 << 2, ...utf8('polkadot')]));
    // 31 characters + 1 length byte = exactly 32: not hashed.
    const t31 = 'a'.repeat(31);
    expect(bytesToHex(junctionChainCode(t31))).toBe(bytesToHex(concatBytes(new Uint8Array([31 << 2]), utf8(t31))));
    // Multi-byte UTF-8: the length is in bytes, not characters.
    expect(bytesToHex(junctionChainCode('é'))).toBe(padded([2 << 2, 0xc3, 0xa9]));
  });

  it('hashes text whose encoding is longer than 32 bytes with blake2b-256', () => {
    const t32 = 'b'.repeat(32);
    expect(bytesToHex(junctionChainCode(t32))).toBe(bytesToHex(blake2b(concatBytes(new Uint8Array([32 << 2]), utf8(t32)), { dkLen: 32 })));
    // 64 bytes needs the two-byte compact form: (64 << 2 | 1) little-endian = 01 01.
    const t64 = 'c'.repeat(64);
    expect(bytesToHex(junctionChainCode(t64))).toBe(bytesToHex(blake2b(concatBytes(new Uint8Array([0x01, 0x01]), utf8(t64)), { dkLen: 32 })));
    // 2^14 bytes needs the four-byte form: (16384 << 2 | 2) little-endian = 02 00 01 00.
    const t16k = 'd'.repeat(1 << 14);
    expect(bytesToHex(junctionChainCode(t16k))).toBe(bytesToHex(blake2b(concatBytes(new Uint8Array([0x02, 0x00, 0x01, 0x00]), utf8(t16k)), { dkLen: 32 })));
  });

  it('agrees with Polkadot{.js} DeriveJunction on numbers, hex and text', () => {
    const text = fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }).filter((s) => !s.includes('/'));
    const number = fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }).map(String);
    const hex = fc.uint8Array({ maxLength: 48 }).map((b) => bytesToHex(b));
    fc.assert(
      fc.property(fc.oneof(text, number, hex), fc.boolean(), (junction, hard) => {
        const path = (hard ? '//' : '/') + junction;
        const [ours] = junctionsParse(path);
        const [theirs] = keyExtractPath(path).path;
        expect(ours!.hard).toBe(theirs!.isHard);
        expect(bytesToHex(ours!.chainCode)).toBe(bytesToHex(theirs!.chainCode));
      }),
      { numRuns: 300 },
    );
  });
});

describe('junctionsParse', () => {
  it('reads the root as no junctions', () => {
    expect(junctionsParse('')).toEqual([]);
  });

  it('tells hard (//) from soft (/) junctions, in order', () => {
    const parsed = junctionsParse('//Alice/stash//0/0x01');
    expect(parsed.map((j) => [j.hard, j.text])).toEqual([
      [true, 'Alice'],
      [false, 'stash'],
      [true, '0'],
      [false, '0x01'],
    ]);
    expect(parsed.every((j) => j.chainCode.length === 32)).toBe(true);
    expect(bytesToHex(parsed[0]!.chainCode)).toBe(bytesToHex(junctionChainCode('Alice')));
  });

  it('refuses a path that does not start with a slash, and empty junctions', () => {
    for (const bad of ['Alice', '//', '/', '//a//', '//a/', 'x//a']) {
      expect(() => junctionsParse(bad), bad).toThrow(InvalidPathError);
    }
  });
});

describe('path limits (security review #11: 10,000 junctions held the server for seconds)', () => {
  it('accepts 64 junctions and 1024 bytes, refuses 65 junctions and 1025 bytes, before reading a junction', () => {
    expect(junctionsParse('//a'.repeat(PATH_MAX_JUNCTIONS))).toHaveLength(64);
    expect(() => junctionsParse('//a'.repeat(PATH_MAX_JUNCTIONS + 1))).toThrow(PathTooLongError);
    expect(() => junctionsParse('/a'.repeat(PATH_MAX_JUNCTIONS + 1))).toThrow(PathTooLongError);
    expect(junctionsParse(`//${'b'.repeat(PATH_MAX_BYTES - 2)}`)).toHaveLength(1);
    expect(() => junctionsParse(`//${'b'.repeat(PATH_MAX_BYTES - 1)}`)).toThrow(PathTooLongError);
    // Counted in UTF-8 bytes: 512 two-byte characters are 1024 bytes, one more is over.
    expect(() => pathLimitsCheck(`/${'é'.repeat(512)}`)).toThrow(PathTooLongError);
    expect(() => pathLimitsCheck(`/${'é'.repeat(511)}`)).not.toThrow();
    // A path that would also be malformed is refused for its length first: no junction was read.
    expect(() => junctionsParse('//'.repeat(10_000))).toThrow(PathTooLongError);
  });

  it('names the limit in one sentence', () => {
    try {
      junctionsParse('//a'.repeat(100));
      expect.unreachable();
    } catch (err) {
      expect((err as BaseError).shortMessage).toMatch(/more than 64 junctions/);
    }
  });
});

describe('errors name a junction by position, never by its text', () => {
  it('an empty junction, a number of 2^256 or more', () => {
    for (const [path, position] of [
      ['//Secret1//', 2],
      ['//Secret1/Secret2//' + (1n << 256n).toString(), 3],
    ] as const) {
      try {
        junctionsParse(path);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidPathError);
        expect((err as BaseError).fullMessage).toContain(`Junction ${position} of the derivation path`);
        expect((err as BaseError).fullMessage).not.toMatch(/Secret|115792/);
      }
    }
  });
});
