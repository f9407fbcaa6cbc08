import { BaseError } from './base.js';

/**
 * `account verify` of an account that has no key file of its own to open: one derived from an
 * identity (its key comes from the identity's phrase) or a watch-only one (no key at all).
 */
export class NothingToVerifyError extends BaseError {
  override readonly name = 'NothingToVerifyError';
  override readonly kind = 'failed';
  constructor({ address, identity }: { address: string; identity?: string | null }) {
    super(
      identity !== undefined
        ? `The account ${address} is derived from the identity "${(identity ?? '').slice(0, 80)}": its key comes from that identity's phrase and is checked whenever the identity's PIN is given, so there is no password of its own to verify.`
        : `The account ${address} is watch-only: keepsake holds its address but not its key, so there is no key to verify.`,
    );
  }
}

/** The account was restored or replaced again while its key was being checked: nothing was recorded. */
export class AccountChangedError extends BaseError {
  override readonly name = 'AccountChangedError';
  override readonly kind = 'failed';
  constructor({ address }: { address: string }) {
    super(`The account ${address} changed while its key was being checked (it was restored or replaced again), so nothing was recorded.`, {
      hints: ['Check it again.'],
    });
  }
}
