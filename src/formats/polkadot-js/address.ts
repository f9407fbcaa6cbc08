import { hexToBytes, isHex } from '../../crypto/bytes.js';
import { InvalidAddressError } from '../../errors/address.js';
import { accountAddress } from '../../keys/account.js';
import { ethereumDecode, ss58Decode } from '../../keys/address.js';
import { schemeLoad } from '../../keys/scheme.js';
import type { KeyType } from '../../keys/types.js';

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

/**
 * The address as a person knows it, for the `address` field of a file: Polkadot{.js} writes an ecdsa
 * or ethereum account's field as the hex of its 33-byte public key (older ethereum files: SS58 of
 * it), which no wallet shows — the Ethereum `0x…` address (EIP-55) or the ecdsa SS58 address is what
 * the user knows. Anything else (SS58 of sr25519/ed25519, a type not recorded, a field that does
 * not decode) is returned as the file has it.
 *
 * @example
 * await fileAddressDisplay('0x039510fa…dd15ce', 'ethereum') // '0xfaB0…F899'
 */
export async function fileAddressDisplay(address: string, type: KeyType | undefined): Promise<string> {
  if (type !== 'ecdsa' && type !== 'ethereum') return address;
  try {
    let publicKey: Uint8Array | undefined;
    if (isHex(address) && address.length === 68) publicKey = hexToBytes(address);
    else if (!address.startsWith('0x') && type === 'ethereum') {
      const decoded = ss58Decode(address);
      if (decoded.publicKey.length === 33) publicKey = decoded.publicKey;
    }
    if (publicKey === undefined) return address;
    const scheme = await schemeLoad(type);
    return accountAddress(type, scheme.accountId(publicKey), 42);
  } catch {
    // Not a key this function can turn into an address: shown as the file has it.
    return address;
  }
}
