import { BaseError } from './base.js';

/**
 * `rescue restore` found nothing to restore: no account in the stores searched, or none with the
 * addresses given (`addresses`, as the user typed them, comma-separated; empty when none was named).
 */
export class NothingFoundError extends BaseError {
  override readonly name = 'NothingFoundError';
  override readonly kind = 'not-found';
  constructor({ addresses }: { addresses: string }) {
    super(
      addresses === ''
        ? 'No Polkadot{.js}-format account was found in the wallet storage searched; nothing was restored.'
        : `None of the accounts found has the address given (${addresses.slice(0, 300)}); nothing was restored.`,
      { next: { do: 'rescue-scan' } },
    );
  }
}
