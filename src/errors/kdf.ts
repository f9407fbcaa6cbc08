import { BaseError } from './base.js';

/**
 * KDF parameters read from a file exceed keepsake's caps. They are refused before any work is
 * done: a hostile file could otherwise ask for gigabytes of memory or hours of CPU.
 */
export class KdfParamsTooLargeError extends BaseError {
  override readonly name = 'KdfParamsTooLargeError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ kdf, params, limits }: { kdf: string; params: string; limits: string }) {
    super(`The file asks for ${kdf} parameters ${params}, over keepsake's limits (${limits}); it was not decrypted.`, {
      hints: ['No wallet writes such a file; it is damaged or was made to exhaust memory. Use another copy of the backup.'],
    });
  }
}

/** KDF parameters within the caps but not ones any wallet of this format writes. */
export class UnsupportedKdfParamsError extends BaseError {
  override readonly name = 'UnsupportedKdfParamsError';
  override readonly kind = 'damaged';
  override readonly field = 'file';
  constructor({ kdf, params, writer = 'Polkadot{.js} wallet' }: { kdf: string; params: string; writer?: string }) {
    super(`The file uses ${kdf} parameters ${params}, which no ${writer} writes; it was not decrypted.`, {
      hints: ['The file is damaged or was edited. Use another copy of the backup.'],
    });
  }
}

/**
 * A Polkadot{.js} key with no key derivation — `type: ["none"]` (in clear) or versions 0–2 (the
 * password, zero-padded, is the key) — that keepsake cannot re-lock with scrypt before storing it:
 * the password given is empty, or (a batch entry) it is not the entry's own. keepsake never stores
 * such a key as it is (security review #9).
 */
export class UnprotectedKeyError extends BaseError {
  override readonly name = 'UnprotectedKeyError';
  override readonly kind = 'failed';
  constructor({ subject, kind, problem }: { subject: string; kind: 'unencrypted' | 'legacy'; problem: 'empty-password' | 'own-password' }) {
    const what = kind === 'unencrypted' ? 'is not encrypted' : 'uses the old Polkadot{.js} encryption without key derivation';
    if (problem === 'empty-password') {
      super(
        `${subject} ${what}; keepsake locks such a key with the password you give before storing it, and that password is empty, so nothing was restored from it.`,
        {
          hints: [
            kind === 'unencrypted'
              ? "Restore it again with a password to lock it with; it becomes the account's password."
              : "Restore it again with the file's password (it cannot be empty).",
          ],
        },
      );
    } else {
      super(`The account ${subject} in this batch ${what}, under its own password, so keepsake could not re-lock it and did not store it as it is.`, {
        hints: ['Restore that account from its own file, with its own password.'],
      });
    }
  }
}
