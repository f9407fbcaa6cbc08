import { useEffect, useState } from 'react';
import { networksLoad, type Network } from './api';

/** Network options for a select; `none` adds a first entry with an empty value. */
export function networkOptions(networks: readonly Network[], none?: string) {
  return [...(none === undefined ? [] : [{ value: '', label: none }]), ...networks.map((n) => ({ value: n.name, label: `${n.displayName} (${n.name})` }))];
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
