import { BaseError } from './base.js';
import { InvalidInputError } from './usage.js';

/**
 * A name typed for an account, identity or address-book entry that cannot be used: longer than `max`
 * (or empty), or holding `codePoint`, a control or invisible formatting character (a usage error: exit 2).
 */
export class InvalidNameError extends InvalidInputError {
  override readonly name = 'InvalidNameError';
  constructor({ what, max, codePoint }: { what: string; max: number; codePoint?: string | undefined }) {
    super(codePoint === undefined ? { field: 'name', what: `${what} name`, min: 1, max } : { field: 'name', what: `${what} name`, unsafe: codePoint });
  }
}

/**
 * A name in a file holds characters that could change what a terminal shows (ESC, CR, an OSC 52
 * clipboard sequence, a bidi override…): refused rather than stored, since every later `list` would show it.
 */
export class UnsafeNameError extends BaseError {
  override readonly name = 'UnsafeNameError';
  override readonly kind = 'failed';
  constructor({ file, item, codePoint, scope }: { file?: string | undefined; item: string; codePoint: string; scope: 'entry' | 'file' }) {
    super(
      `${file === undefined ? 'T' : `${file}: t`}he name of ${item} holds a control or invisible formatting character (${codePoint}) that could change what a terminal shows, so ${scope === 'file' ? 'nothing from the file was imported' : 'it was not restored'}.`,
      { hints: ['Rename it in the wallet that made the file and export it again, or ask whoever sent the file.'] },
    );
  }
}
