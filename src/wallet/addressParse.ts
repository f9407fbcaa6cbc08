import { InvalidAddressError, SecretNotAddressError } from '../errors/address.js';
import { vaultSecretTextLooksLike } from '../formats/vault-text.js';
import { mnemonicLooksLike } from '../keys/mnemonic.js';
import { concordiumDecode } from '../keys/concordium.js';
import { ethereumChecksum, ethereumDecode, ss58Decode } from '../keys/address.js';
import { networkByPrefix, networkHasEthereumAccounts, type Network } from '../networks/networks.js';
import { networkResolve } from './network.js';

export type AddressKind = 'ss58' | 'ethereum' | 'concordium';
export type ParsedAddress = { kind: AddressKind; address: string; network: string | null; prefix: number | null };

/**
 * Checks an address typed by a person and says what it is: SS58 (any registered network), Ethereum
 * (EIP-55 checksum when mixed case) or Concordium (base58check). With `network`, the address must be
 * one of that network: an SS58 address must carry its prefix (42 = generic Substrate, accepted
 * anywhere), an Ethereum address needs a network with Ethereum accounts (Moonbeam…), a Concordium
 * address the `concordium` network. A valid address of another network is refused as such, saying
 * which network it fits — not as a bad checksum.
 */
export function addressParse(address: string, network?: string): ParsedAddress {
  const text = address.trim();
  const named = network === undefined || network === '' ? undefined : network.toLowerCase();
  if (/^0x/i.test(text)) {
    const address = ethereumChecksum(ethereumDecode(text));
    if (named === undefined || named === 'ethereum') return { kind: 'ethereum', address, network: 'ethereum', prefix: null };
    const wanted = named === 'concordium' ? undefined : networkResolve(named);
    // An EVM address may belong to an Ethereum-compatible Substrate network (Moonbeam…); not to an SS58 one.
    if (wanted !== undefined && networkHasEthereumAccounts(wanted.name)) return { kind: 'ethereum', address, network: wanted.name, prefix: null };
    throw new InvalidAddressError({
      address: text,
      network: wanted?.displayName ?? 'Concordium',
      reason: 'it is an Ethereum one',
      hint: 'An Ethereum address fits Ethereum and the networks with Ethereum accounts (Moonbeam, Moonriver…).',
      next: { do: 'network-from-address' },
    });
  }
  if (named === 'concordium') return { kind: 'concordium', address: concordiumOrRefused(text), network: 'concordium', prefix: null };
  const wanted: Network | undefined = named === undefined ? undefined : networkResolve(named);
  if (text.length === 50 && isConcordium(text)) {
    if (wanted === undefined) return { kind: 'concordium', address: text, network: 'concordium', prefix: null };
    throw new InvalidAddressError({ address: text, network: wanted.displayName, reason: 'it is a Concordium one', next: { do: 'network-from-address' } });
  }
  const { prefix } = ss58Decode(text);
  const owner = networkByPrefix(prefix);
  if (owner === undefined) {
    throw new InvalidAddressError({
      address: text,
      reason: `its SS58 prefix ${prefix} belongs to no known network`,
      hint: 'Check that it was copied from a Substrate network keepsake knows.',
    });
  }
  if (wanted && wanted.prefix !== prefix && prefix !== 42) {
    throw new InvalidAddressError({
      address: text,
      network: wanted.displayName,
      reason: `it is a ${owner.displayName} one (prefix ${prefix}, not ${wanted.prefix})`,
      next: { do: 'choose-network', network: owner.name, label: owner.displayName },
    });
  }
  return { kind: 'ss58', address: text, network: wanted?.name ?? owner.name, prefix };
}

function isConcordium(text: string): boolean {
  try {
    concordiumDecode(text);
    return true;
  } catch {
    return false;
  }
}

/** A Concordium address, or a refusal that names what the text is when it is a valid address of another kind. */
function concordiumOrRefused(text: string): string {
  if (isConcordium(text)) return text;
  let owner: Network | undefined;
  try {
    owner = networkByPrefix(ss58Decode(text).prefix);
  } catch {
    concordiumDecode(text); // not SS58 either: Concordium's own reason (checksum, base58check)
  }
  throw new InvalidAddressError({
    address: text,
    network: 'Concordium',
    reason: `it is ${owner ? `a ${owner.displayName}` : 'an SS58'} one`,
    next: { do: 'network-from-address' },
  });
}

/**
 * Refuses a secret pasted where an address goes — a Polkadot Vault key text or a recovery phrase —
 * in a sentence that never repeats it (an address error would quote the text back).
 */
export function addressNotSecret(text: string): void {
  if (vaultSecretTextLooksLike(text) || /^secret:/i.test(text)) throw new SecretNotAddressError({ what: 'vault-key' });
  if (/\s/u.test(text) && mnemonicLooksLike(text)) throw new SecretNotAddressError({ what: 'phrase' });
}
