import { BaseError } from './base.js';

/** The Concordium export's password is wrong (AES-CBC padding or content does not check out). */
export class UnableToDecryptError extends BaseError {
  override readonly name = 'UnableToDecryptError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'password';
  constructor({ file }: { file?: string | undefined }) {
    super(`Unable to decrypt ${file ?? 'the file'}: the password is wrong (or the encrypted part was altered); nothing was imported.`, {
      hints: ['Use the password chosen when the export was made.'],
    });
  }
}

/** It decrypts, but what it holds is not a Concordium Desktop Wallet export. */
export class NotAnExportError extends BaseError {
  override readonly name = 'NotAnExportError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, reason }: { file?: string | undefined; reason: string }) {
    super(`${file ?? 'The file'} decrypts, but is not a Concordium Desktop Wallet export: ${reason}; nothing was imported.`);
  }
}

/** A Concordium Mobile Wallet export given where a desktop export is needed. */
export class MobileWalletExportError extends BaseError {
  override readonly name = 'MobileWalletExportError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file }: { file?: string | undefined }) {
    super(`${file ?? 'This file'} is an export from a Concordium Mobile Wallet; those are not compatible with the desktop format, so nothing was imported.`, {
      hints: ['Mobile-wallet keys come from its own recovery phrase: restore it in the Concordium Mobile Wallet instead.'],
    });
  }
}

/** The export belongs to another Concordium network than the one already in the vault. */
export class WrongNetworkError extends BaseError {
  override readonly name = 'WrongNetworkError';
  override readonly kind = 'failed';
  constructor({ file }: { file?: string | undefined }) {
    super(`${file ?? 'The file'} is from another Concordium network (genesis) than the data already imported; nothing was imported.`, {
      hints: ['It can go into a separate vault only.'],
      next: { do: 'other-vault' },
    });
  }
}

/** No Concordium identity or account in the vault is named by the query (issue 12 #6). */
export class ConcordiumItemNotFoundError extends BaseError {
  override readonly name = 'ConcordiumItemNotFoundError';
  override readonly kind = 'not-found';
  constructor({ query }: { query: string }) {
    super(`No Concordium identity or account in the vault is called "${query.slice(0, 80)}" or has that address.`, {
      next: { do: 'list', what: 'concordium' },
    });
  }
}

/** A name given to remove a Concordium item fits several (issue 12 #6). */
export class AmbiguousConcordiumItemError extends BaseError {
  override readonly name = 'AmbiguousConcordiumItemError';
  override readonly kind = 'conflict';
  constructor({ query, count }: { query: string; count: number }) {
    super(`${count} Concordium identities or accounts are called "${query.slice(0, 80)}"; nothing was removed.`, {
      hints: ['Name an account by its address.'],
    });
  }
}

/**
 * Concordium data in the vault is sealed under the password of the file it came from (issue 14), and
 * no password given opens it: it cannot be written back in the clear without that password.
 */
export class ConcordiumSealedError extends BaseError {
  override readonly name = 'ConcordiumSealedError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'concordiumPassword';
  constructor({ source, given }: { source: string; given: boolean }) {
    super(
      `The Concordium data from ${source} is sealed in the vault under that file's password, and ${given ? 'no password given opens it' : 'it was not given'}; nothing was written.`,
      {
        hints: ['Give the password that file was exported with.'],
        next: { do: 'concordium-password' },
      },
    );
  }
}

/**
 * The Concordium Desktop Wallet's own database does not open with the password given. SQLCipher
 * cannot tell a wrong key from bytes that were never a database, so both read as this.
 */
export class DesktopDatabasePasswordError extends BaseError {
  override readonly name = 'DesktopDatabasePasswordError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'password';
  constructor({ file }: { file: string }) {
    super(`${file} does not open with this password (or it is not a Concordium Desktop Wallet database); nothing was read.`, {
      hints: ['Use the password you log in to the Concordium Desktop Wallet with.'],
    });
  }
}

/** The file is not the Concordium Desktop Wallet's database: another program's, a plain SQLite file, an empty file. */
export class NotADesktopDatabaseError extends BaseError {
  override readonly name = 'NotADesktopDatabaseError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ file, reason }: { file: string; reason: string }) {
    super(`${file} is not a Concordium Desktop Wallet database: ${reason}; nothing was read.`, {
      hints: ['Pick concordium-desktop-wallet-database.sqlite3 in the folder where the wallet keeps its data.'],
    });
  }
}

/** The Concordium Desktop Wallet's database opens with the password, but part of it is missing or malformed. */
export class DesktopDatabaseDamagedError extends BaseError {
  override readonly name = 'DesktopDatabaseDamagedError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ file, reason }: { file: string; reason: string }, cause?: unknown) {
    super(`${file} is damaged: ${reason}; nothing was read.`, {
      hints: ['Use a full copy of the file, or open it once in the Concordium Desktop Wallet and make an export there.'],
      cause,
    });
  }
}

/**
 * The copy of the Concordium Desktop Wallet's database caught it in the middle of a write (a hot
 * rollback journal beside it): what it holds is not whole until the wallet finishes or undoes that write.
 */
export class DesktopDatabaseBusyError extends BaseError {
  override readonly name = 'DesktopDatabaseBusyError';
  override readonly kind = 'busy';
  override readonly field = 'file';
  constructor({ file }: { file: string }, cause?: unknown) {
    super(`${file} was being written by the Concordium Desktop Wallet (or it stopped in the middle of a write); nothing was read.`, {
      hints: ['Let the wallet finish, or start it once and close it, then try again.'],
      cause,
    });
  }
}
