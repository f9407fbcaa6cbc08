/**
 * Finding browser extensions' storage folders on disk, and reading one as a snapshot. Read-only: nothing here
 * creates, locks or changes a file, and nothing here parses LevelDB (src/formats/leveldb/ does, from the bytes
 * {@link storeFilesRead} returns).
 *
 * Chromium-family layout (chromium `docs/user_data_dir.md`; the extension store: polkadot-js/extension
 * `packages/extension-base/src/stores/Base.ts` writes `chrome.storage.local`, which Chromium keeps in
 * `extensions/browser/value_store/` as a LevelDB per extension):
 *   <root>/Local State, <root>/Default/, <root>/Profile 1/ …  — or, for Opera, the profile's data in <root> itself
 *   <profile>/Local Extension Settings/<extension id>/{CURRENT, MANIFEST-*, *.log, *.ldb, LOCK, LOG}
 */
import { constants, type Dirent } from 'node:fs';
import { lstat, open, opendir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StoreTooLargeError, StoreUnreadableError } from '../errors/store.js';

/** One extension's storage folder found in a profile. */
export type ExtensionStoreDir = {
  /** The browser it belongs to when known (a default location), else null (a folder the user gave). */
  browser: string | null;
  /** The profile's folder name (`Default`, `Profile 1`, `Opera Stable`…), or the folder's name for a bare copy. */
  profile: string;
  profileDir: string;
  /** The folder's name: a Chrome Web Store ID for a store found in a profile. */
  extensionId: string;
  /** The LevelDB folder, `<profileDir>/Local Extension Settings/<extensionId>`. */
  dir: string;
};

/** A folder to search: a path, or a browser's default root (from `browserProfileRoots`) so its stores carry the name. */
export type StoreSearchDir = string | { browser: string; root: string };

export type StoreSearchOptions = {
  /** Most folders looked into, over all the given ones (a copied disk is not walked whole). Default 5000. */
  maxDirs?: number;
  /** Say nothing of a given folder that does not exist (a scan of default locations). Default false. */
  ignoreMissing?: boolean;
};

const EXTENSION_SETTINGS = 'Local Extension Settings';
const FIREFOX_NOTE = 'Firefox keeps extension storage in IndexedDB; keepsake cannot read it yet.';
// root → Default → Local Extension Settings, or root → _side_profiles → <profile> → Local Extension Settings (Opera's
// further profiles), from the folder given: deeper than that is not a browser's layout.
const MAX_DEPTH = 3;
const DEFAULT_MAX_DIRS = 5000;
// A browser profile holds a few hundred entries, an extension store a few dozen: a folder with more is not one, and
// is not listed whole (no allocation grows with a folder's size).
const MAX_ENTRIES = 10_000;

/**
 * Up to `max` of a folder's entries that `keep` accepts, read one by one, and how many it accepts in all (the rest
 * are counted, not kept). Throws as `opendir` does (missing, not a folder, no permission).
 */
async function listDir(dir: string, max: number, keep: (entry: Dirent) => boolean = () => true): Promise<{ list: Dirent[]; total: number }> {
  const handle = await opendir(dir);
  const list: Dirent[] = [];
  let total = 0;
  try {
    for (let entry = await handle.read(); entry !== null; entry = await handle.read()) {
      if (!keep(entry)) continue;
      total += 1;
      if (list.length < max) list.push(entry);
    }
    return { list, total };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A LevelDB folder: LevelDB writes CURRENT first and keeps its data in numbered `.log` / `.ldb` (`.sst` before 1.14) files. */
const LEVELDB_FILE = /^(CURRENT|MANIFEST-\d+|\d+\.(log|ldb|sst))$/;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}

type Walk = {
  visited: Set<string>;
  maxDirs: number;
  budget: number;
  capNoted: boolean;
  stores: ExtensionStoreDir[];
  profiles: BrowserProfileDir[];
  notes: string[];
  firefox: Set<string>;
};

/** A browser profile found (a folder with `Local Extension Settings`), whether or not a wallet's storage is in it. */
export type BrowserProfileDir = { browser: string | null; profile: string; dir: string };

/** The folder's entries, or null (and a note) when it cannot be listed. Counts against the walk's budget. */
async function entries(walk: Walk, dir: string): Promise<Dirent[] | null> {
  if (walk.budget <= 0) {
    if (!walk.capNoted) walk.notes.push(`Stopped looking after ${walk.maxDirs} folders; point at a browser profile folder to look there.`);
    walk.capNoted = true;
    return null;
  }
  walk.budget -= 1;
  try {
    const { list, total } = await listDir(dir, MAX_ENTRIES);
    if (total > MAX_ENTRIES) walk.notes.push(`${dir} has more than ${MAX_ENTRIES} entries, more than a browser profile has; only the first were looked at.`);
    return list;
  } catch (error) {
    walk.notes.push(`${dir} could not be read (${errorCode(error)}).`);
    return null;
  }
}

function looksLikeLevelDb(list: readonly Dirent[]): boolean {
  return list.some((entry) => entry.isFile() && LEVELDB_FILE.test(entry.name));
}

/** Firefox profile: `prefs.js`, or its extension storage `storage/default/moz-extension+++…` (IndexedDB). */
function looksLikeFirefoxProfile(list: readonly Dirent[]): boolean {
  const has = (name: string): boolean => list.some((entry) => entry.name === name);
  return has('prefs.js') || (has('storage') && has('extensions.json'));
}

/** A sub-folder to walk into: a real folder, or a link to one not seen yet (links are followed once, by their target). */
async function subdir(walk: Walk, parent: string, entry: Dirent): Promise<string | null> {
  const path = join(parent, entry.name);
  if (entry.isDirectory()) return (await seen(walk, path)) ? null : path;
  if (!entry.isSymbolicLink()) return null;
  try {
    if (!(await stat(path)).isDirectory()) return null;
  } catch {
    return null; // a dangling link
  }
  return (await seen(walk, path)) ? null : path;
}

/** Marks the folder visited by its real path; true when it already was (a link loop, or two names for one folder). */
async function seen(walk: Walk, path: string): Promise<boolean> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return true;
  }
  if (walk.visited.has(real)) return true;
  walk.visited.add(real);
  return false;
}

/** Every LevelDB under `<profileDir>/Local Extension Settings/`. */
async function profileStores(walk: Walk, browser: string | null, profileDir: string): Promise<void> {
  walk.profiles.push({ browser, profile: basename(profileDir), dir: profileDir });
  const settings = join(profileDir, EXTENSION_SETTINGS);
  const list = await entries(walk, settings);
  if (list === null) return;
  for (const entry of list) {
    const dir = await subdir(walk, settings, entry);
    if (dir === null) continue;
    const files = await entries(walk, dir);
    if (files !== null && looksLikeLevelDb(files)) walk.stores.push({ browser, profile: basename(profileDir), profileDir, extensionId: entry.name, dir });
  }
}

/** Looks into one folder at `depth` below a given one: a profile, Firefox's, or a folder of profiles. No recursion on the disk's depth beyond {@link MAX_DEPTH}. */
async function visit(walk: Walk, browser: string | null, dir: string, list: readonly Dirent[], depth: number): Promise<void> {
  if (list.some((entry) => entry.name === EXTENSION_SETTINGS && (entry.isDirectory() || entry.isSymbolicLink()))) {
    // A profile (Opera's root is one too, and may hold more profiles in `_side_profiles/`).
    await profileStores(walk, browser, dir);
    const side = list.find((entry) => entry.name === '_side_profiles');
    if (side === undefined || depth >= MAX_DEPTH) return;
    const sideDir = await subdir(walk, dir, side);
    if (sideDir !== null) await descend(walk, browser, sideDir, depth + 1);
    return;
  }
  if (looksLikeFirefoxProfile(list)) {
    walk.firefox.add(dir);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  for (const entry of list) {
    const child = await subdir(walk, dir, entry);
    if (child === null) continue;
    await descend(walk, browser, child, depth + 1);
  }
}

async function descend(walk: Walk, browser: string | null, dir: string, depth: number): Promise<void> {
  const list = await entries(walk, dir);
  if (list !== null) await visit(walk, browser, dir, list, depth);
}

/**
 * Every browser extension storage folder (`Local Extension Settings/<id>/` holding a LevelDB) in or under `dirs`.
 * Each may be a browser's user-data folder (with `Default`, `Profile 1`…), one profile's folder, a
 * `Local Extension Settings` folder, or an extension's storage folder itself (a copy the user made); Opera's
 * root-as-profile and its `_side_profiles` too. A Firefox profile gives a note (its extension storage is
 * IndexedDB); a folder that is missing or cannot be read gives a note; nothing throws. Symbolic links are followed
 * once each (by real path), the walk stops {@link MAX_DEPTH} folders below a given one and after `maxDirs` folders.
 *
 * @example
 * const { stores, notes } = await extensionStoresFind(browserProfileRoots(process.platform, process.env, homedir()), { ignoreMissing: true });
 */
export async function extensionStoresFind(
  dirs: readonly StoreSearchDir[],
  options: StoreSearchOptions = {},
): Promise<{ stores: ExtensionStoreDir[]; profiles: BrowserProfileDir[]; notes: string[] }> {
  const maxDirs = options.maxDirs ?? DEFAULT_MAX_DIRS;
  const walk: Walk = { visited: new Set(), maxDirs, budget: maxDirs, capNoted: false, stores: [], profiles: [], notes: [], firefox: new Set() };
  for (const given of dirs) {
    const dir = typeof given === 'string' ? given : given.root;
    const browser = typeof given === 'string' ? null : given.browser;
    try {
      if (!(await stat(dir)).isDirectory()) {
        walk.notes.push(`${dir} is a file, not a folder: give the browser profile folder that holds it.`);
        continue;
      }
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        if (options.ignoreMissing !== true) walk.notes.push(`${dir} does not exist.`);
      } else walk.notes.push(`${dir} could not be read (${code}).`);
      continue;
    }
    if (await seen(walk, dir)) continue;
    const list = await entries(walk, dir);
    if (list === null) continue;
    const before = walk.stores.length + walk.firefox.size;
    if (looksLikeLevelDb(list)) {
      // An extension's storage folder itself: its parent is `Local Extension Settings` when it is still in place.
      const parent = dirname(dir);
      const profileDir = basename(parent) === EXTENSION_SETTINGS ? dirname(parent) : parent;
      walk.stores.push({ browser, profile: basename(profileDir), profileDir, extensionId: basename(dir), dir });
    } else if (basename(dir) === EXTENSION_SETTINGS) {
      await profileStores(walk, browser, dirname(dir));
    } else {
      await visit(walk, browser, dir, list, 0);
    }
    if (walk.stores.length + walk.firefox.size === before && typeof given === 'string') {
      walk.notes.push(`${dir} holds no browser extension storage (no "${EXTENSION_SETTINGS}" folder in it or its profiles).`);
    }
  }
  for (const profile of walk.firefox) walk.notes.push(`${profile}: ${FIREFOX_NOTE}`);
  return { stores: walk.stores, profiles: walk.profiles, notes: walk.notes };
}

/** Which of a LevelDB folder's files hold its data, in the order a reader wants them: CURRENT, MANIFEST-*, then by number. */
function storeFileOrder(name: string): [number, number] {
  if (name === 'CURRENT') return [0, 0];
  const number = Number(/\d+/.exec(name)?.[0] ?? 0);
  return [name.startsWith('MANIFEST-') ? 1 : 2, number];
}

/**
 * The data files of one LevelDB folder (CURRENT, MANIFEST-*, *.log, *.ldb, *.sst), each read once, as a snapshot.
 * Never writes, never takes LOCK, never creates a file; links are not followed. Refuses with
 * {@link StoreTooLargeError} before reading anything when there are more than `caps.maxFiles` such files, and before
 * reading a file larger than `caps.maxFileBytes` (a file that grows while it is read is cut at the size it had).
 *
 * @example
 * const files = await storeFilesRead(store.dir, { maxFiles: 200, maxFileBytes: 16 << 20 });
 */
export async function storeFilesRead(dir: string, caps: { maxFiles: number; maxFileBytes: number }): Promise<{ name: string; bytes: Uint8Array }[]> {
  // Only the data files are kept while listing, at most the cap of them: a folder of junk costs no memory, and too
  // many data files are refused before any is read.
  let listed: { list: Dirent[]; total: number };
  try {
    listed = await listDir(dir, caps.maxFiles, (entry) => entry.isFile() && LEVELDB_FILE.test(entry.name));
  } catch (error) {
    throw new StoreUnreadableError({ store: dir, reason: errorCode(error), cause: error });
  }
  if (listed.total > caps.maxFiles) throw new StoreTooLargeError({ store: dir, size: listed.total, limit: caps.maxFiles });
  const names = listed.list
    .map((entry) => entry.name)
    .sort((a, b) => {
      const [ka, na] = storeFileOrder(a);
      const [kb, nb] = storeFileOrder(b);
      return ka - kb || na - nb || a.localeCompare(b);
    });
  for (const name of names) {
    const size = (await lstat(join(dir, name)).catch(() => null))?.size ?? 0;
    if (size > caps.maxFileBytes) throw new StoreTooLargeError({ store: dir, file: name, size, limit: caps.maxFileBytes });
  }
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const name of names) files.push({ name, bytes: await fileRead(dir, name, caps.maxFileBytes) });
  return files;
}

/** One file, opened read-only (never created), its size checked on the open handle, read up to that size. */
async function fileRead(dir: string, name: string, maxBytes: number): Promise<Uint8Array> {
  const path = join(dir, name);
  let handle;
  try {
    // O_NOFOLLOW: a file swapped for a link since it was listed is not followed (0 where the platform has no such flag).
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw new StoreUnreadableError({ store: dir, reason: `${name}: ${errorCode(error)}`, cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new StoreUnreadableError({ store: dir, reason: `${name} is not a file` });
    if (info.size > maxBytes) throw new StoreTooLargeError({ store: dir, file: name, size: info.size, limit: maxBytes });
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break; // shrank while read (a live browser): keep what is there
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof StoreTooLargeError || error instanceof StoreUnreadableError) throw error;
    throw new StoreUnreadableError({ store: dir, reason: `${name}: ${errorCode(error)}`, cause: error });
  } finally {
    await handle.close();
  }
}
