/**
 * Issue 12 item 7: the network an address was typed in, from its SS58 prefix, so that `identity find`
 * can say "--network polkadot" and deriving with it shows the very address typed. Prefixes and names
 * come from the SS58 registry (@substrate/ss58-registry) and keepsake's additions (Westend, AXIA).
 */
import registry from '@substrate/ss58-registry';
import { describe, expect, it } from 'vitest';
import { networkInfer } from './infer.js';

const names = (list: { name: string }[]) => list.map((n) => n.name);

describe('networkInfer', () => {
  it('picks the registry owner of a shared prefix and lists the others: 0 Polkadot (AXIA too), 2 Kusama (AXIALunar too), 42 generic Substrate', () => {
    expect(networkInfer(0)).toMatchObject({ network: { name: 'polkadot', prefix: 0 }, reason: 'registry' });
    expect(names(networkInfer(0).sharing)).toEqual(['polkadot', 'axia']);
    expect(networkInfer(2)).toMatchObject({ network: { name: 'kusama', prefix: 2 }, reason: 'registry' });
    expect(names(networkInfer(2).sharing)).toEqual(['kusama', 'axialunar']);
    expect(networkInfer(42)).toMatchObject({ network: { name: 'substrate', prefix: 42, genesisHash: null }, reason: 'registry' });
    expect(names(networkInfer(42).sharing)).toEqual(['substrate', 'westend', 'alphanet', 'betanet']);
  });

  it('a network named by the derivation path wins among those sharing the prefix (Signer derives //<network>)', () => {
    expect(networkInfer(42, { path: '//westend' })).toMatchObject({ network: { name: 'westend' }, reason: 'path' });
    expect(networkInfer(42, { path: '//Westend//3' })).toMatchObject({ network: { name: 'westend' }, reason: 'path' });
    expect(networkInfer(0, { path: '//axia//0' })).toMatchObject({ network: { name: 'axia' }, reason: 'path' });
    expect(networkInfer(2, { path: '//kusama//19' })).toMatchObject({ network: { name: 'kusama' }, reason: 'path' });
  });

  it('a path naming a network of another prefix does not move the address to it (the prefix typed decides)', () => {
    expect(networkInfer(0, { path: '//kusama' })).toMatchObject({ network: { name: 'polkadot' }, reason: 'registry' });
    expect(networkInfer(42, { path: '//polkadot' })).toMatchObject({ network: { name: 'substrate' }, reason: 'registry' });
    expect(networkInfer(42, { path: '' })).toMatchObject({ network: { name: 'substrate' } });
  });

  it('a prefix only one network uses is that network, whatever the path', () => {
    const entry = (registry as { prefix: number; network: string }[]).find((e) => e.network === 'astar')!;
    expect(networkInfer(entry.prefix, { path: '//westend' })).toMatchObject({
      network: { name: 'astar', prefix: entry.prefix },
      reason: 'only',
      sharing: [{ name: 'astar' }],
    });
  });

  it('a prefix no known network uses gives no network (not a guess)', () => {
    const used = new Set((registry as { prefix: number }[]).map((e) => e.prefix));
    const unused = [...Array(16384).keys()].find((p) => p > 100 && !used.has(p))!;
    expect(networkInfer(unused)).toEqual({ network: null, sharing: [], reason: 'unknown' });
  });
});
