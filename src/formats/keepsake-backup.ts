import { hexToBytes, isHex, utf8, wipe } from '../crypto/bytes.js';
import { systemRandom, type RandomSource } from '../crypto/random.js';
import { KEEPSAKE_SCRYPT_CAPS, scrypt, scryptCheck, scryptParamsFormat, type ScryptParams } from '../crypto/scrypt.js';
import { withPasswordKey } from '../crypto/password.js';
import { secretboxOpen, secretboxSeal } from '../crypto/secretbox.js';
import { CorruptFileError, UnknownFormatError } from '../errors/file.js';
import { WrongPasswordError } from '../errors/password.js';
import { base64Decode, base64Encode, describeValue, isObject, jsonParse, type JsonObject } from './json.js';
import { SCRYPT_DEFAULT } from './polkadot-js/kdf.js';
import { CONCORDIUM_COLLECTIONS } from './concordium/desktop.js';
import { concordiumListing, type ConcordiumItemCollection, type ConcordiumListing, type ConcordiumSealKdf } from './concordium/sealed.js';
import { sealedSecretFingerprint, sealedSecretParse } from './identity-seal.js';
import { polkadotJsParse } from './polkadot-js/parse.js';
import { isKeyType, type KeyType } from '../keys/types.js';
import { UnsupportedKdfParamsError } from '../errors/kdf.js';

/**
 * keepsake's whole-wallet backup, version 1 (DESIGN.md):
 * `{"type":"keepsake-backup","version":1,"kdf":{"name":"scrypt",N,r,p,salt},"cipher":"xsalsa20-poly1305","nonce","ciphertext","createdAt"}`.
 * key = scrypt(password, salt)[0..32]; ciphertext = secretbox(JSON payload). Names, addresses and sealed
 * phrases are all inside the box: nothing is readable without the password.
 *
 * The payload inside has its own `version`: 1, or 2 when it carries Concordium items still sealed
 * under their seals (`concordium.seals` [{ref, kdf, source, createdAt}], an item's `sealed` {seal, box})
 * or the Concordium export's unknown fields (collection `rest`). A reader of version 1 refuses 2.
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
    throw new UnsupportedKdfParamsError({ kdf: 'scrypt', params: scryptParamsFormat(params), writer: 'version of keepsake' });
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

export async function keepsakeBackupOpen(envelope: BackupEnvelope, password: string, options: { file?: string | undefined } = {}): Promise<JsonObject> {
  // key = scrypt(password, salt)[0..32]
  const plaintext = await withPasswordKey(
    password,
    (secret) => scrypt(secret, envelope.kdf.salt, envelope.kdf, 64),
    (derived) => secretboxOpen(derived.subarray(0, 32), envelope.nonce, envelope.ciphertext),
  );
  if (plaintext === undefined) throw new WrongPasswordError({ subject: options.file });
  const payload = jsonParse(new TextDecoder().decode(plaintext), options.file);
  wipe(plaintext);
  if (!isObject(payload)) throw new CorruptFileError({ file: options.file, reason: 'it decrypts, but holds no backup' });
  return payload;
}

export async function keepsakeBackupWrite(
  payload: JsonObject,
  password: string,
  options: { params?: ScryptParams; random?: RandomSource; now?: Date } = {},
): Promise<JsonObject> {
  const params = options.params ?? SCRYPT_DEFAULT;
  const random = options.random ?? systemRandom;
  const salt = random(32);
  const nonce = random(24);
  const plaintext = utf8(JSON.stringify(payload));
  let ciphertext: Uint8Array;
  try {
    ciphertext = await withPasswordKey(
      password,
      (secret) => scrypt(secret, salt, params, 64),
      (derived) => secretboxSeal(derived.subarray(0, 32), nonce, plaintext),
    );
  } finally {
    wipe(plaintext);
  }
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

/** An account of a backup, as the vault will insert it, naming its identity by name. */
export type BackupAccount = {
  publicKey: Uint8Array;
  accountId: Uint8Array;
  type: KeyType;
  name: string;
  network: string | null;
  ss58Prefix: number;
  genesisHash: string | null;
  fileJson: string | null;
  /** False for batch entries that were locked with a password other than the one given at restore. */
  verified: boolean;
  source: string;
  /** The identity this account is derived from (its key needs the identity's PIN), or null. */
  identity: string | null;
  /** Derivation path on the identity's phrase, without any ///password. */
  path: string | null;
  /** The path's ///password, sealed under the identity's PIN (JSON), or null. */
  sealedPassword: string | null;
  /** For a watch-only account: the entry it came from (JSON), kept for a lossless export. */
  watchJson: string | null;
  createdAt: number;
};

/** An address-book entry of a backup, as the vault keeps it (without its id and date). */
export type BackupAddress = {
  address: string;
  kind: 'ss58' | 'ethereum' | 'concordium';
  name: string;
  note: string | null;
  network: string | null;
  /** The entry as another wallet exported it (Concordium), kept for a lossless export. */
  original: string | null;
};

/** A decrypted keepsake backup, every field checked ({@link keepsakeBackupPayloadParse}). */
export type BackupPayload = {
  identities: { name: string; sealed: string; fingerprint: string; createdAt: number; failedAttempts: number; lockedUntil: number; rekeyed: boolean }[];
  accounts: BackupAccount[];
  addresses: BackupAddress[];
  concordium: { genesis: string | null; seals: BackupConcordiumSeal[]; items: BackupConcordiumItem[] };
};

/** A seal of Concordium data, as a backup carries it: `ref` is how its items name it in the file. */
export type BackupConcordiumSeal = { ref: number; kdf: ConcordiumSealKdf; source: string; createdAt: number };
/**
 * A Concordium item of a backup: its public listing, and its object either still sealed as the vault
 * held it (under the seal `sealed.seal`) or readable inside the backup (an item the vault had not sealed yet).
 */
export type BackupConcordiumItem = ConcordiumListing & { original: string | null; sealed: { seal: number; box: Uint8Array } | null };

/** What an address-book entry's address is, as the wallet checks a typed one (wallet/addressParse.ts). */
export type BackupAddressCheck = (address: string) => Pick<BackupAddress, 'address' | 'kind' | 'network'>;

/**
 * Checks every field of a decrypted backup (the payload {@link keepsakeBackupOpen} returns) before
 * anything is written (all or nothing). Damage → CorruptFileError. An address-book address is checked
 * by `addressCheck` (the wallet's own check of a typed address), in file order, so the first damage
 * found is the one reported. The names' characters are the caller's to check (fileNamesCheck).
 */
export function keepsakeBackupPayloadParse(p: JsonObject, file: string | undefined, addressCheck: BackupAddressCheck): BackupPayload {
  const bad = (reason: string) => new CorruptFileError({ file, reason });
  const version = p['version'];
  if (version !== 1 && version !== 2) throw bad(`its content version is ${describeValue(version)}; this keepsake reads versions 1 and 2`);
  const arr = (v: unknown, name: string): JsonObject[] => {
    if (!Array.isArray(v) || !v.every(isObject)) throw bad(`"${name}" is not a list of objects`);
    return v;
  };
  const str = (v: unknown, name: string): string => {
    if (typeof v !== 'string') throw bad(`${name} is not text`);
    return v;
  };
  const strOrNull = (v: unknown, name: string): string | null => (v === null || v === undefined ? null : str(v, name));
  /** A whole number, or the fallback when absent; a fraction or another type is damage (the vault stores integers). */
  const int = (v: unknown, name: string, fallback: number): number => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw bad(`${name} is not a whole number`);
    return v;
  };
  const count = (v: unknown, name: string): number => {
    const n = int(v, name, 0);
    if (n < 0) throw bad(`${name} is negative`);
    return n;
  };
  const identities = arr(p['identities'], 'identities').map((i) => {
    if (!isObject(i['sealed'])) throw bad('an identity has no sealed phrase');
    const sealed = JSON.stringify(i['sealed']);
    const fingerprint = sealedSecretFingerprint(sealedSecretParse(sealed));
    if (fingerprint === undefined) throw bad('an identity has a damaged sealed phrase');
    return {
      name: str(i['name'], 'an identity name'),
      sealed,
      fingerprint,
      createdAt: int(i['createdAt'], "an identity's creation time", Date.now()),
      // Absent in backups written before they were carried: then the vault's own count decides.
      failedAttempts: count(i['failedAttempts'], "an identity's wrong-PIN count"),
      lockedUntil: count(i['lockedUntil'], "an identity's wrong-PIN delay"),
      rekeyed: i['rekeyed'] === true,
    };
  });
  const names = new Set(identities.map((i) => i.name));
  // Accounts name their identity: two of the same name would leave it open which one an account joins.
  if (names.size !== identities.length) throw bad('two identities have the same name');
  const accounts = arr(p['accounts'], 'accounts').map((a) => {
    const type = a['type'];
    if (!isKeyType(type)) throw bad('an account has an unknown key type');
    const publicKey = str(a['publicKey'], 'an account public key');
    const accountId = str(a['accountId'], 'an account id');
    if (!isHex(publicKey) || !isHex(accountId)) throw bad('an account key is not hex');
    const file = a['file'] === null || a['file'] === undefined ? null : JSON.stringify(a['file']);
    if (file !== null && polkadotJsParse(JSON.parse(file)).kind !== 'single') throw bad('an account file is not a single-account file');
    const identity = strOrNull(a['identity'], 'an account identity');
    if (identity !== null && !names.has(identity)) throw bad(`an account refers to an identity "${identity.slice(0, 40)}" the backup does not hold`);
    const sealedPassword = a['sealedPassword'] === null || a['sealedPassword'] === undefined ? null : JSON.stringify(a['sealedPassword']);
    if (sealedPassword !== null) sealedSecretParse(sealedPassword);
    return {
      publicKey: hexToBytes(publicKey),
      accountId: hexToBytes(accountId),
      type,
      name: str(a['name'], 'an account name'),
      network: strOrNull(a['network'], 'an account network'),
      ss58Prefix: int(a['ss58Prefix'], "an account's network prefix", 42),
      genesisHash: strOrNull(a['genesisHash'], 'an account genesis hash'),
      fileJson: file,
      verified: a['verified'] !== false,
      source: typeof a['source'] === 'string' ? a['source'] : 'backup',
      identity,
      path: strOrNull(a['path'], 'an account path'),
      sealedPassword,
      watchJson: isObject(a['watch']) ? JSON.stringify(a['watch']) : null,
      createdAt: int(a['createdAt'], "an account's creation time", Date.now()),
    };
  });
  const addresses = arr(p['addresses'], 'addresses').map((a) => {
    // Entries that came from a Concordium export are kept as that wallet wrote them (lossless round trip).
    const original = a['original'] === null || a['original'] === undefined ? null : JSON.stringify(a['original']);
    const parsed =
      a['kind'] === 'concordium' && original !== null
        ? { address: str(a['address'], 'an address'), kind: 'concordium' as const, network: 'concordium' }
        : addressCheck(str(a['address'], 'an address'));
    return {
      address: parsed.address,
      kind: parsed.kind,
      name: str(a['name'], 'an address name'),
      note: strOrNull(a['note'], 'an address note'),
      network: strOrNull(a['network'], 'an address network') ?? parsed.network,
      original,
    };
  });
  const c = isObject(p['concordium']) ? p['concordium'] : {};
  // Version 2 carries Concordium items still sealed (issue 14), their seals, and the export's unknown fields ('rest').
  const seals = (c['seals'] === undefined || version === 1 ? [] : arr(c['seals'], 'concordium.seals')).map((x) => {
    const kdf = x['kdf'];
    if (!isObject(kdf) || kdf['name'] !== 'scrypt' || typeof kdf['salt'] !== 'string' || ![kdf['N'], kdf['r'], kdf['p']].every(Number.isSafeInteger))
      throw bad('a Concordium seal has no scrypt parameters');
    return {
      ref: int(x['ref'], 'a Concordium seal reference', -1),
      kdf: { name: 'scrypt' as const, N: kdf['N'] as number, r: kdf['r'] as number, p: kdf['p'] as number, salt: kdf['salt'] },
      source: str(x['source'], 'a Concordium seal source'),
      createdAt: int(x['createdAt'], "a Concordium seal's creation time", Date.now()),
    };
  });
  const collections: readonly unknown[] = version === 1 ? CONCORDIUM_COLLECTIONS : [...CONCORDIUM_COLLECTIONS, 'rest'];
  const concordium = {
    genesis: c['genesis'] === null || c['genesis'] === undefined ? null : JSON.stringify(c['genesis']),
    seals,
    items: (c['items'] === undefined ? [] : arr(c['items'], 'concordium.items')).map((i): BackupConcordiumItem => {
      const collection = i['collection'];
      if (!collections.includes(collection)) throw bad('a Concordium item has an unknown collection');
      const name = strOrNull(i['name'], 'a Concordium item name');
      if (isObject(i['original'])) {
        // Readable: its listing follows from the object (a version-1 key may be the identity object itself).
        return { ...concordiumListing(collection as ConcordiumItemCollection, i['original']), name, original: JSON.stringify(i['original']), sealed: null };
      }
      const sealed = i['sealed'];
      if (version === 1 || !isObject(sealed)) throw bad('a Concordium item has no original entry');
      const box = typeof sealed['box'] === 'string' ? base64Decode(sealed['box']) : undefined;
      const seal = int(sealed['seal'], 'a Concordium item seal reference', -1);
      if (box === undefined || !seals.some((x) => x.ref === seal)) throw bad('a sealed Concordium item is damaged');
      return {
        collection: collection as ConcordiumItemCollection,
        key: str(i['key'], 'a Concordium item key'),
        name,
        status: strOrNull(i['status'], 'a Concordium item status'),
        provider: strOrNull(i['provider'], 'a Concordium item provider'),
        link: strOrNull(i['link'], 'a Concordium item link'),
        number: strOrNull(i['number'], 'a Concordium item number'),
        original: null,
        sealed: { seal, box },
      };
    }),
  };
  return { identities, accounts, addresses, concordium };
}
