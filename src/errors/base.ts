import type { ErrorReport, NextStep } from './next.js';

/**
 * The root of every error keepsake raises on purpose.
 *
 * `shortMessage` is one sentence a person can act on; `hints` are optional further sentences;
 * `next` is what to do next as a fact ({@link NextStep}), which each front end words in its own terms
 * (the CLI with flags and commands, the browser with its pages) — so neither `shortMessage` nor
 * `hints` ever names a flag or a command. `details` is technical context for `--verbose`/logs (never
 * a secret). Subclasses take facts, not prose.
 *
 * @example
 * throw new WrongPasswordError({ subject: '5Grw…' })
 */
export abstract class BaseError extends Error {
  abstract override readonly name: string;
  readonly shortMessage: string;
  readonly hints: readonly string[];
  readonly next: NextStep | undefined;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: { hints?: readonly string[]; next?: NextStep | undefined; details?: string; cause?: unknown } = {}) {
    super(shortMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.hints = options.hints ?? [];
    this.next = options.next;
    this.details = options.details;
  }

  /** The message with its hints, as a person reads it in any front end (the next step is worded by each). */
  get fullMessage(): string {
    return [this.shortMessage, ...this.hints].join(' ');
  }

  /** The error as reports and the API carry it: `{ name, message, next? }`. */
  get report(): ErrorReport {
    return { name: this.name, message: this.fullMessage, ...(this.next === undefined ? {} : { next: this.next }) };
  }
}
