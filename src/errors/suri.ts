import { BaseError } from './base.js';

/** A secret URI (phrase/seed + derivation path + password) that cannot be parsed or used. */
export class InvalidSuriError extends BaseError {
  override readonly name = 'InvalidSuriError';
  override readonly kind = 'failed';
  override readonly field = 'phrase';
  constructor({ reason }: { reason: string }) {
    super(`The secret (phrase, seed or derivation path) cannot be used: ${reason}.`, {
      hints: ['Write it as the phrase (or a 0x seed), then any //hard and /soft junctions, then any ///password.'],
    });
  }
}

/**
 * A derivation path that is not valid for the key type. The path is never quoted, not even a
 * junction of it: a path from a SURI or `--path` may be a `///password` typed with one slash, a seed
 * typed as a junction, or words of a phrase with a "/" in them. The junction is named by position.
 */
export class InvalidPathError extends BaseError {
  override readonly name = 'InvalidPathError';
  override readonly kind = 'failed';
  override readonly field = 'path';
  constructor({ junction, reason, spaces }: { junction?: number | undefined; reason: string; spaces?: boolean }) {
    super(`${junction === undefined ? 'The derivation path' : `Junction ${junction} of the derivation path`} cannot be used: ${reason}.`, {
      hints: spaces ? ['It contains spaces: if a "/" slipped into your recovery phrase, type the phrase again.'] : [],
    });
  }
}

/**
 * A derivation path longer than keepsake derives (64 junctions, 1 KiB): each junction is a
 * derivation step, and an unbounded path would hold the process (and the local server) for seconds.
 */
export class PathTooLongError extends BaseError {
  override readonly name = 'PathTooLongError';
  override readonly kind = 'failed';
  constructor({ limit, unit }: { limit: number; unit: 'junctions' | 'bytes' }) {
    super(
      unit === 'junctions'
        ? `The derivation path has more than ${limit} junctions, more than keepsake derives; nothing was derived.`
        : `The derivation path is longer than ${limit} bytes, more than keepsake derives; nothing was derived.`,
      { hints: ["Check the path: wallets use a few junctions (//polkadot//0, /m/44'/60'/0'/0/0)."] },
    );
  }
}

/** A whole secret URI (phrase or seed, path, password) longer than any real one. */
export class SuriTooLongError extends BaseError {
  override readonly name = 'SuriTooLongError';
  override readonly kind = 'failed';
  constructor({ limit }: { limit: number }) {
    super(`The secret (phrase or seed, derivation path and password) is longer than ${limit} bytes, more than any real one; nothing was derived.`, {
      hints: ['Check that the file holds the recovery phrase (with its path) on its first line.'],
    });
  }
}

/**
 * A Polkadot Vault QR text (`secret:0x<seed>:<genesis>` from "Export private key", or an address text
 * `substrate:<address>:0x<genesis>`) that is not one. The text itself is never quoted: a secret text
 * holds a private key.
 */
export class InvalidVaultTextError extends BaseError {
  override readonly name = 'InvalidVaultTextError';
  override readonly kind = 'failed';
  constructor({ what, reason }: { what: 'secret' | 'address'; reason: string }) {
    super(`The Polkadot Vault ${what === 'secret' ? 'key' : 'address'} text cannot be read: ${reason}.`, {
      hints: [
        what === 'secret'
          ? 'Copy the whole text of the "Export private key" QR code: secret:0x, the key in hex, a colon, the network\'s genesis hash.'
          : "Copy the whole text of the address QR code: substrate: (or ethereum:), the address, a colon, 0x and the network's genesis hash.",
      ],
      field: what === 'secret' ? 'phrase' : 'address',
    });
  }
}
