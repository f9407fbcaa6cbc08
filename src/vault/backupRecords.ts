import { vaultStatement, type Vault } from './open.js';

/**
 * The `backup_records` and `backup_covers` tables (migration 0070): the backup files keepsake wrote or
 * verified, and the accounts and identities each covers. No secret and no file content.
 */

export type BackupCoverKind = 'account' | 'identity';

/** An item a backup file holds: an account by its public key (hex), an identity by its cover key (see wallet/backupCover.ts). */
export type BackupCover = { kind: BackupCoverKind; item: string };

export type BackupRecordRow = {
  id: number;
  sha256: string;
  /** Absolute path, or null for a file the browser downloaded (only its `name` is known). */
  path: string | null;
  name: string;
  size: number;
  format: string;
  createdAt: number;
  verifiedAt: number | null;
};

/** A record as it covers one item: `coverVerifiedAt` is when a verify last checked that item in that file. */
export type BackupCoverRow = BackupRecordRow & BackupCover & { coverVerifiedAt: number | null };

type Raw = { id: number; sha256: string; path: string | null; name: string; size: number; format: string; created_at: number; verified_at: number | null };

const fromRaw = (r: Raw): BackupRecordRow => ({
  id: r.id,
  sha256: r.sha256,
  path: r.path,
  name: r.name,
  size: r.size,
  format: r.format,
  createdAt: r.created_at,
  verifiedAt: r.verified_at,
});

export function backupRecordsAll(vault: Vault): BackupRecordRow[] {
  return (vaultStatement(vault, 'SELECT * FROM backup_records ORDER BY id').all() as Raw[]).map(fromRaw);
}

export function backupRecordBySha256(vault: Vault, sha256: string): BackupRecordRow | undefined {
  const r = vaultStatement(vault, 'SELECT * FROM backup_records WHERE sha256 = ?').get(sha256) as Raw | undefined;
  return r && fromRaw(r);
}

export function backupRecordById(vault: Vault, id: number): BackupRecordRow | undefined {
  const r = vaultStatement(vault, 'SELECT * FROM backup_records WHERE id = ?').get(id) as Raw | undefined;
  return r && fromRaw(r);
}

/** Adds a record and returns its id (the caller has checked that no record has this SHA-256). */
export function backupRecordInsert(vault: Vault, r: Omit<BackupRecordRow, 'id'>): number {
  return Number(
    vaultStatement(vault, 'INSERT INTO backup_records (sha256, path, name, size, format, created_at, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      r.sha256,
      r.path,
      r.name,
      r.size,
      r.format,
      r.createdAt,
      r.verifiedAt,
    ).lastInsertRowid,
  );
}

/** Where the file is now (written again, or verified at another path) and when it was last verified. */
export function backupRecordUpdate(vault: Vault, id: number, r: Pick<BackupRecordRow, 'path' | 'name' | 'verifiedAt'>): void {
  vaultStatement(vault, 'UPDATE backup_records SET path = ?, name = ?, verified_at = ? WHERE id = ?').run(r.path, r.name, r.verifiedAt, id);
}

/** Adds what a record covers; an item already there keeps its row, and gets `verifiedAt` when one is given. */
export function backupCoversAdd(vault: Vault, backupId: number, covers: readonly BackupCover[], verifiedAt: number | null): void {
  const insert = vaultStatement(
    vault,
    `INSERT INTO backup_covers (backup_id, kind, item, verified_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (backup_id, kind, item) DO UPDATE SET verified_at = coalesce(excluded.verified_at, verified_at)`,
  );
  for (const c of covers) insert.run(backupId, c.kind, c.item, verifiedAt);
}

/** Every record with each item it covers (one row per pair), newest first. */
export function backupCoversAll(vault: Vault): BackupCoverRow[] {
  const rows = vaultStatement(
    vault,
    `SELECT r.*, c.kind, c.item, c.verified_at AS cover_verified_at FROM backup_covers c JOIN backup_records r ON r.id = c.backup_id
     ORDER BY r.created_at DESC, r.id DESC`,
  ).all() as (Raw & BackupCover & { cover_verified_at: number | null })[];
  return rows.map((r) => ({ ...fromRaw(r), kind: r.kind, item: r.item, coverVerifiedAt: r.cover_verified_at }));
}
