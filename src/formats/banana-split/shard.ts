import { hexToBytes } from '../../crypto/bytes.js';
import { NotShardError, ShardDamagedError } from '../../errors/bananaSplit.js';
import { base64Decode, isObject } from '../json.js';
import { SHAMIR_BITS } from './shamir.js';

/**
 * The longest shard text read (characters). A shard keepsake writes for the largest secret (1024
 * characters, at most 3072 UTF-8 bytes) and title (256 characters) is under 6 KiB; the cap leaves
 * room for a v0 shard (hex, twice the size) and is checked before the text is parsed.
 */
export const SHARD_TEXT_MAX = 16 * 1024;

/**
 * The most bytes one share holds: a 1024-character secret (Banana Split's limit) is at most 3072 UTF-8
 * bytes, 3088 sealed, 3104 padded to 128 bits; this leaves room for other padding (Polkadot Vault pads
 * to 7 bytes). Checked before combining: secrets.js's interpolation works per byte over strings, about
 * half a second for 128 shares of 3 KiB, so the cap bounds what 255 crafted shards can cost.
 */
export const SHARD_DATA_MAX = 4096;

/** Banana Split's nonce: NaCl secretbox's 24 bytes. */
export const SHARD_NONCE_LENGTH = 24;

/** The most shards a set has (secrets.js at 8 bits: x-coordinates 1..255), and so the largest threshold. */
export const SHARDS_MAX = 255;

/**
 * One shard as Banana Split writes it (paritytech/banana_split `src/util/crypto.ts` `share`/`parse`;
 * paritytech/banana-recovery-rust `src/shares.rs` `Share::new`):
 * v1 `{"v":1,"t":title,"r":required,"d":"8"+base64(id ‖ data),"n":base64(nonce)}`;
 * v0 (no `v`) `{"t","r","d":"8"+hex(id ‖ data),"n":hex(nonce)}`.
 * `nonceText` is the nonce as written (shards of one set carry the same text).
 */
export type BananaSplitShard = { version: 0 | 1; title: string; required: number; id: number; data: Uint8Array; nonce: Uint8Array; nonceText: string };

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Reads one shard's text (the QR code's content). Not JSON, or not a shard's fields: {@link NotShardError};
 * a shard whose data or nonce cannot be read: {@link ShardDamagedError}. `label` names it in messages.
 *
 * keepsake reads 8-bit shares only: Banana Split (secrets.js at its default) and Polkadot Vault write
 * nothing else; a shard of another bit size is refused as damaged rather than handed to secrets.js,
 * which would re-initialise itself to it.
 *
 * @example
 * bananaSplitShardParse('{"v":1,"t":"Pssst","r":2,"d":"8AdI…","n":"a17T…"}').required // 2
 */
export function bananaSplitShardParse(text: string, label?: string): BananaSplitShard {
  if (text.length > SHARD_TEXT_MAX) throw new NotShardError({ label, reason: `it is over ${SHARD_TEXT_MAX / 1024} KiB long` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim());
  } catch {
    throw new NotShardError({ label, reason: 'it is not JSON text' });
  }
  if (!isObject(parsed)) throw new NotShardError({ label, reason: 'it is not a JSON object' });
  const { v, t, r, d, n } = parsed;
  if (typeof t !== 'string' || typeof d !== 'string' || typeof n !== 'string' || r === undefined) {
    throw new NotShardError({ label, reason: 'it lacks the title, threshold, data or nonce of a shard' });
  }
  // No "v" is version 0 (banana_split `parse`: `parsed.v || 0`); 1 is the current one; Vault refuses others.
  if (v !== undefined && v !== 1)
    throw new NotShardError({ label, reason: `its version ${JSON.stringify(v).slice(0, 20)} is not one keepsake reads (0 or 1)` });
  const version = v === 1 ? 1 : 0;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 2 || r > SHARDS_MAX) {
    throw new ShardDamagedError({ label, reason: `it needs ${JSON.stringify(r).slice(0, 20)} shards, not 2 to ${SHARDS_MAX}` });
  }
  // The first character is secrets.js's bit size in base 36 (banana_split: "First char is non-hex (base36)").
  if (d[0] !== SHAMIR_BITS.toString(36)) throw new ShardDamagedError({ label, reason: 'its data is not an 8-bit Banana Split share' });
  const body = version === 1 ? base64Decode(d.slice(1)) : HEX.test(d.slice(1)) ? hexToBytes(d.slice(1)) : undefined;
  const nonce = version === 1 ? base64Decode(n) : HEX.test(n) ? hexToBytes(n) : undefined;
  if (body === undefined) throw new ShardDamagedError({ label, reason: `its data is not ${version === 1 ? 'base64' : 'hex'}` });
  if (nonce === undefined || nonce.length !== SHARD_NONCE_LENGTH)
    throw new ShardDamagedError({ label, reason: `its nonce is not ${SHARD_NONCE_LENGTH} bytes` });
  // id ‖ data: at 8 bits the id is one byte (banana-recovery-rust `id_length`), 1..255 (x = 0 is the secret itself).
  const id = body[0];
  if (id === undefined || id === 0 || body.length < 2) throw new ShardDamagedError({ label, reason: 'its data is too short or has no shard number' });
  if (body.length - 1 > SHARD_DATA_MAX)
    throw new ShardDamagedError({ label, reason: `its data is over ${SHARD_DATA_MAX} bytes, more than any secret Banana Split splits` });
  return { version, title: t, required: r, id, data: body.subarray(1), nonce, nonceText: n };
}
