import { readU32le } from '../../crypto/bytes.js';
import { scryptCheck, SCRYPT_LIMITS, scryptParamsFormat, type ScryptParams } from '../../crypto/scrypt.js';
import { CorruptFileError } from '../../errors/file.js';
import { UnsupportedKdfParamsError } from '../../errors/kdf.js';

/** salt[32] ‖ N u32le ‖ p u32le ‖ r u32le (`@polkadot/util-crypto` `scrypt/toU8a.ts`). */
export const SCRYPT_HEADER_LENGTH = 32 + 12;
export const NONCE_LENGTH = 24;
/** The secretbox (XSalsa20-Poly1305) tag after the nonce: a sealed body is at least this long. */
export const SECRETBOX_TAG = 16;

/** What Polkadot{.js} writes today, and what wallets from before mid-2025 write and require. */
export const SCRYPT_DEFAULT: ScryptParams = { N: 1 << 17, r: 8, p: 1 };
export const SCRYPT_COMPAT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };

/** The two parameter sets keepsake writes: `default` (today's wallets) and `compat` (wallets from before mid-2025). */
export type PolkadotJsKdf = 'default' | 'compat';

/**
 * The scrypt parameters a written file gets for the `kdf` choice.
 *
 * @example
 * kdfParams('compat') // → { N: 32768, r: 8, p: 1 }
 */
export function kdfParams(kdf: PolkadotJsKdf): ScryptParams {
  return kdf === 'compat' ? SCRYPT_COMPAT : SCRYPT_DEFAULT;
}

/** Parameter sets Polkadot{.js} readers accept (`scrypt/defaults.ts` ALLOWED_PARAMS, within keepsake's caps). */
const ALLOWED: readonly ScryptParams[] = [
  { N: 1 << 15, r: 8, p: 3 },
  { N: 1 << 15, r: 8, p: 1 },
  { N: 1 << 16, r: 8, p: 2 },
  { N: 1 << 17, r: 8, p: 1 },
];

export type ScryptHeader = { salt: Uint8Array; params: ScryptParams };

export const formatScryptParams = scryptParamsFormat;

/** True when wallets from before mid-2025 (which accept only N=2^15, r=8, p=1) can open the file. */
export function scryptReadableByOlderWallets({ N, r, p }: ScryptParams): boolean {
  return N === SCRYPT_COMPAT.N && r === SCRYPT_COMPAT.r && p === SCRYPT_COMPAT.p;
}

/**
 * Reads the scrypt header of `encoded` without deriving anything. Parameters are untrusted:
 * over the caps → {@link KdfParamsTooLargeError}; not a set any Polkadot{.js} writer uses →
 * {@link UnsupportedKdfParamsError}.
 */
export function scryptHeaderRead(encoded: Uint8Array, file?: string): ScryptHeader {
  if (encoded.length < SCRYPT_HEADER_LENGTH) {
    throw new CorruptFileError({ file, reason: '"encoded" is too short to hold its scrypt parameters' });
  }
  const params = { N: readU32le(encoded, 32), p: readU32le(encoded, 36), r: readU32le(encoded, 40) };
  scryptParamsCheck(params);
  return { salt: encoded.slice(0, 32), params };
}

/**
 * Over the caps → {@link KdfParamsTooLargeError}; then only the sets of {@link ALLOWED} — which also
 * bounds memory (at most 128 MiB, N=2^17 with r=8), so no separate memory cap is passed here.
 */
export function scryptParamsCheck(params: ScryptParams): void {
  const { N, r, p } = params;
  scryptCheck(params, SCRYPT_LIMITS);
  if (!ALLOWED.some((a) => a.N === N && a.r === r && a.p === p)) {
    throw new UnsupportedKdfParamsError({ kdf: 'scrypt', params: formatScryptParams(params) });
  }
}
