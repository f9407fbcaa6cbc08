/**
 * SubWallet's grouping of accounts (formats/subwallet.ts), on the fields as SubWallet writes them
 * (packages/extension-base/src/types/account/info/proxy.ts): a unified account's name for each
 * address `modifyPairs` points at it, matched by account id whatever the SS58 prefix; anything else
 * (a missing proxy, a name that is no name, an address that does not decode) names nothing.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/bytes.js';
import { CorruptFileError } from '../errors/file.js';
import { ethereumChecksum, ss58Encode } from '../keys/address.js';
import { subWalletLooksLike, subWalletNames, SUBWALLET_MAX_GROUPS } from './subwallet.js';
import type { PolkadotJsBatch } from './polkadot-js/parse.js';

const ID = new Uint8Array(32).map((_, i) => i + 1);
const EVM = new Uint8Array(20).map((_, i) => 200 - i);

function pairs(entries: Record<string, string>) {
  return Object.fromEntries(Object.entries(entries).map(([address, proxy]) => [address, { key: address, accountProxyId: proxy, migrated: true }]));
}

describe('subWalletNames', () => {
  it('names each grouped address by its account id, for any SS58 prefix and for an Ethereum address', () => {
    const names = subWalletNames({
      accountProxies: { p1: { id: 'p1', name: 'Main' } },
      modifyPairs: pairs({ [ss58Encode(ID, 42)]: 'p1', [ethereumChecksum(EVM)]: 'p1' }),
    });
    expect(names.get(bytesToHex(ID))).toBe('Main');
    expect(names.get(bytesToHex(EVM))).toBe('Main');
    expect(subWalletNames({ accountProxies: { p1: { id: 'p1', name: 'Main' } }, modifyPairs: pairs({ [ss58Encode(ID, 0)]: 'p1' }) }).get(bytesToHex(ID))).toBe(
      'Main',
    );
  });

  it('names nothing for a proxy that is not there, a name that is no name, or an address that does not decode', () => {
    const names = subWalletNames({
      accountProxies: { p1: { id: 'p1', name: '' }, p2: { id: 'p2', name: 'x'.repeat(257) }, p3: { id: 'p3' }, p4: { id: 'p4', name: 'Fine' } },
      modifyPairs: { ...pairs({ [ss58Encode(ID, 42)]: 'p1', 'not-an-address': 'p4', [ethereumChecksum(EVM)]: 'missing' }), other: 'not an object' },
    });
    expect([...names]).toEqual([]);
    // An inherited name is no proxy.
    expect([...subWalletNames({ accountProxies: {}, modifyPairs: pairs({ [ss58Encode(ID, 42)]: 'toString' }) })]).toEqual([]);
  });

  it('refuses groups that are not objects, or more than any wallet holds', () => {
    expect(() => subWalletNames({ accountProxies: [] })).toThrow(CorruptFileError);
    expect(() => subWalletNames({ modifyPairs: 7 })).toThrow(CorruptFileError);
    const many = Object.fromEntries(
      Array.from({ length: SUBWALLET_MAX_GROUPS + 1 }, (_, i) => [`a${i}`, { key: `a${i}`, accountProxyId: 'p', migrated: true }]),
    );
    expect(() => subWalletNames({ modifyPairs: many })).toThrow(/more than 10000/);
    expect([...subWalletNames({})]).toEqual([]);
  });
});

describe('subWalletLooksLike', () => {
  const batch = (json: Record<string, unknown>, metas: Record<string, unknown>[]): PolkadotJsBatch =>
    ({ json, accounts: metas.map((meta) => ({ address: '', meta })) }) as unknown as PolkadotJsBatch;

  it('is SubWallet with its preview marker or its groups, and not otherwise', () => {
    expect(subWalletLooksLike(batch({}, [{ name: 'a' }, { isSubWallet: true }]))).toBe(true);
    expect(subWalletLooksLike(batch({ accountProxies: {} }, []))).toBe(true);
    expect(subWalletLooksLike(batch({ modifyPairs: {} }, []))).toBe(true);
    expect(subWalletLooksLike(batch({}, [{ isSubWallet: 'yes' }, { name: 'b' }]))).toBe(false);
    expect(subWalletLooksLike(batch({ accountProxies: [] }, []))).toBe(false);
  });
});
