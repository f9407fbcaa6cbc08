import { wipe } from '../crypto/bytes.js';
import { AccountChangedError, NothingToVerifyError } from '../errors/accountVerify.js';
import { jsonParse } from '../formats/json.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { accountVerifiedSet, type AccountRow } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountFind } from './accounts.js';
import { accountView, type AccountView } from './accountView.js';
import { storedKeyCheck } from './storedKey.js';

/**
 * Opens the key file the vault holds for an account with `password`, checks the key against the
 * account's address and recorded public key (storedKeyCheck), and records the account as checked —
 * the way out of "unchecked" for a batch entry that was restored under its own password. A wrong
 * password → WrongPasswordError and nothing changes; an identity or watch-only account has no file
 * of its own to open (NothingToVerifyError). `wasVerified`: it was already recorded as checked.
 *
 * @example
 * const { verified } = await accountVerify(vault, '5Grw…', 'its password')
 */
export async function accountVerify(vault: Vault, query: string, password: string): Promise<AccountView & { wasVerified: boolean }> {
  const { row, view, fileJson } = accountVerifyTarget(vault, query);
  const opened = await polkadotJsOpen(polkadotJsParse(jsonParse(fileJson)) as PolkadotJsSingle, password, { file: view.address });
  try {
    await storedKeyCheck(row, opened, 'verify');
  } finally {
    wipe(opened.secretKey);
  }
  // Recorded only if the file opened is still the one stored (a restore may have replaced it meanwhile).
  if (!row.verified && !vaultWrite(vault, () => accountVerifiedSet(vault, row.id, fileJson))) throw new AccountChangedError({ address: view.address });
  return { ...view, verified: true, wasVerified: row.verified };
}

/** The account `query` names, if it has a key file of its own to check (asked before its password is). */
export function accountVerifyTarget(vault: Vault, query: string): { row: AccountRow; view: AccountView; fileJson: string } {
  const row = accountFind(vault, query);
  const view = accountView(row);
  if (row.identityId !== null) throw new NothingToVerifyError({ address: view.address, identity: row.identityName });
  if (row.fileJson === null) throw new NothingToVerifyError({ address: view.address });
  return { row, view, fileJson: row.fileJson };
}
