import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidAddressError } from '../errors/address.js';
import { concordiumDecode, concordiumEncode } from './concordium.js';
import { thrownMessage } from '../../test/support/rejection.js';

/**
 * An independent base58check (Bitcoin's: payload ‖ sha256(sha256(payload))[0..4], base58 with the
 * Bitcoin alphabet), written from the definition with node:crypto and bigint — the oracle for
 * keepsake's Concordium addresses (concordium-base `AccountAddress`: version byte 1 ‖ 32 bytes).
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const sha256d = (b: Uint8Array) => createHash('sha256').update(createHash('sha256').update(b).digest()).digest();

function b58checkEncode(payload: Uint8Array): string {
  const bytes = Buffer.concat([payload, sha256d(payload).subarray(0, 4)]);
  let n = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function b58checkDecode(text: string): Uint8Array {
  let n = 0n;
  for (const c of text) n = n * 58n + BigInt(ALPHABET.indexOf(c));
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const lead = text.length - text.replace(/^1+/, '').length;
  const bytes = Buffer.concat([Buffer.alloc(lead), Buffer.from(hex, 'hex')]);
  const payload = bytes.subarray(0, bytes.length - 4);
  if (
    !sha256d(payload)
      .subarray(0, 4)
      .equals(bytes.subarray(bytes.length - 4))
  )
    throw new Error('checksum');
  return payload;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Addresses published in Concordium's documentation, with the account key they carry (checked with the oracle below). */
const KNOWN = [
  ['3ZFGxLtnUUSJGW2WqjMh1DDjxyq5rnytCwkSqxFTpsWSFdQnNn', '509c67903ada59268584cf2321810daffffbab32621eea0e18ff3c341e011962'],
  ['4ZJBYQbVp3zVZyjCXfZAAYBVkJMyVj8UKUNj9ox5YqTCBdBq2M', 'd46bbc5fbbbbabb07752d4acb86892d7a2479856d414182f703e21065dad046d'],
  ['3kBx2h5Y2veb4hZgAJWPrr8RyQESKm5TjzF3ti1QQ4VSYLwK1G', '69752406cc939fc90ca6a73b57cee109963547f942006d219144924f8485fb0d'],
] as const;

function reasonOf(f: () => unknown): string {
  return thrownMessage(f, InvalidAddressError);
}

describe('concordiumDecode / concordiumEncode: known answers', () => {
  it.each(KNOWN)('%s carries the account key %s', (address, key) => {
    expect(hex(b58checkDecode(address))).toBe(`01${key}`);
    expect(hex(concordiumDecode(address))).toBe(key);
    expect(concordiumEncode(Buffer.from(key, 'hex'))).toBe(address);
  });

  it('the all-zero and all-0xff keys give 50-character addresses', () => {
    for (const fill of [0, 0xff]) {
      const key = new Uint8Array(32).fill(fill);
      const address = concordiumEncode(key);
      expect(address).toBe(b58checkEncode(Uint8Array.from([1, ...key])));
      expect(address).toHaveLength(50);
      expect(concordiumDecode(address)).toEqual(key);
    }
  });
});

describe('properties', () => {
  it('encode matches the oracle, is 50 characters, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (key) => {
        const address = concordiumEncode(key);
        expect(address).toBe(b58checkEncode(Uint8Array.from([1, ...key])));
        expect(address).toHaveLength(50);
        expect(hex(concordiumDecode(address))).toBe(hex(key));
      }),
      { numRuns: 300 },
    );
  });

  it('any one character changed is refused (a checksum mismatch, or not base58 at all)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat({ max: 49 }), fc.nat({ max: 56 }), (key, at, shift) => {
        const address = concordiumEncode(key);
        const i = ALPHABET.indexOf(address[at]!);
        const changed = address.slice(0, at) + ALPHABET[(i + 1 + shift) % 58]! + address.slice(at + 1);
        // A change can in principle keep a valid checksum (2^-32); then it must at least not be this key.
        let decoded: Uint8Array | undefined;
        try {
          decoded = concordiumDecode(changed);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidAddressError);
        }
        if (decoded !== undefined) expect(hex(decoded)).not.toBe(hex(key));
      }),
      { numRuns: 300 },
    );
  });
});

describe('refusals name the reason', () => {
  it('a wrong checksum', () => {
    const [address] = KNOWN[0];
    const last = address.at(-1)!;
    const bad = address.slice(0, -1) + (last === 'n' ? 'm' : 'n');
    expect(reasonOf(() => concordiumDecode(bad))).toMatch(/checksum/);
  });

  it('characters outside base58 (0, O, I, l) and an empty string', () => {
    for (const bad of ['0ZFGxLtnUUSJGW2WqjMh1DDjxyq5rnytCwkSqxFTpsWSFdQnNn', '3ZFGxLtnUUSJGW2WqjMh1DDjxyq5rnytCwkSqxFTpsWSFdQnNO', 'hello world', '']) {
      expect(reasonOf(() => concordiumDecode(bad))).toMatch(/not base58check|checksum|not a Concordium/);
    }
  });

  it('a valid base58check string of another version byte or length is not a Concordium account address', () => {
    const key = new Uint8Array(32).fill(7);
    for (const payload of [
      Uint8Array.from([0, ...key]),
      Uint8Array.from([2, ...key]),
      Uint8Array.from([1, ...key.subarray(0, 31)]),
      Uint8Array.from([1, ...key, 0]),
    ]) {
      expect(reasonOf(() => concordiumDecode(b58checkEncode(payload)))).toMatch(/not a Concordium account address/);
    }
  });

  it('a Bitcoin address (base58check, version 0, 20 bytes) is refused', () => {
    expect(reasonOf(() => concordiumDecode('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'))).toMatch(/not a Concordium account address/);
  });
});
