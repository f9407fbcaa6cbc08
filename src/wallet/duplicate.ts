import { isObject } from '../formats/json.js';
import { accountAddress } from '../keys/account.js';
import { ss58Decode, ss58Encode } from '../keys/address.js';
import type { Network } from '../networks/networks.js';
import { accountReplace, type AccountInsert, type AccountRow } from '../vault/accounts.js';
import type { Vault } from '../vault/open.js';

/**
 * What adding or deriving a key that is already in the vault does: `refuse` (the default) changes
 * nothing and says so; `update` gives the existing account the name and network asked for; `relock`
 * (account add only) also locks its stored file with the new password. The key is never replaced:
 * an account with a stored file keeps it, an identity account stays derived from its identity, and a
 * watch-only account (no key) gains the key.
 */
export type OnDuplicate = 'refuse' | 'update' | 'relock';

/** What kind of account holds a key already: with a stored file, derived from an identity, or watch-only. */
export type ExistingKind = 'file' | 'identity' | 'watch-only';

/** The account already in the vault with a key, as every face shows it. */
export type ExistingAccount = { name: string; address: string; network: string | null; type: AccountRow['type']; kind: ExistingKind; identity: string | null };

export function existingKind(row: AccountRow): ExistingKind {
  return row.identityId !== null ? 'identity' : row.fileJson !== null || row.hasFile ? 'file' : 'watch-only';
}

export function existingOf(row: AccountRow): ExistingAccount {
  return {
    name: row.name,
    address: accountAddress(row.type, row.accountId, row.ss58Prefix),
    network: row.network,
    type: row.type,
    kind: existingKind(row),
    identity: row.identityName,
  };
}

/**
 * The row as an insert/replace record, so a change can be written with `accountReplace`. A row read
 * for a listing has its file left out (`fileJson` null, `hasFile` set): written back it would drop
 * the key, so it is refused here.
 */
export function rowRecord(row: AccountRow): AccountInsert {
  if (row.hasFile && row.fileJson === null) throw new Error('rowRecord: this account row was read without its stored file');
  return {
    publicKey: row.publicKey,
    accountId: row.accountId,
    type: row.type,
    name: row.name,
    network: row.network,
    ss58Prefix: row.ss58Prefix,
    genesisHash: row.genesisHash,
    fileJson: row.fileJson,
    verified: row.verified,
    source: row.source,
    identityId: row.identityId,
    path: row.path,
    sealedPassword: row.sealedPassword,
    watchJson: row.watchJson,
  };
}

/** Where an account is shown: a named network, or none (generic Substrate format, prefix 42). */
export type Placement = { network: string | null; ss58Prefix: number; genesisHash: string | null };

export function placementOf(network: Network | undefined, fallbackPrefix = 42): Placement {
  return network === undefined
    ? { network: null, ss58Prefix: fallbackPrefix, genesisHash: null }
    : { network: network.name, ss58Prefix: network.prefix, genesisHash: network.genesisHash };
}

/**
 * A stored Polkadot{.js} file with a new name and network: `meta.name`, `meta.genesisHash` and the
 * SS58 prefix of `address` are outside the encrypted part, so no password is needed, and the key
 * inside is untouched. The address keeps its bytes (only its prefix changes); a hex address
 * (ecdsa/ethereum) stays as it is.
 */
export function fileMetaSet(fileJson: string, name: string, place: Placement): string {
  const json = JSON.parse(fileJson) as Record<string, unknown>;
  const meta: Record<string, unknown> = { ...(isObject(json['meta']) ? json['meta'] : {}), name, whenEdited: Date.now() };
  if (place.genesisHash !== null) meta['genesisHash'] = place.genesisHash;
  else delete meta['genesisHash'];
  json['meta'] = meta;
  if (typeof json['address'] === 'string' && !json['address'].startsWith('0x')) {
    try {
      json['address'] = ss58Encode(ss58Decode(json['address']).publicKey, place.ss58Prefix);
    } catch {
      // Not an SS58 address: left as the file had it (the key inside is what counts).
    }
  }
  return JSON.stringify(json);
}

/**
 * Gives an existing account a new name and network; nothing else changes (its key, file, identity
 * and path stay). Runs inside the caller's `vaultWrite`. Returns the row as it now is.
 */
export function accountNameNetworkSet(vault: Vault, row: AccountRow, name: string, place: Placement): AccountRow {
  const fileJson = row.fileJson === null ? null : fileMetaSet(row.fileJson, name, place);
  const next: AccountRow = { ...row, name, ...place, fileJson };
  accountReplace(vault, rowRecord(next));
  return next;
}

/** Whether an update would change anything the user sees. */
export function nameOrNetworkDiffers(row: AccountRow, name: string, place: Placement): boolean {
  return row.name !== name || row.network !== place.network || row.ss58Prefix !== place.ss58Prefix || row.genesisHash !== place.genesisHash;
}
