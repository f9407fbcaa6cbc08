import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkList } from '../networks/networks.js';
import { pathFind, type PathFindTarget } from './find.js';
import { DEV_PHRASE } from './suri.js';
import type { KeyType } from './types.js';

/**
 * The candidates pathFind documents, written out here (not taken from find.ts): per sr25519/ed25519/ecdsa
 * key type the root, //0…//(count-1), the six Substrate dev names, and per network //<network> and
 * //<network>//0…//(count-1); for ethereum m/44'/60'/0'/0/n, m/44'/60'/n'/0/0 (n ≥ 1) and the BIP-32 master.
 */
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const SUBSTRATE_TYPES = ['sr25519', 'ed25519', 'ecdsa'] as const;

function candidates(networks: readonly string[], count = 20): { type: KeyType; path: string }[] {
  const numbers = Array.from({ length: count }, (_, n) => n);
  const paths = [
    '',
    ...numbers.map((n) => `//${n}`),
    ...DEV_NAMES.map((n) => `//${n}`),
    ...networks.flatMap((net) => [`//${net}`, ...numbers.map((n) => `//${net}//${n}`)]),
  ];
  const ethereum = ['', ...numbers.map((n) => `/m/44'/60'/0'/0/${n}`), ...numbers.slice(1).map((n) => `/m/44'/60'/${n}'/0/0`)];
  return [...SUBSTRATE_TYPES.flatMap((type) => paths.map((path) => ({ type, path }))), ...ethereum.map((path) => ({ type: 'ethereum' as const, path }))];
}

/** The account id Polkadot{.js} (the oracle) derives for `phrase` + `path`. */
function oracleTarget(phrase: string, type: KeyType, path: string): PathFindTarget {
  const pair = new Keyring({ type, ss58Format: 42 }).addFromUri(`${phrase}${path}`, {}, type);
  return type === 'ethereum' ? { accountId: hexToU8a(pair.address), ethereum: true } : { accountId: decodeAddress(pair.address), ethereum: false };
}

const ALL_NETWORKS = [...new Set(networkList().map((n) => n.name))];
/** A handful of networks keeps the property quick; the full list is used below for the last candidate. */
const SOME_NETWORKS = ['polkadot', 'kusama', 'westend', 'substrate', 'axia', 'axialunar', 'alphanet', 'betanet', 'sora_dot_para', 'golden_gate_sydney'];

const phraseArb = fc
  .oneof(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 32, maxLength: 32 }))
  .map((e) => entropyToMnemonic(e, wordlist));

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('pathFind', () => {
  it('recovers exactly the path and key type, chosen at random among its candidates, that gave the address (property, Polkadot{.js} as oracle)', async () => {
    const all = candidates(SOME_NETWORKS);
    await fc.assert(
      fc.asyncProperty(phraseArb, fc.constantFrom(...all), async (phrase, { type, path }) => {
        const found = await pathFind(phrase, oracleTarget(phrase, type, path), SOME_NETWORKS);
        expect(found).toMatchObject({ path, type });
        expect(found.tried).toBeGreaterThanOrEqual(1);
        expect(found.tried).toBeLessThanOrEqual(all.length);
      }),
      { numRuns: 12 },
    );
  });

  it.each([
    ['sr25519', '//Alice'],
    ['ed25519', '//polkadot'],
    ['ecdsa', '//kusama//19'],
    ['sr25519', ''],
    ['ecdsa', '//0'],
    ['ethereum', "/m/44'/60'/0'/0/7"],
    ['ethereum', "/m/44'/60'/3'/0/0"],
    ['ethereum', ''],
  ] as const)('finds %s %j on the dev phrase', async (type, path) => {
    const found = await pathFind(DEV_PHRASE, oracleTarget(DEV_PHRASE, type, path), SOME_NETWORKS);
    expect(found).toMatchObject({ path, type });
  });

  it('searches every network it is given: the last candidate of the full network table (ecdsa //<last>//19) is found', async () => {
    const last = ALL_NETWORKS[ALL_NETWORKS.length - 1]!;
    const found = await pathFind(DEV_PHRASE, oracleTarget(DEV_PHRASE, 'ecdsa', `//${last}//19`), ALL_NETWORKS);
    expect(found).toEqual({ path: `//${last}//19`, type: 'ecdsa', tried: candidates(ALL_NETWORKS).filter((c) => c.type !== 'ethereum').length });
  });

  it('reports a miss with the number of candidates tried (substrate and ethereum targets)', async () => {
    // //foo and ///password are real paths, but not among the candidates.
    for (const [type, path] of [
      ['sr25519', '//foo'],
      ['ed25519', '///password'],
      ['sr25519', '//polkadot//20'],
    ] as const) {
      const found = await pathFind(DEV_PHRASE, oracleTarget(DEV_PHRASE, type, path), SOME_NETWORKS);
      expect(found).toEqual({ path: null, type: null, tried: candidates(SOME_NETWORKS).filter((c) => c.type !== 'ethereum').length });
    }
    const eth = await pathFind(DEV_PHRASE, oracleTarget(DEV_PHRASE, 'ethereum', "/m/44'/60'/0'/1/0"), SOME_NETWORKS);
    expect(eth).toEqual({ path: null, type: null, tried: candidates([]).filter((c) => c.type === 'ethereum').length });
    expect(eth.tried).toBe(40);
    // Another phrase's key is not found either.
    const other = 'seed sock milk update focus rotate barely fade car face mechanic mercy';
    expect(await pathFind(DEV_PHRASE, oracleTarget(other, 'ed25519', ''), []).then((r) => r.path)).toBeNull();
  });

  it('honours a smaller count: //<n> with n ≥ count is not a candidate', async () => {
    expect(await pathFind(DEV_PHRASE, oracleTarget(DEV_PHRASE, 'sr25519', '//4'), [], 5)).toMatchObject({ path: '//4', type: 'sr25519' });
    expect(await pathFind(DEV_PHRASE, oracleTarget(DEV_PHRASE, 'sr25519', '//5'), [], 5)).toMatchObject({ path: null, tried: 3 * (1 + 5 + 6) });
  });
});
