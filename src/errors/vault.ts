import { BaseError } from './base.js';

/** The vault was written by a newer keepsake. */
export class VaultTooNewError extends BaseError {
  override readonly name = 'VaultTooNewError';
  override readonly kind = 'failed';
  constructor({ file, version, supported }: { file: string; version: number; supported: number }) {
    super(`The vault ${file} was written by a newer keepsake (schema ${version}; this one knows up to ${supported}); it was not opened.`, {
      hints: ['Upgrade keepsake.'],
      next: { do: 'other-vault' },
    });
  }
}

/**
 * A command that only reads or changes what is there found no vault at the path: a mistyped `--vault`
 * or `$KEEPSAKE_VAULT` must not make a new empty vault that looks as if every account were gone.
 */
export class VaultNotFoundError extends BaseError {
  override readonly name = 'VaultNotFoundError';
  override readonly kind = 'failed';
  constructor({ file }: { file: string }) {
    super(`There is no vault at ${file}; nothing was created.`, {
      hints: ['A vault is made only when something is first added to it.'],
      next: { do: 'check-vault-path' },
    });
  }
}

/** The vault file cannot be opened or written (permissions, disk full, not a vault). */
export class VaultUnavailableError extends BaseError {
  override readonly name = 'VaultUnavailableError';
  override readonly kind = 'failed';
  constructor({ file, reason }: { file: string; reason: string }, cause?: unknown) {
    super(`The vault ${file} cannot be used: ${reason}; nothing was changed.`, {
      hints: ['Check the path, its permissions and the free disk space.'],
      next: { do: 'other-vault' },
      cause,
    });
  }
}

/** Another keepsake process held the vault for longer than the busy timeout. */
export class VaultBusyError extends BaseError {
  override readonly name = 'VaultBusyError';
  override readonly kind = 'busy';
  constructor({ file }: { file: string }, cause?: unknown) {
    super(`The vault ${file} is busy: another keepsake is writing to it; nothing was changed.`, {
      hints: ['Wait for the other command to finish and run this one again.'],
      cause,
    });
  }
}

/** No account matches what the user named. */
export class AccountNotFoundError extends BaseError {
  override readonly name = 'AccountNotFoundError';
  override readonly kind = 'not-found';
  constructor({ query }: { query: string }) {
    super(`No account in the vault matches "${query.slice(0, 80)}".`, { next: { do: 'list', what: 'accounts' } });
  }
}

/** A name that matches more than one account. */
export class AmbiguousAccountError extends BaseError {
  override readonly name = 'AmbiguousAccountError';
  override readonly kind = 'failed';
  constructor({ query, count }: { query: string; count: number }) {
    super(`${count} accounts are called "${query.slice(0, 80)}".`, { hints: ['Name the account by its address instead.'] });
  }
}

/**
 * The account already exists in the vault. `retry` names the command that can update the existing
 * account instead (its name and network, for `add` also its password); absent when it cannot (the
 * key is there under another key type). `watch`: an address given to watch is already an account
 * (with its key or without): nothing to update, the next step is to find it in the list.
 */
export class DuplicateAccountError extends BaseError {
  override readonly name = 'DuplicateAccountError';
  override readonly kind = 'conflict';
  override readonly field = 'phrase';
  constructor({ address, name, retry }: { address: string; name: string; retry?: 'add' | 'derive' | 'watch' }) {
    super(`The account ${address} is already in the vault as "${name}"; nothing was changed.`, {
      next:
        retry === undefined
          ? { do: 'replace-duplicate' }
          : retry === 'watch'
            ? { do: 'list', what: 'accounts' }
            : { do: 'update-duplicate', relock: retry === 'add' },
    });
  }
}

/** An account that holds no key (watch-only) cannot be exported as if it did. */
export class WatchOnlyAccountError extends BaseError {
  override readonly name = 'WatchOnlyAccountError';
  override readonly kind = 'failed';
  constructor({ address }: { address: string }) {
    super(`The account ${address} is watch-only: keepsake holds its address but not its key, so there is nothing to export.`);
  }
}

/** The address is already in the address book. */
export class DuplicateAddressError extends BaseError {
  override readonly name = 'DuplicateAddressError';
  override readonly kind = 'conflict';
  override readonly field = 'address';
  constructor({ address, name }: { address: string; name: string }) {
    super(`${address} is already in the address book as "${name}"; nothing was changed.`);
  }
}

/** No address-book entry matches. */
export class AddressNotFoundError extends BaseError {
  override readonly name = 'AddressNotFoundError';
  override readonly kind = 'not-found';
  override readonly field = 'address';
  constructor({ query }: { query: string }) {
    super(`No address-book entry matches "${query.slice(0, 80)}".`, { next: { do: 'list', what: 'addresses' } });
  }
}

/**
 * An export that would write a file with nothing in it (issue 12 #4, #6): refused, no file written.
 * `what` says what was looked for; `leftOut` counts accounts there are but the file could not hold:
 * of identities whose PIN was not given, watch-only ones, and identity accounts in a list without a password.
 */
export class NothingToExportError extends BaseError {
  override readonly name = 'NothingToExportError';
  override readonly kind = 'failed';
  constructor({ what, leftOut = {} }: { what: 'accounts' | 'concordium'; leftOut?: { noPin?: number; watchOnly?: number; needsPassword?: number } }) {
    const { noPin = 0, watchOnly = 0, needsPassword = 0 } = leftOut;
    const accounts = (n: number) => (n === 1 ? '1 account' : `${n} accounts`);
    const parts = [
      ...(noPin > 0 ? [`${accounts(noPin)} of identities whose PIN was not given`] : []),
      ...(watchOnly > 0 ? [`${accounts(watchOnly)} watch-only (an address without its key), which this format cannot hold`] : []),
      ...(needsPassword > 0 ? [`${accounts(needsPassword)} of identities, which need a password to be locked with`] : []),
    ];
    const why =
      what === 'concordium'
        ? 'the vault holds no Concordium identity, account or address'
        : parts.length === 0
          ? 'the vault has no accounts'
          : `every account was left out: ${parts.join('; ')}`;
    super(`Nothing to export: ${why}; no file was written.`, {
      hints: [
        ...(what === 'concordium' ? ['Import a Concordium Desktop Wallet export first (`keepsake backup import FILE`).'] : []),
        ...(noPin > 0 ? ["Give each identity's PIN: on the terminal, or with --pin-file and one line NAME:PIN per identity."] : []),
        ...(watchOnly > 0 ? ['The Polkadot-JS Apps list keeps watch-only accounts: add --format apps.'] : []),
        ...(needsPassword > 0 ? ['Add --rekey to lock every account in the list with one password.'] : []),
      ],
    });
  }
}

/** The vault is locked (encrypted under a vault password) and no password was given. */
export class VaultPasswordNeededError extends BaseError {
  override readonly name = 'VaultPasswordNeededError';
  override readonly kind = 'usage';
  override readonly field = 'password';
  constructor({ file }: { file: string }) {
    super(`The vault ${file} is locked with a vault password, and none was given; nothing was changed.`, {
      next: { do: 'secret-from-file', option: '--vault-password-file' },
    });
  }
}

/** The vault password given does not open the vault (SQLCipher cannot tell a wrong password from an altered file). */
export class WrongVaultPasswordError extends BaseError {
  override readonly name = 'WrongVaultPasswordError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'password';
  constructor({ file }: { file: string }) {
    super(`Wrong vault password: it does not open the vault ${file}; nothing was changed.`, {
      hints: ['Check the password (case, keyboard layout) and try again; it is the vault password, not the password of an account.'],
    });
  }
}

/**
 * Setting, changing or removing the vault password needs the vault to itself: another keepsake
 * (a command, or the browser wallet) has it open.
 */
export class VaultInUseError extends BaseError {
  override readonly name = 'VaultInUseError';
  override readonly kind = 'busy';
  constructor({ file }: { file: string }, cause?: unknown) {
    super(`The vault ${file} is in use by another keepsake (a command, or the browser wallet); its password was not changed.`, {
      hints: ['Close the browser wallet and wait for other keepsake commands to finish, then try again.'],
      cause,
    });
  }
}

/** `vault lock` on a vault that already has a password, or `unlock`/`change-password` on one that has none. */
export class VaultLockStateError extends BaseError {
  override readonly name = 'VaultLockStateError';
  override readonly kind = 'usage';
  constructor({ file, locked }: { file: string; locked: boolean }) {
    super(
      locked
        ? `The vault ${file} already has a vault password; nothing was changed.`
        : `The vault ${file} has no vault password to change or remove; nothing was changed.`,
      { next: { do: locked ? 'vault-change-password' : 'vault-lock' } },
    );
  }
}

/** The browser wallet's vault is locked (at start, by "Lock now" or after a while unused): unlock it first. */
export class VaultSessionLockedError extends BaseError {
  override readonly name = 'VaultSessionLockedError';
  override readonly kind = 'closed';
  constructor({ file }: { file: string }) {
    super(`The vault ${file} is locked; nothing was done. Unlock it with the vault password first.`);
  }
}
