import { bytesToHex, utf8 } from '../crypto/bytes.js';
import { AEAD_NONCE, aeadOpen, aeadSeal } from '../crypto/aead.js';
import { withPasswordKey } from '../crypto/password.js';
import { systemRandom, type RandomSource } from '../crypto/random.js';
import { KEEPSAKE_SCRYPT_CAPS, scrypt, scryptCheck, scryptParamsValid, type ScryptParams } from '../crypto/scrypt.js';
import { CorruptFileError } from '../errors/file.js';
import { base64Decode, base64Encode, isObject, jsonParse } from './json.js';

/**
 * How keepsake seals an identity's phrase under its PIN (version 1):
 * key = scrypt(PIN, salt[32], N=2^18, r=8, p=1)[0..32]; box = XChaCha20-Poly1305(key, nonce[24], phrase, aad).
 * A PIN has little entropy, so the KDF is deliberately expensive (≈ 256 MiB and a second per try);
 * see SECURITY.md / README for what that does and does not protect.
 */
export type SealedSecret = { v: 1; kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string }; nonce: string; ciphertext: string };

export const PIN_SCRYPT: ScryptParams = { N: 1 << 18, r: 8, p: 1 };
const AAD = utf8('keepsake sealed secret v1');

/** The key a PIN gives for one sealed secret's salt and parameters (checked against the caps first). */
export async function sealedSecretDeriveKey(pin: string, kdf: SealedSecret['kdf']): Promise<Uint8Array> {
  const salt = base64Decode(kdf.salt);
  if (salt === undefined || salt.length < 16) throw new CorruptFileError({ reason: 'a sealed secret has a bad salt' });
  scryptCheck(kdf, KEEPSAKE_SCRYPT_CAPS);
  if (!scryptParamsValid(kdf)) throw new CorruptFileError({ reason: 'a sealed secret has scrypt parameters no scrypt accepts' });
  // The key is copied out (the caller keeps it to seal and open, and wipes it); the 64 derived bytes are wiped here.
  return withPasswordKey(
    pin,
    (secret) => scrypt(secret, salt, kdf, 64),
    (derived) => derived.slice(0, 32),
  );
}

/** Seals `plaintext` with an already derived key, reusing the KDF description it came from. */
export function sealedSecretSeal(key: Uint8Array, kdf: SealedSecret['kdf'], plaintext: Uint8Array, random: RandomSource = systemRandom): SealedSecret {
  const nonce = random(AEAD_NONCE);
  return { v: 1, kdf, nonce: base64Encode(nonce), ciphertext: base64Encode(aeadSeal(key, nonce, plaintext, AAD)) };
}

/** A fresh KDF description (new salt) for sealing under a new PIN. */
export function sealedSecretKdfNew(random: RandomSource = systemRandom, params: ScryptParams = PIN_SCRYPT): SealedSecret['kdf'] {
  return { name: 'scrypt', ...params, salt: base64Encode(random(32)) };
}

/** Opens a sealed secret with its key; `undefined` when the key is wrong (wrong PIN) or the box was altered. */
export function sealedSecretOpen(key: Uint8Array, sealed: SealedSecret): Uint8Array | undefined {
  const nonce = base64Decode(sealed.nonce);
  const ciphertext = base64Decode(sealed.ciphertext);
  if (nonce === undefined || nonce.length !== AEAD_NONCE || ciphertext === undefined) throw new CorruptFileError({ reason: 'a sealed secret is damaged' });
  return aeadOpen(key, nonce, ciphertext, AAD);
}

/** Parses and validates a sealed secret from its JSON text. */
export function sealedSecretParse(text: string): SealedSecret {
  const v = jsonParse(text);
  const kdf = isObject(v) ? v['kdf'] : undefined;
  if (
    !isObject(v) ||
    v['v'] !== 1 ||
    !isObject(kdf) ||
    kdf['name'] !== 'scrypt' ||
    !Number.isSafeInteger(kdf['N']) ||
    !Number.isSafeInteger(kdf['r']) ||
    !Number.isSafeInteger(kdf['p']) ||
    typeof kdf['salt'] !== 'string' ||
    typeof v['nonce'] !== 'string' ||
    typeof v['ciphertext'] !== 'string'
  ) {
    throw new CorruptFileError({ reason: "a sealed secret is not in keepsake's format" });
  }
  return v as unknown as SealedSecret;
}

/**
 * What makes a sealed secret the same one: its decoded salt, nonce and ciphertext, as hex. The JSON
 * text is not: the same box with its keys reordered or its base64 written another way is still the
 * same secret under the same PIN (security review #4(b): a reordered copy came in as a second identity
 * with a fresh wrong-PIN count). Undefined when a part is not base64.
 */
export function sealedSecretFingerprint(sealed: SealedSecret): string | undefined {
  const parts = [sealed.kdf.salt, sealed.nonce, sealed.ciphertext].map(base64Decode);
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.map((p) => bytesToHex(p!)).join(':');
}
