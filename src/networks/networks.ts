import registry from '@substrate/ss58-registry';

/** A network keepsake can show addresses for. */
export type Network = {
  /** Lower-case key used on the command line (`--network polkadot`). */
  name: string;
  displayName: string;
  /** SS58 address prefix. */
  prefix: number;
  /** Genesis block hash, where keepsake knows it (needed for Signer's address QR text). */
  genesisHash: string | null;
};

/** Genesis hashes of the relay chains Signer and the guides name (chain specs of polkadot-sdk). */
const GENESIS: Record<string, string> = {
  polkadot: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  kusama: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  westend: '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
};

/** Networks not in the SS58 registry under their own names: Westend, and the AXIA family of the AXIA guides. */
const EXTRA: Network[] = [
  { name: 'westend', displayName: 'Westend Testnet', prefix: 42, genesisHash: GENESIS['westend']! },
  { name: 'axia', displayName: 'AXIA', prefix: 0, genesisHash: null },
  { name: 'axialunar', displayName: 'AXIALunar', prefix: 2, genesisHash: null },
  { name: 'alphanet', displayName: 'AXIA AlphaNet', prefix: 42, genesisHash: null },
  { name: 'betanet', displayName: 'AXIA BetaNet', prefix: 42, genesisHash: null },
];

let table: Map<string, Network> | undefined;
/** The first network (registry order) of each prefix and each known genesis hash: a lookup per account of a large file is O(1). */
let byPrefix: Map<number, Network> | undefined;
let byGenesis: Map<string, Network> | undefined;

function networks(): Map<string, Network> {
  if (table === undefined) {
    table = new Map();
    for (const entry of registry as { prefix: number; network: string; displayName: string }[]) {
      // SS58 encodes prefixes up to 16383; the registry's few larger ones cannot be shown as addresses.
      if (entry.prefix > 16383) continue;
      const name = entry.network.toLowerCase();
      table.set(name, { name, displayName: entry.displayName, prefix: entry.prefix, genesisHash: GENESIS[name] ?? null });
    }
    for (const extra of EXTRA) table.set(extra.name, extra);
    byPrefix = new Map();
    byGenesis = new Map();
    for (const n of table.values()) {
      if (!byPrefix.has(n.prefix)) byPrefix.set(n.prefix, n);
      if (n.genesisHash !== null && !byGenesis.has(n.genesisHash)) byGenesis.set(n.genesisHash, n);
    }
  }
  return table;
}

/** All known networks, registry order then keepsake's additions. */
export function networkList(): Network[] {
  return [...networks().values()];
}

/** The network called `name` (case-insensitive), or undefined. */
export function networkByName(name: string): Network | undefined {
  return networks().get(name.toLowerCase());
}

/** The registry network that owns an SS58 prefix (42 = generic Substrate), or undefined. */
export function networkByPrefix(prefix: number): Network | undefined {
  networks();
  return byPrefix!.get(prefix);
}

/** The network with this genesis hash, or undefined. */
export function networkByGenesis(genesisHash: string): Network | undefined {
  networks();
  return byGenesis!.get(genesisHash.toLowerCase());
}

let ethereumNames: Set<string> | undefined;

/**
 * Whether the network's accounts are Ethereum (secp256k1, 20-byte 0x…) ones rather than SS58 — the
 * registry's `standardAccount: "secp256k1"` (Moonbeam, Moonriver…), or `ethereum` itself.
 */
export function networkHasEthereumAccounts(name: string): boolean {
  ethereumNames ??= new Set(
    (registry as { network: string; standardAccount: string | null }[]).filter((e) => e.standardAccount === 'secp256k1').map((e) => e.network.toLowerCase()),
  );
  const key = name.toLowerCase();
  return key === 'ethereum' || ethereumNames.has(key);
}
