import { concatBytes } from '../../crypto/bytes.js';

/**
 * The fixed pkcs8-like framing Polkadot{.js} puts around a key (generations 1–3,
 * `@polkadot/keyring` `pair/defaults.ts`): HEADER ‖ secret ‖ DIVIDER ‖ public.
 */
export const PKCS8_HEADER = new Uint8Array([48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32]);
export const PKCS8_DIVIDER = new Uint8Array([161, 35, 3, 33, 0]);

/** Plaintext sizes a real file can have: 64-byte secret + 32-byte public; 32 + 33 (secp256k1); 32-byte seed + 32 (generations 1–2). */
export const PKCS8_LENGTHS = [16 + 64 + 5 + 32, 16 + 32 + 5 + 33, 16 + 32 + 5 + 32] as const;

export type Pkcs8Parts = { secretKey: Uint8Array; publicKey: Uint8Array };

export function pkcs8Encode(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return concatBytes(PKCS8_HEADER, secretKey, PKCS8_DIVIDER, publicKey);
}

/**
 * Splits the framing; `undefined` when the header or divider is not where a key of 64 or 32 bytes
 * would put it. The public part is whatever follows the divider (32 or 33 bytes).
 */
export function pkcs8Decode(bytes: Uint8Array): Pkcs8Parts | undefined {
  if (!startsWith(bytes, PKCS8_HEADER, 0)) return undefined;
  const start = PKCS8_HEADER.length;
  for (const secretLength of [64, 32]) {
    const div = start + secretLength;
    if (startsWith(bytes, PKCS8_DIVIDER, div)) {
      const publicKey = bytes.slice(div + PKCS8_DIVIDER.length);
      if (publicKey.length !== 32 && publicKey.length !== 33) continue;
      return { secretKey: bytes.slice(start, div), publicKey };
    }
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, part: Uint8Array, offset: number): boolean {
  if (bytes.length < offset + part.length) return false;
  for (let i = 0; i < part.length; i++) if (bytes[offset + i] !== part[i]) return false;
  return true;
}
