import { wipe } from '../../crypto/bytes.js';
import type { Vault } from '../../vault/open.js';
import { identityResolve, type IdentityTuning } from './common.js';
import { identityUnlock } from './unlock.js';

/** "Show Recovery Phrase": the phrase, only after the PIN. */
export async function identityShowPhrase(vault: Vault, query: string, pin: string, tuning: IdentityTuning = {}): Promise<{ mnemonic: string }> {
  const { phrase, key } = await identityUnlock(vault, identityResolve(vault, query), pin, tuning);
  wipe(key);
  return { mnemonic: phrase };
}
