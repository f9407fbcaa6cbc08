import { BaseError } from './base.js';

/** The command line was wrong: a missing argument, an unknown option, a bad value. */
export class UsageError extends BaseError {
  // A string, not the literal: a more precise usage error (InvalidNameError) extends this one.
  override readonly name: string = 'UsageError';
  constructor({ reason, hint }: { reason: string; hint?: string }) {
    super(reason, { hints: [hint ?? 'Run `keepsake help` to see how to use it.'] });
  }
}
