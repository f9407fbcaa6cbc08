import { BaseError } from './base.js';

/**
 * The command line or a form was wrong: a missing argument, an unknown option, a bad value. Without
 * a `hint` of its own, the next step is the command's help (which only the CLI has).
 */
export class UsageError extends BaseError {
  // A string, not the literal: a more precise usage error (InvalidNameError) extends this one.
  override readonly name: string = 'UsageError';
  constructor({ reason, hint }: { reason: string; hint?: string }) {
    super(reason, hint === undefined ? { next: { do: 'see-help' } } : { hints: [hint] });
  }
}
