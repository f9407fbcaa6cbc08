import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { InvalidAddressError } from '../errors/address.js';

const base58check = createBase58check(sha256);
/** Version byte of Concordium account addresses (concordium-base `AccountAddress`). */
const VERSION = 1;

/**
 * Decodes a Concordium account address: base58check(0x01 ‖ 32 bytes), 50 characters.
 *
 * @example
 * concordiumDecode('3ZFGxLtnUUSJGW2WqjMh1DDjxyq5rnytCwkSqxFTpsWSFdQnNn')
 */
export function concordiumDecode(address: string): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = base58check.decode(address);
  } catch (err) {
    const reason = /checksum/i.test(String((err as Error)?.message))
      ? 'its checksum does not match (a character is wrong or missing)'
      : 'it is not base58check';
    throw new InvalidAddressError({ address, reason });
  }
  if (raw.length !== 33 || raw[0] !== VERSION)
    throw new InvalidAddressError({ address, reason: 'it is not a Concordium account address (version 1, 32 bytes)' });
  return raw.slice(1);
}

export function concordiumEncode(accountKey: Uint8Array): string {
  const payload = new Uint8Array(33);
  payload[0] = VERSION;
  payload.set(accountKey, 1);
  return base58check.encode(payload);
}
