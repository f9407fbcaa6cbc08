import { BaseError } from './base.js';

/** A secret URI (phrase/seed + derivation path + password) that cannot be parsed or used. */
export class InvalidSuriError extends BaseError {
  override readonly name = 'InvalidSuriError';
  constructor({ reason }: { reason: string }) {
    super(`The secret (phrase, seed or derivation path) cannot be used: ${reason}.`, {
      hints: ['Write it as `<phrase or 0x seed>[//hard][/soft][///password]`.'],
    });
  }
}

/** A derivation path that is not valid for the key type. */
export class InvalidPathError extends BaseError {
  override readonly name = 'InvalidPathError';
  constructor({ path, reason }: { path: string; reason: string }) {
    super(`The derivation path "${path}" cannot be used: ${reason}.`);
  }
}
