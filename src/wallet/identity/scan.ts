import { wipe } from '../../crypto/bytes.js';
import { UsageError } from '../../errors/usage.js';
import { accountAddress } from '../../keys/account.js';
import { pathScan } from '../../keys/find.js';
import type { KeyType } from '../../keys/types.js';
import { accountsByAccountId } from '../../vault/accounts.js';
import type { Vault } from '../../vault/open.js';
import { networkResolve } from '../network.js';
import { identityResolve, type IdentityTuning } from './common.js';
import { identityUnlock } from './unlock.js';

/**
 * "Recover without a backup file": the first `count` accounts of each common path family on a
 * network, marked when the vault already has them. Nothing is changed.
 */
export async function identityScan(
  vault: Vault,
  query: string,
  options: { network: string; count?: number; pin: string } & IdentityTuning,
): Promise<{ family: string; path: string; type: KeyType; address: string; inVault: boolean }[]> {
  const row = identityResolve(vault, query);
  const network = networkResolve(options.network);
  const count = options.count ?? 5;
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new UsageError({ reason: 'The number of indexes to try on each path is a whole number from 1 to 100.' });
  const { phrase, key } = await identityUnlock(vault, row, options.pin, options);
  wipe(key);
  const entries = await pathScan(phrase, network.name, count);
  // Any account with that key counts, also one restored from a file or added from the phrase.
  return entries.map((e) => ({
    family: e.family,
    path: e.path,
    type: e.type,
    address: accountAddress(e.type, e.accountId, network.prefix),
    inVault: accountsByAccountId(vault, e.accountId).some((a) => a.type === e.type),
  }));
}
