import { BaseError } from './base.js';

/**
 * Backup health (issue 16): "Verify again" of a backup file keepsake recorded. Each names the file
 * (its path, or its name for a download) and never its content.
 */

/** No backup record has this number (the list the page shows is out of date). */
export class BackupRecordNotFoundError extends BaseError {
  override readonly name = 'BackupRecordNotFoundError';
  override readonly kind = 'not-found';
  constructor({ id }: { id: number | string }) {
    super(`There is no record of backup file number ${id}: reload the list of backup files and try again.`);
  }
}

/** The file a record names is not where keepsake recorded it: moved or deleted. Nothing is recorded. */
export class BackupFileMissingError extends BaseError {
  override readonly name = 'BackupFileMissingError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file }: { file: string }) {
    super(`The file ${file} is no longer there: it was moved or deleted since it was recorded.`, {
      hints: ['If you have it elsewhere, verify that copy by choosing it.'],
    });
  }
}

/** The file at a record's path is not the one recorded (another size or SHA-256). Nothing is recorded. */
export class BackupFileChangedError extends BaseError {
  override readonly name = 'BackupFileChangedError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ file }: { file: string }) {
    super(`The file ${file} has changed since it was recorded, so it is no longer the backup that was written.`, {
      hints: ['Make a new backup, or verify the file by choosing it if you changed it on purpose.'],
    });
  }
}

/** A record's path names a folder, a device or a pipe: keepsake reads only regular files there. */
export class BackupNotAFileError extends BaseError {
  override readonly name = 'BackupNotAFileError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file }: { file: string }) {
    super(`${file} is not a regular file, so it was not read.`, { hints: ['Verify the backup by choosing its file.'] });
  }
}

/** A record of a file the browser downloaded: where it was saved is not known, so the server cannot read it. */
export class BackupPathUnknownError extends BaseError {
  override readonly name = 'BackupPathUnknownError';
  override readonly kind = 'usage';
  override readonly field = 'file';
  constructor({ file }: { file: string }) {
    super(`The file ${file} was downloaded by the browser, so where it is is not known: choose the file to verify it.`);
  }
}
