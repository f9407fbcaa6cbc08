import { BaseError } from './base.js';

/** An address string that does not decode (bad characters, length, checksum or prefix). */
export class InvalidAddressError extends BaseError {
  override readonly name = 'InvalidAddressError';
  readonly address: string;
  constructor({ address, reason, hint }: { address: string; reason: string; hint?: string }) {
    super(`"${clip(address)}" is not a valid address: ${reason}.`, {
      hints: [hint ?? 'Copy the address again from its source; a single wrong character breaks the checksum.'],
    });
    this.address = address;
  }
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
