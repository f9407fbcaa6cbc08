/**
 * The known-answer vectors of test/vectors/ (where each comes from: test/vectors/README.md), loaded
 * in one place for the unit tests beside src/ and the tests under test/.
 */
import { readFileSync } from 'node:fs';

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
export type JsonObject = { [key: string]: unknown };

/** A secret URI and the public key and addresses Polkadot{.js} derives from it. */
export type SuriVector = { type: KeyType; suri: string; publicKey: string; address42?: string; address0?: string; address2?: string };
/** A Polkadot{.js} account file, its password and what it holds. */
export type JsonVector = { password: string; keyType: KeyType; expectedPublicKey: string; expectedAddress: string; ss58Prefix: number; file: JsonObject };
export type Ss58Vector = { prefix: number; publicKey: string; address: string };
export type PolkadotVectors = { source: string; devPhrase: string; suri: SuriVector[]; json: JsonVector[]; ss58: Ss58Vector[] };
export type KeystoreVector = { source: string; password: string; expectedPrivateKey: string; expectedAddressLowercase: string; file: JsonObject };

/** A Banana Split set: its shards' texts (any `required` of them), passphrase and secret. */
export type BananaSplitVectors = { about: string; sets: { name: string; passphrase: string; secret: string; shards: string[] }[] };

type VectorFile = 'polkadot-js' | 'ethereum-keystore' | 'banana-split';

/**
 * A vector file of test/vectors/, parsed afresh (a caller may change its copy). A type argument
 * narrows the shape where a test types a file with the library's own types.
 */
export function loadVectors(name: 'polkadot-js'): PolkadotVectors;
export function loadVectors(name: 'ethereum-keystore'): KeystoreVector;
export function loadVectors(name: 'banana-split'): BananaSplitVectors;
export function loadVectors<T>(name: VectorFile): T;
export function loadVectors(name: VectorFile): unknown {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}.json`, import.meta.url), 'utf8')) as unknown;
}

/** test/vectors/polkadot-js.json. */
export const VECTORS = loadVectors('polkadot-js');
/** The Substrate development phrase, the root of the dev accounts (//Alice …). */
export const DEV_PHRASE = VECTORS.devPhrase;
/** The phrases of the suri vectors; each vector's suri is one of them followed by its path. */
export const PHRASES = [...new Set(VECTORS.suri.map((v) => v.suri.split('/')[0]!))];

/** A vector's path: its suri without the phrase ('' = the root key). */
export function vectorPath(v: SuriVector): { phrase: string; path: string } {
  const phrase = PHRASES.find((p) => v.suri.startsWith(p))!;
  return { phrase, path: v.suri.slice(phrase.length) };
}

/** EIP-55's own test cases (all caps, all lower, mixed case): each address is its checksummed form. */
export const EIP55_EXAMPLES = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
] as const;
