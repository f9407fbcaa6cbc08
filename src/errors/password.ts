import { BaseError } from './base.js';

/**
 * Authenticated decryption failed. For a secretbox this means the password is wrong — or the
 * encrypted bytes were altered, which no cipher can tell apart from a wrong password. `held` says
 * what was decrypted: a file the user gave (the default), or an account's key as the vault keeps it
 * (an export), where there is no file to speak of.
 */
export class WrongPasswordError extends BaseError {
  override readonly name = 'WrongPasswordError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'password';
  readonly subject: string | undefined;
  constructor({ subject, held = 'file' }: { subject?: string | undefined; held?: 'file' | 'vault' } = {}) {
    if (held === 'vault') {
      super(`Wrong password${subject ? ` for ${subject}` : ''}: it does not open the account's key kept in the vault; nothing was written.`, {
        hints: ["Check the password (case, keyboard layout) and try again: it is the account's own password, chosen when it was created or restored."],
      });
    } else {
      super(`Wrong password${subject ? ` for ${subject}` : ''}: the file could not be decrypted.`, {
        hints: ['Check the password (case, keyboard layout) and try again; if it is right, the encrypted part of the file was altered.'],
      });
    }
    this.subject = subject;
  }
}

/** No password was given and none could be asked for. */
export class PasswordRequiredError extends BaseError {
  override readonly name = 'PasswordRequiredError';
  override readonly kind = 'usage';
  override readonly field = 'password';
  constructor({ what = 'password', flag = '--password-file' }: { what?: string; flag?: string } = {}) {
    super(`A ${what} is needed and there is no terminal to ask for it.`, { next: { do: 'secret-from-file', option: flag } });
  }
}

/** An account inside a batch file (or a whole-wallet backup) that the file's password does not open: it has its own password. */
export class BatchEntryLockedError extends BaseError {
  override readonly name = 'BatchEntryLockedError';
  override readonly kind = 'other-secret';
  override readonly field = 'password';
  constructor({ address, container = 'batch' }: { address: string; container?: 'batch' | 'backup' }) {
    super(`The account ${address} in this ${container} is locked with its own password, not with the ${container} password, so its key could not be checked.`, {
      hints: ['Verify that account with its own password after restoring it.'],
    });
  }
}
