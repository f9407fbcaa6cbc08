import { BaseError } from './base.js';

/**
 * A word that is not in the BIP-39 English word list, named by its position only: a misspelt word is
 * still most of a word of the user's phrase, so it is never quoted.
 */
export class MnemonicWordError extends BaseError {
  override readonly name = 'MnemonicWordError';
  override readonly kind = 'failed';
  override readonly field = 'phrase';
  readonly position: number;
  constructor({ position }: { position: number }) {
    super(`Word ${position} of the recovery phrase is not in the BIP-39 English word list.`, {
      hints: ['Check its spelling against your written copy.'],
    });
    this.position = position;
  }
}

/** Every word is valid but the checksum (the last word) does not match. */
export class MnemonicChecksumError extends BaseError {
  override readonly name = 'MnemonicChecksumError';
  override readonly kind = 'failed';
  override readonly field = 'phrase';
  constructor({ words }: { words: number }) {
    super(`The ${words}-word recovery phrase has a bad checksum: every word is valid, but one is wrong or they are out of order.`, {
      hints: ['Compare each word and its position with your written copy; the last word carries the checksum.'],
    });
  }
}

/** A phrase with a word count BIP-39 does not allow. */
export class MnemonicLengthError extends BaseError {
  override readonly name = 'MnemonicLengthError';
  override readonly kind = 'failed';
  override readonly field = 'phrase';
  constructor({ words }: { words: number }) {
    super(`A recovery phrase has 12, 15, 18, 21 or 24 words; this one has ${words}.`, {
      hints: ['Check that no word is missing or doubled.'],
    });
  }
}
