import { bytesToHex } from '../crypto/bytes.js';
import { accountAddress } from '../keys/account.js';
import type { KeyType } from '../keys/types.js';
import type { AccountRow } from '../vault/accounts.js';

/** An account as every face shows it (`account list --json` shape of DESIGN.md, plus a few fields). */
export type AccountView = {
  address: string;
  name: string;
  type: KeyType;
  publicKey: string;
  network: string | null;
  genesisHash: string | null;
  identity: string | null;
  path: string | null;
  /** False for an account keepsake holds only the address of. */
  hasKey: boolean;
  /** False when its key could not be checked against its address at restore (a batch entry with its own password). */
  verified: boolean;
};

/**
 * The address is always derived from the row's account id (its type and the network prefix), never
 * read from the `address` column: that column is a cache an edit to the vault file could change, and
 * what a person sees, scans (Signer QR) or is told was exported must be the key's own address.
 */
export function accountView(row: AccountRow, prefix = row.ss58Prefix): AccountView {
  return {
    address: accountAddress(row.type, row.accountId, prefix),
    name: row.name,
    type: row.type,
    publicKey: bytesToHex(row.publicKey),
    network: row.network,
    genesisHash: row.genesisHash,
    identity: row.identityName,
    path: row.identityId === null ? row.path : (row.path ?? ''),
    hasKey: row.hasFile || row.identityId !== null,
    verified: row.verified,
  };
}
