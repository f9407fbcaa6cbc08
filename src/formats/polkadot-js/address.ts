import { hexToBytes, isHex } from '../../crypto/bytes.js';
import { InvalidAddressError } from '../../errors/address.js';
import { ethereumDecode, ss58Decode } from '../../keys/address.js';

/** What the `address` field of a file names: the bytes it encodes and, for SS58, the network prefix. */
export type FileAddress = { bytes: Uint8Array; prefix: number | undefined; ethereum: boolean };

/**
 * Decodes the `address` field in any form Polkadot{.js} has written: SS58 (of a 32-byte account id
 * or, in older ethereum files, a 33-byte public key), `0x` hex of a 33-byte compressed public key
 * (ecdsa/ethereum), or a 20-byte Ethereum address.
 */
export function fileAddressDecode(address: string): FileAddress {
  if (address.startsWith('0x')) {
    if (address.length === 42) return { bytes: ethereumDecode(address), prefix: undefined, ethereum: true };
    if (!isHex(address) || (address.length !== 66 && address.length !== 68)) {
      throw new InvalidAddressError({ address, reason: 'hex addresses are a 32- or 33-byte key or a 20-byte Ethereum address' });
    }
    return { bytes: hexToBytes(address), prefix: undefined, ethereum: false };
  }
  const { prefix, publicKey } = ss58Decode(address);
  return { bytes: publicKey, prefix, ethereum: false };
}
