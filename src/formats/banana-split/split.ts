import { sha512 } from '@noble/hashes/sha2.js';
import { utf8, wipe } from '../../crypto/bytes.js';
import { systemRandom, type RandomSource } from '../../crypto/random.js';
import { scrypt, type ScryptParams } from '../../crypto/scrypt.js';
import { secretboxSeal } from '../../crypto/secretbox.js';
import { ShardCountError } from '../../errors/bananaSplit.js';
import { InvalidInputError } from '../../errors/usage.js';
import { base64Encode } from '../json.js';
import { shamirSplit, SHAMIR_BITS } from './shamir.js';
import { SHARD_NONCE_LENGTH, SHARDS_MAX } from './shard.js';

/** Banana Split's scrypt: N=2^15, r=8, p=1, 32 bytes (banana_split `src/util/crypto.ts` `encrypt`). */
export const BANANA_SPLIT_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };

/** The fewest shards a split makes (Banana Split's form): with floor(n/2)+1 needed, 2 of 3. */
export const SHARDS_MIN = 3;

/** The longest secret Banana Split takes (its text area's limit), in characters. */
export const SECRET_MAX = 1024;

/** The longest title keepsake writes, in characters: it is printed on every sheet and salts the key. */
export const TITLE_MAX = 256;

/** How many of `shares` shards recover the secret: a majority, floor(n/2)+1, as Banana Split sets it. */
export function bananaSplitThreshold(shares: number): number {
  return Math.floor(shares / 2) + 1;
}

/** Refuses a number of shards outside 3..255 and a title that is empty or over 256 characters (before any work). */
export function bananaSplitOptionsCheck({ title, shares }: { title: string; shares: number }): void {
  if (!Number.isInteger(shares) || shares < SHARDS_MIN || shares > SHARDS_MAX) throw new ShardCountError({ shares, min: SHARDS_MIN, max: SHARDS_MAX });
  if (title.length < 1 || title.length > TITLE_MAX) throw new InvalidInputError({ field: 'name', what: 'shard title', min: 1, max: TITLE_MAX });
}

/**
 * The key for a set: scrypt(UTF-8 passphrase, SHA-512(UTF-8 title), N=2^15, r=8, p=1, 32 bytes)
 * (banana_split `hashString` is tweetnacl `hash`, SHA-512).
 */
export async function bananaSplitKey(passphrase: string, title: string): Promise<Uint8Array> {
  const secret = utf8(passphrase);
  try {
    return await scrypt(secret, sha512(utf8(title)), BANANA_SPLIT_SCRYPT, 32);
  } finally {
    wipe(secret);
  }
}

/**
 * Splits `secret` into `shares` Banana Split v1 shards (their JSON texts, one per QR code), any
 * floor(shares/2)+1 of which recover it with `passphrase`: the secret sealed with NaCl secretbox under
 * {@link bananaSplitKey} and a random nonce, the ciphertext split by secrets.js, each share written
 * `{"v":1,"t","r","d","n"}` in that key order with non-ASCII characters as \uXXXX escapes — the text
 * banana_split's `share` writes, so Banana Split and Polkadot Vault read it.
 *
 * @example
 * const shards = await bananaSplitShards('bottom drive obey …', { title: 'Phone', shares: 5, passphrase: 'orbit-lamp-tiger-salad' })
 */
export async function bananaSplitShards(
  secret: string,
  options: { title: string; shares: number; passphrase: string; random?: RandomSource },
): Promise<string[]> {
  const { title, shares, passphrase } = options;
  const random = options.random ?? systemRandom;
  bananaSplitOptionsCheck({ title, shares });
  if (secret.length < 1 || secret.length > SECRET_MAX) throw new InvalidInputError({ field: 'phrase', what: 'secret to split', min: 1, max: SECRET_MAX });
  if (passphrase.length < 1) throw new InvalidInputError({ field: 'password', what: 'shard passphrase', min: 1 });
  const required = bananaSplitThreshold(shares);
  const key = await bananaSplitKey(passphrase, title);
  const plaintext = utf8(secret);
  let sealed: Uint8Array;
  const nonce = random(SHARD_NONCE_LENGTH);
  try {
    sealed = secretboxSeal(key, nonce, plaintext);
  } finally {
    wipe(key, plaintext);
  }
  const n = base64Encode(nonce);
  return shamirSplit(sealed, shares, required, random).map(({ id, data }) => {
    const d = SHAMIR_BITS.toString(36) + base64Encode(Uint8Array.of(id, ...data));
    return asciiJson({ v: 1, t: title, r: required, d, n });
  });
}

/** JSON with every character from U+007F up written as \uXXXX, as banana_split's `share` writes it. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
