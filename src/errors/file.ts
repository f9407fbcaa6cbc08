import { plural } from '../text/plural.js';
import { BaseError } from './base.js';

/** The file holds nothing (0 bytes, or only blank space): it was not saved, copied or downloaded in full. */
export class EmptyFileError extends BaseError {
  override readonly name = 'EmptyFileError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ file, size }: { file?: string | undefined; size: number }) {
    super(`${subject(file)} is empty (${size === 0 ? '0 bytes' : `${plural(size, 'byte')} of blank space`}), so it holds no backup.`, {
      hints: ['Check that you picked the right file; if you did, it was not saved or copied completely: find another copy.'],
    });
  }
}

/**
 * The file starts as JSON should and stops before its end: the end of a download or a copy is
 * missing, not the wrong file picked (so it is not {@link NotJsonError}).
 */
export class TruncatedFileError extends BaseError {
  override readonly name = 'TruncatedFileError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ file, size }: { file?: string | undefined; size: number }) {
    super(`${subject(file)} is cut off: it starts as a wallet file does, then ends after ${plural(size, 'byte')}.`, {
      hints: ['It was not copied or downloaded completely; find the full copy.'],
    });
  }
}

/** The file's bytes are not JSON at all. */
export class NotJsonError extends BaseError {
  override readonly name = 'NotJsonError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file }: { file?: string | undefined } = {}) {
    super(`${subject(file)} is not a JSON file, so it cannot be a wallet backup.`, {
      hints: ['Check that you picked the backup file itself (it usually ends in .json).'],
    });
  }
}

/** JSON, but none of the formats keepsake knows. */
export class UnknownFormatError extends BaseError {
  override readonly name = 'UnknownFormatError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, reason }: { file?: string | undefined; reason?: string } = {}) {
    super(`${subject(file)} is not a wallet file keepsake recognises${reason ? ` (${reason})` : ''}.`, {
      hints: [
        'keepsake reads Polkadot{.js} account and "Export all" files (also as Talisman, SubWallet and AXIA.js write them), Polkadot-JS Apps exports, Ethereum keystores (v3), Nova Wallet cloud backups, its own whole-wallet backups and Concordium Desktop Wallet exports.',
      ],
    });
  }
}

/**
 * A Banana Split shard given as a backup file: it holds no account by itself — a set's shards and its
 * passphrase together recover a phrase (read only by the shard commands and the "Recover from shards" dialog).
 */
export class ShardNotBackupError extends BaseError {
  override readonly name = 'ShardNotBackupError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, title, required }: { file?: string | undefined; title: string; required: number | string }) {
    super(
      `${subject(file)} is a Banana Split shard of "${title}", not a backup file: it holds no account by itself; any ${required} shards of its set with the passphrase recover the phrase.`,
      { next: { do: 'combine-shards', required: Number(required) } },
    );
  }
}

/** A known format, but a field is missing, of the wrong type, or cut short. */
export class CorruptFileError extends BaseError {
  override readonly name = 'CorruptFileError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ file, reason }: { file?: string | undefined; reason: string }) {
    super(`${subject(file)} is damaged: ${reason}.`, {
      hints: ['The file was truncated or edited; use another copy of the backup.'],
    });
  }
}

/** The input file could not be read from disk. */
export class FileReadError extends BaseError {
  override readonly name = 'FileReadError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, code }: { file: string; code?: string | undefined }, cause?: unknown) {
    const why =
      code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission was denied' : code === 'EISDIR' ? 'it is a directory' : 'it could not be read';
    super(`Cannot read ${file}: ${why}.`, { hints: ['Check the path and try again.'], cause });
  }
}

/** An input file is larger than any wallet file could be. */
export class FileTooLargeError extends BaseError {
  override readonly name = 'FileTooLargeError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, size, limit }: { file: string; size: number; limit: number }) {
    super(`${file} is ${size} bytes, more than the ${limit} bytes a wallet file can be; it was not opened.`, {
      hints: ['Check that you picked the backup file itself.'],
    });
  }
}

function subject(file: string | undefined): string {
  return file === undefined ? 'The file' : file;
}

/**
 * A format keepsake knows, given to the wrong action: a whole-wallet backup (keepsake's, Concordium
 * Desktop's) where account files are read (`wanted: 'accounts'`: restore, verify, convert), or an
 * account file where a whole-wallet backup is imported (`wanted: 'wallet'`). `next` names the action that reads it.
 */
export class FormatNotSupportedError extends BaseError {
  override readonly name = 'FormatNotSupportedError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, label, wanted }: { file?: string | undefined; label: string; wanted: 'accounts' | 'wallet' }) {
    const kind = `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
    if (wanted === 'wallet') {
      super(`${subject(file)} is ${kind}, not a whole-wallet backup: account files are restored, not imported, so nothing was imported.`, {
        next: { do: 'use-restore' },
      });
    } else {
      super(`${subject(file)} is ${kind}: it is imported as a whole (identities, accounts and addresses), not read as account files.`, {
        next: { do: 'use-backup-import' },
      });
    }
  }
}

/** An output file that exists and would be overwritten. */
export class OutputExistsError extends BaseError {
  override readonly name = 'OutputExistsError';
  override readonly kind = 'failed';
  constructor({ file }: { file: string }) {
    super(`${file} already exists; keepsake does not overwrite files unless told to.`, { next: { do: 'overwrite' } });
  }
}

/** An output file could not be written. */
export class FileWriteError extends BaseError {
  override readonly name = 'FileWriteError';
  override readonly kind = 'failed';
  constructor({ file, code }: { file: string; code?: string | undefined }, cause?: unknown) {
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission was denied'
          : code === 'ENOENT'
            ? 'its folder does not exist'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : code === 'EISDIR'
                ? 'it is a folder'
                : 'it could not be written';
    const hint = code === 'EISDIR' ? 'Give a file name (inside that folder, if you like), then try again.' : 'Check the path and free space, then try again.';
    super(`Cannot write ${file}: ${why}; nothing was changed.`, { hints: [hint], cause });
  }
}

/** A conversion that cannot be made without losing or changing an account. */
export class ConversionImpossibleError extends BaseError {
  override readonly name = 'ConversionImpossibleError';
  override readonly kind = 'failed';
  constructor({ reason }: { reason: string }) {
    super(`This conversion is not possible: ${reason}; no file was written.`);
  }
}
