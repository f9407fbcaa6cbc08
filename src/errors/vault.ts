import { BaseError } from './base.js';

/** The vault was written by a newer keepsake. */
export class VaultTooNewError extends BaseError {
  override readonly name = 'VaultTooNewError';
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
  constructor({ query }: { query: string }) {
    super(`No account in the vault matches "${query.slice(0, 80)}".`, { next: { do: 'list', what: 'accounts' } });
  }
}

/** A name that matches more than one account. */
export class AmbiguousAccountError extends BaseError {
  override readonly name = 'AmbiguousAccountError';
  constructor({ query, count }: { query: string; count: number }) {
    super(`${count} accounts are called "${query.slice(0, 80)}".`, { hints: ['Name the account by its address instead.'] });
  }
}

/** The account already exists in the vault. */
export class DuplicateAccountError extends BaseError {
  override readonly name = 'DuplicateAccountError';
  constructor({ address, name }: { address: string; name: string }) {
    super(`The account ${address} is already in the vault as "${name}"; nothing was changed.`, { next: { do: 'replace-duplicate' } });
  }
}

/** An account that holds no key (watch-only) cannot be exported as if it did. */
export class WatchOnlyAccountError extends BaseError {
  override readonly name = 'WatchOnlyAccountError';
  constructor({ address }: { address: string }) {
    super(`The account ${address} is watch-only: keepsake holds its address but not its key, so there is nothing to export.`);
  }
}

/** The address is already in the address book. */
export class DuplicateAddressError extends BaseError {
  override readonly name = 'DuplicateAddressError';
  constructor({ address, name }: { address: string; name: string }) {
    super(`${address} is already in the address book as "${name}"; nothing was changed.`);
  }
}

/** No address-book entry matches. */
export class AddressNotFoundError extends BaseError {
  override readonly name = 'AddressNotFoundError';
  constructor({ query }: { query: string }) {
    super(`No address-book entry matches "${query.slice(0, 80)}".`, { next: { do: 'list', what: 'addresses' } });
  }
}
