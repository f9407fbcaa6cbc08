import { bytesToHex } from '../crypto/bytes.js';
import { FORMAT_LABELS } from '../formats/detect.js';
import { accountsListed } from '../vault/accounts.js';
import { backupCoversAll, backupRecordsAll } from '../vault/backupRecords.js';
import { identitiesAll } from '../vault/identities.js';
import type { Vault } from '../vault/open.js';
import { identityCover } from './backupCover.js';
import { backupFileCheck, backupStatus, type BackupFileCheck, type BackupFileState, type BackupStatusReport } from './backupHealth.js';

/** What a known backup file covers, by the names the vault has now. */
export type BackupFileCovers = {
  accounts: string[];
  identities: string[];
  /** Items no longer in the vault (removed since), counted, not named. */
  others: number;
};

/** A backup file keepsake wrote or verified, as the Backups page lists it. No secret, no content. */
export type BackupFileView = {
  /** The record's number, for "Verify again". */
  id: number;
  name: string;
  /** Where it was written or verified; null for a file the browser downloaded (where it was saved is not known). */
  path: string | null;
  format: string;
  /** The format in words (formats/detect.ts FORMAT_LABELS; shards and formats it has no label for: "backup file"). */
  label: string;
  /** SHA-256 of the file (hex): what the states of accounts and identities name their file by. */
  sha256: string;
  size: number;
  /** When keepsake first wrote or saw it. */
  createdAt: number;
  /** When a verify last opened it with its password; null: never. */
  verifiedAt: number | null;
  /** Whether it is still there, unchanged (`unknown` for a download). */
  file: BackupFileState;
  covers: BackupFileCovers;
};

/** GET /api/backups: the state of every account and identity, and every known backup file. */
export type BackupOverview = { status: BackupStatusReport; files: BackupFileView[] };

/**
 * Backup health for the browser's Backups page and badges (issue 16): {@link backupStatus} and every
 * recorded file, each file checked on disk once (by size, then SHA-256) for both.
 *
 * @example
 * const { status, files } = backupOverview(vault)
 */
export function backupOverview(vault: Vault, options: { now?: number; fileCheck?: BackupFileCheck } = {}): BackupOverview {
  const check = options.fileCheck ?? backupFileCheck;
  const seen = new Map<string, BackupFileState>();
  const fileCheck: BackupFileCheck = (path, expected) => {
    const key = `${expected.sha256}\n${path}`;
    let state = seen.get(key);
    if (state === undefined) seen.set(key, (state = check(path, expected)));
    return state;
  };
  const status = backupStatus(vault, { ...options, fileCheck });

  const accountNames = new Map(accountsListed(vault).map((a) => [bytesToHex(a.publicKey), a.name]));
  const identityNames = new Map<string, string>();
  for (const i of identitiesAll(vault)) {
    const cover = identityCover(i.sealed);
    if (cover !== undefined) identityNames.set(cover.item, i.name);
  }
  const covers = new Map<number, BackupFileCovers>();
  for (const c of backupCoversAll(vault)) {
    let of = covers.get(c.id);
    if (of === undefined) covers.set(c.id, (of = { accounts: [], identities: [], others: 0 }));
    const name = (c.kind === 'account' ? accountNames : identityNames).get(c.item);
    if (name === undefined) of.others += 1;
    else (c.kind === 'account' ? of.accounts : of.identities).push(name);
  }

  const files = backupRecordsAll(vault)
    .reverse()
    .map((r) => ({
      id: r.id,
      name: r.name,
      path: r.path,
      format: r.format,
      label: r.format === 'banana-split' ? 'Banana Split shards' : ((FORMAT_LABELS as Record<string, string>)[r.format] ?? 'backup file'),
      sha256: r.sha256,
      size: r.size,
      createdAt: r.createdAt,
      verifiedAt: r.verifiedAt,
      file: r.path === null ? ('unknown' as const) : fileCheck(r.path, r),
      covers: covers.get(r.id) ?? { accounts: [], identities: [], others: 0 },
    }));
  return { status, files };
}
