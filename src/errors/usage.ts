import { BaseError, type ErrorField, type ErrorKind } from './base.js';

/**
 * The command line or a form was wrong: a missing argument, an unknown option, a bad value. Without
 * a `hint` of its own, the next step is the command's help (which only the CLI has). `field` is the
 * input it concerns, when it concerns one.
 */
export class UsageError extends BaseError {
  // A string, not the literal: more precise usage errors (InvalidInputError) extend this one.
  override readonly name: string = 'UsageError';
  override readonly kind: ErrorKind = 'usage';
  constructor({ reason, hint, field }: { reason: string; hint?: string; field?: ErrorField | undefined }) {
    super(reason, hint === undefined ? { next: { do: 'see-help' }, field } : { hints: [hint], field });
  }
}

/**
 * A value typed for one input that is outside its limit (a usage error: nothing was done): shorter
 * than `min` characters, or longer than `max` (a name of 1 to 200, a new password or PIN of at least
 * 6; `note` says what the characters may be), or holding `unsafe`, a character that could change what
 * a terminal shows (its code point, as `U+XXXX`). `what` names the value in the sentence
 * ("account password", "PIN"); `field` is the input it was typed in.
 *
 * @example
 * throw new InvalidInputError({ field: 'pin', what: 'PIN', min: 6, note: 'digits or a passphrase' })
 * // → "A PIN has at least 6 characters (digits or a passphrase). Choose a longer one."
 */
export class InvalidInputError extends UsageError {
  override readonly name: string = 'InvalidInputError';
  constructor(facts: { field: ErrorField; what: string } & ({ min: number; max?: number; note?: string } | { unsafe: string })) {
    const { field, what } = facts;
    const subject = `${/^[aeiou]/i.test(what) ? 'An' : 'A'} ${what}`;
    if ('unsafe' in facts) {
      super({
        reason: `${subject} cannot hold control or invisible formatting characters (it holds ${facts.unsafe}).`,
        hint: `Type the ${field} again with letters, digits, spaces and punctuation only.`,
        field,
      });
    } else if (facts.max === undefined) {
      super({
        reason: `${subject} has at least ${facts.min} characters${facts.note === undefined ? '' : ` (${facts.note})`}.`,
        hint: 'Choose a longer one.',
        field,
      });
    } else {
      super({ reason: `${subject} is ${facts.min} to ${facts.max} characters.`, hint: `Choose a shorter ${field}, or type one.`, field });
    }
  }
}

/**
 * A network name keepsake does not know (a usage error: nothing was read or asked). `close` lists the
 * known names close to it, comma-separated, or is empty.
 *
 * @example
 * throw new UnknownNetworkError({ network: 'axa', close: 'axia' })
 * // → 'Unknown network "axa". Did you mean axia?'
 */
export class UnknownNetworkError extends UsageError {
  override readonly name: string = 'UnknownNetworkError';
  constructor({ network, close }: { network: string; close: string }) {
    super({
      reason: `Unknown network "${network.slice(0, 40)}".`,
      hint: close === '' ? 'Use a name from the SS58 registry, e.g. polkadot, kusama, westend, substrate, axia.' : `Did you mean ${close}?`,
    });
  }
}
