import { useEffect, useState } from 'react';
import { networksLoad, type Network } from './api';
import type { Option, OptionGroup } from './ui';

/** The relay chains, in the order wallets list them: what most people pick. */
export const RELAY_CHAINS: readonly string[] = ['polkadot', 'kusama', 'westend'];
/** Generic Substrate (prefix 42): any chain's key, the format Polkadot{.js} shows by default. */
const GENERIC = 'substrate';

/**
 * Registry entries that are not networks a person picks: the reserved prefixes ("This prefix is
 * reserved.") and the bare key formats ("Bare 32-bit Ed25519 public key.").
 */
function pickable(n: Network): boolean {
  return !/^reserved\d*$/.test(n.name) && !/^bare/.test(n.name) && !/prefix is reserved/i.test(n.displayName);
}

export type NetworkGroup = { label: string; networks: Network[] };

/**
 * Networks for a select, grouped: `own` (the account's own network) first when it is given and not
 * a relay chain, then the relay chains, generic Substrate, and the rest of the SS58 registry by name.
 * The reserved prefixes and bare key formats are left out (`own` is kept, whatever it is).
 */
export function networkGroups(networks: readonly Network[], own?: string | null): NetworkGroup[] {
  const byName = new Map(networks.map((n) => [n.name, n]));
  const pick = (names: readonly string[]) => names.map((n) => byName.get(n)).filter((n): n is Network => n !== undefined);
  const ownNetwork = own ? byName.get(own) : undefined;
  const pinned = new Set([...RELAY_CHAINS, GENERIC, ...(ownNetwork ? [ownNetwork.name] : [])]);
  const rest = networks.filter((n) => !pinned.has(n.name) && pickable(n)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const groups: NetworkGroup[] = [
    ...(ownNetwork && !RELAY_CHAINS.includes(ownNetwork.name) ? [{ label: 'Its own network', networks: [ownNetwork] }] : []),
    { label: 'Relay chains', networks: pick(RELAY_CHAINS) },
    { label: 'Any Substrate chain', networks: pick([GENERIC]) },
    { label: 'Other networks (SS58 registry)', networks: rest },
  ];
  return groups.filter((g) => g.networks.length > 0);
}

/** How a network reads in a list. */
export function networkLabel(n: Network): string {
  return `${n.displayName} (${n.name})`;
}

/**
 * The `options` and `groups` of a network {@link SelectField}: `none` (an entry with an empty value)
 * first, then {@link networkGroups} as option groups.
 *
 * @example
 * <SelectField label="Network" value={v} onChange={setV} {...networkChoices(networks, { own: account.network })} />
 */
export function networkChoices(
  networks: readonly Network[],
  options: { none?: string; own?: string | null } = {},
): { options: Option[]; groups: OptionGroup[] } {
  return {
    options: options.none === undefined ? [] : [{ value: '', label: options.none }],
    groups: networkGroups(networks, options.own).map((g) => ({ label: g.label, options: g.networks.map((n) => ({ value: n.name, label: networkLabel(n) })) })),
  };
}

/** Network options for a plain select, in {@link networkGroups}' order; `none` adds a first entry with an empty value. */
export function networkOptions(networks: readonly Network[], none?: string) {
  const grouped = networkGroups(networks).flatMap((g) => g.networks);
  return [...(none === undefined ? [] : [{ value: '', label: none }]), ...grouped.map((n) => ({ value: n.name, label: networkLabel(n) }))];
}

export function useNetworks(): Network[] {
  const [networks, setNetworks] = useState<Network[]>([]);
  useEffect(() => {
    let live = true;
    networksLoad().then(
      (list) => live && setNetworks(list),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return networks;
}
