import { BaseError } from './base.js';

/** The file's bytes are not JSON at all. */
export class NotJsonError extends BaseError {
  override readonly name = 'NotJsonError';
  constructor({ file }: { file?: string } = {}) {
    super(`${subject(file)} is not a JSON file, so it cannot be a wallet backup.`, {
      hints: ['Check that you picked the backup file itself (it usually ends in .json).'],
    });
  }
}

/** JSON, but none of the formats keepsake knows. */
export class UnknownFormatError extends BaseError {
  override readonly name = 'UnknownFormatError';
  constructor({ file, reason }: { file?: string; reason?: string } = {}) {
    super(`${subject(file)} is not a wallet file keepsake recognises${reason ? ` (${reason})` : ''}.`, {
      hints: ['keepsake reads Polkadot{.js} account and batch files; run `keepsake inspect FILE` to see what a file is.'],
    });
  }
}

/** A known format, but a field is missing, of the wrong type, or cut short. */
export class CorruptFileError extends BaseError {
  override readonly name = 'CorruptFileError';
  constructor({ file, reason }: { file?: string; reason: string }) {
    super(`${subject(file)} is damaged: ${reason}.`, {
      hints: ['The file was truncated or edited; use another copy of the backup.'],
    });
  }
}

/** The input file could not be read from disk. */
export class FileReadError extends BaseError {
  override readonly name = 'FileReadError';
  constructor({ file, code }: { file: string; code?: string | undefined }, cause?: unknown) {
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission was denied' : code === 'EISDIR' ? 'it is a directory' : 'it could not be read';
    super(`Cannot read ${file}: ${why}.`, { hints: ['Check the path and try again.'], cause });
  }
}

/** An input file is larger than any wallet file could be. */
export class FileTooLargeError extends BaseError {
  override readonly name = 'FileTooLargeError';
  constructor({ file, size, limit }: { file: string; size: number; limit: number }) {
    super(`${file} is ${size} bytes, more than the ${limit} bytes a wallet file can be; it was not opened.`, {
      hints: ['Check that you picked the backup file itself.'],
    });
  }
}

function subject(file: string | undefined): string {
  return file === undefined ? 'The file' : file;
}

/** A format keepsake recognises but cannot (yet) open for this action. */
export class FormatNotSupportedError extends BaseError {
  override readonly name = 'FormatNotSupportedError';
  constructor({ file, label, action }: { file?: string; label: string; action: string }) {
    super(`${subject(file)} is a ${label}; keepsake cannot ${action} this kind of file yet.`, {
      hints: ['Run `keepsake inspect FILE` to see what it holds.'],
    });
  }
}

/** An output file that exists and would be overwritten. */
export class OutputExistsError extends BaseError {
  override readonly name = 'OutputExistsError';
  constructor({ file }: { file: string }) {
    super(`${file} already exists; keepsake does not overwrite files unless told to.`, {
      hints: ['Pick another file name, or add --force to replace it.'],
    });
  }
}

/** An output file could not be written. */
export class FileWriteError extends BaseError {
  override readonly name = 'FileWriteError';
  constructor({ file, code }: { file: string; code?: string | undefined }, cause?: unknown) {
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EROFS' ? 'the file system is read-only' : code === 'EISDIR' ? 'it is a folder' : 'it could not be written';
    const hint = code === 'EISDIR' ? 'Give a file name (inside that folder, if you like), then try again.' : 'Check the path and free space, then try again.';
    super(`Cannot write ${file}: ${why}; nothing was changed.`, { hints: [hint], cause });
  }
}

/** A conversion that cannot be made without losing or changing an account. */
export class ConversionImpossibleError extends BaseError {
  override readonly name = 'ConversionImpossibleError';
  constructor({ reason }: { reason: string }) {
    super(`This conversion is not possible: ${reason}; no file was written.`);
  }
}
