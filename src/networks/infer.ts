import { networkList, type Network } from './networks.js';

/** The network an address's SS58 prefix points to, and the others that share that prefix. */
export type NetworkInference = {
  /** The network chosen, or null when no known network uses the prefix. */
  network: Network | null;
  /** Every known network with this prefix (the chosen one included), registry order first. */
  sharing: Network[];
  /** Why this one: the only network with the prefix, named by the derivation path, or the registry's owner of a shared prefix. */
  reason: 'only' | 'path' | 'registry' | 'unknown';
};

/**
 * Which network an address was shown for, from its SS58 prefix, so that an account added for it
 * shows the very address the user typed. A prefix is not always one network: 42 is generic
 * Substrate and also Westend and the AXIA test networks, 0 is Polkadot and AXIA. When several share
 * it, a network the derivation path names (`//westend//0` typed as a 42-address is Westend) wins;
 * otherwise the registry's owner of the prefix (0 Polkadot, 2 Kusama, 42 generic Substrate). Every
 * choice gives the same address, so the choice only affects the genesis hash (Signer's QR text).
 *
 * @example
 * networkInfer(0).network?.name // 'polkadot'
 * networkInfer(42, { path: '//westend' }).network?.name // 'westend'
 */
export function networkInfer(prefix: number, hint: { path?: string } = {}): NetworkInference {
  const sharing = networkList().filter((n) => n.prefix === prefix);
  const [first] = sharing;
  if (first === undefined) return { network: null, sharing, reason: 'unknown' };
  if (sharing.length === 1) return { network: first, sharing, reason: 'only' };
  // The first hard junction (`//kusama//3` → kusama); a network's own name is how Signer derives for it.
  const named = /^\/\/([^/]+)/.exec(hint.path ?? '')?.[1]?.toLowerCase();
  const byPath = named === undefined ? undefined : sharing.find((n) => n.name === named);
  if (byPath) return { network: byPath, sharing, reason: 'path' };
  return { network: first, sharing, reason: 'registry' };
}
