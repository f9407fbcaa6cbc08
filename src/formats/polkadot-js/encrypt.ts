import { concatBytes, u32le } from '../../crypto/bytes.js';
import { withPasswordKey } from '../../crypto/password.js';
import { systemRandom, type RandomSource } from '../../crypto/random.js';
import { scrypt, type ScryptParams } from '../../crypto/scrypt.js';
import { secretboxSeal } from '../../crypto/secretbox.js';
import { base64Encode } from '../json.js';
import { NONCE_LENGTH, SCRYPT_DEFAULT } from './kdf.js';
import { polkadotJsPasswordBytes } from './password.js';

export type EncryptOptions = { params?: ScryptParams; random?: RandomSource };

/**
 * Locks bytes the way Polkadot{.js} version 3 does (`util-crypto/json/encrypt.ts`):
 * base64( salt ‖ N ‖ p ‖ r ‖ nonce ‖ secretbox(plaintext, scrypt(password)[0..32]) ).
 */
export async function polkadotJsEncrypt(plaintext: Uint8Array, password: string, options: EncryptOptions = {}): Promise<string> {
  const params = options.params ?? SCRYPT_DEFAULT;
  const random = options.random ?? systemRandom;
  const salt = random(32);
  const nonce = random(NONCE_LENGTH);
  const sealed = await withPasswordKey(
    polkadotJsPasswordBytes(password),
    (secret) => scrypt(secret, salt, params, 64),
    (derived) => secretboxSeal(derived.subarray(0, 32), nonce, plaintext),
  );
  return base64Encode(concatBytes(salt, u32le(params.N), u32le(params.p), u32le(params.r), nonce, sealed));
}

/** The `encoding` block of a version 3 file. */
export function polkadotJsEncoding(content: string[]): { content: string[]; type: string[]; version: string } {
  return { content, type: ['scrypt', 'xsalsa20-poly1305'], version: '3' };
}
