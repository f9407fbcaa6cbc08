import registry from '@substrate/ss58-registry';
import { describe, expect, it } from 'vitest';
import { networkByGenesis, networkByName, networkByPrefix, networkList } from './networks.js';
import { loadVectors } from '../../test/support/vectors.js';

// Genesis hashes of the relay chains (polkadot-sdk chain specs; Polkadot-JS Apps' `ui-settings` list the same).
const GENESIS = {
  polkadot: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  kusama: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  westend: '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
} as const;

describe('networks: the relay chains Signer names', () => {
  it.each([
    ['polkadot', 0],
    ['kusama', 2],
    ['westend', 42],
  ] as const)('%s has prefix %i and its genesis hash', (name, prefix) => {
    expect(networkByName(name)).toMatchObject({ name, prefix, genesisHash: GENESIS[name] });
    expect(networkByGenesis(GENESIS[name])?.name).toBe(name);
  });

  it("kusama's genesis hash is the one a real Polkadot{.js} file records (vectors/polkadot-js.json)", () => {
    const vectors = loadVectors<{
      json: { ss58Prefix: number; file: { meta: { genesisHash?: string } } }[];
    }>('polkadot-js');
    const hashes = vectors.json.map((v) => v.file.meta.genesisHash).filter((h): h is string => h !== undefined);
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(networkByGenesis(hash)?.name).toBe('kusama');
  });

  it('looks names up case-insensitively and genesis hashes in either case', () => {
    expect(networkByName('Polkadot')?.name).toBe('polkadot');
    expect(networkByName('KUSAMA')?.prefix).toBe(2);
    expect(networkByGenesis(GENESIS.westend.toUpperCase().replace('0X', '0x'))?.name).toBe('westend');
    expect(networkByName('no-such-chain')).toBeUndefined();
    expect(networkByGenesis('0x' + '00'.repeat(32))).toBeUndefined();
  });

  it('names the registry owner of a prefix: 0 Polkadot, 2 Kusama, 42 generic Substrate', () => {
    expect(networkByPrefix(0)?.name).toBe('polkadot');
    expect(networkByPrefix(2)?.name).toBe('kusama');
    expect(networkByPrefix(42)?.name).toBe('substrate');
    expect(networkByPrefix(16383)).toBeUndefined();
  });
});

describe('networks: the AXIA family of the AXIA guides', () => {
  it.each([
    ['axia', 0],
    ['axialunar', 2],
    ['alphanet', 42],
    ['betanet', 42],
  ] as const)('%s has SS58 prefix %i', (name, prefix) => {
    const network = networkByName(name);
    expect(network).toMatchObject({ name, prefix });
    expect(network!.displayName).toMatch(/AXIA/i);
  });

  it('AXIALunar is found under its guide spelling too', () => {
    expect(networkByName('AXIALunar')?.prefix).toBe(2);
    expect(networkByName('AlphaNet')?.prefix).toBe(42);
  });
});

describe('networks: the SS58 registry', () => {
  const entries = registry as { prefix: number; network: string; displayName: string }[];

  it('holds every registry network SS58 can encode under its lower-case name with its prefix and display name', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries.filter((e) => e.prefix <= 16383)) {
      expect(networkByName(entry.network), entry.network).toMatchObject({
        name: entry.network.toLowerCase(),
        prefix: entry.prefix,
        displayName: entry.displayName,
      });
    }
  });

  it('leaves out registry networks whose prefix SS58 cannot encode (> 16383), so no address is ever made for them', () => {
    const over = entries.filter((e) => e.prefix > 16383);
    expect(over.length).toBeGreaterThan(0);
    for (const entry of over) expect(networkByName(entry.network), entry.network).toBeUndefined();
  });

  it('lists each network once, with a lower-case name, a prefix and a genesis hash that is null or 32 bytes of hex', () => {
    const list = networkList();
    const names = list.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['polkadot', 'kusama', 'westend', 'substrate', 'axia', 'axialunar', 'alphanet', 'betanet']));
    expect(list.length).toBeGreaterThanOrEqual(entries.filter((e) => e.prefix <= 16383).length);
    for (const n of list) {
      expect(n.name).toBe(n.name.toLowerCase());
      // A junction `//<name>` must be typeable: no slashes or spaces in a name.
      expect(n.name).toMatch(/^[a-z0-9_-]+$/);
      // (The registry also lists EVM chains, e.g. Mythos with prefix 29972, above SS58's 14 bits.)
      expect(Number.isInteger(n.prefix) && n.prefix >= 0).toBe(true);
      if (n.genesisHash !== null) expect(n.genesisHash).toMatch(/^0x[0-9a-f]{64}$/);
    }
    expect(list.filter((n) => n.genesisHash !== null).map((n) => n.name)).toEqual(expect.arrayContaining(['kusama', 'polkadot', 'westend']));
  });
});
