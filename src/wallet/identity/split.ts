import { wipe } from '../../crypto/bytes.js';
import { bananaSplitPassphrase } from '../../formats/banana-split/passphrase.js';
import { bananaSplitOptionsCheck, bananaSplitShards, bananaSplitThreshold } from '../../formats/banana-split/split.js';
import type { Vault } from '../../vault/open.js';
import { identityResolve, type IdentityTuning } from './common.js';
import { identityUnlock } from './unlock.js';

/** What a split gives: the shards' texts (one per QR code), the passphrase (shown once, never stored) and how many recover. */
export type IdentitySplitResult = { shards: string[]; passphrase: string; required: number; title: string };

/**
 * An identity's recovery phrase as Banana Split shards (Polkadot Vault reads them): `shares` v1
 * shards under a new 4-word passphrase, any floor(shares/2)+1 of which recover the phrase. The PIN is
 * checked as "Show Recovery Phrase" checks it (a wrong one is counted); the title is the identity's
 * name unless one is given. The options are checked before the PIN try ({@link identitySplitCheck}).
 *
 * @example
 * const { shards, passphrase, required } = await identitySplit(vault, 'Phone', pin, { shares: 5 }) // required: 3
 */
export async function identitySplit(
  vault: Vault,
  query: string,
  pin: string,
  options: { shares: number; title?: string | undefined } & IdentityTuning,
): Promise<IdentitySplitResult> {
  const title = identitySplitCheck(vault, query, options);
  const { phrase, key } = await identityUnlock(vault, identityResolve(vault, query), pin, options);
  wipe(key);
  const passphrase = bananaSplitPassphrase(options.random);
  const shards = await bananaSplitShards(phrase, {
    title,
    shares: options.shares,
    passphrase,
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  return { shards, passphrase, required: bananaSplitThreshold(options.shares), title };
}

/**
 * What a split refuses before the PIN is asked for (the CLI calls it before it prompts): the identity
 * is there, and the number of shards and the title are ones Banana Split takes. Returns the title.
 */
export function identitySplitCheck(vault: Vault, query: string, options: { shares: number; title?: string | undefined }): string {
  const row = identityResolve(vault, query);
  const title = options.title ?? row.name;
  bananaSplitOptionsCheck({ title, shares: options.shares });
  return title;
}
