import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, hexToBytes, isHex, utf8 } from '../crypto/bytes.js';
import { InvalidPathError } from '../errors/suri.js';

/** One step of a Substrate derivation path: `//hard` or `/soft`, reduced to a 32-byte chain code. */
export type Junction = { hard: boolean; chainCode: Uint8Array; text: string };

const NUMBER = /^\d+$/;
const JUNCTION_LENGTH = 32;

/**
 * Chain code of a junction, as Substrate's `DeriveJunction` builds it: a decimal number → its
 * little-endian bytes; `0x…` hex → those bytes; any other text → SCALE(compact length ‖ UTF-8).
 * Longer than 32 bytes → blake2b-256; then zero-padded to 32.
 */
export function junctionChainCode(text: string): Uint8Array {
  let bytes: Uint8Array;
  if (NUMBER.test(text)) {
    let n = BigInt(text);
    if (n >= 1n << 256n) throw new InvalidPathError({ path: text, reason: 'a numeric junction must be below 2^256' });
    bytes = new Uint8Array(32);
    for (let i = 0; n > 0n; i++, n >>= 8n) bytes[i] = Number(n & 0xffn);
  } else if (isHex(text)) {
    bytes = hexToBytes(text);
  } else {
    bytes = concatBytes(compactLength(utf8(text).length), utf8(text));
  }
  if (bytes.length > JUNCTION_LENGTH) bytes = blake2b(bytes, { dkLen: 32 });
  const chainCode = new Uint8Array(JUNCTION_LENGTH);
  chainCode.set(bytes);
  return chainCode;
}

/** SCALE compact encoding of a length (RFC: parity-scale-codec, modes 0–2 are enough for a junction). */
function compactLength(n: number): Uint8Array {
  if (n < 1 << 6) return new Uint8Array([n << 2]);
  if (n < 1 << 14) return new Uint8Array([((n << 2) | 1) & 0xff, n >> 6]);
  const v = (n << 2) | 2;
  return new Uint8Array([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff]);
}

/**
 * Parses a derivation path such as `//polkadot//0/1`. The empty string is the root (no junctions).
 *
 * @example
 * junctionsParse('//Alice/stash') // → [{ hard: true, text: 'Alice' }, { hard: false, text: 'stash' }]
 */
export function junctionsParse(path: string): Junction[] {
  const junctions: Junction[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] !== '/') throw new InvalidPathError({ path, reason: 'each junction starts with / (soft) or // (hard)' });
    const hard = path[i + 1] === '/';
    const start = i + (hard ? 2 : 1);
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    const text = path.slice(start, end);
    if (text.length === 0) throw new InvalidPathError({ path, reason: 'a junction is empty (three slashes in a row mark a password, not a path)' });
    junctions.push({ hard, text, chainCode: junctionChainCode(text) });
    i = end;
  }
  return junctions;
}
