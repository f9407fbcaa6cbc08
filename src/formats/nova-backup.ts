import { bytesToHex, concatBytes, utf8, wipe } from '../crypto/bytes.js';
import { withPasswordKey } from '../crypto/password.js';
import { systemRandom, type RandomSource } from '../crypto/random.js';
import { scrypt, type ScryptParams } from '../crypto/scrypt.js';
import { secretboxOpen, secretboxSeal } from '../crypto/secretbox.js';
import { CorruptFileError } from '../errors/file.js';
import { WrongPasswordError } from '../errors/password.js';
import type { KeyType } from '../keys/types.js';
import { describeValue, isObject, jsonParse, type JsonObject } from './json.js';

/*
 * Nova Wallet's cloud backup (`novawallet_backup.json`), as Nova writes and reads it:
 * - novasamatech/nova-wallet-android feature-cloud-backup-api/.../domain/model/CloudBackup.kt (the model),
 *   feature-cloud-backup-impl/.../data/serializer/CloudBackupSerializer.kt (Gson; byte arrays as 0x-hex,
 *   common/.../utils/JsonExt.kt ByteArrayHexAdapter), .../data/encryption/CloudBackupEncryption.kt (the cipher),
 *   .../data/cloudStorage/GoogleDriveBackupStorage.kt (the file name);
 * - novasamatech/nova-wallet-ios novawallet/Common/Services/CloudBackup/Model/CloudBackupFileModel.swift (the
 *   model: hex without 0x, `privateData` a hex string), CloudBackupCryptoManager.swift (the cipher),
 *   CloudBackupValidating.swift (what a wallet of each type must carry).
 *
 * `{"publicData":{"modifiedAt","wallets":[{walletId, substratePublicKey, substrateAccountId, substrateCryptoType,
 * ethereumAddress, ethereumPublicKey, name, type, chainAccounts:[{chainId, publicKey, accountId, cryptoType}]}]},
 * "privateData": hex(salt[32] ‖ nonce[24] ‖ secretbox(JSON))}`; key = scrypt(password UTF-8, salt, N=16384, r=8,
 * p=1, 32). The file carries no KDF parameters: they are fixed in both apps' source. The decrypted JSON is
 * `{"wallets":[{walletId, entropy, substrate:{seed, keypair:{publicKey, privateKey, nonce}, derivationPath},
 * ethereum:{seed?, keypair, derivationPath}, chainAccounts:[{accountId, entropy, seed, keypair, derivationPath}]}]}`.
 * An sr25519 keypair's 64-byte secret is `privateKey ‖ nonce` (iOS CloudBackupSecretsConstants.swift).
 */

/** Nova's KDF, fixed in its source (Android ScryptCloudBackupEncryption, iOS CloudBackupScryptSalsaCryptoManager). */
export const NOVA_SCRYPT: ScryptParams = { N: 16384, r: 8, p: 1 };
const SALT = 32;
const NONCE = 24;
/** Nova asks the cloud for 10 MB for a backup (Android CloudBackupSerializer `neededSizeForBackup`): a larger encrypted part is not Nova's. */
export const NOVA_MAX_PRIVATE_BYTES = 10 * 1024 * 1024;
/** Far more wallets and chain accounts than a phone holds; a file claiming more is refused before any work. */
export const NOVA_MAX_WALLETS = 1000;
export const NOVA_MAX_CHAIN_ACCOUNTS = 1000;
const MAX_FIELD_HEX = 1024;

/** Nova's wallet types (CloudBackup.kt `WalletPublicInfo.Type`, CloudBackupFileModel.swift `WalletType`). */
export const NOVA_WALLET_TYPES = ['SECRETS', 'WATCH_ONLY', 'PARITY_SIGNER', 'LEDGER', 'LEDGER_GENERIC', 'POLKADOT_VAULT'] as const;
export type NovaWalletType = (typeof NOVA_WALLET_TYPES)[number];

export type NovaChainAccountPublic = { chainId: string; publicKey: Uint8Array | null; accountId: Uint8Array; cryptoType: KeyType | null };

export type NovaWalletPublic = {
  walletId: string;
  substratePublicKey: Uint8Array | null;
  substrateAccountId: Uint8Array | null;
  substrateCryptoType: 'sr25519' | 'ed25519' | 'ecdsa' | null;
  ethereumAddress: Uint8Array | null;
  ethereumPublicKey: Uint8Array | null;
  name: string;
  type: NovaWalletType;
  chainAccounts: NovaChainAccountPublic[];
};

export type NovaBackupFile = { modifiedAt: number; wallets: NovaWalletPublic[]; privateData: Uint8Array };

export type NovaKeypair = { publicKey: Uint8Array; privateKey: Uint8Array; nonce: Uint8Array | null };
export type NovaSecrets = { seed: Uint8Array | null; keypair: NovaKeypair | null; derivationPath: string | null };
export type NovaChainAccountSecrets = NovaSecrets & { accountId: Uint8Array; entropy: Uint8Array | null };
export type NovaWalletPrivate = {
  walletId: string;
  entropy: Uint8Array | null;
  substrate: NovaSecrets | null;
  ethereum: NovaSecrets | null;
  chainAccounts: NovaChainAccountSecrets[];
};

/**
 * When a backup was last changed, as a date: Android writes milliseconds (CloudBackup.kt `modifiedAt: Long`,
 * from the accounts' modification tracker), iOS seconds (CloudBackupServiceFacade.swift
 * `UInt64(Date().timeIntervalSince1970)`); a value below 10^11 is read as seconds (10^11 ms is in 1973).
 */
export function novaModifiedAt(modifiedAt: number): Date {
  return new Date(modifiedAt < 1e11 ? modifiedAt * 1000 : modifiedAt);
}

/** Whether a JSON object has the shape of a Nova cloud backup (for format detection; no checks of the values). */
export function novaBackupLooksLike(json: JsonObject): boolean {
  const pub = json['publicData'];
  return isObject(pub) && Array.isArray(pub['wallets']) && (typeof json['privateData'] === 'string' || isObject(json['privateData']));
}

/** Nova's crypto type names: Android writes SR25519/ED25519/ECDSA (and ETHEREUM for a chain account), iOS SubstrateECDSA/EthereumECDSA. */
const CRYPTO_TYPES: Record<string, KeyType> = {
  SR25519: 'sr25519',
  ED25519: 'ed25519',
  ECDSA: 'ecdsa',
  SubstrateECDSA: 'ecdsa',
  ETHEREUM: 'ethereum',
  EthereumECDSA: 'ethereum',
};

/**
 * The public part of a Nova cloud backup, every field checked (counts and sizes before anything
 * else); the encrypted part as bytes. Damage → {@link CorruptFileError}.
 *
 * @example
 * novaBackupParse(JSON.parse(text)).wallets.map((w) => w.name)
 */
export function novaBackupParse(json: JsonObject, file?: string): NovaBackupFile {
  const bad = (reason: string) => new CorruptFileError({ file, reason });
  const pub = json['publicData'];
  if (!isObject(pub)) throw bad('"publicData" is not an object');
  const wallets = pub['wallets'];
  if (!Array.isArray(wallets)) throw bad('"publicData.wallets" is not a list');
  if (wallets.length === 0) throw bad('it lists no wallets (Nova refuses an empty backup too)');
  if (wallets.length > NOVA_MAX_WALLETS) throw bad(`it lists ${wallets.length} wallets, more than the ${NOVA_MAX_WALLETS} keepsake reads`);
  // Android writes the box as a 0x-hex string; a Gson-boxed `{"encryptedData": hex}` is read too.
  const boxed = json['privateData'];
  const privateHex = isObject(boxed) ? boxed['encryptedData'] : boxed;
  if (typeof privateHex !== 'string') throw bad('"privateData" is not hex text');
  if (privateHex.length > 2 * NOVA_MAX_PRIVATE_BYTES + 2) throw bad('"privateData" is larger than any Nova backup');
  const privateData = hexField(privateHex, '"privateData"', bad, Number.MAX_SAFE_INTEGER);
  if (privateData.length < SALT + NONCE + 16) throw bad('"privateData" is cut short');
  const modifiedAt = pub['modifiedAt'];
  if (typeof modifiedAt !== 'number' || !Number.isSafeInteger(modifiedAt) || modifiedAt < 0) throw bad('"publicData.modifiedAt" is not a time');
  const seen = new Set<string>();
  return {
    modifiedAt,
    privateData,
    wallets: wallets.map((w, i): NovaWalletPublic => {
      const where = `wallet ${i + 1}`;
      if (!isObject(w)) throw bad(`${where} is not an object`);
      const walletId = w['walletId'];
      if (typeof walletId !== 'string' || walletId === '' || walletId.length > 200) throw bad(`${where} has no wallet id`);
      if (seen.has(walletId)) throw bad(`${where} repeats the id of another wallet`);
      seen.add(walletId);
      const name = w['name'];
      if (typeof name !== 'string') throw bad(`${where} has no name`);
      const type = w['type'];
      if (!NOVA_WALLET_TYPES.includes(type as NovaWalletType)) throw bad(`${where} has the unknown type ${describeValue(type)}`);
      const subType = w['substrateCryptoType'];
      const substrateCryptoType = subType === undefined || subType === null ? null : CRYPTO_TYPES[String(subType)];
      if (substrateCryptoType === undefined || substrateCryptoType === 'ethereum') throw bad(`${where} has the unknown crypto type ${describeValue(subType)}`);
      const chains = w['chainAccounts'] ?? [];
      if (!Array.isArray(chains)) throw bad(`${where}'s "chainAccounts" is not a list`);
      if (chains.length > NOVA_MAX_CHAIN_ACCOUNTS)
        throw bad(`${where} has ${chains.length} chain accounts, more than the ${NOVA_MAX_CHAIN_ACCOUNTS} keepsake reads`);
      return {
        walletId,
        name,
        type: type as NovaWalletType,
        substratePublicKey: optionalHex(w['substratePublicKey'], `${where}'s "substratePublicKey"`, bad),
        substrateAccountId: optionalHex(w['substrateAccountId'], `${where}'s "substrateAccountId"`, bad),
        substrateCryptoType,
        ethereumAddress: optionalHex(w['ethereumAddress'], `${where}'s "ethereumAddress"`, bad),
        ethereumPublicKey: optionalHex(w['ethereumPublicKey'], `${where}'s "ethereumPublicKey"`, bad),
        chainAccounts: chains.map((c, j): NovaChainAccountPublic => {
          const at = `${where}'s chain account ${j + 1}`;
          if (!isObject(c)) throw bad(`${at} is not an object`);
          const chainId = c['chainId'];
          if (typeof chainId !== 'string' || chainId.length > 200) throw bad(`${at} has no chain id`);
          const accountId = optionalHex(c['accountId'], `${at}'s "accountId"`, bad);
          if (accountId === null) throw bad(`${at} has no account id`);
          const ct = c['cryptoType'];
          const cryptoType = ct === undefined || ct === null ? null : CRYPTO_TYPES[String(ct)];
          if (cryptoType === undefined) throw bad(`${at} has the unknown crypto type ${describeValue(ct)}`);
          return { chainId, accountId, publicKey: optionalHex(c['publicKey'], `${at}'s "publicKey"`, bad), cryptoType };
        }),
      };
    }),
  };
}

/**
 * Opens the encrypted part with the backup password and checks every field of what it holds. A wrong
 * password (or an altered box: secretbox cannot tell them apart) → {@link WrongPasswordError}. The
 * caller wipes the secrets it is given.
 */
export async function novaBackupDecrypt(backup: NovaBackupFile, password: string, options: { file?: string | undefined } = {}): Promise<NovaWalletPrivate[]> {
  const salt = backup.privateData.subarray(0, SALT);
  const nonce = backup.privateData.subarray(SALT, SALT + NONCE);
  const box = backup.privateData.subarray(SALT + NONCE);
  const open = (pw: string | Uint8Array) =>
    withPasswordKey(
      pw,
      (secret) => scrypt(secret, salt, NOVA_SCRYPT, 32),
      (key) => secretboxOpen(key, nonce, box),
    );
  // Android derives from the password's UTF-8 as typed; iOS normalises it first (NFKD, CloudBackupCryptoManager.swift `normalize`).
  let plaintext = await open(password);
  if (plaintext === undefined && password.normalize('NFKD') !== password) plaintext = await open(password.normalize('NFKD'));
  if (plaintext === undefined) throw new WrongPasswordError({ subject: options.file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    throw new CorruptFileError({ file: options.file, reason: 'its encrypted part opens, but is not text' });
  } finally {
    wipe(plaintext);
  }
  return novaPrivateParse(jsonParse(text, options.file), options.file);
}

function novaPrivateParse(value: unknown, file: string | undefined): NovaWalletPrivate[] {
  const bad = (reason: string) => new CorruptFileError({ file, reason: `its encrypted part ${reason}` });
  const wallets = isObject(value) ? value['wallets'] : undefined;
  if (!Array.isArray(wallets)) throw bad('holds no list of wallets');
  if (wallets.length > NOVA_MAX_WALLETS) throw bad(`holds ${wallets.length} wallets, more than the ${NOVA_MAX_WALLETS} keepsake reads`);
  const secrets = (v: unknown, where: string): NovaSecrets | null => {
    if (v === undefined || v === null) return null;
    if (!isObject(v)) throw bad(`has a damaged ${where}`);
    const path = v['derivationPath'];
    if (path !== undefined && path !== null && (typeof path !== 'string' || path.length > 1000)) throw bad(`has a damaged derivation path in ${where}`);
    return {
      seed: optionalHex(v['seed'], `${where} seed`, bad),
      keypair: keypairOf(v['keypair'], where, bad),
      derivationPath: typeof path === 'string' ? path : null,
    };
  };
  return wallets.map((w, i): NovaWalletPrivate => {
    const where = `wallet ${i + 1}`;
    if (!isObject(w)) throw bad(`has a damaged ${where}`);
    const walletId = w['walletId'];
    if (typeof walletId !== 'string') throw bad(`has ${where} without its id`);
    const chains = w['chainAccounts'] ?? [];
    if (!Array.isArray(chains)) throw bad(`has ${where} with a damaged chain account list`);
    if (chains.length > NOVA_MAX_CHAIN_ACCOUNTS) throw bad(`has ${where} with more chain accounts than keepsake reads`);
    return {
      walletId,
      entropy: optionalHex(w['entropy'], `${where} entropy`, bad),
      substrate: secrets(w['substrate'], `${where}'s substrate part`),
      ethereum: secrets(w['ethereum'], `${where}'s ethereum part`),
      chainAccounts: chains.map((c, j) => {
        const at = `${where}'s chain account ${j + 1}`;
        const s = secrets(c, at)!;
        const accountId = isObject(c) ? optionalHex(c['accountId'], `${at} account id`, bad) : null;
        if (accountId === null) throw bad(`has ${at} without its account id`);
        return { ...s, accountId, entropy: optionalHex((c as JsonObject)['entropy'], `${at} entropy`, bad) };
      }),
    };
  });
}

function keypairOf(v: unknown, where: string, bad: (reason: string) => CorruptFileError): NovaKeypair | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) throw bad(`has a damaged key pair in ${where}`);
  const publicKey = optionalHex(v['publicKey'], `${where} public key`, bad);
  const privateKey = optionalHex(v['privateKey'], `${where} private key`, bad);
  if (publicKey === null || privateKey === null) throw bad(`has a key pair without its keys in ${where}`);
  return { publicKey, privateKey, nonce: optionalHex(v['nonce'], `${where} nonce`, bad) };
}

function optionalHex(v: unknown, name: string, bad: (reason: string) => CorruptFileError): Uint8Array | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw bad(`${name} is not hex text`);
  return hexField(v, name, bad, MAX_FIELD_HEX);
}

/** Hex with or without 0x (Android writes the prefix, iOS does not). */
function hexField(v: string, name: string, bad: (reason: string) => CorruptFileError, max: number): Uint8Array {
  const body = v.startsWith('0x') ? v.slice(2) : v;
  if (body.length > max || body.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(body)) throw bad(`${name} is not hex`);
  return new Uint8Array(Buffer.from(body, 'hex'));
}

/**
 * Writes a Nova cloud backup under `password`, as Nova's iOS app writes it: byte fields as hex without
 * `0x` (substrate-sdk `toHex()`), `privateData` one hex string (CloudBackupFileModel.swift), `modifiedAt`
 * in seconds (CloudBackupServiceFacade.swift `UInt64(Date().timeIntervalSince1970)`). iOS keeps the file
 * in a public iCloud Drive folder (Info.plist `NSUbiquitousContainerIsDocumentScopePublic`), where a
 * person can put it; Android only sees a Google Drive file it created itself (GoogleDriveBackupStorage.kt,
 * scope `DRIVE_FILE`) and boxes `privateData` as `{"encryptedData": "0x…"}` (Gson on the value class in
 * BackupData.kt), which the reader here also accepts. `random` is injectable so a test can build a file
 * byte for byte.
 */
export async function novaBackupWrite(
  publicData: { modifiedAt: number; wallets: NovaWalletPublic[] },
  wallets: NovaWalletPrivate[],
  password: string,
  options: { random?: RandomSource } = {},
): Promise<JsonObject> {
  const random = options.random ?? systemRandom;
  const salt = random(SALT);
  const nonce = random(NONCE);
  const plaintext = utf8(JSON.stringify({ wallets: wallets.map(privateJson) }));
  let box: Uint8Array;
  try {
    box = await withPasswordKey(
      password,
      (secret) => scrypt(secret, salt, NOVA_SCRYPT, 32),
      (key) => secretboxSeal(key, nonce, plaintext),
    );
  } finally {
    wipe(plaintext);
  }
  return {
    publicData: {
      modifiedAt: publicData.modifiedAt,
      wallets: publicData.wallets.map((w) => ({
        walletId: w.walletId,
        substratePublicKey: hexOrNull(w.substratePublicKey),
        substrateAccountId: hexOrNull(w.substrateAccountId),
        substrateCryptoType: w.substrateCryptoType === null ? null : w.substrateCryptoType.toUpperCase(),
        ethereumAddress: hexOrNull(w.ethereumAddress),
        ethereumPublicKey: hexOrNull(w.ethereumPublicKey),
        name: w.name,
        type: w.type,
        chainAccounts: w.chainAccounts.map((c) => ({
          chainId: c.chainId,
          publicKey: hexOrNull(c.publicKey),
          accountId: hexPlain(c.accountId),
          cryptoType: c.cryptoType === null ? null : c.cryptoType.toUpperCase(),
        })),
      })),
    },
    privateData: hexPlain(concatBytes(salt, nonce, box)),
  };
}

function privateJson(w: NovaWalletPrivate): JsonObject {
  const secrets = (s: NovaSecrets | null) =>
    s === null
      ? null
      : {
          seed: hexOrNull(s.seed),
          keypair:
            s.keypair === null
              ? null
              : { publicKey: hexPlain(s.keypair.publicKey), privateKey: hexPlain(s.keypair.privateKey), nonce: hexOrNull(s.keypair.nonce) },
          derivationPath: s.derivationPath,
        };
  return {
    walletId: w.walletId,
    entropy: hexOrNull(w.entropy),
    substrate: secrets(w.substrate),
    ethereum: secrets(w.ethereum),
    chainAccounts: w.chainAccounts.map((c) => ({ accountId: hexPlain(c.accountId), entropy: hexOrNull(c.entropy), ...secrets(c) })),
  };
}

function hexOrNull(b: Uint8Array | null): string | null {
  return b === null ? null : hexPlain(b);
}

/** Bytes as Nova's iOS app writes them: lower-case hex without `0x`. */
function hexPlain(b: Uint8Array): string {
  return bytesToHex(b).slice(2);
}
