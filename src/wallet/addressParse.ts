import { InvalidAddressError } from '../errors/address.js';
import { concordiumDecode } from '../keys/concordium.js';
import { ethereumChecksum, ethereumDecode, ss58Decode } from '../keys/address.js';
import { networkByPrefix, type Network } from '../networks/networks.js';
import { networkResolve } from './network.js';

export type AddressKind = 'ss58' | 'ethereum' | 'concordium';
export type ParsedAddress = { kind: AddressKind; address: string; network: string | null; prefix: number | null };

/**
 * Checks an address typed by a person and says what it is: SS58 (any registered network), Ethereum
 * (EIP-55 checksum when mixed case) or Concordium (base58check). With `network`, an SS58 address must
 * carry that network's prefix (42 = generic Substrate, accepted anywhere).
 */
export function addressParse(address: string, network?: string): ParsedAddress {
  const text = address.trim();
  if (/^0x/i.test(text)) {
    const address = ethereumChecksum(ethereumDecode(text));
    // An EVM address may belong to an Ethereum-compatible Substrate network (Moonbeam…); the name must still be known.
    return { kind: 'ethereum', address, network: network === undefined || network === 'ethereum' ? 'ethereum' : networkResolve(network).name, prefix: null };
  }
  if (text.length === 50 && !network?.length) {
    try {
      concordiumDecode(text);
      return { kind: 'concordium', address: text, network: 'concordium', prefix: null };
    } catch {
      // Not Concordium: fall through to SS58, whose error names what is wrong.
    }
  }
  if (network === 'concordium') {
    concordiumDecode(text);
    return { kind: 'concordium', address: text, network: 'concordium', prefix: null };
  }
  const { prefix } = ss58Decode(text);
  const wanted: Network | undefined = network === undefined ? undefined : networkResolve(network);
  const owner = networkByPrefix(prefix);
  if (owner === undefined) {
    throw new InvalidAddressError({ address: text, reason: `its SS58 prefix ${prefix} belongs to no known network`, hint: 'Check that it was copied from a Substrate network keepsake knows.' });
  }
  if (wanted && wanted.prefix !== prefix && prefix !== 42) {
    throw new InvalidAddressError({
      address: text,
      reason: `it is a ${owner.displayName} address (prefix ${prefix}), not a ${wanted.displayName} one (prefix ${wanted.prefix})`,
      hint: `Check the network, or give --network ${owner.name}.`,
    });
  }
  return { kind: 'ss58', address: text, network: wanted?.name ?? owner.name, prefix };
}
