import { plural } from '../text/plural.js';
import { BaseError } from './base.js';

// The one-time link `keepsake ui` opens the browser with (src/server/launch.ts). These messages are
// read in the browser, by someone who may never have seen the terminal: no commands, no flags.

const WHAT_TO_DO = 'Open the address keepsake printed in the terminal, or start keepsake again.';

/** The link's code was already exchanged for a session (by this browser, or by someone else). */
export class LaunchLinkUsedError extends BaseError {
  override readonly name = 'LaunchLinkUsedError';
  override readonly kind = 'gone';
  constructor() {
    super('This link was already used.', { hints: [WHAT_TO_DO] });
  }
}

/** The link's code is older than its lifetime. */
export class LaunchLinkExpiredError extends BaseError {
  override readonly name = 'LaunchLinkExpiredError';
  override readonly kind = 'gone';
  constructor({ minutes }: { minutes: number }) {
    super(`This link has expired: it works only in the first ${minutes === 1 ? 'minute' : plural(minutes, 'minute')} after keepsake opened it.`, {
      hints: [WHAT_TO_DO],
    });
  }
}

/** No such code: a link from an earlier run of keepsake, or a mistyped one. */
export class LaunchLinkUnknownError extends BaseError {
  override readonly name = 'LaunchLinkUnknownError';
  override readonly kind = 'forbidden';
  constructor() {
    super('This link does not belong to the keepsake that is running now.', { hints: [WHAT_TO_DO] });
  }
}
