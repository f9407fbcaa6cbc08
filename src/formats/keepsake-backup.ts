import { utf8, wipe } from '../crypto/bytes.js';
import { systemRandom, type RandomSource } from '../crypto/random.js';
import { KEEPSAKE_SCRYPT_CAPS, scrypt, scryptCheck, type ScryptParams } from '../crypto/scrypt.js';
import { secretboxOpen, secretboxSeal } from '../crypto/secretbox.js';
import { CorruptFileError, UnknownFormatError } from '../errors/file.js';
import { WrongPasswordError } from '../errors/password.js';
import { base64Decode, base64Encode, describeValue, isObject, jsonParse, type JsonObject } from './json.js';
import { formatScryptParams, SCRYPT_DEFAULT } from './polkadot-js/kdf.js';
import { UnsupportedKdfParamsError } from '../errors/kdf.js';

/**
 * keepsake's whole-wallet backup, version 1 (DESIGN.md):
 * `{"type":"keepsake-backup","version":1,"kdf":{"name":"scrypt",N,r,p,salt},"cipher":"xsalsa20-poly1305","nonce","ciphertext","createdAt"}`.
 * key = scrypt(password, salt)[0..32]; ciphertext = secretbox(JSON payload). Names, addresses and sealed
 * phrases are all inside the box: nothing is readable without the password.
 */
export const BACKUP_TYPE = 'keepsake-backup';
export const BACKUP_VERSION = 1;

export type BackupEnvelope = { version: number; kdf: ScryptParams & { salt: Uint8Array }; nonce: Uint8Array; ciphertext: Uint8Array; createdAt: string | null };

export function keepsakeBackupParse(json: JsonObject, file?: string): BackupEnvelope {
  if (json['type'] !== BACKUP_TYPE) throw new UnknownFormatError({ file, reason: 'it is not a keepsake backup' });
  const version = json['version'];
  if (version !== BACKUP_VERSION) {
    throw new UnknownFormatError({ file, reason: `it is keepsake backup version ${describeValue(version)}; this keepsake reads version ${BACKUP_VERSION}` });
  }
  const kdf = json['kdf'];
  const corrupt = (reason: string) => new CorruptFileError({ file, reason });
  if (!isObject(kdf) || kdf['name'] !== 'scrypt') throw corrupt('"kdf" is not scrypt');
  const [N, r, p] = [kdf['N'], kdf['r'], kdf['p']];
  if (!Number.isSafeInteger(N) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p)) throw corrupt('"kdf" parameters are not whole numbers');
  const params = { N: N as number, r: r as number, p: p as number };
  // keepsake's own format: any scrypt parameters within the caps (a power-of-two N) are read.
  scryptCheck(params, KEEPSAKE_SCRYPT_CAPS);
  // Weaker than keepsake ever writes (N=2^17, r=8): an edited file, not a backup to trust.
  if (params.N < 1 << 15 || (params.N & (params.N - 1)) !== 0 || params.r < 8 || params.p < 1) {
    throw new UnsupportedKdfParamsError({ kdf: 'scrypt', params: formatScryptParams(params), writer: 'version of keepsake' });
  }
  const salt = typeof kdf['salt'] === 'string' ? base64Decode(kdf['salt']) : undefined;
  const nonce = typeof json['nonce'] === 'string' ? base64Decode(json['nonce']) : undefined;
  const ciphertext = typeof json['ciphertext'] === 'string' ? base64Decode(json['ciphertext']) : undefined;
  if (json['cipher'] !== 'xsalsa20-poly1305') throw corrupt('"cipher" is not xsalsa20-poly1305');
  if (salt === undefined || salt.length < 16) throw corrupt('"kdf.salt" is not base64 of at least 16 bytes');
  if (nonce === undefined || nonce.length !== 24) throw corrupt('"nonce" is not 24 bytes of base64');
  if (ciphertext === undefined || ciphertext.length < 16) throw corrupt('"ciphertext" is missing or cut short');
  return { version, kdf: { ...params, salt }, nonce, ciphertext, createdAt: typeof json['createdAt'] === 'string' ? json['createdAt'] : null };
}

export async function keepsakeBackupOpen(envelope: BackupEnvelope, password: string, options: { file?: string } = {}): Promise<JsonObject> {
  const secret = utf8(password);
  const derived = await scrypt(secret, envelope.kdf.salt, envelope.kdf, 64);
  const key = derived.slice(0, 32);
  wipe(secret, derived);
  const plaintext = secretboxOpen(key, envelope.nonce, envelope.ciphertext);
  wipe(key);
  if (plaintext === undefined) throw new WrongPasswordError({ subject: options.file });
  const payload = jsonParse(new TextDecoder().decode(plaintext), options.file);
  wipe(plaintext);
  if (!isObject(payload)) throw new CorruptFileError({ file: options.file, reason: 'it decrypts, but holds no backup' });
  return payload;
}

export async function keepsakeBackupWrite(payload: JsonObject, password: string, options: { params?: ScryptParams; random?: RandomSource; now?: Date } = {}): Promise<JsonObject> {
  const params = options.params ?? SCRYPT_DEFAULT;
  const random = options.random ?? systemRandom;
  const salt = random(32);
  const nonce = random(24);
  const secret = utf8(password);
  const derived = await scrypt(secret, salt, params, 64);
  const key = derived.slice(0, 32);
  wipe(secret, derived);
  const plaintext = utf8(JSON.stringify(payload));
  const ciphertext = secretboxSeal(key, nonce, plaintext);
  wipe(key, plaintext);
  return {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    kdf: { name: 'scrypt', ...params, salt: base64Encode(salt) },
    cipher: 'xsalsa20-poly1305',
    nonce: base64Encode(nonce),
    ciphertext: base64Encode(ciphertext),
    createdAt: (options.now ?? new Date()).toISOString(),
  };
}
