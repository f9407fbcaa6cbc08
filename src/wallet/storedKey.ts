import { bytesEqual } from '../crypto/bytes.js';
import { StoredKeyMismatchError } from '../errors/keyMismatch.js';
import { accountAddress } from '../keys/account.js';
import { schemeLoad } from '../keys/scheme.js';
import type { KeyType } from '../keys/types.js';
import type { AccountRow } from '../vault/accounts.js';

/**
 * Refuses a key that is not the account's own: the key opened from the row's stored file, or derived
 * from its identity and path, must be of the row's type and give the row's public key and account id
 * (security review #7, #10). Otherwise an edited vault row, or one a crafted backup brought in, would
 * make an export write a file for another account than the one it names. A row kept without its key
 * (a batch entry restored under its own password) records its account id in place of the key; then
 * the account id alone decides. Throws {@link StoredKeyMismatchError}; the caller wipes the key.
 */
export async function storedKeyCheck(
  row: Pick<AccountRow, 'type' | 'publicKey' | 'accountId' | 'ss58Prefix'>,
  key: { type: KeyType; publicKey: Uint8Array },
  action: 'export' | 'verify' = 'export',
): Promise<void> {
  const accountId = (await schemeLoad(row.type)).accountId(key.publicKey);
  const sameKey = bytesEqual(key.publicKey, row.publicKey) || bytesEqual(row.publicKey, row.accountId);
  if (key.type !== row.type || !sameKey || !bytesEqual(accountId, row.accountId)) {
    throw new StoredKeyMismatchError({ address: accountAddress(row.type, row.accountId, row.ss58Prefix), action });
  }
}

/** The account id a key gives under a key type, or undefined when the bytes are not such a key (not a curve point). */
export async function keyAccountId(type: KeyType, key: Uint8Array): Promise<Uint8Array | undefined> {
  const scheme = await schemeLoad(type);
  try {
    return scheme.accountId(key);
  } catch {
    return undefined;
  }
}
