import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, hexToBytes, isHex, utf8 } from '../crypto/bytes.js';
import { InvalidPathError, PathTooLongError } from '../errors/suri.js';

/** One step of a Substrate derivation path: `//hard` or `/soft`, reduced to a 32-byte chain code. */
export type Junction = { hard: boolean; chainCode: Uint8Array; text: string };

const NUMBER = /^\d+$/;
const JUNCTION_LENGTH = 32;

/** The longest derivation path keepsake derives, in UTF-8 bytes (wallets use a few dozen). */
export const PATH_MAX_BYTES = 1024;
/** The most junctions keepsake derives (each one is a derivation step; wallets use up to five or so). */
export const PATH_MAX_JUNCTIONS = 64;

/**
 * Refuses a derivation path (Substrate `//hard/soft` or BIP-32 `/m/44'/…`) longer than
 * {@link PATH_MAX_BYTES} or with more than {@link PATH_MAX_JUNCTIONS} junctions, before anything is
 * derived: every junction costs a derivation, and 10,000 of them held the server's event loop for seconds.
 */
export function pathLimitsCheck(path: string): void {
  // UTF-16 units never outnumber UTF-8 bytes, so a long string is refused before it is encoded.
  if (path.length > PATH_MAX_BYTES || utf8(path).length > PATH_MAX_BYTES) throw new PathTooLongError({ limit: PATH_MAX_BYTES, unit: 'bytes' });
  // A junction starts at each run of slashes (`/soft`, `//hard`, BIP-32 `/44'`).
  if ((path.match(/\/+/g)?.length ?? 0) > PATH_MAX_JUNCTIONS) throw new PathTooLongError({ limit: PATH_MAX_JUNCTIONS, unit: 'junctions' });
}

/**
 * Chain code of a junction, as Substrate's `DeriveJunction` builds it: a decimal number → its
 * little-endian bytes; `0x…` hex → those bytes; any other text → SCALE(compact length ‖ UTF-8).
 * Longer than 32 bytes → blake2b-256; then zero-padded to 32. `position` (1-based) names the
 * junction in an error.
 */
export function junctionChainCode(text: string, position?: number): Uint8Array {
  let bytes: Uint8Array;
  if (NUMBER.test(text)) {
    let n = BigInt(text);
    if (n >= 1n << 256n) throw new InvalidPathError({ junction: position, reason: 'a numeric junction must be below 2^256' });
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
 * A path over the limits ({@link pathLimitsCheck}) is refused before any junction is read; errors
 * name a junction by its position, never by its text (it may be a mistyped `///password`).
 *
 * @example
 * junctionsParse('//Alice/stash') // → [{ hard: true, text: 'Alice' }, { hard: false, text: 'stash' }]
 */
export function junctionsParse(path: string): Junction[] {
  pathLimitsCheck(path);
  const junctions: Junction[] = [];
  const spaces = /\s/.test(path);
  let i = 0;
  while (i < path.length) {
    const position = junctions.length + 1;
    // Only the start can lack a slash: every junction ends where the next "/" begins.
    if (path[i] !== '/') throw new InvalidPathError({ reason: 'a path starts with / (soft) or // (hard)', spaces });
    const hard = path[i + 1] === '/';
    const start = i + (hard ? 2 : 1);
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    const text = path.slice(start, end);
    if (text.length === 0)
      throw new InvalidPathError({ junction: position, reason: 'it is empty (three slashes in a row mark a password, not a path)', spaces });
    junctions.push({ hard, text, chainCode: junctionChainCode(text, position) });
    i = end;
  }
  return junctions;
}
