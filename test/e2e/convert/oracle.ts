/**
 * The references the issue-6 tests compare keepsake against, none of which uses keepsake's code:
 *
 * - an Ethereum keystore v3 reader and writer written here from the Web3 Secret Storage definition
 *   (https://ethereum.org/en/developers/docs/data-structures-and-encoding/web3-secret-storage/):
 *   dk = scrypt|pbkdf2-hmac-sha256(password), key = dk[0..16] for AES-128-CTR, mac = keccak256(dk[16..32] ‖ ciphertext),
 *   address = keccak256(uncompressed public key without its 0x04)[12..32];
 * - Polkadot{.js} itself (`@polkadot/keyring`, `@polkadot/util-crypto`) for account files, the extension's
 *   "Export all accounts" batch (`ui-keyring` `backupAccounts`) and the Apps "Export all" list.
 *
 * Only tests import this file.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as nodeScrypt } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json, KeyringPair$Meta } from '@polkadot/keyring/types';
import { stringToU8a, u8aConcat, u8aToHex, u8aToString } from '@polkadot/util';
import { createKeyMulti, cryptoWaitReady, encodeAddress, jsonDecrypt, jsonEncryptFormat, naclEncrypt, scryptEncode, scryptToU8a } from '@polkadot/util-crypto';
import { oracleToJson } from '../../support/oracle.js';

export type Json = { [key: string]: unknown };
export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
export const KEY_TYPES: readonly KeyType[] = ['sr25519', 'ed25519', 'ecdsa', 'ethereum'];

export const hex = (b: Uint8Array): string => bytesToHex(b);
export const unhex = (s: string): Uint8Array => hexToBytes(s.replace(/^0x/, ''));

// ---------------------------------------------------------------------------------------------
// Ethereum keystore v3

/** scrypt from @noble/hashes (pure JS), or node's native one for the N=2^18 files keepsake writes (seconds in JS). */
export type ScryptImpl = 'noble' | 'node';

export type KeystoreKdf = { kdf: 'scrypt'; n: number; r: number; p: number } | { kdf: 'pbkdf2'; c: number };

/** geth's "light" parameters (`LightScryptN`, `LightScryptP`): fast enough for tests, and p=6 is over keepsake's Polkadot{.js} p cap. */
export const GETH_LIGHT: KeystoreKdf = { kdf: 'scrypt', n: 1 << 12, r: 8, p: 6 };
/** geth's standard parameters (`StandardScryptN`, `StandardScryptP`). */
export const GETH_STANDARD: KeystoreKdf = { kdf: 'scrypt', n: 1 << 18, r: 8, p: 1 };

/** The 20-byte Ethereum address of a secp256k1 private key, lower-case with 0x. */
export function ethAddress(privateKey: Uint8Array): string {
  const uncompressed = secp256k1.getPublicKey(privateKey, false);
  return '0x' + hex(keccak_256(uncompressed.subarray(1)).subarray(12));
}

/** EIP-55 mixed-case form of a 0x address. */
export function eip55(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, '');
  const hash = hex(keccak_256(utf8ToBytes(lower)));
  return '0x' + [...lower].map((c, i) => (parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('');
}

async function derive(password: string, salt: Uint8Array, kdf: KeystoreKdf, impl: ScryptImpl): Promise<Uint8Array> {
  const pw = utf8ToBytes(password);
  if (kdf.kdf === 'pbkdf2') return pbkdf2Async(sha256, pw, salt, { c: kdf.c, dkLen: 32 });
  if (impl === 'noble') return scryptAsync(pw, salt, { N: kdf.n, r: kdf.r, p: kdf.p, dkLen: 32, maxmem: 2 ** 31 });
  return new Promise((resolve, reject) =>
    nodeScrypt(pw, salt, 32, { N: kdf.n, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.n * kdf.r }, (err, key) => (err ? reject(err) : resolve(new Uint8Array(key)))),
  );
}

/**
 * A keystore v3 file as geth writes it (lower-case hex without 0x, `crypto` in lower case).
 * `address: null` leaves the field out (some tools do); a string replaces it (for mismatch tests).
 */
export async function keystoreEncrypt(
  privateKey: Uint8Array,
  password: string,
  kdf: KeystoreKdf = GETH_LIGHT,
  options: { salt?: Uint8Array; iv?: Uint8Array; address?: string | null; impl?: ScryptImpl } = {},
): Promise<Json> {
  const salt = options.salt ?? new Uint8Array(randomBytes(32));
  const iv = options.iv ?? new Uint8Array(randomBytes(16));
  const dk = await derive(password, salt, kdf, options.impl ?? 'noble');
  const cipher = createCipheriv('aes-128-ctr', dk.subarray(0, 16), iv);
  const ciphertext = new Uint8Array(Buffer.concat([cipher.update(privateKey), cipher.final()]));
  const mac = keccak_256(concatBytes(dk.subarray(16, 32), ciphertext));
  const kdfparams =
    kdf.kdf === 'scrypt' ? { dklen: 32, n: kdf.n, p: kdf.p, r: kdf.r, salt: hex(salt) } : { c: kdf.c, dklen: 32, prf: 'hmac-sha256', salt: hex(salt) };
  const address = options.address === undefined ? ethAddress(privateKey).slice(2) : options.address;
  return {
    ...(address === null ? {} : { address }),
    crypto: { cipher: 'aes-128-ctr', ciphertext: hex(ciphertext), cipherparams: { iv: hex(iv) }, kdf: kdf.kdf, kdfparams, mac: hex(mac) },
    id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
    version: 3,
  };
}

export class OracleMacError extends Error {}

/** Opens a keystore v3 file: the private key and the address it gives (lower-case 0x); throws {@link OracleMacError} on a bad MAC. */
export async function keystoreDecrypt(
  json: Json,
  password: string,
  impl: ScryptImpl = 'noble',
): Promise<{ privateKey: Uint8Array; address: string; kdf: KeystoreKdf }> {
  if (json['version'] !== 3) throw new Error(`version ${String(json['version'])}`);
  const c = (json['crypto'] ?? json['Crypto']) as Json;
  if (c['cipher'] !== 'aes-128-ctr') throw new Error(`cipher ${String(c['cipher'])}`);
  const p = c['kdfparams'] as Json;
  if (p['dklen'] !== 32) throw new Error('dklen');
  const kdf: KeystoreKdf =
    c['kdf'] === 'scrypt'
      ? { kdf: 'scrypt', n: p['n'] as number, r: p['r'] as number, p: p['p'] as number }
      : c['kdf'] === 'pbkdf2' && p['prf'] === 'hmac-sha256'
        ? { kdf: 'pbkdf2', c: p['c'] as number }
        : (() => {
            throw new Error(`kdf ${String(c['kdf'])}`);
          })();
  const dk = await derive(password, unhex(p['salt'] as string), kdf, impl);
  const ciphertext = unhex(c['ciphertext'] as string);
  if (hex(keccak_256(concatBytes(dk.subarray(16, 32), ciphertext))) !== (c['mac'] as string).replace(/^0x/, '').toLowerCase())
    throw new OracleMacError('MAC mismatch');
  const decipher = createDecipheriv('aes-128-ctr', dk.subarray(0, 16), unhex((c['cipherparams'] as Json)['iv'] as string));
  const privateKey = new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  return { privateKey, address: ethAddress(privateKey), kdf };
}

/** A random valid secp256k1 private key from 32 random bytes (re-hashed in the ~2^-128 case it is out of range). */
export function ethPrivateKey(bytes: Uint8Array): Uint8Array {
  let key = bytes;
  while (!secp256k1.utils.isValidSecretKey(key)) key = keccak_256(key);
  return key;
}

// ---------------------------------------------------------------------------------------------
// Polkadot{.js}

/** What wallets before mid-2025 write and read: fast enough for property tests. */
export const COMPAT = { N: 1 << 15, p: 1, r: 8 };

export async function polkadotReady(): Promise<void> {
  await cryptoWaitReady();
}

/** A keyring pair from a 32-byte seed (for ethereum, the seed is the private key). */
export function pairFromSeed(type: KeyType, seed: Uint8Array, meta: KeyringPair$Meta = {}, ss58Format = 42): KeyringPair {
  const keyring = new Keyring({ type, ss58Format });
  return keyring.addFromSeed(type === 'ethereum' || type === 'ecdsa' ? ethPrivateKey(seed) : seed, meta, type);
}

/** `pair.toJson(password)` with chosen scrypt parameters (`toJson` always uses N=2^17). */
export function polkadotToJson(pair: KeyringPair, password: string, params = COMPAT): KeyringPair$Json {
  return oracleToJson(pair, password, params);
}

/** The extension's "Export all accounts" (`ui-keyring` `backupAccounts`): the entries' JSON encrypted under one password. */
export function polkadotBatch(entries: readonly KeyringPair$Json[], password: string, params = COMPAT): Json {
  const { password: key, salt } = scryptEncode(password, undefined, params);
  const { encrypted, nonce } = naclEncrypt(stringToU8a(JSON.stringify(entries)), key.subarray(0, 32));
  return {
    ...jsonEncryptFormat(u8aConcat(scryptToU8a(salt, params), nonce, encrypted), ['batch-pkcs8'], true),
    accounts: entries.map((e) => ({ address: e.address, meta: e.meta })),
  };
}

/** `ui-keyring` `restoreAccounts`: the entries inside a batch file. */
export function polkadotBatchOpen(json: Json, password: string): KeyringPair$Json[] {
  return JSON.parse(u8aToString(jsonDecrypt(json as unknown as KeyringPair$Json, password))) as KeyringPair$Json[];
}

/** `publicKey` and `pkcs8` (secret ‖ public, as keyring `encodePkcs8` gives it) in hex without 0x. */
export type Opened = { type: KeyType; address: string; publicKey: string; pkcs8: string; meta: KeyringPair$Meta };

/** Opens one account file as Polkadot{.js} does (`keyring.addFromJson` + `pair.decodePkcs8`): throws on a wrong password. */
export function polkadotOpen(json: unknown, password: string, ss58Format = 42): Opened {
  const file = json as KeyringPair$Json;
  const keyring = new Keyring({ ss58Format });
  const pair = keyring.addFromJson(file);
  pair.decodePkcs8(password);
  return { type: pair.type as KeyType, address: pair.address, publicKey: hex(pair.publicKey), pkcs8: hex(pair.encodePkcs8()), meta: pair.meta };
}

/** A multisig as Apps keeps it (`ui-keyring` `addMultisig`: `createKeyMulti(who, threshold)`): address and meta, no key. */
export function multisigEntry(who: readonly string[], name = 'Team multisig', threshold = 2, ss58Format = 42): Json & { address: string; meta: Json } {
  const address = encodeAddress(createKeyMulti([...who], threshold), ss58Format);
  return { address, meta: { name, isMultisig: true, threshold, who: [...who], whenCreated: 1_700_000_000_000 } };
}

export const toFile = (value: unknown): string => JSON.stringify(value, null, 2);
