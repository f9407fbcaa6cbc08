import { BaseError } from './base.js';

/** The key inside a file does not produce the address the file claims. */
export class AddressMismatchError extends BaseError {
  override readonly name = 'AddressMismatchError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  readonly expected: string;
  readonly actual: string;
  constructor({ expected, actual }: { expected: string; actual: string }) {
    super(`The key in this file belongs to ${actual}, not to ${expected} as the file says; it would restore a different account.`, {
      hints: ['The file was edited or mixed up with another; do not rely on it as the backup of ' + expected + '.'],
    });
    this.expected = expected;
    this.actual = actual;
  }
}

/** The decrypted key bytes are not a valid key of the recorded type. */
export class InvalidKeyError extends BaseError {
  override readonly name = 'InvalidKeyError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ type, reason }: { type: string; reason: string }) {
    super(`The ${type} key in this file is not valid: ${reason}.`, {
      hints: ['The file is damaged; use another copy of the backup.'],
    });
  }
}

/** A key type keepsake does not know. */
export class UnknownKeyTypeError extends BaseError {
  override readonly name = 'UnknownKeyTypeError';
  override readonly kind = 'failed';
  override readonly field = 'file';
  constructor({ type }: { type: string }) {
    super(`Unknown key type "${type}".`, { hints: ['Use one of sr25519, ed25519, ecdsa, ethereum.'] });
  }
}
