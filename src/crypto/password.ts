import { utf8, wipe } from './bytes.js';

/**
 * password → key → use → wipe, in one place: the password's bytes are wiped once the key is derived
 * (or the derivation failed), and the key once `use` has returned or thrown. Nothing derived outlives
 * the call unless `use` copies it out (a key kept for later is the caller's to wipe).
 *
 * `password` is a string (its UTF-8 is used) or bytes the caller made for this call only (a format's
 * own password encoding, e.g. Polkadot{.js} reading `0x…` as hex); those are wiped too.
 *
 * @example
 * const plaintext = await withPasswordKey(password, (secret) => scrypt(secret, salt, params, 64), (key) => secretboxOpen(key.subarray(0, 32), nonce, box))
 */
export async function withPasswordKey<T>(
  password: string | Uint8Array,
  derive: (secret: Uint8Array) => Promise<Uint8Array>,
  use: (key: Uint8Array) => T | Promise<T>,
): Promise<T> {
  const secret = typeof password === 'string' ? utf8(password) : password;
  let key: Uint8Array;
  try {
    key = await derive(secret);
  } finally {
    wipe(secret);
  }
  try {
    return await use(key);
  } finally {
    wipe(key);
  }
}
