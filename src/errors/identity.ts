import { plural } from '../text/plural.js';
import { BaseError } from './base.js';

/** The PIN does not open the identity's sealed phrase. */
export class WrongPinError extends BaseError {
  override readonly name = 'WrongPinError';
  override readonly kind = 'wrong-secret';
  override readonly field = 'pin';
  constructor({ identity, attempts, waitSeconds }: { identity: string; attempts: number; waitSeconds: number }) {
    super(`Wrong PIN for the identity "${identity}"; nothing was shown or changed.`, {
      hints: [
        waitSeconds > 0
          ? `That was wrong PIN number ${attempts} in a row: the next try is possible in ${formatWait(waitSeconds)}.`
          : `Check the PIN and try again (after ${4 - Math.min(attempts, 3)} more wrong PINs in a row, each try must wait longer).`,
      ],
    });
  }
}

/** Too many wrong PINs: the identity refuses tries until the recorded time. */
export class PinLockedError extends BaseError {
  override readonly name = 'PinLockedError';
  override readonly kind = 'locked';
  override readonly field = 'pin';
  /** How long until the next try is accepted (the server sends it as Retry-After). */
  readonly waitSeconds: number;
  constructor({ identity, waitSeconds }: { identity: string; waitSeconds: number }) {
    super(`The identity "${identity}" is locked after repeated wrong PINs; try again in ${formatWait(waitSeconds)}.`, {
      hints: ['Each further wrong PIN doubles the wait (up to an hour).'],
    });
    this.waitSeconds = waitSeconds;
  }
}

/** No identity matches the id or name given. */
export class IdentityNotFoundError extends BaseError {
  override readonly name = 'IdentityNotFoundError';
  override readonly kind = 'not-found';
  constructor({ query }: { query: string }) {
    super(`No identity is called "${query.slice(0, 80)}" or has that id.`, { next: { do: 'list', what: 'identities' } });
  }
}

/** An identity name that is already taken. */
export class DuplicateIdentityError extends BaseError {
  override readonly name = 'DuplicateIdentityError';
  override readonly kind = 'conflict';
  override readonly field = 'name';
  constructor({ name }: { name: string }) {
    super(`An identity called "${name.slice(0, 80)}" already exists; nothing was changed.`, { hints: ['Pick another name.'] });
  }
}

/** `identity find` tried every common path and key type without producing the address. */
export class PathNotFoundError extends BaseError {
  override readonly name = 'PathNotFoundError';
  override readonly kind = 'failed';
  override readonly field = 'address';
  constructor({ address, tried }: { address: string; tried: number }) {
    super(`None of the ${plural(tried, 'common derivation path and key type', 'common derivation paths and key types')} of this identity gives ${address}.`, {
      hints: ['The account may use a ///password, an unusual path, or another recovery phrase.'],
      next: { do: 'derive-path' },
    });
  }
}

function formatWait(seconds: number): string {
  return seconds < 90 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute');
}
