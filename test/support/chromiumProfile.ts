/**
 * A real Chromium writes an extension's `chrome.storage.local` exactly as the Polkadot{.js} extension does, so the
 * rescue tests read a store no keepsake code (and no LevelDB library of ours) made.
 *
 * Facts, from the extension's and ui-keyring's sources:
 * - every account is one `chrome.storage.local` entry; the value is the object `pair.toJson(password)` returns (not a
 *   JSON string): `chrome.storage.local.set({ [key]: value })` in polkadot-js/extension
 *   `packages/extension-base/src/stores/Base.ts`, called with ui-keyring's `KeyringJson`;
 * - the key is `account:0x<hex public key>` (polkadot-js/ui `packages/ui-keyring/src/defaults.ts`, `accountKey`),
 *   behind the store's prefix: none in the official build (`EXTENSION_PREFIX` is ''), `${EXTENSION_PREFIX}accounts:`
 *   in builds with a prefix of their own (extension-base `src/defaults.ts`, `src/stores/Accounts.ts`, `Base.ts`
 *   which appends the `:`);
 * - the extension's keyring uses SS58 prefix 42, so the stored address does too.
 * Chromium keeps `chrome.storage.local` in `<profile>/Local Extension Settings/<extension id>/`, a LevelDB whose
 * values are the JSON text of each stored value (Chromium `extensions/browser/value_store/leveldb_value_store.cc`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_QUIET_ARGS } from './chromium.js';
import { oracleToJson, type KeyType } from './oracle.js';

/**
 * One step: `chrome.storage.local.set(items)`, `.remove(keys)`, or `restart` — close the browser and start it again on
 * the same profile and extension (as after a computer restart or an update), which makes LevelDB replay its log.
 */
export type StoreWrite = { set: Record<string, unknown> } | { remove: string[] } | { restart: true };

export type ChromiumExtensionProfile = {
  /** `<dir>/Default`, the profile Chromium made. */
  profileDir: string;
  /** The unpacked extension's ID (Chromium derives it from the extension's folder path). */
  extensionId: string;
  /** `<dir>/Default/Local Extension Settings/<extensionId>`, the extension's LevelDB. */
  storeDir: string;
  /** What `chrome.storage.local.get(null)` answered after the last write: the live entries. */
  live: Record<string, unknown>;
};

/**
 * The `chrome.storage.local` key the Polkadot{.js} extension stores an account under: `account:0x<public key>` in the
 * official build (`prefix` ''), `<prefix>accounts:account:0x…` in a build with an `EXTENSION_PREFIX` of its own.
 */
export function extensionAccountKey(address: string, prefix = ''): string {
  const key = `account:${u8aToHex(decodeAddress(address))}`;
  return prefix === '' ? key : `${prefix}accounts:${key}`;
}

/**
 * The single-account file the extension stores for a secret URI: `@polkadot/keyring` `addFromUri(...).toJson(password)`
 * with SS58 prefix 42 and the extension's meta (`name`, `whenCreated`); scrypt N=2^17 as the keyring writes today.
 * With `randomness`, the salt and nonce are fixed bytes derived from that number (the same file as `toJson` with those, built by
 * {@link oracleToJson}), so a test that depends on the bytes Chromium writes is the same on every run.
 */
export async function extensionAccountJson(
  suri: string,
  password: string,
  name: string,
  options: { type?: KeyType; randomness?: number } = {},
): Promise<KeyringPair$Json> {
  await cryptoWaitReady();
  const type = options.type ?? 'sr25519';
  const pair = new Keyring({ type, ss58Format: 42 }).addFromUri(suri, { name, whenCreated: 1_700_000_000_000 }, type);
  if (options.randomness === undefined) return pair.toJson(password);
  // Random-looking (Snappy finds nothing to copy in them, as in real files), yet the same on every run.
  const fixed = (length: number): Uint8Array =>
    createHash('sha512').update(`keepsake test randomness ${options.randomness} ${length}`).digest().subarray(0, length);
  return JSON.parse(JSON.stringify(oracleToJson(pair, password, { N: 1 << 17, p: 1, r: 8 }, pair.meta, fixed(32), fixed(24)))) as KeyringPair$Json;
}

// The smallest MV3 extension whose service worker can reach chrome.storage.local; the writes are sent to it with
// `worker.evaluate`, so it needs no code of its own.
const MANIFEST = {
  manifest_version: 3,
  name: 'keepsake test store writer',
  version: '1.0',
  permissions: ['storage'],
  background: { service_worker: 'worker.js' },
};

/**
 * Launches Debian's Chromium on a new user-data folder `dir` with a tiny unpacked MV3 extension, applies `writes` in
 * order to the extension's `chrome.storage.local` (each awaited), and closes the browser so LevelDB's files are on
 * disk. The extension's folder is removed afterwards; `dir` stays for the test to read.
 *
 * @example
 * const { storeDir } = await chromiumExtensionProfile({ dir, writes: [{ set: { [extensionAccountKey(a.address)]: a } }] });
 */
export async function chromiumExtensionProfile(options: { dir: string; writes: readonly StoreWrite[] }): Promise<ChromiumExtensionProfile> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (.ci/run does).`);
  const extension = await mkdtemp(join(tmpdir(), 'keepsake-extension-'));
  try {
    await writeFile(join(extension, 'manifest.json'), JSON.stringify(MANIFEST));
    await writeFile(join(extension, 'worker.js'), '// chrome.storage.local is driven from the test through the DevTools protocol.\n');
    await mkdir(options.dir, { recursive: true });
    let session = await sessionStart(options.dir, extension);
    try {
      for (const write of options.writes) {
        if ('restart' in write) {
          await session.context.close();
          session = await sessionStart(options.dir, extension);
        } else if ('set' in write) await session.worker.evaluate((items) => chrome.storage.local.set(items), write.set);
        else await session.worker.evaluate((keys) => chrome.storage.local.remove(keys), write.remove);
      }
      const live = await session.worker.evaluate(() => chrome.storage.local.get(null));
      const extensionId = new URL(session.worker.url()).host;
      const profileDir = join(options.dir, 'Default');
      return { profileDir, extensionId, storeDir: join(profileDir, 'Local Extension Settings', extensionId), live };
    } finally {
      await session.context.close();
    }
  } finally {
    await rm(extension, { recursive: true, force: true });
  }
}

/** Chromium on the profile with the extension loaded, and the extension's service worker. */
async function sessionStart(dir: string, extension: string): Promise<{ context: BrowserContext; worker: Worker }> {
  // Playwright's own `headless: true` starts chrome-headless-shell style flags; extensions need Chromium's "new"
  // headless mode, which is the full browser without a window, so it is asked for by flag.
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: false,
    timeout: 120_000,
    args: ['--headless=new', ...CHROMIUM_QUIET_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
    return { context, worker };
  } catch (error) {
    await context.close();
    throw error;
  }
}

// The service worker's global, as far as these tests use it (no @types/chrome in the repository).
declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
      get(keys: null): Promise<Record<string, unknown>>;
    };
  };
};

/** Values as big as the extension's `metadata:` entries get: eight of 1 MB, enough for Chromium to compact its log at the next start. */
export const COMPACTING_FILLER: Record<string, unknown> = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [`metadata:0x${String(i).padStart(64, '0')}`, { blob: '-'.repeat(1_000_000) }]),
);

/**
 * Writes after which the removed account is only in a table: `gone` and `stays` set, `gone` removed,
 * {@link COMPACTING_FILLER} set, and a restart — Chromium replays the big log into a Snappy-compressed
 * .ldb and starts a new, empty log.
 */
export function compactingWrites(gone: KeyringPair$Json, stays: KeyringPair$Json): StoreWrite[] {
  return [
    { set: { [extensionAccountKey(gone.address)]: gone, [extensionAccountKey(stays.address)]: stays } },
    { remove: [extensionAccountKey(gone.address)] },
    { set: COMPACTING_FILLER },
    { restart: true },
  ];
}
