import { aes256CbcDecrypt, aes256CbcEncrypt } from '../../crypto/aes.js';
import { utf8, wipe } from '../../crypto/bytes.js';
import { withPasswordKey } from '../../crypto/password.js';
import { pbkdf2, pbkdf2Check } from '../../crypto/pbkdf2.js';
import { systemRandom, type RandomSource } from '../../crypto/random.js';
import { MobileWalletExportError, NotAnExportError, UnableToDecryptError } from '../../errors/concordium.js';
import { CorruptFileError } from '../../errors/file.js';
import { base64Decode, base64Encode, describeValue, isObject, jsonParse, type JsonObject } from '../json.js';

/** The collections a desktop export holds (concordium-desktop-wallet `ExportData`). */
export const CONCORDIUM_COLLECTIONS = ['identities', 'accounts', 'credentials', 'externalCredentials', 'wallets'] as const;
export type ConcordiumCollection = (typeof CONCORDIUM_COLLECTIONS)[number];

export type ConcordiumExport = {
  identities: JsonObject[];
  accounts: JsonObject[];
  addressBook: JsonObject[];
  credentials: JsonObject[];
  externalCredentials: JsonObject[];
  wallets: JsonObject[];
  genesis: JsonObject | undefined;
  /** Fields this version of keepsake does not know, kept for the way back. */
  rest: JsonObject;
};

/** More than either wallet uses (desktop 10,000; mobile 100,000); a bigger count is refused before any work. */
export const PBKDF2_MAX_ITERATIONS = 1_000_000;
export const CONCORDIUM_ITERATIONS = 10_000;

type Envelope = { cipherText: Uint8Array; salt: Uint8Array; iv: Uint8Array; iterations: number; keyLen: number };

function envelopeRead(json: JsonObject, file: string | undefined): Envelope {
  const corrupt = (reason: string) => new CorruptFileError({ file, reason });
  const meta = json['metadata'];
  if (!isObject(meta)) throw corrupt('"metadata" is missing');
  const cipherText = typeof json['cipherText'] === 'string' ? base64Decode(json['cipherText']) : undefined;
  const salt = typeof meta['salt'] === 'string' ? base64Decode(meta['salt']) : undefined;
  const iv = typeof meta['initializationVector'] === 'string' ? base64Decode(meta['initializationVector']) : undefined;
  const iterations = meta['iterations'];
  const keyLen = meta['keyLen'] ?? 32;
  if (cipherText === undefined || cipherText.length === 0 || cipherText.length % 16 !== 0) throw corrupt('"cipherText" is not whole AES blocks of base64');
  if (salt === undefined || salt.length === 0) throw corrupt('"metadata.salt" is not base64');
  if (iv === undefined || iv.length !== 16) throw corrupt('"metadata.initializationVector" is not 16 bytes of base64');
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations) || iterations < 1)
    throw corrupt('"metadata.iterations" is not a positive whole number');
  pbkdf2Check(iterations, PBKDF2_MAX_ITERATIONS);
  if (keyLen !== 32) throw corrupt('"metadata.keyLen" is not 32 (AES-256)');
  const hash = meta['hashAlgorithm'] ?? 'sha256';
  if (hash !== 'sha256') throw corrupt(`"metadata.hashAlgorithm" is ${describeValue(hash)}, not sha256`);
  return { cipherText, salt, iv, iterations, keyLen };
}

/**
 * Decrypts a Concordium wallet export (PBKDF2-HMAC-SHA256 + AES-256-CBC, concordium-desktop-wallet
 * `utils/encryption.ts`) and checks it is a desktop export. A wrong password → {@link UnableToDecryptError};
 * a mobile-wallet export → {@link MobileWalletExportError}; other content → {@link NotAnExportError}.
 */
export async function concordiumDesktopOpen(json: JsonObject, password: string, options: { file?: string | undefined } = {}): Promise<ConcordiumExport> {
  const env = envelopeRead(json, options.file);
  const plaintext = await withPasswordKey(
    password,
    (secret) => pbkdf2(secret, env.salt, env.iterations, env.keyLen, 'sha256'),
    (key) => {
      try {
        return aes256CbcDecrypt(key, env.iv, env.cipherText);
      } catch {
        // Bad padding: almost always a wrong password.
        throw new UnableToDecryptError({ file: options.file });
      }
    },
  );
  let data: unknown;
  try {
    data = jsonParse(Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength).toString('utf8'), options.file);
  } catch (err) {
    if (err instanceof CorruptFileError) throw err;
    // A wrong key passes the padding check once in ~256 tries; what comes out is then not JSON.
    throw new UnableToDecryptError({ file: options.file });
  } finally {
    plaintext.fill(0);
  }
  return concordiumDesktopValidate(data, options.file);
}

/** Checks the decrypted structure: every collection a list of objects, genesis an object if present. */
export function concordiumDesktopValidate(data: unknown, file?: string): ConcordiumExport {
  if (isObject(data) && data['type'] === 'concordium-mobile-wallet-data') throw new MobileWalletExportError({ file });
  if (!isObject(data)) throw new NotAnExportError({ file, reason: 'it does not hold an object' });
  const list = (name: string): JsonObject[] => {
    const v = data[name];
    if (v === undefined && name === 'externalCredentials') return [];
    if (!Array.isArray(v)) throw new NotAnExportError({ file, reason: `it has no "${name}" list` });
    if (!v.every(isObject)) throw new NotAnExportError({ file, reason: `its "${name}" list holds something other than objects` });
    return v;
  };
  const out = {
    identities: list('identities'),
    accounts: list('accounts'),
    addressBook: list('addressBook'),
    credentials: list('credentials'),
    externalCredentials: list('externalCredentials'),
    wallets: list('wallets'),
    genesis: isObject(data['genesis']) ? data['genesis'] : undefined,
  };
  for (const a of [...out.accounts, ...out.addressBook]) {
    if (typeof a['address'] !== 'string') throw new NotAnExportError({ file, reason: 'an account or address-book entry has no address' });
  }
  const known = new Set(['identities', 'accounts', 'addressBook', 'credentials', 'externalCredentials', 'wallets', 'genesis']);
  const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !known.has(k)));
  return { ...out, rest };
}

/** Encrypts export data as the desktop wallet does, so the desktop wallet imports it. */
export async function concordiumDesktopWrite(
  data: ConcordiumExport,
  password: string,
  options: { random?: RandomSource; iterations?: number } = {},
): Promise<JsonObject> {
  const random = options.random ?? systemRandom;
  const iterations = options.iterations ?? CONCORDIUM_ITERATIONS;
  const salt = random(16);
  const iv = random(16);
  const { rest, genesis, ...lists } = data;
  const plaintext = utf8(JSON.stringify({ ...rest, ...lists, ...(genesis ? { genesis } : {}) }));
  let cipherText: Uint8Array;
  try {
    cipherText = await withPasswordKey(
      password,
      (secret) => pbkdf2(secret, salt, iterations, 32, 'sha256'),
      (key) => aes256CbcEncrypt(key, iv, plaintext),
    );
  } finally {
    wipe(plaintext);
  }
  return {
    cipherText: base64Encode(cipherText),
    metadata: {
      keyLen: 32,
      iterations,
      salt: base64Encode(salt),
      initializationVector: base64Encode(iv),
      encryptionMethod: 'AES-256',
      keyDerivationMethod: 'PBKDF2WithHmacSHA256',
      hashAlgorithm: 'sha256',
    },
  };
}
