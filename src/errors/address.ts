import { BaseError } from './base.js';
import type { NextStep } from './next.js';

/**
 * An address string that does not decode (bad characters, length, checksum or prefix), or — with
 * `network`, the name of the network asked for — a valid address of another network (then `next`
 * says which network it fits).
 */
export class InvalidAddressError extends BaseError {
  override readonly name = 'InvalidAddressError';
  override readonly kind = 'failed';
  override readonly field = 'address';
  readonly address: string;
  constructor({ address, reason, network, hint, next }: { address: string; reason: string; network?: string; hint?: string; next?: NextStep }) {
    super(`"${clip(address)}" is not a ${network === undefined ? 'valid' : network} address: ${reason}.`, {
      // A valid address of another network needs no advice on copying it: the next step says what fits.
      hints: hint !== undefined ? [hint] : next !== undefined ? [] : ['Copy the address again from its source; a single wrong character breaks the checksum.'],
      next,
    });
    this.address = address;
  }
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * A secret (a Polkadot Vault key text `secret:…`, or what reads as a recovery phrase) given where an
 * address was asked for, to watch or to keep. Never quoted: the message says only what it looked like.
 */
export class SecretNotAddressError extends BaseError {
  override readonly name = 'SecretNotAddressError';
  override readonly kind = 'failed';
  override readonly field = 'address';
  constructor({ what }: { what: 'vault-key' | 'phrase' | string }) {
    super(
      `That is ${what === 'phrase' ? 'a recovery phrase' : 'a secret key (a Polkadot Vault key text)'}, not an address: it was not used, and nothing was added.`,
      { hints: ['Only the address is needed here. Keep the secret away from screens and cameras.'] },
    );
  }
}
