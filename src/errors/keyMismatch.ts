import { BaseError } from './base.js';

/**
 * The key opened from an account's stored file, or derived from its identity and path, is not the
 * key the vault row records for that account (security review #7, #10): nothing is exported.
 */
export class StoredKeyMismatchError extends BaseError {
  override readonly name = 'StoredKeyMismatchError';
  override readonly kind = 'damaged';
  readonly address: string;
  constructor({ address, action = 'export' }: { address: string; action?: 'export' | 'verify' }) {
    super(`The key stored for ${address} does not belong to it: ${action === 'export' ? 'nothing was exported' : "it is not that account's key"}.`, {
      hints: ['The vault may have been altered; restore this account from a backup.'],
    });
    this.address = address;
  }
}

/**
 * An address-only entry (Apps "Export all" list) names a `publicKey` that does not give its address
 * (security review #6): it would put one account's key under another's address.
 */
export class EntryKeyMismatchError extends BaseError {
  override readonly name = 'EntryKeyMismatchError';
  override readonly kind = 'damaged';
  constructor({ where, address }: { where: string; address: string }) {
    super(`${where}: its publicKey is not the key of its address ${address}; the entry was not used.`, {
      hints: ['The list was edited or mixed up with another; do not rely on this entry.'],
    });
  }
}
