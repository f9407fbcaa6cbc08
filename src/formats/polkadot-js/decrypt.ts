import { utf8 } from '../../crypto/bytes.js';
import { withPasswordKey } from '../../crypto/password.js';
import { scrypt } from '../../crypto/scrypt.js';
import { CorruptFileError } from '../../errors/file.js';
import { WrongPasswordError } from '../../errors/password.js';
import { NONCE_LENGTH, SCRYPT_HEADER_LENGTH, SECRETBOX_TAG, scryptHeaderRead } from './kdf.js';
import { polkadotJsPasswordBytes } from './password.js';
import type { PolkadotJsEnvelope } from './parse.js';

export type DecryptOptions = {
  /** Named in messages (an address or a file name); never the password. */
  subject?: string | undefined;
  /** What is decrypted, for the wrong-password message: a file the user gave, or a key the vault keeps. */
  held?: 'file' | 'vault' | undefined;
  file?: string | undefined;
  /** Plaintext lengths a valid file can have; a different length is reported as damage, before any KDF work. */
  plaintextLengths?: readonly number[];
  /** Started alongside the KDF (e.g. loading a curve library) so the two overlap. */
  alongside?: () => Promise<unknown>;
};

/**
 * Decrypts the `encoded` body of a Polkadot{.js} envelope (`util-crypto/json/decryptData.ts`):
 * scrypt → 32-byte key, or (versions 0–2) the password zero-padded to 32 bytes; then secretbox.
 * `type: ["none"]` bodies are returned as they are.
 */
export async function polkadotJsDecrypt(envelope: PolkadotJsEnvelope, password: string, options: DecryptOptions = {}): Promise<Uint8Array> {
  const { encoded, cipher } = envelope;
  if (cipher === 'none') {
    await options.alongside?.();
    return encoded.slice();
  }
  const bodyStart = cipher === 'scrypt' ? SCRYPT_HEADER_LENGTH : 0;
  const header = cipher === 'scrypt' ? scryptHeaderRead(encoded, options.file) : undefined;
  const sealedLength = encoded.length - bodyStart - NONCE_LENGTH;
  if (sealedLength < SECRETBOX_TAG || (options.plaintextLengths && !options.plaintextLengths.includes(sealedLength - SECRETBOX_TAG))) {
    throw new CorruptFileError({ file: options.file, reason: '"encoded" has the wrong length for an encrypted key (the file was cut short or edited)' });
  }
  // The cipher loads while the KDF runs: a one-file verify starts its scrypt without waiting for it.
  const cipherLoad = import('../../crypto/secretbox.js');
  // Versions 0–2 use the password's UTF-8; scrypt gets what Polkadot{.js} gives it (a 0x… password is hex).
  const secret = header === undefined ? utf8(password) : polkadotJsPasswordBytes(password);
  const derive = async (secret: Uint8Array): Promise<Uint8Array> => {
    if (header === undefined) {
      // Versions 0–2: the password itself, truncated or zero-padded to 32 bytes (u8aFixLength(…, 256, true)).
      const key = new Uint8Array(32);
      key.set(secret.subarray(0, 32));
      await options.alongside?.();
      return key;
    }
    const [derived] = await Promise.all([scrypt(secret, header.salt, header.params, 64), options.alongside?.()]);
    return derived;
  };
  const nonce = encoded.subarray(bodyStart, bodyStart + NONCE_LENGTH);
  const plaintext = await withPasswordKey(secret, derive, async (key) =>
    (await cipherLoad).secretboxOpen(key.subarray(0, 32), nonce, encoded.subarray(bodyStart + NONCE_LENGTH)),
  );
  if (plaintext === undefined) throw new WrongPasswordError({ subject: options.subject, ...(options.held === undefined ? {} : { held: options.held }) });
  return plaintext;
}
