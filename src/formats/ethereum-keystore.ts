import { randomUUID } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { aes128Ctr } from '../crypto/aes.js';
import { bytesEqual, bytesToHex, concatBytes, hexToBytes } from '../crypto/bytes.js';
import { pbkdf2, pbkdf2Check } from '../crypto/pbkdf2.js';
import { withPasswordKey } from '../crypto/password.js';
import { systemRandom, type RandomSource } from '../crypto/random.js';
import { scrypt, scryptCheck, SCRYPT_LIMITS, SCRYPT_MAX_MEMORY, scryptParamsValid, type ScryptCaps } from '../crypto/scrypt.js';
import { CorruptFileError, UnknownFormatError } from '../errors/file.js';
import { WrongPasswordError } from '../errors/password.js';
import { describeValue, isObject, type JsonObject } from './json.js';

/**
 * Ethereum keystore v3 (Web3 Secret Storage definition; geth `accounts/keystore`, MetaMask "JSON file"):
 * dk = scrypt|pbkdf2(password); mac = keccak256(dk[16..32] ‖ ciphertext); key = AES-128-CTR(dk[0..16], iv).
 */
export type EthereumKeystore = {
  address: string | null;
  id: string | null;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: Uint8Array; dklen: number } | { name: 'pbkdf2'; c: number; salt: Uint8Array; dklen: number };
  iv: Uint8Array;
  ciphertext: Uint8Array;
  mac: Uint8Array;
  json: JsonObject;
};

/** geth's "light" keystores use p=6 at N=2^12, so p is capped by total cost rather than at 4 (DESIGN.md caps N and r as for every format). */
export const KEYSTORE_SCRYPT_MAX_COST = (1 << 20) * 8;
/**
 * A keystore's scrypt caps: N and r as every format, p by total work, and the table (128·N·r) at
 * 256 MiB — exactly geth's standard N=2^18, r=8 — so a 457-byte file cannot ask for a gigabyte.
 */
export const KEYSTORE_SCRYPT_CAPS: ScryptCaps = { N: SCRYPT_LIMITS.N, r: SCRYPT_LIMITS.r, cost: KEYSTORE_SCRYPT_MAX_COST, memory: SCRYPT_MAX_MEMORY };
export const KEYSTORE_PBKDF2_MAX = 10_000_000;
/** What geth writes by default (StandardScryptN/P). */
export const KEYSTORE_SCRYPT_DEFAULT = { N: 1 << 18, r: 8, p: 1 };

const HEX = /^(0x)?[0-9a-fA-F]*$/;

function hex(value: unknown, name: string, { file }: { file?: string | undefined }, length?: number): Uint8Array {
  if (typeof value !== 'string' || !HEX.test(value) || value.replace(/^0x/, '').length % 2 !== 0)
    throw new CorruptFileError({ file, reason: `"${name}" is not hex` });
  const bytes = hexToBytes(value.startsWith('0x') ? value : `0x${value}`);
  if (length !== undefined && bytes.length !== length) throw new CorruptFileError({ file, reason: `"${name}" is not ${length} bytes` });
  return bytes;
}

/** Validates a keystore's structure and KDF parameters (against the caps) without deriving anything. */
export function ethereumKeystoreParse(json: JsonObject, file?: string): EthereumKeystore {
  const corrupt = (reason: string) => new CorruptFileError({ file, reason });
  if (json['version'] !== 3 && json['version'] !== '3') throw new UnknownFormatError({ file, reason: 'it is not a version 3 keystore' });
  const crypto = json['crypto'] ?? json['Crypto'];
  if (!isObject(crypto)) throw corrupt('"crypto" is missing');
  if (crypto['cipher'] !== 'aes-128-ctr') throw corrupt(`its cipher ${describeValue(crypto['cipher'])} is not aes-128-ctr`);
  const cipherparams = crypto['cipherparams'];
  const iv = hex(isObject(cipherparams) ? cipherparams['iv'] : undefined, 'crypto.cipherparams.iv', { file }, 16);
  const ciphertext = hex(crypto['ciphertext'], 'crypto.ciphertext', { file });
  if (ciphertext.length !== 32) throw corrupt('"crypto.ciphertext" is not a 32-byte key');
  const mac = hex(crypto['mac'], 'crypto.mac', { file }, 32);
  const kp = crypto['kdfparams'];
  if (!isObject(kp)) throw corrupt('"crypto.kdfparams" is missing');
  const salt = hex(kp['salt'], 'crypto.kdfparams.salt', { file });
  const dklen = kp['dklen'];
  if (dklen !== 32) throw corrupt('"crypto.kdfparams.dklen" is not 32');
  const int = (v: unknown, name: string) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw corrupt(`"crypto.kdfparams.${name}" is not a positive whole number`);
    return v;
  };
  let kdf: EthereumKeystore['kdf'];
  if (crypto['kdf'] === 'scrypt') {
    const [N, r, p] = [int(kp['n'], 'n'), int(kp['r'], 'r'), int(kp['p'], 'p')];
    scryptCheck({ N, r, p }, KEYSTORE_SCRYPT_CAPS);
    if ((N & (N - 1)) !== 0 || N < 2) throw corrupt('"crypto.kdfparams.n" is not a power of two');
    if (!scryptParamsValid({ N, r, p })) throw corrupt('"crypto.kdfparams" are not valid scrypt parameters (N must be below 2^(16·r))');
    kdf = { name: 'scrypt', N, r, p, salt, dklen };
  } else if (crypto['kdf'] === 'pbkdf2') {
    const c = int(kp['c'], 'c');
    if (kp['prf'] !== 'hmac-sha256') throw corrupt('"crypto.kdfparams.prf" is not hmac-sha256');
    pbkdf2Check(c, KEYSTORE_PBKDF2_MAX);
    kdf = { name: 'pbkdf2', c, salt, dklen };
  } else {
    throw corrupt(
      crypto['kdf'] === undefined ? 'it names no KDF ("crypto.kdf" is missing)' : `its KDF ${describeValue(crypto['kdf'])} is neither scrypt nor pbkdf2`,
    );
  }
  const address = typeof json['address'] === 'string' ? json['address'] : null;
  return { address, id: typeof json['id'] === 'string' ? json['id'] : null, kdf, iv, ciphertext, mac, json };
}

/** The 32-byte private key; a MAC mismatch (wrong password or altered file) → {@link WrongPasswordError}. */
export async function ethereumKeystoreDecrypt(ks: EthereumKeystore, password: string, options: { file?: string | undefined } = {}): Promise<Uint8Array> {
  const { kdf } = ks;
  return withPasswordKey(
    password,
    (secret) => (kdf.name === 'scrypt' ? scrypt(secret, kdf.salt, kdf, kdf.dklen) : pbkdf2(secret, kdf.salt, kdf.c, kdf.dklen, 'sha256')),
    (dk) => {
      if (!bytesEqual(keccak_256(concatBytes(dk.subarray(16, 32), ks.ciphertext)), ks.mac))
        throw new WrongPasswordError({ subject: options.file ?? ks.address ?? undefined });
      return aes128Ctr(dk.subarray(0, 16), ks.iv, ks.ciphertext);
    },
  );
}

/** A keystore v3 file (scrypt N=2^18, r=8, p=1 as geth writes) for a secp256k1 private key and its 20-byte address. */
export async function ethereumKeystoreWrite(
  privateKey: Uint8Array,
  address20: Uint8Array,
  password: string,
  options: { params?: { N: number; r: number; p: number }; random?: RandomSource } = {},
): Promise<JsonObject> {
  const random = options.random ?? systemRandom;
  const params = options.params ?? KEYSTORE_SCRYPT_DEFAULT;
  const salt = random(32);
  const iv = random(16);
  const { ciphertext, mac } = await withPasswordKey(
    password,
    (secret) => scrypt(secret, salt, params, 32),
    (dk) => {
      const ciphertext = aes128Ctr(dk.subarray(0, 16), iv, privateKey);
      return { ciphertext, mac: keccak_256(concatBytes(dk.subarray(16, 32), ciphertext)) };
    },
  );
  const h = (b: Uint8Array) => bytesToHex(b).slice(2);
  return {
    address: h(address20),
    crypto: {
      cipher: 'aes-128-ctr',
      ciphertext: h(ciphertext),
      cipherparams: { iv: h(iv) },
      kdf: 'scrypt',
      kdfparams: { dklen: 32, n: params.N, p: params.p, r: params.r, salt: h(salt) },
      mac: h(mac),
    },
    id: options.random ? uuidFrom(random(16)) : randomUUID(),
    version: 3,
  };
}

function uuidFrom(b: Uint8Array): string {
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = bytesToHex(b).slice(2);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
