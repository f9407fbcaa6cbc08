import { wipe } from '../../crypto/bytes.js';
import { UsageError } from '../../errors/usage.js';
import { sealedSecretOpen, sealedSecretParse } from '../../formats/identity-seal.js';
import { pairFromSuri } from '../../keys/fromSuri.js';
import type { KeyPair } from '../../keys/types.js';
import type { AccountRow } from '../../vault/accounts.js';
import { identityById } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { storedKeyCheck } from '../storedKey.js';
import type { IdentityTuning } from './common.js';
import { identityUnlock } from './unlock.js';

/**
 * The key pair of an identity account (for export), after the identity's PIN. The derived key must
 * be the one the row records ({@link storedKeyCheck}): a path edited in the vault, or an account a
 * backup attached to this identity, is refused here, the first time the PIN can tell.
 */
export async function identityAccountPair(vault: Vault, account: AccountRow, pin: string, tuning: IdentityTuning = {}): Promise<KeyPair> {
  const row = identityById(vault, account.identityId!)!;
  const unlocked = await identityUnlock(vault, row, pin, tuning);
  try {
    return await identityAccountDerive(account, unlocked);
  } finally {
    wipe(unlocked.key);
  }
}

/**
 * {@link identityAccountPair} from a phrase already opened by {@link identityUnlock}: several
 * accounts of one identity need its PIN once (an export of all of them). Checked like it.
 */
export async function identityAccountDerive(account: AccountRow, unlocked: { phrase: string; key: Uint8Array }): Promise<KeyPair> {
  let pair: KeyPair | undefined;
  try {
    let password = '';
    if (account.sealedPassword !== null) {
      const opened = sealedSecretOpen(unlocked.key, sealedSecretParse(account.sealedPassword));
      if (opened === undefined) throw new UsageError({ reason: 'The sealed path password of this account does not open with the identity PIN.', field: 'pin' });
      password = `///${new TextDecoder().decode(opened)}`;
      wipe(opened);
    }
    pair = await pairFromSuri(`${unlocked.phrase}${account.path ?? ''}${password}`, account.type);
    await storedKeyCheck(account, pair);
    return pair;
  } catch (err) {
    if (pair) wipe(pair.secretKey);
    throw err;
  }
}
