import { BaseError } from './base.js';
import { UsageError } from './usage.js';

/** Whose name it is, as a sentence names it ("An account name …"). */
function nameOf(what: string): string {
  return `${/^[aeiou]/i.test(what) ? 'An' : 'A'} ${what} name`;
}

/** A name typed for an account, identity or address-book entry that cannot be used (a usage error: exit 2). */
export class InvalidNameError extends UsageError {
  override readonly name = 'InvalidNameError';
  constructor({ what, max, codePoint }: { what: string; max: number; codePoint?: string | undefined }) {
    super(
      codePoint === undefined
        ? { reason: `${nameOf(what)} is 1 to ${max} characters.`, hint: 'Choose a shorter name, or type one.' }
        : {
            reason: `${nameOf(what)} cannot hold control or invisible formatting characters (it holds ${codePoint}).`,
            hint: 'Type the name again with letters, digits, spaces and punctuation only.',
          },
    );
  }
}

/**
 * A name in a file holds characters that could change what a terminal shows (ESC, CR, an OSC 52
 * clipboard sequence, a bidi override…): refused rather than stored, since every later `list` would show it.
 */
export class UnsafeNameError extends BaseError {
  override readonly name = 'UnsafeNameError';
  constructor({ file, item, codePoint, scope }: { file?: string | undefined; item: string; codePoint: string; scope: 'entry' | 'file' }) {
    super(
      `${file === undefined ? 'T' : `${file}: t`}he name of ${item} holds a control or invisible formatting character (${codePoint}) that could change what a terminal shows, so ${scope === 'file' ? 'nothing from the file was imported' : 'it was not restored'}.`,
      { hints: ['Rename it in the wallet that made the file and export it again, or ask whoever sent the file.'] },
    );
  }
}
