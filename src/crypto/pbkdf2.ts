import { pbkdf2 as nodePbkdf2, pbkdf2Sync } from 'node:crypto';
import { KdfParamsTooLargeError } from '../errors/kdf.js';

export type Pbkdf2Hash = 'sha256' | 'sha512';

/**
 * Refuses, before any work, an iteration count from a file over the reader's cap, with a
 * {@link KdfParamsTooLargeError} naming the count and the cap: the PBKDF2 counterpart of
 * `scryptCheck`, for every reader of untrusted PBKDF2 parameters (Ethereum keystore, Concordium export).
 *
 * @example
 * pbkdf2Check(20_000_000, 10_000_000) // throws
 */
export function pbkdf2Check(iterations: number, max: number): void {
  if (iterations > max) throw new KdfParamsTooLargeError({ kdf: 'PBKDF2', params: `${iterations} iterations`, limits: `at most ${max}` });
}

/** PBKDF2-HMAC (RFC 8018) on node:crypto, asynchronous (libuv pool). */
export function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, dkLen: number, hash: Pbkdf2Hash): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    nodePbkdf2(password, salt, iterations, dkLen, hash, (err, key) => {
      if (err) reject(err);
      else resolve(toU8a(key));
    });
  });
}

/** PBKDF2-HMAC, synchronous: for the 2048-round BIP-39 derivations where a thread hop costs more than it saves. */
export function pbkdf2Now(password: Uint8Array, salt: Uint8Array, iterations: number, dkLen: number, hash: Pbkdf2Hash): Uint8Array {
  return toU8a(pbkdf2Sync(password, salt, iterations, dkLen, hash));
}

function toU8a(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
