import { BaseError } from './base.js';

/**
 * A wallet's storage directory (a browser extension's LevelDB) is bigger than keepsake reads: more
 * files, or a larger file, than such a store holds. Raised before anything is read, so a wrong folder
 * picked (a whole profile, a disk image) costs nothing.
 */
export class StoreTooLargeError extends BaseError {
  override readonly name = 'StoreTooLargeError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ store, file, size, limit }: { store?: string | undefined; file?: string | undefined; size: number | string; limit: number | string }) {
    const where = store === undefined ? 'The wallet storage folder' : store;
    super(
      file === undefined
        ? `${where} holds ${size} files, more than the ${limit} a wallet's storage has; it was not read.`
        : `${where} has a file ${file} of ${size} bytes, more than the ${limit} bytes a wallet's storage file has; it was not read.`,
      { hints: ["Check that you picked the extension's own storage folder (Local Extension Settings, then the extension's id), not a whole browser profile."] },
    );
  }
}
