import { HDKey } from '@scure/bip32';
import { bytesEqual, wipe } from '../crypto/bytes.js';
import { junctionChainCode } from './junction.js';
import { mnemonicToBip39Seed, mnemonicToMiniSecret } from './mnemonic.js';
import { schemeLoad } from './scheme.js';
import type { KeyType } from './types.js';

/** Substrate's development accounts, which test setups derive from real phrases too. */
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

export type PathFindTarget = { accountId: Uint8Array; ethereum: boolean };
export type PathFindResult = { path: string; type: KeyType; tried: number } | { path: null; type: null; tried: number };

/**
 * Searches the derivation paths people actually use for the one that gives `target` from `phrase`:
 * the root key (Polkadot{.js}), `//<network>` (Signer), `//<network>//<n>`, `//<n>`, `//Alice`…, for sr25519,
 * ed25519 and ecdsa; and BIP-44 indices for ethereum (`m/44'/60'/0'/0/<n>` and `m/44'/60'/<n>'/0/0`).
 * Each candidate costs one derivation from a cached parent, so thousands are tried per second.
 *
 * @example
 * await pathFind(phrase, { accountId, ethereum: false }, ['polkadot', 'kusama'])
 */
export async function pathFind(phrase: string, target: PathFindTarget, networks: readonly string[], count = 20): Promise<PathFindResult> {
  let tried = 0;
  if (target.ethereum) {
    const scheme = await schemeLoad('ethereum');
    const seed = mnemonicToBip39Seed(phrase);
    try {
      const master = HDKey.fromMasterSeed(seed);
      const change = master.derive("m/44'/60'/0'/0");
      const paths: [string, () => HDKey][] = [];
      for (let n = 0; n < count; n++) paths.push([`/m/44'/60'/0'/0/${n}`, () => change.deriveChild(n)]);
      for (let n = 1; n < count; n++) paths.push([`/m/44'/60'/${n}'/0/0`, () => master.derive(`m/44'/60'/${n}'/0/0`)]);
      paths.push(['', () => master]);
      for (const [path, node] of paths) {
        tried++;
        const key = node().privateKey;
        if (key && bytesEqual(scheme.accountId(scheme.fromSeed(key).publicKey), target.accountId)) return { path, type: 'ethereum', tried };
      }
    } finally {
      wipe(seed);
    }
    return { path: null, type: null, tried };
  }

  const mini = mnemonicToMiniSecret(phrase);
  try {
    const numbers = Array.from({ length: count }, (_, n) => [String(n), junctionChainCode(String(n))] as const);
    for (const type of ['sr25519', 'ed25519', 'ecdsa'] as const) {
      const scheme = await schemeLoad(type);
      const hit = (publicKey: Uint8Array) => {
        tried++;
        return bytesEqual(scheme.accountId(publicKey), target.accountId);
      };
      const root = scheme.fromSeed(mini);
      if (hit(root.publicKey)) return { path: '', type, tried };
      for (const [n, cc] of numbers) if (hit(scheme.deriveHard(root.secretKey, cc).publicKey)) return { path: `//${n}`, type, tried };
      for (const name of DEV_NAMES) if (hit(scheme.deriveHard(root.secretKey, junctionChainCode(name)).publicKey)) return { path: `//${name}`, type, tried };
      for (const network of networks) {
        const parent = scheme.deriveHard(root.secretKey, junctionChainCode(network));
        if (hit(parent.publicKey)) return { path: `//${network}`, type, tried };
        for (const [n, cc] of numbers) {
          if (hit(scheme.deriveHard(parent.secretKey, cc).publicKey)) return { path: `//${network}//${n}`, type, tried };
        }
        wipe(parent.secretKey);
      }
      wipe(root.secretKey);
    }
  } finally {
    wipe(mini);
  }
  return { path: null, type: null, tried };
}

export type ScanEntry = { family: string; path: string; type: KeyType; accountId: Uint8Array };

/**
 * The first `count` accounts of each common path family for one network, so a user recovering
 * without a backup file can recognise the ones they had: the root key (Polkadot{.js}), `//<network>`
 * (Signer), `//<network>//<n>`, `//<n>` (sr25519), and the root key of the other key types.
 */
export async function pathScan(phrase: string, network: string, count: number): Promise<ScanEntry[]> {
  const mini = mnemonicToMiniSecret(phrase);
  const out: ScanEntry[] = [];
  try {
    const sr = await schemeLoad('sr25519');
    const root = sr.fromSeed(mini);
    const push = (family: string, path: string, type: KeyType, publicKey: Uint8Array, scheme = sr) =>
      out.push({ family, path, type, accountId: scheme.accountId(publicKey) });
    push('root (Polkadot{.js} default)', '', 'sr25519', root.publicKey);
    const parent = sr.deriveHard(root.secretKey, junctionChainCode(network));
    push('network (Parity Signer default)', `//${network}`, 'sr25519', parent.publicKey);
    for (let n = 0; n < count; n++)
      push('network + index', `//${network}//${n}`, 'sr25519', sr.deriveHard(parent.secretKey, junctionChainCode(String(n))).publicKey);
    for (let n = 0; n < count; n++) push('index', `//${n}`, 'sr25519', sr.deriveHard(root.secretKey, junctionChainCode(String(n))).publicKey);
    wipe(parent.secretKey, root.secretKey);
    for (const type of ['ed25519', 'ecdsa'] as const) {
      const scheme = await schemeLoad(type);
      const pair = scheme.fromSeed(mini);
      push(`root, ${type} key`, '', type, pair.publicKey, scheme);
      const net = scheme.deriveHard(pair.secretKey, junctionChainCode(network));
      push(`network, ${type} key`, `//${network}`, type, net.publicKey, scheme);
      wipe(pair.secretKey, net.secretKey);
    }
  } finally {
    wipe(mini);
  }
  return out;
}
