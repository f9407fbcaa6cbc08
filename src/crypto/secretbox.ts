import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';

/** NaCl secretbox (XSalsa20-Poly1305): 32-byte key, 24-byte nonce; the output carries a 16-byte tag. */

export function secretboxSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return xsalsa20poly1305(key, nonce).encrypt(plaintext);
}

/** Opens a secretbox; returns `undefined` when the tag does not verify (wrong key or altered bytes). */
export function secretboxOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | undefined {
  try {
    return xsalsa20poly1305(key, nonce).decrypt(sealed);
  } catch {
    return undefined;
  }
}
