/**
 * The Polkadot{.js} oracle of every test: wallet files made and opened by `@polkadot/keyring` +
 * `@polkadot/util-crypto`, never by keepsake, so a test cannot pass because keepsake agrees with
 * itself. (The Ethereum keystore oracle is test/e2e/convert/oracle.ts.)
 *
 * `pair.toJson(pw)` always uses scrypt N=2^17 (~0.5 s in the oracle); `oracleFile` builds the same
 * file (keyring `pair/encode.ts` + `pair/toJson.ts`) with N=2^15 — what wallets from before mid-2025
 * write — so most tests stay quick.
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json, KeyringPair$Meta } from '@polkadot/keyring/types';
import { stringToU8a, u8aConcat, u8aToHex, u8aToString } from '@polkadot/util';
import { cryptoWaitReady, jsonDecrypt, jsonEncrypt, jsonEncryptFormat, naclEncrypt, scryptEncode, scryptToU8a } from '@polkadot/util-crypto';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import { loadVectors } from './vectors.js';

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
export const KEY_TYPES: readonly KeyType[] = ['sr25519', 'ed25519', 'ecdsa', 'ethereum'];

export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
export const SCRYPT_COMPAT = { N: 1 << 15, p: 1, r: 8 };

export type Vectors = {
  devPhrase: string;
  suri: { type: KeyType; suri: string; publicKey: string; address42?: string; address2?: string; address0?: string }[];
  json: { password: string; keyType: KeyType; expectedPublicKey: string; expectedAddress: string; ss58Prefix: number; file: KeyringPair$Json }[];
};

export const VECTORS = loadVectors<Vectors>('polkadot-js');

export function oracleReady(): Promise<boolean> {
  return cryptoWaitReady();
}

/** A keyring pair (SS58 prefix 42) from a secret URI. */
export function oraclePair(type: KeyType, suri: string, meta: KeyringPair$Meta = {}): KeyringPair {
  return new Keyring({ type, ss58Format: 42 }).addFromUri(suri, meta, type);
}

/** A distinct pair per `label` on the dev phrase; ethereum uses a BIP-44 index. */
export function labelledPair(type: KeyType, label: number | string, meta: KeyringPair$Meta = {}): KeyringPair {
  const suri =
    type === 'ethereum' ? `${DEV_PHRASE}/m/44'/60'/0'/0/${typeof label === 'number' ? label : label.length + 100}` : `${DEV_PHRASE}//e2e-vault//${label}`;
  return oraclePair(type, suri, meta);
}

/**
 * A Polkadot{.js} single-account file built from an unlocked keyring pair with util-crypto's own
 * primitives, exactly as `pair.toJson(password)` (keyring `pair/encode.ts` + `pair/toJson.ts`) but with
 * chosen scrypt parameters, salt and nonce: `toJson` always uses N=2^17 and fresh randomness.
 */
export function oracleToJson(
  pair: KeyringPair,
  password: string,
  params: { N: number; p: number; r: number },
  meta: KeyringPair$Meta = pair.meta,
  salt?: Uint8Array,
  nonce?: Uint8Array,
): KeyringPair$Json {
  const pkcs8 = pair.encodePkcs8();
  const { password: key, salt: usedSalt } = scryptEncode(password, salt, params);
  const { encrypted, nonce: usedNonce } = naclEncrypt(pkcs8, key.subarray(0, 32), nonce);
  const encoded = u8aConcat(scryptToU8a(usedSalt, params), usedNonce, encrypted);
  // keyring `pair/index.ts` toJson: secp256k1 types keep the hex public key, the others their address.
  const address = pair.type === 'ecdsa' || pair.type === 'ethereum' ? u8aToHex(pair.publicKey) : pair.address;
  return { ...jsonEncryptFormat(encoded, ['pkcs8', pair.type], true), address, meta };
}

/** {@link oracleToJson} as a file carries it (a JSON round trip), N=2^15 unless told. */
export function oracleFile(pair: KeyringPair, password: string, params = SCRYPT_COMPAT, meta: KeyringPair$Meta = pair.meta): KeyringPair$Json {
  return JSON.parse(JSON.stringify(oracleToJson(pair, password, params, meta))) as KeyringPair$Json;
}

/** The extension's "Export all accounts" file: the list of files, encrypted as a whole, plus the unauthenticated preview. */
export function oracleBatch(files: readonly KeyringPair$Json[], password: string): EncryptedJson & { accounts: { address: string; meta: KeyringPair$Meta }[] } {
  const encrypted = jsonEncrypt(stringToU8a(JSON.stringify(files)), ['batch-pkcs8'], password);
  return JSON.parse(JSON.stringify({ ...encrypted, accounts: files.map((f) => ({ address: f.address, meta: f.meta })) })) as EncryptedJson & {
    accounts: { address: string; meta: KeyringPair$Meta }[];
  };
}

/** Opens a batch file's outer layer with util-crypto, as the extension does. */
export function oracleBatchOpen(batch: EncryptedJson, password: string): KeyringPair$Json[] {
  return JSON.parse(u8aToString(jsonDecrypt(batch, password))) as KeyringPair$Json[];
}

/** Opens a single-account file with `@polkadot/keyring` (throws on a wrong password). */
export function oracleOpen(file: KeyringPair$Json, password: string, ss58Format = 42): KeyringPair {
  const type = (Array.isArray(file.encoding.content) ? file.encoding.content[1] : 'ed25519') as KeyType;
  const pair = new Keyring({ type, ss58Format }).addFromJson(file);
  pair.decodePkcs8(password);
  return pair;
}

/** The scrypt N written in a Polkadot{.js} `encoded` (salt[32] ‖ N u32le ‖ …). */
export function scryptNOf(file: { encoded: string }): number {
  return Buffer.from(file.encoded, 'base64').readUInt32LE(32);
}

export const hex = u8aToHex;
