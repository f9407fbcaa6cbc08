import { ethereumChecksum, ss58Encode } from './address.js';
import type { KeyType } from './types.js';

/**
 * The address a person sees for an account id: EIP-55 hex for ethereum, SS58 with the network's
 * prefix for the others.
 */
export function accountAddress(type: KeyType, accountId: Uint8Array, prefix = 42): string {
  return type === 'ethereum' ? ethereumChecksum(accountId) : ss58Encode(accountId, prefix);
}
