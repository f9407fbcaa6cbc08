import secrets from 'secrets.js-grempe';
import { bytesToHex, hexToBytes } from '../../crypto/bytes.js';
import type { RandomSource } from '../../crypto/random.js';

/** Hex without the `0x` keepsake's helper adds: secrets.js reads and writes bare hex. */
function hex(bytes: Uint8Array): string {
  return bytesToHex(bytes).slice(2);
}

/**
 * Shamir's secret sharing as Banana Split does it: grempe/secrets.js 2.0.0 (npm `secrets.js-grempe`,
 * what paritytech/banana_split `src/util/crypto.ts` calls) at its default 8 bits — GF(2^8) with the
 * primitive polynomial 0x11D, x-coordinates 1..n, the secret's bits prefixed with a 1 bit and padded
 * to 128 bits. The library itself is used rather than a re-implementation, so shares are the ones
 * Banana Split makes and reads, by construction.
 *
 * secrets.js keeps its configuration (bits, RNG) in module state: every call here sets what it needs
 * and puts the default RNG back, and only 8-bit shares ever reach it (`combine` would otherwise
 * re-initialise the library to the share's bit size).
 */
export const SHAMIR_BITS = 8;

/** One share: its x-coordinate (1..255) and its bytes (one per byte position of the padded secret). */
export type ShamirShare = { id: number; data: Uint8Array };

/**
 * secrets.js's RNG contract: a string of `bits` random '0'/'1' characters, from keepsake's random
 * source. `setRNG` first tests the function by calling it and refuses an output of 0 — which a real
 * source gives once in 256 calls at 8 bits — so those test calls get a constant; once the RNG is
 * set (`armed`), every coefficient comes from the source.
 */
function bitSource(random: RandomSource): { rng: (bits: number) => string; arm: () => void } {
  let armed = false;
  const rng = (bits: number): string => {
    if (!armed) return '1'.padStart(bits, '0');
    const bytes = random(Math.ceil(bits / 8));
    let out = '';
    for (const b of bytes) out += b.toString(2).padStart(8, '0');
    return out.slice(0, bits);
  };
  return { rng, arm: () => void (armed = true) };
}

/** `shares` shares of `secret`, any `threshold` of which give it back. */
export function shamirSplit(secret: Uint8Array, shares: number, threshold: number, random: RandomSource): ShamirShare[] {
  secrets.init(SHAMIR_BITS, 'nodeCryptoRandomBytes');
  const source = bitSource(random);
  // secrets.js documents a function RNG (`setRNG(function(bits){…})`); its typings list only the named ones.
  secrets.setRNG(source.rng as never);
  source.arm();
  try {
    return secrets.share(hex(secret), shares, threshold).map((share) => {
      // "8" (the bits, base 36) ‖ 2 hex digits of id ‖ hex data (secrets.js `constructPublicShareString`).
      const { id, data } = secrets.extractShareComponents(share);
      return { id, data: hexToBytes(data) };
    });
  } finally {
    secrets.setRNG('nodeCryptoRandomBytes');
  }
}

/**
 * The secret from shares of distinct ids and equal lengths (checked by the caller): Lagrange
 * interpolation at 0 per byte, then the padding up to and including the first 1 bit dropped.
 * `undefined` when what remains is not whole bytes (shares that do not belong together).
 */
export function shamirCombine(shares: readonly ShamirShare[]): Uint8Array | undefined {
  secrets.init(SHAMIR_BITS, 'nodeCryptoRandomBytes');
  const combined = secrets.combine(shares.map(({ id, data }) => `${SHAMIR_BITS.toString(36)}${id.toString(16).padStart(2, '0')}${hex(data)}`));
  if (combined.length % 2 !== 0) return undefined;
  return hexToBytes(combined);
}
