import { BaseError } from './base.js';

export type KdfParams = { N: number; r: number; p: number };

/**
 * KDF parameters read from a file exceed keepsake's caps. They are refused before any work is
 * done: a hostile file could otherwise ask for gigabytes of memory or hours of CPU.
 */
export class KdfParamsTooLargeError extends BaseError {
  override readonly name = 'KdfParamsTooLargeError';
  constructor({ kdf, params, limits }: { kdf: string; params: string; limits: string }) {
    super(`The file asks for ${kdf} parameters ${params}, over keepsake's limits (${limits}); it was not decrypted.`, {
      hints: ['No wallet writes such a file; it is damaged or was made to exhaust memory. Use another copy of the backup.'],
    });
  }
}

/** KDF parameters within the caps but not ones any wallet of this format writes. */
export class UnsupportedKdfParamsError extends BaseError {
  override readonly name = 'UnsupportedKdfParamsError';
  constructor({ kdf, params, writer = 'Polkadot{.js} wallet' }: { kdf: string; params: string; writer?: string }) {
    super(`The file uses ${kdf} parameters ${params}, which no ${writer} writes; it was not decrypted.`, {
      hints: ['The file is damaged or was edited. Use another copy of the backup.'],
    });
  }
}
