/**
 * The root of every error keepsake raises on purpose.
 *
 * `shortMessage` is one sentence a person can act on; `hints` are optional next steps; `details`
 * is technical context for `--verbose`/logs (never a secret). Subclasses take facts, not prose.
 *
 * @example
 * throw new WrongPasswordError({ subject: '5Grw…' })
 */
export abstract class BaseError extends Error {
  abstract override readonly name: string;
  readonly shortMessage: string;
  readonly hints: readonly string[];
  readonly details: string | undefined;

  constructor(shortMessage: string, options: { hints?: readonly string[]; details?: string; cause?: unknown } = {}) {
    super(shortMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.hints = options.hints ?? [];
    this.details = options.details;
  }

  /** The message with its hints, as a person reads it. */
  get fullMessage(): string {
    return [this.shortMessage, ...this.hints].join(' ');
  }
}
