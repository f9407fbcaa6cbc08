import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../crypto/bytes.js';
import { accountsListed } from '../vault/accounts.js';
import {
  backupCoversAdd,
  backupCoversAll,
  backupRecordBySha256,
  backupRecordInsert,
  backupRecordUpdate,
  type BackupCover,
  type BackupCoverRow,
  type BackupRecordRow,
} from '../vault/backupRecords.js';
import { identitiesAll } from '../vault/identities.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView } from './accountView.js';
import { accountCover, identityCover } from './backupCover.js';

/**
 * Backup health (issue 16): the vault remembers every backup file keepsake wrote or verified — its
 * SHA-256, where it is, what it covers — never its content or a secret, and says for each account and
 * identity whether a verified backup of it still exists.
 */

export type BackupRecordWrite = {
  /** Where the file was written, or null when only its `name` is known (a file the browser downloaded). */
  path: string | null;
  /** The file name; by default the last part of `path`. */
  name?: string;
  /** The file's text exactly as written. */
  text: string;
  /** Its format (formats/detect.ts names). */
  format: string;
  covers: readonly BackupCover[];
  now?: number;
};

/**
 * Records a backup file keepsake has just written. The same file written again (same SHA-256: an
 * Apps list without a password is the same bytes each time) keeps its record, at its new place.
 *
 * @example
 * outputWrite(out, json, false)
 * backupRecordWritten(vault, { path: out, text: json, format: 'polkadot-js', covers })
 */
export function backupRecordWritten(vault: Vault, w: BackupRecordWrite): BackupRecordRow {
  return backupRecordSave(vault, w, null);
}

/**
 * Records a successful verify of a file (its keys opened with the password and checked): a known file
 * (same SHA-256) is marked verified now, at the path it was verified at; an unknown one gets a new
 * record, verified. Only the items `covers` names (those the verify checked) count as verified. A
 * verify that failed must not call this.
 */
export function backupRecordVerified(vault: Vault, v: Omit<BackupRecordWrite, 'path'> & { path?: string | null }): BackupRecordRow {
  return backupRecordSave(vault, { ...v, path: v.path ?? null }, v.now ?? Date.now());
}

function backupRecordSave(vault: Vault, w: BackupRecordWrite, verifiedAt: number | null): BackupRecordRow {
  const now = w.now ?? Date.now();
  const sha = sha256Hex(utf8(w.text));
  const path = w.path === null ? null : resolve(w.path);
  const name = w.name ?? (path === null ? 'backup' : basename(path));
  return vaultWrite(vault, () => {
    const known = backupRecordBySha256(vault, sha);
    let id: number;
    if (known === undefined) {
      const row = { sha256: sha, path, name, size: utf8(w.text).length, format: w.format, createdAt: now, verifiedAt };
      id = backupRecordInsert(vault, row);
    } else {
      id = known.id;
      // Seen at a path: the record moves there. Seen without one (a download, a verify of pasted text): the place recorded stays.
      const place = path === null && known.path !== null ? { path: known.path, name: known.name } : { path, name };
      backupRecordUpdate(vault, id, { ...place, verifiedAt: verifiedAt ?? known.verifiedAt });
    }
    backupCoversAdd(vault, id, w.covers, verifiedAt);
    return backupRecordBySha256(vault, sha)!;
  });
}

/** Whether a recorded file is still where it was with the same content: `unknown` when no path was recorded (a download). */
export type BackupFileState = 'present' | 'missing' | 'changed' | 'unknown';

export type BackupFileCheck = (path: string, expected: { sha256: string; size: number }) => BackupFileState;

/**
 * `verified`: a verified backup whose file is still there, unchanged (or, for a file the browser
 * downloaded, whose place is not known, verified from the file the user chose). `unverified`: backed up, never
 * verified. `missing`/`changed`: the backup it had was moved,
 * deleted or changed — never counted as verified. `none`: no backup. `watch-only`: no key, nothing to back up.
 */
export type BackupState = 'verified' | 'unverified' | 'missing' | 'changed' | 'none' | 'watch-only';

export type BackupStatusFile = {
  name: string;
  path: string | null;
  sha256: string;
  format: string;
  createdAt: number;
  /** When a verify last checked this item in this file. */
  verifiedAt: number | null;
  file: BackupFileState;
};

export type BackupStatusItem = {
  kind: 'account' | 'identity';
  name: string;
  /** The account's address (null for an identity). */
  address: string | null;
  publicKey: string | null;
  /** The identity an account is derived from. */
  identity: string | null;
  state: BackupState;
  /** The backup file the state is about (null for `none` and `watch-only`). */
  backup: BackupStatusFile | null;
  /** An account derived from an identity with no backup of its own: its state is its identity's. */
  viaIdentity: boolean;
};

export type BackupStatusReport = {
  items: BackupStatusItem[];
  /** Every account and identity that needs a backup has a verified one. */
  ok: boolean;
  checkedAt: number;
};

/**
 * The backup state of every account and identity. Each recorded file a state rests on is checked on
 * disk (`fileCheck`, by default its size then its SHA-256): a moved, deleted or changed file is
 * `missing`/`changed`, never verified.
 *
 * @example
 * const { ok, items } = backupStatus(vault)
 * for (const i of items) console.log(i.name, i.state)
 */
export function backupStatus(vault: Vault, options: { now?: number; fileCheck?: BackupFileCheck } = {}): BackupStatusReport {
  const check = options.fileCheck ?? backupFileCheck;
  const byItem = new Map<string, BackupCoverRow[]>();
  for (const c of backupCoversAll(vault)) {
    const key = `${c.kind}:${c.item}`;
    byItem.set(key, [...(byItem.get(key) ?? []), c]);
  }
  const files = new Map<number, BackupFileState>();
  const fileOf = (r: BackupCoverRow): BackupFileState => {
    let state = files.get(r.id);
    if (state === undefined) {
      state = r.path === null ? 'unknown' : check(r.path, { sha256: r.sha256, size: r.size });
      files.set(r.id, state);
    }
    return state;
  };
  const stateOf = (cover: BackupCover | undefined) => itemState(cover === undefined ? [] : (byItem.get(`${cover.kind}:${cover.item}`) ?? []), fileOf);

  const items: BackupStatusItem[] = [];
  const identityStates = new Map<number, ReturnType<typeof itemState>>();
  for (const i of identitiesAll(vault)) {
    const s = stateOf(identityCover(i.sealed));
    identityStates.set(i.id, s);
    items.push({ kind: 'identity', name: i.name, address: null, publicKey: null, identity: null, ...s, viaIdentity: false });
  }
  for (const row of accountsListed(vault)) {
    const view = accountView(row);
    const base = { kind: 'account' as const, name: row.name, address: view.address, publicKey: view.publicKey, identity: row.identityName };
    if (!row.hasFile && row.identityId === null) {
      items.push({ ...base, state: 'watch-only', backup: null, viaIdentity: false });
      continue;
    }
    const own = stateOf(accountCover(row.publicKey));
    const ofIdentity = row.identityId === null ? undefined : identityStates.get(row.identityId);
    // Its identity's phrase (with the path the vault keeps) derives it again: that backup covers it.
    if (own.state === 'none' && ofIdentity !== undefined && ofIdentity.state !== 'none') items.push({ ...base, ...ofIdentity, viaIdentity: true });
    else items.push({ ...base, ...own, viaIdentity: false });
  }
  return { items, ok: items.every((i) => i.state === 'verified' || i.state === 'watch-only'), checkedAt: options.now ?? Date.now() };
}

/**
 * How many accounts and identities have no backup at all (watch-only accounts need none; an account
 * of an identity is covered by its identity's). Reads no file: for the line after a command that adds.
 */
export function backupMissingCount(vault: Vault): { accounts: number; identities: number } {
  const none = backupStatus(vault, { fileCheck: () => 'unknown' }).items.filter((i) => i.state === 'none');
  return { accounts: none.filter((i) => i.kind === 'account').length, identities: none.filter((i) => i.kind === 'identity').length };
}

/**
 * An item's state from the records that cover it (newest first): the newest verify whose file is still
 * there; else the newest of its last verify and its newest backup, as its file now is.
 */
function itemState(rows: readonly BackupCoverRow[], fileOf: (r: BackupCoverRow) => BackupFileState): { state: BackupState; backup: BackupStatusFile | null } {
  const newest = rows[0];
  if (newest === undefined) return { state: 'none', backup: null };
  const verified = rows.filter((r) => r.coverVerifiedAt !== null).sort((a, b) => b.coverVerifiedAt! - a.coverVerifiedAt!);
  const good = verified.find((r) => fileOf(r) === 'present');
  if (good !== undefined) return { state: 'verified', backup: fileInfo(good, 'present') };
  // A file the browser downloaded and then verified (chosen by the user, opened with its password):
  // verified, though where it is cannot be checked again (its file state says `unknown`).
  const chosen = verified.find((r) => fileOf(r) === 'unknown');
  if (chosen !== undefined) return { state: 'verified', backup: fileInfo(chosen, 'unknown') };
  const last = verified[0];
  const r = last !== undefined && last.coverVerifiedAt! >= newest.createdAt ? last : newest;
  const file = fileOf(r);
  return { state: file === 'missing' || file === 'changed' ? file : 'unverified', backup: fileInfo(r, file) };
}

function fileInfo(r: BackupCoverRow, file: BackupFileState): BackupStatusFile {
  return { name: r.name, path: r.path, sha256: r.sha256, format: r.format, createdAt: r.createdAt, verifiedAt: r.coverVerifiedAt, file };
}

/** Whether the file at `path` is the one recorded: its size first (no read when it differs), then its SHA-256. */
export function backupFileCheck(path: string, expected: { sha256: string; size: number }): BackupFileState {
  try {
    const st = statSync(path);
    if (!st.isFile()) return 'missing';
    if (st.size !== expected.size) return 'changed';
    return sha256Hex(readFileSync(path)) === expected.sha256 ? 'present' : 'changed';
  } catch {
    return 'missing';
  }
}

/** SHA-256 as 64 hex digits (no 0x: a file's hash, as `sha256sum` prints it). */
function sha256Hex(bytes: Uint8Array): string {
  return Buffer.from(sha256(bytes)).toString('hex');
}
