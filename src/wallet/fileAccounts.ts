import { bytesEqual, bytesToHex, hexToBytes, isHex, wipe } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import { MobileWalletExportError } from '../errors/concordium.js';
import { CorruptFileError, FormatNotSupportedError } from '../errors/file.js';
import { AddressMismatchError } from '../errors/key.js';
import { keyTypeLabel, NoSupportedAccountsError, UnsupportedKeyTypeError } from '../errors/keyType.js';
import { UnprotectedKeyError } from '../errors/kdf.js';
import { EntryKeyMismatchError } from '../errors/keyMismatch.js';
import { BatchEntryLockedError, WrongPasswordError } from '../errors/password.js';
import { formatDetect, FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import type { EthereumKeystore } from '../formats/ethereum-keystore.js';
import { isObject, type JsonObject } from '../formats/json.js';
import type { SubWalletNames } from '../formats/subwallet.js';
import { fileAddressDecode, fileAddressDisplay } from '../formats/polkadot-js/address.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { accountAddress } from '../keys/account.js';
import { ethereumDecode } from '../keys/address.js';
import { schemeLoad } from '../keys/scheme.js';
import { isKeyType, type KeyPair, type KeyType } from '../keys/types.js';
import { mapConcurrent } from './concurrency.js';
import { keyAccountId } from './storedKey.js';
import type { Locked } from './unlock.js';

/** An account found in a file, ready to be stored, verified or converted. */
export type FileAccount = {
  where: string;
  address: string;
  name: string;
  type: KeyType;
  publicKey: Uint8Array;
  accountId: Uint8Array;
  network: string | null;
  ss58Prefix: number;
  genesisHash: string | null;
  /** The Polkadot{.js} file to keep (still locked with its own password); null for a watch-only entry. */
  fileJson: string | null;
  /** True when the key was decrypted and matched the address. */
  keyChecked: boolean;
  /** Set when `fileJson` is a fresh scrypt file replacing one whose key had no key derivation (restore only). */
  relocked?: Relocked;
  /** The decrypted pair, only with `keepKeys` (the caller wipes it). */
  pair?: KeyPair;
  /** A watch-only entry as the file had it (multisig meta, QR flags…), kept for a lossless conversion. */
  original?: JsonObject;
};

/** How a key came before keepsake re-locked it with scrypt: in clear, or under the legacy no-KDF scheme. */
export type Relocked = 'unencrypted' | 'legacy';

export type FileEntry = {
  where: string;
  preview: { address: string; name: string | null; type: KeyType | null };
  account?: FileAccount;
  error?: BaseError;
  /**
   * Set on an entry the file's password did not open (a batch or list entry under its own password,
   * kept unchecked or reported): opens it with another password, resolving undefined when that is
   * not its password either.
   */
  reopen?: (password: string) => Promise<FileEntry | undefined>;
};

export type OpenOptions = {
  file?: string | undefined;
  /** Batch entries under another password: keep them unchecked (restore) or report them (verify). */
  lockedEntries?: 'keep' | 'report';
  /** Turn Ethereum keystores into Polkadot{.js} files (locked with the same password) for the vault. */
  convertKeystores?: boolean;
  /**
   * Re-lock Polkadot{.js} keys that have no key derivation — `type: ["none"]` (in clear) and versions 0–2
   * (the zero-padded password is the key) — with scrypt under the password given, as keepsake writes
   * files, so the vault never holds them as they came (restore). The password must not be empty.
   */
  relockUnprotected?: boolean;
  keepKeys?: boolean;
  /**
   * A single-account file kept under its own password by another wallet (`rescue restore`): when the
   * password does not open it, it is an entry like a batch's — kept unchecked under `lockedEntries: 'keep'` —
   * rather than a wrong password for the file.
   */
  singleAsEntry?: boolean;
};

/**
 * Every account of any file keepsake reads, each checked against its address: Polkadot{.js} single
 * and batch files, the Apps "Export all" array (entries without a key become watch-only), and Ethereum
 * keystores. A wrong password for the file as a whole throws; a problem with one entry is reported
 * with that entry and does not stop the others.
 */
export async function fileAccountsOpen(text: string, password: string, options: OpenOptions = {}): Promise<{ format: FormatName; entries: FileEntry[] }> {
  const file = options.file ?? 'the file';
  const detected = formatDetect(text, options.file);
  switch (detected.format) {
    case 'polkadot-js':
      if (options.singleAsEntry)
        return { format: detected.format, entries: [await keyedEntry(detected.file, detected.file.json, file, password, { ...options, batch: true })] };
      return {
        format: detected.format,
        entries: [await single(file, await previewOf(detected.file.json), () => fromPolkadotJs(detected.file, text.trim(), password, file, options))],
      };
    case 'polkadot-js-batch':
    case 'subwallet': {
      // Readers and writers beyond the single-file one load when needed: `verify` of an account file starts its KDF without them.
      const { polkadotJsBatchOpen } = await import('../formats/polkadot-js/batch.js');
      // SubWallet's grouping is read (and refused when damaged) before the KDF runs.
      const names = detected.format === 'subwallet' ? (await import('../formats/subwallet.js')).subWalletNames(detected.file.json, options.file) : undefined;
      const list = await polkadotJsBatchOpen(detected.file, password, { file: options.file });
      const entries = await mapConcurrent(list, (entry): Promise<FileEntry> => {
        const where = `${file} (entry ${entry.index + 1})`;
        return entry.file === undefined
          ? previewOf(entry.json).then((preview) => ({ where, preview, error: entryError(entry.error, where) }))
          : keyedEntry(entry.file, entry.json, where, password, { ...options, batch: true });
      });
      if (names !== undefined) unifiedNamesApply(entries, names);
      return { format: detected.format, entries: onlyUnsupportedRefuse(entries, options.file) };
    }
    case 'apps': {
      const entries = await mapConcurrent(detected.entries, async (json, i): Promise<FileEntry> => {
        const where = `${file} (entry ${i + 1})`;
        try {
          if (isObject(json) && json['encoded'] === undefined) return { where, preview: await previewOf(json), account: await watchOnly(json, where) };
          const single = polkadotJsParse(json, where);
          if (single.kind !== 'single') throw new CorruptFileError({ file: where, reason: 'it is a batch file inside a list' });
          return keyedEntry(single, json, where, password, { ...options, batch: false });
        } catch (err) {
          if (err instanceof BaseError) return { where, preview: await previewOf(json), error: err };
          throw err;
        }
      });
      // One password for the list: if it opens none of the keyed entries, it is simply the wrong password.
      const keyed = entries.filter((e) => e.account?.fileJson !== null);
      if (keyed.length > 0 && keyed.every((e) => e.error instanceof WrongPasswordError)) throw new WrongPasswordError({ subject: options.file });
      return { format: detected.format, entries };
    }
    case 'ethereum-keystore': {
      const { ethereumKeystoreParse } = await import('../formats/ethereum-keystore.js');
      const ks = ethereumKeystoreParse(detected.json, options.file);
      const preview = { address: ks.address ?? '(no address)', name: null, type: 'ethereum' as const };
      return { format: detected.format, entries: [await single(file, preview, () => fromKeystore(ks, text, password, file, options))] };
    }
    case 'concordium-mobile':
      // Never importable, as a whole or otherwise: say why, as the whole-wallet import does.
      throw new MobileWalletExportError({ file: options.file });
    default:
      throw new FormatNotSupportedError({ ...{ file: options.file }, label: FORMAT_LABELS[detected.format], wanted: 'accounts' });
  }
}

/** A batch entry of a key type keepsake does not keep is named where it is in the file (its message says "entry N" otherwise). */
function entryError(error: BaseError, where: string): BaseError {
  return error instanceof UnsupportedKeyTypeError ? new UnsupportedKeyTypeError({ where, keyType: error.keyType }) : error;
}

/**
 * A SubWallet unified account is shown under its own name (see subWalletNames), which its accounts
 * take, whatever name each pair had: a person finds them in keepsake as in SubWallet.
 */
function unifiedNamesApply(entries: FileEntry[], names: SubWalletNames): void {
  for (const entry of entries) {
    const account = entry.account;
    const name = account && names.get(bytesToHex(account.accountId));
    if (account && name !== undefined) account.name = name;
  }
}

/**
 * Entries of key types keepsake does not keep are each reported and never fail the file, unless they
 * are all it holds: then there is nothing to read in it, said once for the file ({@link NoSupportedAccountsError}).
 */
function onlyUnsupportedRefuse(entries: FileEntry[], file: string | undefined): FileEntry[] {
  const unsupported = entries.flatMap((e) => (e.error instanceof UnsupportedKeyTypeError ? [e.error.keyType] : []));
  if (entries.length === 0 || unsupported.length < entries.length) return entries;
  const labels = [...new Set(unsupported.map(keyTypeLabel))];
  throw new NoSupportedAccountsError({ file, labels: labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}` });
}

/**
 * The entries a password did not open (see {@link FileEntry.reopen}), for {@link lockedOpen}: each one,
 * once opened, takes its place in `entries`. `tried`: the password they were already tried with.
 */
export function fileEntryLocks(entries: FileEntry[], tried: string): Locked[] {
  return entries.flatMap((entry, j): Locked[] => {
    const reopen = entry.reopen;
    if (reopen === undefined) return [];
    return [
      {
        label: { file: entry.where, address: entry.account?.address ?? entry.preview.address, name: entry.account?.name ?? entry.preview.name },
        tried: [tried],
        open: async (password) => {
          const opened = await reopen(password);
          if (opened === undefined) return false;
          entries[j] = opened;
          return [];
        },
      },
    ];
  });
}

/** A file that is one account: a wrong password fails the whole file; any other problem is that account's. */
async function single(where: string, preview: FileEntry['preview'], open: () => Promise<FileAccount>): Promise<FileEntry> {
  try {
    return { where, preview, account: await open() };
  } catch (err) {
    if (err instanceof WrongPasswordError || !(err instanceof BaseError)) throw err;
    return { where, preview, error: err };
  }
}

async function fromKeystore(ks: EthereumKeystore, text: string, password: string, file: string, options: OpenOptions): Promise<FileAccount> {
  const { ethereumKeystoreDecrypt } = await import('../formats/ethereum-keystore.js');
  const privateKey = await ethereumKeystoreDecrypt(ks, password, { file: options.file });
  const scheme = await schemeLoad('ethereum');
  const pair: KeyPair = { type: 'ethereum', ...scheme.fromSeed(privateKey) };
  wipe(privateKey);
  const accountId = scheme.accountId(pair.publicKey);
  const address = accountAddress('ethereum', accountId);
  if (ks.address !== null && bytesToHex(ethereumDecodeLoose(ks.address)) !== bytesToHex(accountId)) {
    wipe(pair.secretKey);
    throw new AddressMismatchError({ expected: ks.address, actual: address });
  }
  const name = `Ethereum ${address.slice(0, 8)}…`;
  const fileJson = options.convertKeystores
    ? JSON.stringify(await (await import('../formats/polkadot-js/write.js')).polkadotJsWrite(pair, password, { meta: { name, whenCreated: Date.now() } }))
    : null;
  const account: FileAccount = {
    where: file,
    address,
    name,
    type: 'ethereum',
    publicKey: pair.publicKey,
    accountId,
    network: null,
    ss58Prefix: 42,
    genesisHash: null,
    fileJson: fileJson ?? text.trim(),
    keyChecked: true,
    ...(options.keepKeys ? { pair } : {}),
  };
  if (!options.keepKeys) wipe(pair.secretKey);
  return account;
}

async function keyedEntry(
  single: PolkadotJsSingle,
  json: unknown,
  where: string,
  password: string,
  options: OpenOptions & { batch: boolean },
): Promise<FileEntry> {
  const preview = await previewOf(json);
  const text = JSON.stringify(json);
  const opened = async (pw: string): Promise<FileEntry> => ({ where, preview, account: await fromPolkadotJs(single, text, pw, where, options) });
  const reopen = async (pw: string): Promise<FileEntry | undefined> => {
    try {
      return await opened(pw);
    } catch (err) {
      if (err instanceof WrongPasswordError) return undefined;
      if (err instanceof BaseError) return { where, preview, error: err };
      throw err;
    }
  };
  try {
    return await opened(password);
  } catch (err) {
    if (!(err instanceof BaseError)) throw err;
    if (!(err instanceof WrongPasswordError)) return { where, preview, error: err };
    if (!options.batch) return { where, preview, error: err, reopen };
    // The extension keeps each entry under its own password: keep it as it is, marked unchecked.
    // Kept unchecked means kept as it is, which a key without key derivation must never be.
    const kind = options.relockUnprotected ? unprotectedKind(single) : undefined;
    if (kind !== undefined) return { where, preview, error: new UnprotectedKeyError({ subject: preview.address, kind, problem: 'own-password' }), reopen };
    if (options.lockedEntries === 'keep') {
      try {
        return { where, preview, account: await unchecked(single, text, where), reopen };
      } catch (inner) {
        if (inner instanceof BaseError) return { where, preview, error: inner };
        throw inner;
      }
    }
    return { where, preview, error: new BatchEntryLockedError({ address: preview.address }), reopen };
  }
}

async function fromPolkadotJs(file: PolkadotJsSingle, text: string, password: string, where: string, options: OpenOptions): Promise<FileAccount> {
  const relocked = options.relockUnprotected ? unprotectedKind(file) : undefined;
  // Refused before opening: an unencrypted file would "open" with any password, even an empty one.
  if (relocked !== undefined && password === '') throw new UnprotectedKeyError({ subject: where, kind: relocked, problem: 'empty-password' });
  // The network table (the SS58 registry) loads while the file's KDF runs, not before it starts.
  const network = import('./network.js');
  const opened = await polkadotJsOpen(file, password, { file: where });
  const net = (await network).networkOfFile(file.meta['genesisHash'], opened.prefix);
  let fileJson = text;
  if (relocked !== undefined) {
    try {
      // keepsake's default writer (scrypt N=2^17): the stored file is then like any other, with the same meta.
      const pair = { type: opened.type, publicKey: opened.publicKey, secretKey: opened.secretKey };
      const { polkadotJsWrite } = await import('../formats/polkadot-js/write.js');
      fileJson = JSON.stringify(await polkadotJsWrite(pair, password, { meta: file.meta, prefix: opened.prefix }));
    } catch (err) {
      wipe(opened.secretKey);
      throw err;
    }
  }
  const account: FileAccount = {
    where,
    address: accountAddress(opened.type, opened.accountId, net.prefix),
    name: opened.name ?? defaultName(opened.address),
    type: opened.type,
    publicKey: opened.publicKey,
    accountId: opened.accountId,
    network: net.network,
    ss58Prefix: net.prefix,
    genesisHash: net.genesisHash,
    fileJson,
    keyChecked: true,
    ...(relocked === undefined ? {} : { relocked }),
    ...(options.keepKeys ? { pair: { type: opened.type, publicKey: opened.publicKey, secretKey: opened.secretKey } } : {}),
  };
  if (!options.keepKeys) wipe(opened.secretKey);
  return account;
}

/** Whether a file's key has no key derivation (and which kind), or undefined for a scrypt file. */
function unprotectedKind(file: PolkadotJsSingle): Relocked | undefined {
  return file.cipher === 'none' ? 'unencrypted' : file.cipher === 'legacy' ? 'legacy' : undefined;
}

/** A batch entry the given password does not open: its public key comes from its address. */
async function unchecked(file: PolkadotJsSingle, text: string, where: string): Promise<FileAccount> {
  const type = file.keyType ?? 'sr25519';
  const { publicKey, accountId, prefix } = await keyFromAddress(file.address, type, where);
  const net = (await import('./network.js')).networkOfFile(file.meta['genesisHash'], prefix);
  const name = typeof file.meta['name'] === 'string' ? file.meta['name'] : defaultName(file.address);
  return {
    where,
    address: accountAddress(type, accountId, net.prefix),
    name,
    type,
    publicKey,
    accountId,
    network: net.network,
    ss58Prefix: net.prefix,
    genesisHash: net.genesisHash,
    fileJson: text,
    keyChecked: false,
  };
}

/** An Apps entry without `encoded` (multisig, proxied, QR/hardware): the address only. */
async function watchOnly(json: JsonObject, where: string): Promise<FileAccount> {
  const address = String(json['address']);
  const meta = isObject(json['meta']) ? json['meta'] : {};
  const declared = json['type'] ?? meta['type'];
  const type: KeyType = isKeyType(declared) ? declared : address.startsWith('0x') && address.length === 42 ? 'ethereum' : 'sr25519';
  const fromAddress = await keyFromAddress(address, type, where);
  const publicKey = await watchKey(json['publicKey'], type, fromAddress, where);
  const net = (await import('./network.js')).networkOfFile(meta['genesisHash'], fromAddress.prefix);
  const name = typeof meta['name'] === 'string' ? meta['name'] : defaultName(address);
  return {
    where,
    address: accountAddress(type, fromAddress.accountId, net.prefix),
    name,
    type,
    publicKey,
    accountId: fromAddress.accountId,
    network: net.network,
    ss58Prefix: net.prefix,
    genesisHash: net.genesisHash,
    fileJson: null,
    keyChecked: false,
    original: json,
  };
}

/**
 * The key of an address-only entry. The address decides: a `publicKey` the entry names is used only
 * when it gives that address (sr25519/ed25519: it is the address bytes; ecdsa/ethereum: its account
 * id is the address's), since restore matches accounts by key and a forged one would stand in for
 * another account (security review #6). Absent (or not hex), the key is what the address gives; a
 * key that does not give the address refuses the entry ({@link EntryKeyMismatchError}).
 */
async function watchKey(
  named: unknown,
  type: KeyType,
  fromAddress: { publicKey: Uint8Array; accountId: Uint8Array; prefix: number },
  where: string,
): Promise<Uint8Array> {
  // Hex with or without 0x (as Apps and older tools write it); anything else names no key and is ignored, as before.
  const text = typeof named === 'string' ? (named.startsWith('0x') ? named : `0x${named}`) : undefined;
  if (text === undefined || !isHex(text)) return fromAddress.publicKey;
  const key = hexToBytes(text);
  if (bytesEqual(key, fromAddress.publicKey)) return fromAddress.publicKey;
  // An address that gives only the account id (a 32-byte ecdsa id, a 20-byte Ethereum address): the full key may complete it.
  if (
    key.length === 33 &&
    fromAddress.publicKey.length !== 33 &&
    (type === 'ecdsa' || type === 'ethereum') &&
    bytesEqual((await keyAccountId(type, key)) ?? new Uint8Array(0), fromAddress.accountId)
  )
    return key;
  throw new EntryKeyMismatchError({ where, address: accountAddress(type, fromAddress.accountId, fromAddress.prefix) });
}

async function keyFromAddress(address: string, type: KeyType, where: string): Promise<{ publicKey: Uint8Array; accountId: Uint8Array; prefix: number }> {
  if (type === 'ethereum' && /^0x[0-9a-fA-F]{40}$/.test(address)) {
    // Only the address is known: it stands in for the key (watch-only).
    const id = ethereumDecode(address);
    return { publicKey: id, accountId: id, prefix: 42 };
  }
  const claimed = fileAddressDecode(address);
  const prefix = claimed.prefix ?? 42;
  if ((type === 'sr25519' || type === 'ed25519') && claimed.bytes.length === 32) return { publicKey: claimed.bytes, accountId: claimed.bytes, prefix };
  if ((type === 'ecdsa' || type === 'ethereum') && claimed.bytes.length === 33)
    return { publicKey: claimed.bytes, accountId: (await schemeLoad(type)).accountId(claimed.bytes), prefix };
  if (type === 'ecdsa' && claimed.bytes.length === 32) return { publicKey: claimed.bytes, accountId: claimed.bytes, prefix };
  throw new CorruptFileError({ file: where, reason: 'its address does not give its public key' });
}

function ethereumDecodeLoose(address: string): Uint8Array {
  return ethereumDecode(address.startsWith('0x') ? address : `0x${address}`);
}

/**
 * What an entry shows before (or without) opening it: its address as its owner knows it — an
 * ecdsa or ethereum entry's `address` field is its public key, shown as its address — its name and type.
 */
async function previewOf(json: unknown): Promise<FileEntry['preview']> {
  const o = isObject(json) ? json : {};
  const meta = isObject(o['meta']) ? o['meta'] : {};
  const encoding = isObject(o['encoding']) ? o['encoding'] : {};
  const content = encoding['content'];
  const type = Array.isArray(content) && isKeyType(content[1]) ? content[1] : null;
  const address = typeof o['address'] === 'string' ? await fileAddressDisplay(o['address'], type ?? undefined) : '(unknown)';
  return { address, name: typeof meta['name'] === 'string' ? meta['name'] : null, type };
}

export function defaultName(address: string): string {
  return `Account ${address.slice(0, 6)}…${address.slice(-4)}`;
}
