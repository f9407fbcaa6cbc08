import type { KeyType } from '../keys/types.js';
import type { Vault } from './open.js';

/** An account as the vault keeps it. `fileJson` is still encrypted with the account's own password. */
export type AccountRow = {
  id: number;
  publicKey: Uint8Array;
  accountId: Uint8Array;
  type: KeyType;
  name: string;
  network: string | null;
  ss58Prefix: number;
  genesisHash: string | null;
  fileJson: string | null;
  /** False for batch entries that were locked with a password other than the one given at restore. */
  verified: boolean;
  source: string;
  createdAt: number;
  updatedAt: number;
};

export type AccountInsert = Omit<AccountRow, 'id' | 'createdAt' | 'updatedAt'>;

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
  verified: number;
  source: string;
  created_at: number;
  updated_at: number;
};

function fromRaw(r: Raw): AccountRow {
  return {
    id: r.id,
    publicKey: new Uint8Array(r.public_key),
    accountId: new Uint8Array(r.account_id),
    type: r.type,
    name: r.name,
    network: r.network,
    ss58Prefix: r.ss58_prefix,
    genesisHash: r.genesis_hash,
    fileJson: r.file_json,
    verified: r.verified === 1,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function accountsAll(vault: Vault): AccountRow[] {
  return (vault.db.prepare('SELECT * FROM accounts ORDER BY id').all() as Raw[]).map(fromRaw);
}

export function accountsCount(vault: Vault): number {
  return (vault.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

export function accountByPublicKey(vault: Vault, publicKey: Uint8Array): AccountRow | undefined {
  const r = vault.db.prepare('SELECT * FROM accounts WHERE public_key = ?').get(Buffer.from(publicKey)) as Raw | undefined;
  return r && fromRaw(r);
}

export function accountsByAccountId(vault: Vault, accountId: Uint8Array): AccountRow[] {
  return (vault.db.prepare('SELECT * FROM accounts WHERE account_id = ?').all(Buffer.from(accountId)) as Raw[]).map(fromRaw);
}

export function accountsByName(vault: Vault, name: string): AccountRow[] {
  return (vault.db.prepare('SELECT * FROM accounts WHERE name = ?').all(name) as Raw[]).map(fromRaw);
}

/** Inserts an account; the caller runs it inside `vaultWrite`. Returns the new id. */
export function accountInsert(vault: Vault, a: AccountInsert, now = Date.now()): number {
  const info = vault.db
    .prepare(
      `INSERT INTO accounts (public_key, account_id, type, name, network, ss58_prefix, genesis_hash, file_json, verified, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(Buffer.from(a.publicKey), Buffer.from(a.accountId), a.type, a.name, a.network, a.ss58Prefix, a.genesisHash, a.fileJson, a.verified ? 1 : 0, a.source, now, now);
  return Number(info.lastInsertRowid);
}

/** Replaces the stored account with the same public key (keeps its id and creation time). */
export function accountReplace(vault: Vault, a: AccountInsert, now = Date.now()): void {
  vault.db
    .prepare(
      `UPDATE accounts SET account_id = ?, type = ?, name = ?, network = ?, ss58_prefix = ?, genesis_hash = ?, file_json = ?, verified = ?, source = ?, updated_at = ?
       WHERE public_key = ?`,
    )
    .run(Buffer.from(a.accountId), a.type, a.name, a.network, a.ss58Prefix, a.genesisHash, a.fileJson, a.verified ? 1 : 0, a.source, now, Buffer.from(a.publicKey));
}

export function accountRename(vault: Vault, id: number, name: string, fileJson: string | null, now = Date.now()): void {
  vault.db.prepare('UPDATE accounts SET name = ?, file_json = ?, updated_at = ? WHERE id = ?').run(name, fileJson, now, id);
}

export function accountDelete(vault: Vault, id: number): void {
  vault.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
}
