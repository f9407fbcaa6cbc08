import type { ErrorReport, NextStep } from './next.js';

/**
 * What an error means for whoever acts on it; the one fact each front end maps to its outcome: the
 * CLI's exit code (cli/exit.ts), the HTTP status and the failure limiter (server/errors.ts). A new
 * kind does not compile until each of those maps it.
 * - `usage`: the command line, a form or a value typed was wrong; nothing was tried (exit 2).
 * - `wrong-secret`: the password or PIN given does not open it (exit 3; a failed guess).
 * - `other-secret`: an item the secret given does not open, since it has its own (a failed guess,
 *   though what held it opened: the rest went on).
 * - `locked`: too many wrong tries; refused until a wait is over.
 * - `closed`: the browser wallet's vault is locked (it has a vault password): unlock it first.
 * - `not-found`: nothing in the vault is called that.
 * - `conflict`: it is already in the vault.
 * - `busy`: another keepsake holds the vault.
 * - `gone`, `forbidden`: a one-time link already used or expired; a link of another run.
 * - `damaged`: the file (or the vault's copy) is damaged or was altered.
 * - `failed`: anything else keepsake could not do (exit 1).
 */
export type ErrorKind =
  'usage' | 'wrong-secret' | 'other-secret' | 'locked' | 'closed' | 'not-found' | 'conflict' | 'busy' | 'gone' | 'forbidden' | 'damaged' | 'failed';

/**
 * The one input an error concerns, so a form shows it next to that input: the keys of a form's
 * fields in the browser (web/src/errors.ts). `secret` is whichever secret a form asks for (its PIN,
 * else its password); `newPassword` the password of a file being made.
 */
export type ErrorField = 'password' | 'newPassword' | 'pin' | 'secret' | 'file' | 'address' | 'phrase' | 'name' | 'path' | 'concordiumPassword';

/**
 * The root of every error keepsake raises on purpose.
 *
 * `shortMessage` is one sentence a person can act on; `hints` are optional further sentences;
 * `next` is what to do next as a fact ({@link NextStep}), which each front end words in its own terms
 * (the CLI with flags and commands, the browser with its pages) — so neither `shortMessage` nor
 * `hints` ever names a flag or a command. Subclasses take facts, not prose.
 *
 * Each class says once what it means: its `kind` ({@link ErrorKind}, from which the exit code, the
 * HTTP status and the failure limiter follow) and, when it always concerns one input, its `field`
 * ({@link ErrorField}); an error whose input depends on the call site takes `field` as a fact.
 *
 * @example
 * throw new WrongPasswordError({ subject: '5Grw…' })
 */
export abstract class BaseError extends Error {
  abstract override readonly name: string;
  abstract readonly kind: ErrorKind;
  readonly field: ErrorField | undefined;
  readonly shortMessage: string;
  readonly hints: readonly string[];
  readonly next: NextStep | undefined;

  constructor(shortMessage: string, options: { hints?: readonly string[]; next?: NextStep | undefined; field?: ErrorField | undefined; cause?: unknown } = {}) {
    super(shortMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.hints = options.hints ?? [];
    this.next = options.next;
    this.field = options.field;
  }

  /** The message with its hints, as a person reads it in any front end (the next step is worded by each). */
  get fullMessage(): string {
    return [this.shortMessage, ...this.hints].join(' ');
  }

  /**
   * The error as reports (restore, verify) and the CLI's `--json` carry it: `{ name, message, next? }`.
   * Its kind stays with it in memory ({@link reportKind}), not in its JSON.
   */
  get report(): ErrorReport {
    const report: ErrorReport = { name: this.name, message: this.fullMessage, ...(this.next === undefined ? {} : { next: this.next }) };
    kinds.set(report, this.kind);
    return report;
  }
}

const kinds = new WeakMap<ErrorReport, ErrorKind>();

/**
 * The kind of the error a report was made from (undefined for a report built by hand): the server
 * counts a report's refusals as failed guesses by it, while the report's JSON stays `{ name, message, next? }`.
 */
export function reportKind(report: ErrorReport): ErrorKind | undefined {
  return kinds.get(report);
}
