import { ShardSecretNotPhraseError } from '../../errors/bananaSplit.js';
import { bananaSplitCombine, bananaSplitSetCheck, type ShardInput } from '../../formats/banana-split/combine.js';
import { bananaSplitPassphraseNormalize } from '../../formats/banana-split/passphrase.js';
import { mnemonicNormalize, mnemonicValidate } from '../../keys/mnemonic.js';
import { identityById } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { nameValidate } from '../names.js';
import { identitySummary, type IdentitySummary, type IdentityTuning } from './common.js';
import { identitySave } from './save.js';
import { identityOfPhrase, identityShardsVerified } from './shardRecords.js';

/** What a combine kept: the identity, and whether it was already in the vault (then nothing new was made). */
export type IdentityCombineResult = IdentitySummary & { existing: boolean };

/**
 * "Recover from shards": the recovery phrase a set of Banana Split shards (v0 or v1) holds, kept as a
 * new identity under a new PIN, as "Recover existing identity" keeps a typed phrase. The identity is
 * named after the set's title unless `name` is given; the passphrase may be typed with spaces for its
 * dashes. Shards that open to anything but a BIP-39 phrase are refused ({@link ShardSecretNotPhraseError}).
 * A phrase that is already an identity of this vault ({@link identityOfPhrase}) makes no second one:
 * the result is that identity, `existing: true`. Either way the shards are recorded verified backups
 * of the identity (backup health); `paths` gives where each shard is (by index; null or absent: not known).
 *
 * @example
 * await identityCombine(vault, [shard1, shard3], 'orbit lamp tiger salad', { pin: '123456' }) // { name: 'Phone', existing: false, … }
 */
export async function identityCombine(
  vault: Vault,
  shards: readonly ShardInput[],
  passphrase: string,
  options: { pin: string; name?: string | undefined; paths?: readonly (string | null)[] } & IdentityTuning,
): Promise<IdentityCombineResult> {
  identityCombineCheck(shards, options);
  const { phrase, title } = await identityCombineOpen(shards, passphrase);
  const texts = shards.map((s) => (typeof s === 'string' ? s : s.text));
  const records = texts.map((text, i) => ({ text, path: options.paths?.[i] ?? null }));
  const now = options.now?.();
  const known = await identityOfPhrase(vault, phrase, texts);
  if (known !== undefined) {
    identityShardsVerified(vault, known, records, now);
    return { ...identitySummary(vault, known), existing: true };
  }
  const made = await identitySave(vault, { ...options, name: options.name ?? title, mnemonic: phrase });
  identityShardsVerified(vault, identityById(vault, made.id)!, records, now);
  return { ...made, existing: false };
}

/**
 * What "Recover from shards" refuses before the passphrase and the new PIN are asked for: the shards
 * (each one, of one set, none twice, enough of them) and the name the identity will take. Returns the set's title.
 */
export function identityCombineCheck(shards: readonly ShardInput[], options: { name?: string | undefined }): { title: string; required: number } {
  const { title, required } = bananaSplitSetCheck(shards);
  nameValidate(options.name ?? title, 'identity');
  return { title, required };
}

/**
 * The recovery phrase the shards hold (normalised), with the set's title, without touching any vault:
 * so a front end learns of a wrong passphrase (or shards that hold no phrase) before it asks for a new
 * PIN or opens the vault. The passphrase may be typed with spaces for its dashes.
 *
 * @example
 * const { phrase, title } = await identityCombineOpen([shard1, shard3], 'orbit-lamp-tiger-salad')
 */
export async function identityCombineOpen(shards: readonly ShardInput[], passphrase: string): Promise<{ phrase: string; title: string }> {
  const { title } = bananaSplitSetCheck(shards);
  const secret = await bananaSplitCombine(shards, bananaSplitPassphraseNormalize(passphrase));
  try {
    mnemonicValidate(secret);
  } catch (cause) {
    throw new ShardSecretNotPhraseError({ title, cause });
  }
  return { phrase: mnemonicNormalize(secret), title };
}
