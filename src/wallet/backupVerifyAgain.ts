import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  BackupFileChangedError,
  BackupFileMissingError,
  BackupNotAFileError,
  BackupPathUnknownError,
  BackupRecordNotFoundError,
} from '../errors/backupHealth.js';
import { FileReadError, FileTooLargeError } from '../errors/file.js';
import { backupRecordById, type BackupRecordRow } from '../vault/backupRecords.js';
import type { Vault } from '../vault/open.js';
import { backupRecordVerified } from './backupHealth.js';
import { verifyFile, type VerifyReport } from './verify.js';

/** As large as an upload to the browser wallet may be (server/app.ts BODY_LIMIT): the same verify runs on it. */
export const BACKUP_VERIFY_AGAIN_MAX_BYTES = 16 * 1024 * 1024;

/** A verify's report as a front end shows it (what it covers is for the records only). */
export type VerifyShown = Omit<VerifyReport, 'covers'>;

/**
 * The record "Verify again" names, refused before any password is tried: no such record, or a file
 * the browser downloaded (its place is not known: the page asks the user to choose it).
 */
export function backupRecordFind(vault: Vault, id: number): BackupRecordRow & { path: string } {
  const record = backupRecordById(vault, id);
  if (record === undefined) throw new BackupRecordNotFoundError({ id });
  if (record.path === null) throw new BackupPathUnknownError({ file: record.name });
  return { ...record, path: record.path };
}

/**
 * "Verify again" (issue 16): reads the recorded file at its path — a regular file, under the cap, and
 * still the file recorded (same size and SHA-256) — and verifies it with `password` as a verify of
 * that file does, recording the verify when the file would restore. A moved, deleted or changed file
 * is refused in one sentence and nothing is recorded; so is a failed verify.
 *
 * @example
 * const report = await backupVerifyAgain(vault, 3, password)
 */
export async function backupVerifyAgain(vault: Vault, id: number, password: string, options: { now?: number } = {}): Promise<VerifyShown> {
  const record = backupRecordFind(vault, id);
  const bytes = recordedFileRead(record);
  const text = Buffer.from(bytes).toString('utf8');
  const { covers, ...shown } = await verifyFile(text, password, { file: record.path, vault });
  if (shown.restorable)
    backupRecordVerified(vault, { path: record.path, text, format: shown.format, covers, ...(options.now === undefined ? {} : { now: options.now }) });
  return shown;
}

/** The file at a record's path, read once (hashed and verified from the same bytes), or why not. */
function recordedFileRead(record: BackupRecordRow & { path: string }): Uint8Array {
  const file = record.path;
  let fd: number;
  try {
    // Checked before it is opened: opening a pipe or a device could wait forever.
    if (!statSync(file).isFile()) throw new BackupNotAFileError({ file });
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if (err instanceof BackupNotAFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new BackupFileMissingError({ file });
    throw new FileReadError({ file, code }, err);
  }
  try {
    // The file opened is the one checked: replaced between the check and the open, it is checked again.
    const st = fstatSync(fd);
    if (!st.isFile()) throw new BackupNotAFileError({ file });
    if (st.size !== record.size) throw new BackupFileChangedError({ file });
    if (st.size > BACKUP_VERIFY_AGAIN_MAX_BYTES) throw new FileTooLargeError({ file, size: st.size, limit: BACKUP_VERIFY_AGAIN_MAX_BYTES });
    const bytes = new Uint8Array(st.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== record.size || Buffer.from(sha256(bytes)).toString('hex') !== record.sha256) throw new BackupFileChangedError({ file });
    return bytes;
  } finally {
    closeSync(fd);
  }
}
