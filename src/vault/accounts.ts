import { accountAddress } from '../keys/account.js';
import type { BackupAccount } from '../formats/keepsake-backup.js';
import type { KeyType } from '../keys/types.js';
import { vaultStatement, type Vault } from './open.js';

/**
 * An account as the vault keeps it: what a backup carries of it ({@link BackupAccount}, which names its
 * identity; here by id and name), and the vault's own columns. `fileJson` is still encrypted with the account's own password.
 */
export type AccountRow = Omit<BackupAccount, 'identity'> & {
  id: number;
  /** Whether a file is stored (false for watch-only and identity accounts); set even when `fileJson` was not read. */
  hasFile: boolean;
  identityId: number | null;
  identityName: string | null;
  updatedAt: number;
};

export type AccountInsert = Omit<
  AccountRow,
  'id' | 'createdAt' | 'updatedAt' | 'identityName' | 'identityId' | 'path' | 'sealedPassword' | 'hasFile' | 'watchJson'
> &
  Partial<Pick<AccountRow, 'identityId' | 'path' | 'sealedPassword' | 'watchJson'>>;

type Raw = {
  id: number;
  public_key: Buffer;
  account_id: Buffer;
  type: KeyType;
  name: string;
  network: string | null;
  ss58_prefix: number;
  genesis_hash: string | null;
  file_json: string | null;
  has_file: number;
  verified: number;
  source: string;
  identity_id: number | null;
  identity_name: string | null;
  path: string | null;
  sealed_password: string | null;
  watch_json: string | null;
  created_at: number;
  updated_at: number;
};

function fromRaw(r: Raw): AccountRow {
  return {
    id: r.id,
    // Buffers are Uint8Arrays already: no copy (a listing maps thousands of rows).
    publicKey: r.public_key,
    accountId: r.account_id,
    type: r.type,
    name: r.name,
    network: r.network,
    ss58Prefix: r.ss58_prefix,
    genesisHash: r.genesis_hash,
    fileJson: r.file_json,
    hasFile: r.has_file === 1,
    verified: r.verified === 1,
    source: r.source,
    identityId: r.identity_id,
    identityName: r.identity_name,
    path: r.path,
    sealedPassword: r.sealed_password,
    watchJson: r.watch_json,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const SELECT = 'SELECT a.*, a.file_json IS NOT NULL AS has_file, i.name AS identity_name FROM accounts a LEFT JOIN identities i ON i.id = a.identity_id';

/** What a listing needs: everything but the stored files (megabytes for a large vault). */
const SELECT_LIST = `SELECT a.id, a.public_key, a.account_id, a.type, a.name, a.network, a.ss58_prefix, a.genesis_hash, NULL AS file_json,
  a.file_json IS NOT NULL AS has_file, a.verified, a.source, a.identity_id, a.path, a.sealed_password, a.watch_json, a.created_at, a.updated_at, i.name AS identity_name
  FROM accounts a LEFT JOIN identities i ON i.id = a.identity_id`;

/** Every account without its stored file (`fileJson` null, `hasFile` set): for listings. */
export function accountsListed(vault: Vault): AccountRow[] {
  return (vaultStatement(vault, `${SELECT_LIST} ORDER BY a.id`).all() as Raw[]).map(fromRaw);
}

export function accountsAll(vault: Vault): AccountRow[] {
  return (vaultStatement(vault, `${SELECT} ORDER BY a.id`).all() as Raw[]).map(fromRaw);
}

export function accountsOfIdentity(vault: Vault, identityId: number): AccountRow[] {
  return (vaultStatement(vault, `${SELECT} WHERE a.identity_id = ? ORDER BY a.id`).all(identityId) as Raw[]).map(fromRaw);
}

export function accountsCount(vault: Vault): number {
  return (vaultStatement(vault, 'SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

export function accountByPublicKey(vault: Vault, publicKey: Uint8Array): AccountRow | undefined {
  const r = vaultStatement(vault, `${SELECT} WHERE a.public_key = ?`).get(Buffer.from(publicKey)) as Raw | undefined;
  return r && fromRaw(r);
}

export function accountsByAccountId(vault: Vault, accountId: Uint8Array): AccountRow[] {
  return (vaultStatement(vault, `${SELECT} WHERE a.account_id = ?`).all(Buffer.from(accountId)) as Raw[]).map(fromRaw);
}

export function accountsByName(vault: Vault, name: string): AccountRow[] {
  return (vaultStatement(vault, `${SELECT} WHERE a.name = ?`).all(name) as Raw[]).map(fromRaw);
}

/**
 * The columns an insert or a replacement writes, with named parameters (one list for both statements).
 * `address` (migration 0050) is still written for tools that read the table, but keepsake never reads
 * it back: an edited row would show another address (accountView derives it from `account_id`).
 */
const COLUMNS = [
  'account_id',
  'type',
  'name',
  'network',
  'ss58_prefix',
  'genesis_hash',
  'file_json',
  'verified',
  'source',
  'identity_id',
  'path',
  'sealed_password',
  'watch_json',
  'address',
] as const;

function params(a: AccountInsert, now: number) {
  return {
    public_key: Buffer.from(a.publicKey),
    account_id: Buffer.from(a.accountId),
    type: a.type,
    name: a.name,
    network: a.network,
    ss58_prefix: a.ss58Prefix,
    genesis_hash: a.genesisHash,
    file_json: a.fileJson,
    verified: a.verified ? 1 : 0,
    source: a.source,
    identity_id: a.identityId ?? null,
    path: a.path ?? null,
    sealed_password: a.sealedPassword ?? null,
    watch_json: a.watchJson ?? null,
    address: accountAddress(a.type, a.accountId, a.ss58Prefix),
    now,
  };
}

/** Inserts an account; the caller runs it inside `vaultWrite`. Returns the new id. */
export function accountInsert(vault: Vault, a: AccountInsert, now = Date.now()): number {
  const sql = `INSERT INTO accounts (public_key, ${COLUMNS.join(', ')}, created_at, updated_at)
               VALUES (@public_key, ${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`;
  return Number(vaultStatement(vault, sql).run(params(a, now)).lastInsertRowid);
}

/** Replaces the stored account with the same public key (keeps its id and creation time). */
export function accountReplace(vault: Vault, a: AccountInsert, now = Date.now()): void {
  const sql = `UPDATE accounts SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE public_key = @public_key`;
  vaultStatement(vault, sql).run(params(a, now));
}

export function accountRename(vault: Vault, id: number, name: string, fileJson: string | null, now = Date.now()): void {
  vaultStatement(vault, 'UPDATE accounts SET name = ?, file_json = ?, updated_at = ? WHERE id = ?').run(name, fileJson, now, id);
}

export function accountDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM accounts WHERE id = ?').run(id);
}

/**
 * Records that an account's key was checked against its address, if its stored file is still
 * `fileJson` (the one that was opened: a restore may have replaced it since). True when it was
 * recorded. The caller runs it inside `vaultWrite`.
 */
export function accountVerifiedSet(vault: Vault, id: number, fileJson: string, now = Date.now()): boolean {
  return vaultStatement(vault, 'UPDATE accounts SET verified = 1, updated_at = ? WHERE id = ? AND file_json = ?').run(now, id, fileJson).changes === 1;
}
