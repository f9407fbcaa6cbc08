import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';

/**
 * AES as two wallet formats use it, on node:crypto (OpenSSL). Each returns a fresh `Uint8Array` and
 * zeroes node's intermediate buffers, so the only copy of a decrypted key is the one returned.
 */

/** Runs all of `data` through `c` into one new array, wiping node's pieces (they may sit in its shared pool). */
function run(c: Cipher | Decipher, data: Uint8Array): Uint8Array {
  const head = c.update(data);
  const tail = c.final();
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  head.fill(0);
  tail.fill(0);
  return out;
}

/**
 * AES-128 in CTR mode (NIST SP 800-38A §6.5), a 16-byte key and a 16-byte initial counter block; the
 * same call encrypts and decrypts. Ethereum keystore v3 (Web3 Secret Storage, `aes-128-ctr`).
 *
 * @example
 * const key = aes128Ctr(dk.subarray(0, 16), iv, ciphertext)
 */
export function aes128Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return run(createCipheriv('aes-128-ctr', key, iv), data);
}

/**
 * AES-256 in CBC mode (NIST SP 800-38A §6.2) with PKCS#7 padding, as the Concordium Desktop Wallet
 * exports (`utils/encryption.ts`, node's `aes-256-cbc`).
 */
export function aes256CbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return run(createCipheriv('aes-256-cbc', key, iv), plaintext);
}

/**
 * The inverse of {@link aes256CbcEncrypt}. Throws (node's error) when the padding is not valid PKCS#7
 * or the input is not whole blocks: with a wrong key that is what usually happens, and callers say so.
 */
export function aes256CbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return run(createDecipheriv('aes-256-cbc', key, iv), ciphertext);
}
