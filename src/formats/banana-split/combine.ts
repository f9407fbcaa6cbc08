import { wipe } from '../../crypto/bytes.js';
import { secretboxOpen } from '../../crypto/secretbox.js';
import {
  ShardDamagedError,
  ShardDuplicateError,
  ShardPassphraseWrongError,
  ShardSetsMixedError,
  ShardsTooFewError,
  ShardsTooManyError,
  type ShardSetDifference,
} from '../../errors/bananaSplit.js';
import { shamirCombine } from './shamir.js';
import { bananaSplitShardParse, SHARDS_MAX, type BananaSplitShard } from './shard.js';
import { bananaSplitKey } from './split.js';

/** Poly1305's tag: a ciphertext shorter than this holds nothing. */
const TAG_LENGTH = 16;

/** A shard as `bananaSplitCombine` takes it: its text, or its text with the name messages give it (its file). */
export type ShardInput = string | { text: string; label: string };

/** A set of shards that passed every check: its shards, in the order given, and what they share. */
export type BananaSplitSet = { shards: BananaSplitShard[]; title: string; required: number };

/**
 * Every check {@link bananaSplitCombine} makes before it derives a key, on their own so a front end
 * refuses the shards before it asks for the passphrase: at most 255 texts, each a shard, all of one
 * set (version, title, threshold, nonce — as banana_split `reconstruct` and banana-recovery-rust
 * `try_add_share` check), no shard twice, data of one length, at least the threshold.
 *
 * @example
 * bananaSplitSetCheck([shard1, shard3]).title // 'Alice tries BananaSplit again'
 */
export function bananaSplitSetCheck(inputs: readonly ShardInput[]): BananaSplitSet {
  if (inputs.length > SHARDS_MAX) throw new ShardsTooManyError({ have: inputs.length, max: SHARDS_MAX });
  const shards = inputs.map((input, i) =>
    typeof input === 'string'
      ? bananaSplitShardParse(input, inputs.length > 1 ? `Shard ${i + 1} given` : undefined)
      : bananaSplitShardParse(input.text, input.label),
  );
  const first = shards[0];
  if (first === undefined) throw new ShardsTooFewError({ have: 0, need: 2, title: '' });
  const differs = setDifference(first, shards);
  if (differs !== undefined) throw new ShardSetsMixedError({ differs });
  const ids = new Set<number>();
  for (const shard of shards) {
    if (ids.has(shard.id)) throw new ShardDuplicateError({ id: shard.id });
    ids.add(shard.id);
    if (shard.data.length !== first.data.length) throw new ShardDamagedError({ reason: 'the shards hold data of different lengths' });
  }
  if (shards.length < first.required) throw new ShardsTooFewError({ have: shards.length, need: first.required, title: first.title });
  return { shards, title: first.title, required: first.required };
}

/**
 * The secret a set of Banana Split shards (v0 or v1 texts) holds, with its passphrase (spaces already
 * read as "-" by the caller: {@link bananaSplitPassphraseNormalize}). The shards are checked first
 * ({@link bananaSplitSetCheck}); the first `required` are combined (as Polkadot Vault does); a
 * passphrase that does not open the result is {@link ShardPassphraseWrongError}.
 *
 * @example
 * await bananaSplitCombine([shard1, shard3], 'orbit-lamp-tiger-salad') // 'bottom drive obey …'
 */
export async function bananaSplitCombine(inputs: readonly ShardInput[], passphrase: string): Promise<string> {
  const { shards, required } = bananaSplitSetCheck(inputs);
  const first = shards[0]!;
  const sealed = shamirCombine(shards.slice(0, required));
  if (sealed === undefined || sealed.length <= TAG_LENGTH) throw new ShardDamagedError({ reason: 'together they do not make an encrypted secret' });
  const key = await bananaSplitKey(passphrase, first.title);
  let plaintext: Uint8Array | undefined;
  try {
    plaintext = secretboxOpen(key, first.nonce, sealed);
    if (plaintext === undefined) throw new ShardPassphraseWrongError({ title: first.title });
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
    } catch {
      throw new ShardDamagedError({ reason: 'the secret they hold is not text' });
    }
  } finally {
    wipe(key, plaintext);
  }
}

function setDifference(first: BananaSplitShard, shards: readonly BananaSplitShard[]): ShardSetDifference | undefined {
  for (const shard of shards) {
    if (shard.version !== first.version) return 'version';
    if (shard.title !== first.title) return 'title';
    if (shard.required !== first.required) return 'required';
    if (shard.nonceText !== first.nonceText) return 'nonce';
  }
  return undefined;
}
