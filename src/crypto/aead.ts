import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';

/** XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha): 32-byte key, 24-byte random nonce, 16-byte tag, with associated data. */
export const AEAD_NONCE = 24;

export function aeadSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  return xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
}

/** Opens a sealed box; `undefined` when the tag does not verify (wrong key, altered bytes or other associated data). */
export function aeadOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | undefined {
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(sealed);
  } catch {
    return undefined;
  }
}
