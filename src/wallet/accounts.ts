import { hexToBytes, isHex } from '../crypto/bytes.js';
import { AccountNotFoundError, AmbiguousAccountError } from '../errors/vault.js';
import { isObject } from '../formats/json.js';
import { ethereumDecode, ss58Decode } from '../keys/address.js';
import { accountByPublicKey, accountDelete, accountRename, accountsByAccountId, accountsByName, accountsListed, type AccountRow } from '../vault/accounts.js';
import { vaultCheckpoint, vaultWrite, type Vault } from '../vault/open.js';
import { accountView, type AccountView } from './accountView.js';
import { accountNameNetworkSet, nameOrNetworkDiffers, placementOf } from './duplicate.js';
import { nameValidate } from './names.js';
import { networkResolve } from './network.js';

/**
 * Every account, addresses in each account's own network format (or in `network`'s, if given).
 *
 * @example
 * accountList(vault, { network: 'kusama' })
 */
export function accountList(vault: Vault, options: { network?: string } = {}): AccountView[] {
  const prefix = options.network === undefined ? undefined : networkResolve(options.network).prefix;
  return accountsListed(vault).map((row) => accountView(row, prefix));
}

/**
 * The one account `query` names: an address in any network's format, a `0x` public key or
 * Ethereum address, or an exact name.
 */
export function accountFind(vault: Vault, query: string): AccountRow {
  const matches = candidates(vault, query.trim());
  if (matches.length === 0) throw new AccountNotFoundError({ query });
  if (matches.length > 1) throw new AmbiguousAccountError({ query, count: matches.length });
  return matches[0]!;
}

function candidates(vault: Vault, query: string): AccountRow[] {
  if (isHex(query) && (query.length === 66 || query.length === 68)) {
    const row = accountByPublicKey(vault, hexToBytes(query));
    if (row) return [row];
  }
  if (/^0x[0-9a-fA-F]{40}$/.test(query)) return accountsByAccountId(vault, ethereumDecode(query));
  try {
    const { publicKey } = ss58Decode(query);
    const rows = accountsByAccountId(vault, publicKey);
    if (rows.length > 0) return rows;
  } catch {
    // Not an SS58 address: try it as a name.
  }
  return accountsByName(vault, query);
}

/** Renames an account (and the name inside its stored file, which is not encrypted). */
export function accountRenameByQuery(vault: Vault, query: string, name: string): AccountView {
  const newName = nameValidate(name, 'account');
  return vaultWrite(vault, () => {
    const row = accountFind(vault, query);
    accountRename(vault, row.id, newName, row.fileJson === null ? null : withName(row.fileJson, newName));
    return accountView({ ...row, name: newName });
  });
}

/**
 * Puts an account under another network: its address format, its genesis hash (for Signer's QR
 * text) and the network the listings name, in the vault and in its stored file's unencrypted part
 * (no password is needed; the key is untouched). For accounts a file could not place: AXIA.js files
 * carry Polkadot's address format and genesis hash. `previous` is the network and address it had.
 *
 * @example
 * accountNetworkSet(vault, '1FRMM8PEiWXYax7rpS6X4XZX1aAAxSWx1CrKTyrVYhV24fg', 'axia')
 */
export function accountNetworkSet(
  vault: Vault,
  query: string,
  network: string,
): { account: AccountView; previous: { network: string | null; address: string } } {
  const place = placementOf(networkResolve(network));
  return vaultWrite(vault, () => {
    const row = accountFind(vault, query);
    const previous = { network: row.network, address: accountView(row).address };
    // Already there: nothing is written (its stored file keeps its edit time).
    const next = nameOrNetworkDiffers(row, row.name, place) ? accountNameNetworkSet(vault, row, row.name, place) : row;
    return { account: accountView(next), previous };
  });
}

/**
 * Removes an account from the vault. The caller has asked for confirmation. Its locked key file is
 * zeroed in the vault file (`secure_delete`) and the WAL that still held it is truncated.
 */
export function accountRemoveByQuery(vault: Vault, query: string): AccountView {
  const removed = vaultWrite(vault, () => {
    const row = accountFind(vault, query);
    accountDelete(vault, row.id);
    return accountView(row);
  });
  vaultCheckpoint(vault);
  return removed;
}

/** The stored file with `meta.name` set (meta is outside the encrypted part, so no password is needed). */
export function withName(fileJson: string, name: string): string {
  const json = JSON.parse(fileJson) as Record<string, unknown>;
  json['meta'] = { ...(isObject(json['meta']) ? json['meta'] : {}), name, whenEdited: Date.now() };
  return JSON.stringify(json);
}
