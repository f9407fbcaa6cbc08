import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { bytesToHex } from '../../crypto/bytes.js';
import { BaseError } from '../../errors/base.js';
import { LEVELDB_CAPS, leveldbLatest, leveldbRecords, type LeveldbRecord } from '../../formats/leveldb/index.js';
import { isObject, jsonParse } from '../../formats/json.js';
import type { KeyType } from '../../keys/types.js';
import { extensionStoresFind, storeFilesRead, type BrowserProfileDir, type ExtensionStoreDir, type StoreSearchDir } from '../../stores/browserProfiles.js';
import { browserProfileRoots, concordiumDesktopDbLocations, firefoxProfileRoots, KNOWN_EXTENSIONS } from '../../stores/locations.js';
import { inspectFile, type KdfReport } from '../inspect.js';

/**
 * `keepsake rescue scan` (issue 15): accounts still on disk in wallets' own storage, without a
 * backup file — every Polkadot{.js}-format account a Chromium-family browser extension keeps in its
 * LevelDB store, live or deleted (a value a later write removed or overwrote, still in the store's
 * files), and the Concordium Desktop Wallet's database where it is.
 */

/** One account found in a store: what `rescue restore` brings in, and what the user sees of it. */
export type RescueAccount = {
  /** As the extension stored it (SS58 with prefix 42, or hex for Ethereum keys). */
  address: string;
  name: string | null;
  type: KeyType | null;
  /** The KDF of its key file; null when the extension kept no key for it (a hardware or external account). */
  kdf: KdfReport | null;
  /**
   * `live`: what the extension shows now. `deleted`: a value the extension removed (`removed`) or
   * replaced under the same key (`overwritten`) that is still in the store's files.
   */
  state: 'live' | 'deleted';
  how: 'removed' | 'overwritten' | null;
};

/** A store that holds Polkadot{.js}-format accounts. */
export type RescueStore = {
  browser: string | null;
  profile: string;
  extensionId: string;
  /** "Polkadot{.js}", another known extension's name, or "an extension storing Polkadot{.js} accounts". */
  extension: string;
  dir: string;
  accounts: RescueAccount[];
  /** What could not be read in the store's files (damaged blocks, a log cut short): sentences. */
  problems: string[];
};

export type RescueScan = {
  stores: RescueStore[];
  /** Every browser profile folder found in what was searched, with a wallet's storage or not. */
  profiles: BrowserProfileDir[];
  /** Concordium Desktop Wallet databases found (their contents need the wallet's password: `rescue restore --concordium-db`). */
  concordium: { file: string }[];
  /** What was searched (the folders given, or the default locations of this machine). */
  searched: string[];
  /** Sentences about what could not be searched (a Firefox profile, a folder that cannot be read). */
  notes: string[];
};

/** A found account with the file text `rescue restore` stores (a Polkadot{.js} single-account file, still locked). */
export type RescueFound = RescueAccount & { text: string; store: RescueStore };

export type RescueScanOptions = {
  /** Folders to search (browser roots, profiles, or extension stores copied from another disk); default: this machine's browsers. */
  dirs?: readonly string[];
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  home?: string;
};

/** What `rescue scan` shows: every store with Polkadot{.js}-format accounts, live and deleted, and Concordium databases. */
export async function rescueScan(options: RescueScanOptions = {}): Promise<RescueScan> {
  const { scan } = await rescueFind(options);
  return scan;
}

/** The scan, and every account with the text of its key file (for `rescue restore`). */
export async function rescueFind(options: RescueScanOptions = {}): Promise<{ scan: RescueScan; found: RescueFound[] }> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const given = options.dirs !== undefined && options.dirs.length > 0;
  // This machine's browsers carry their names; Firefox profiles are searched only to say they cannot be read.
  const roots: StoreSearchDir[] = given ? [...options.dirs!] : [...browserProfileRoots(platform, env, home), ...firefoxProfileRoots(platform, env, home)];
  const searched = roots.map((r) => (typeof r === 'string' ? r : r.root));
  const { stores: dirs, profiles, notes } = await extensionStoresFind(roots, { ignoreMissing: !given });
  const stores: RescueStore[] = [];
  const found: RescueFound[] = [];
  for (const dir of dirs) {
    const read = await storeRead(dir);
    if (read === undefined) continue;
    if ('note' in read) {
      notes.push(read.note);
      continue;
    }
    stores.push(read.store);
    found.push(...read.found);
  }
  const concordium = (given ? [] : concordiumDesktopDbLocations(platform, env, home)).filter((file) => existsSync(file)).map((file) => ({ file }));
  return { scan: { stores, profiles, concordium, searched, notes }, found };
}

const ACCOUNT_KEY = /(?:^|:)account:0x[0-9a-fA-F]{40,}$/;

/** One store's accounts, or undefined when it holds none (another extension's data), or a note when it cannot be read. */
async function storeRead(dir: ExtensionStoreDir): Promise<{ store: RescueStore; found: RescueFound[] } | { note: string } | undefined> {
  let records: LeveldbRecord[];
  let problems: string[];
  try {
    const files = await storeFilesRead(dir.dir, LEVELDB_CAPS);
    const read = leveldbRecords(files, LEVELDB_CAPS);
    records = read.records;
    problems = read.problems.map((p) => `${p.file}: ${p.reason}`);
  } catch (err) {
    if (err instanceof BaseError) return { note: `${dir.dir}: ${err.message}` };
    throw err;
  }
  const latest = leveldbLatest(records);
  const store: RescueStore = {
    browser: dir.browser,
    profile: dir.profile,
    extensionId: dir.extensionId,
    extension: KNOWN_EXTENSIONS[dir.extensionId] ?? 'an extension storing Polkadot{.js} accounts',
    dir: dir.dir,
    accounts: [],
    problems,
  };
  const found: RescueFound[] = [];
  // The same value is often in several files (the log, then a table after compaction): one account per key and value.
  const seen = new Map<string, RescueFound>();
  for (const record of [...records].sort((a, b) => (a.sequence < b.sequence ? 1 : a.sequence > b.sequence ? -1 : 0))) {
    if (record.value === null) continue;
    const key = new TextDecoder('utf-8', { fatal: false }).decode(record.key);
    if (!ACCOUNT_KEY.test(key)) continue;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(record.value);
    const id = `${key}\u0000${text}`;
    if (seen.has(id)) continue;
    const account = await accountOf(text);
    if (account === undefined) {
      problems.push(`the value of ${key.slice(0, 80)} is not a Polkadot{.js} account file; it was left out`);
      continue;
    }
    const now = latest.get(bytesToHex(record.key));
    const live = now !== undefined && now.sequence === record.sequence && now.value !== null;
    const how = live ? null : now === undefined || now.value === null ? 'removed' : 'overwritten';
    const entry: RescueFound = { ...account, state: live ? 'live' : 'deleted', how, text, store };
    seen.set(id, entry);
    found.push(entry);
  }
  if (found.length === 0) return undefined;
  // Live accounts first, then deleted ones, each in key order (a stable listing).
  found.sort((a, b) => Number(a.state === 'deleted') - Number(b.state === 'deleted') || a.address.localeCompare(b.address));
  store.accounts = found.map(({ text: _text, store: _store, ...shown }) => shown);
  return { store, found };
}

/** The account a stored value is, read as a file would be (same parser and caps), or undefined. */
async function accountOf(text: string): Promise<Omit<RescueAccount, 'state' | 'how'> | undefined> {
  let value: unknown;
  try {
    value = jsonParse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || typeof value['address'] !== 'string') return undefined;
  const meta = isObject(value['meta']) ? value['meta'] : {};
  const name = typeof meta['name'] === 'string' ? meta['name'] : null;
  // A hardware or external account: the extension keeps its address and name, no key.
  if (!('encoded' in value)) return { address: value['address'], name, type: null, kdf: null };
  try {
    const report = await inspectFile(text);
    const account = report.accounts[0];
    if (report.format !== 'polkadot-js' || account === undefined) return undefined;
    return { address: account.address, name: account.name ?? name, type: account.type, kdf: report.kdf };
  } catch (err) {
    if (err instanceof BaseError) return undefined;
    throw err;
  }
}
