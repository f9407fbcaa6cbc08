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
    // A path with spaces is almost always part of a recovery phrase typed with a "/", and one holding 32+
    // bytes of hex a seed typed as a junction: never quote either.
    const secretLike = /\s/.test(path) || /0x[0-9a-f]{32,}/i.test(path) || path.length > 80;
    const shown = secretLike ? 'The derivation path (after the first "/")' : `The derivation path "${path}"`;
    super(`${shown} cannot be used: ${reason}.`, {
      hints: /\s/.test(path) ? ['It contains spaces: if a "/" slipped into your recovery phrase, type the phrase again.'] : [],
    });
  }
}
