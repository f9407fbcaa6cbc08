import { UnknownNetworkError } from '../errors/usage.js';
import { networkNamesClose } from '../networks/close.js';
import { networkByGenesis, networkByName, networkByPrefix, networkList, type Network } from '../networks/networks.js';

/** The network the user named, or a usage error that names the known ones close to it. */
export function networkResolve(name: string): Network {
  const network = networkByName(name);
  if (network === undefined) {
    const close = networkNamesClose(name).map((n) => n.name);
    throw new UnknownNetworkError({ network: name, close: close.join(', ') });
  }
  return network;
}

/** The network a restored file belongs to: its genesis hash if known, else its address prefix. */
export function networkOfFile(genesisHash: unknown, prefix: number): { network: string | null; prefix: number; genesisHash: string | null } {
  const byGenesis = typeof genesisHash === 'string' ? networkByGenesis(genesisHash) : undefined;
  if (byGenesis) return { network: byGenesis.name, prefix: byGenesis.prefix, genesisHash: byGenesis.genesisHash };
  const byPrefix = networkByPrefix(prefix);
  return {
    network: byPrefix?.name ?? null,
    prefix,
    genesisHash: typeof genesisHash === 'string' && /^0x[0-9a-f]{64}$/i.test(genesisHash) ? genesisHash : null,
  };
}

/** Every network a user can pick (the browser wallet's network lists). */
export function networksAvailable(): Network[] {
  return networkList();
}
