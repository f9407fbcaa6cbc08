/**
 * Where wallets keep their storage on a computer: the default folders of the Chromium-family browsers (whose
 * extensions keep `chrome.storage.local` in `<profile>/Local Extension Settings/<extension id>/`), of Firefox, and of
 * the Concordium Desktop Wallet's database. Pure: the platform, the environment and the home folder come in, paths
 * go out; nothing here looks at the disk.
 */
import { posix, win32 } from 'node:path';

export type BrowserProfileRoot = {
  /** The browser's name as a person knows it. */
  browser: string;
  /**
   * The browser's user-data folder. Chrome, Chromium, Brave, Edge and Vivaldi keep one folder per profile in it
   * (`Default`, `Profile 1`…, beside `Local State`); Opera keeps its (first) profile's data in the folder itself.
   */
  root: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** A non-empty environment variable, else undefined (an empty one counts as unset, as Chromium's and Electron's readers do). */
function envGet(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Linux: `$XDG_CONFIG_HOME`, else `~/.config` — Chromium's `GetDefaultUserDataDirectory`
 * (chromium `chrome/common/chrome_paths_linux.cc`: `GetXDGDirectory(env, "XDG_CONFIG_HOME", ".config")`), which the
 * other Chromium browsers share, and Electron's `appData`.
 */
function linuxConfigHome(env: Env, home: string): string {
  return envGet(env, 'XDG_CONFIG_HOME') ?? posix.join(home, '.config');
}

/** Windows: `%LOCALAPPDATA%` (Chromium's user data), else its default under the home folder. */
function windowsLocalAppData(env: Env, home: string): string {
  return envGet(env, 'LOCALAPPDATA') ?? win32.join(home, 'AppData', 'Local');
}

/** Windows: `%APPDATA%` (roaming: Opera's profile, Electron's `appData`, Firefox), else its default under the home folder. */
function windowsAppData(env: Env, home: string): string {
  return envGet(env, 'APPDATA') ?? win32.join(home, 'AppData', 'Roaming');
}

function macAppSupport(home: string): string {
  return posix.join(home, 'Library', 'Application Support');
}

/**
 * Each browser's user-data folder per platform, as folder names under the platform's base folder.
 * Chrome and Chromium: chromium `docs/user_data_dir.md` ("Default Location"). Brave, Edge, Vivaldi: the same scheme
 * under their vendors' names (`BraveSoftware/Brave-Browser`, `microsoft-edge` / `Microsoft Edge` / `Microsoft\Edge`,
 * `vivaldi` / `Vivaldi`). Opera: `~/.config/opera`, `~/Library/Application Support/com.operasoftware.Opera`
 * (osquery `osquery/tables/applications/opera_extensions.cpp`, which reads `Extensions/` straight under that folder:
 * no `Default/`), `%APPDATA%\Opera Software\Opera Stable` on Windows (roaming, not local).
 */
const BROWSERS: readonly { browser: string; linux: string[]; darwin: string[]; win32: string[]; win32Roaming?: true }[] = [
  { browser: 'Google Chrome', linux: ['google-chrome'], darwin: ['Google', 'Chrome'], win32: ['Google', 'Chrome', 'User Data'] },
  { browser: 'Chromium', linux: ['chromium'], darwin: ['Chromium'], win32: ['Chromium', 'User Data'] },
  {
    browser: 'Brave',
    linux: ['BraveSoftware', 'Brave-Browser'],
    darwin: ['BraveSoftware', 'Brave-Browser'],
    win32: ['BraveSoftware', 'Brave-Browser', 'User Data'],
  },
  { browser: 'Microsoft Edge', linux: ['microsoft-edge'], darwin: ['Microsoft Edge'], win32: ['Microsoft', 'Edge', 'User Data'] },
  { browser: 'Vivaldi', linux: ['vivaldi'], darwin: ['Vivaldi'], win32: ['Vivaldi', 'User Data'] },
  { browser: 'Opera', linux: ['opera'], darwin: ['com.operasoftware.Opera'], win32: ['Opera Software', 'Opera Stable'], win32Roaming: true },
];

/**
 * The default user-data folders of Chrome, Chromium, Brave, Edge, Vivaldi and Opera on `platform` (linux, darwin,
 * win32; none elsewhere). Whether each exists is for the caller to find out.
 *
 * @example
 * browserProfileRoots('linux', {}, '/home/ann')[0] // { browser: 'Google Chrome', root: '/home/ann/.config/google-chrome' }
 */
export function browserProfileRoots(platform: NodeJS.Platform, env: Env, home: string): BrowserProfileRoot[] {
  switch (platform) {
    case 'linux': {
      const base = linuxConfigHome(env, home);
      return BROWSERS.map(({ browser, linux }) => ({ browser, root: posix.join(base, ...linux) }));
    }
    case 'darwin': {
      const base = macAppSupport(home);
      return BROWSERS.map(({ browser, darwin }) => ({ browser, root: posix.join(base, ...darwin) }));
    }
    case 'win32':
      return BROWSERS.map(({ browser, win32: parts, win32Roaming }) => ({
        browser,
        root: win32.join(win32Roaming ? windowsAppData(env, home) : windowsLocalAppData(env, home), ...parts),
      }));
    default:
      return [];
  }
}

/**
 * Firefox's profile folders' parent per platform (each profile a `<random>.<name>` folder in it). Extensions there
 * keep `storage.local` in IndexedDB, which keepsake does not read: these let a scan say so rather than stay silent.
 */
export function firefoxProfileRoots(platform: NodeJS.Platform, env: Env, home: string): string[] {
  switch (platform) {
    case 'linux':
      return [posix.join(home, '.mozilla', 'firefox')];
    case 'darwin':
      return [posix.join(macAppSupport(home), 'Firefox', 'Profiles')];
    case 'win32':
      return [win32.join(windowsAppData(env, home), 'Mozilla', 'Firefox', 'Profiles')];
    default:
      return [];
  }
}

/** The Concordium Desktop Wallet's database file name (Concordium/concordium-desktop-wallet `app/database/productionKnexFile.ts`). */
export const CONCORDIUM_DESKTOP_DB_FILE = 'concordium-desktop-wallet-database.sqlite3';

/**
 * The wallet's user-data folder names: it sets Electron's `userData` to `<appData>/<USER_DATA>` (Concordium/
 * concordium-desktop-wallet `app/main.ts`), with `USER_DATA` = `Concordium Wallet`, plus ` <net>` for a build of
 * another network than mainnet (`configs/partials/webpack.config.base.js`; the nets allowed in
 * `internals/scripts/CheckTargetNet.js`). The folder kept this name when the product was renamed "Concordium
 * Desktop Wallet" (its commit "Change ProductName, without changing userData folder").
 */
const CONCORDIUM_USER_DATA = ['Concordium Wallet', 'Concordium Wallet testnet', 'Concordium Wallet stagenet', 'Concordium Wallet protonet'];

/**
 * Where the Concordium Desktop Wallet keeps its database on `platform`, mainnet build first: Electron's `appData`
 * (Linux `$XDG_CONFIG_HOME` or `~/.config`, macOS `~/Library/Application Support`, Windows `%APPDATA%`) + the
 * wallet's user-data folder + {@link CONCORDIUM_DESKTOP_DB_FILE}.
 */
export function concordiumDesktopDbLocations(platform: NodeJS.Platform, env: Env, home: string): string[] {
  switch (platform) {
    case 'linux':
      return CONCORDIUM_USER_DATA.map((folder) => posix.join(linuxConfigHome(env, home), folder, CONCORDIUM_DESKTOP_DB_FILE));
    case 'darwin':
      return CONCORDIUM_USER_DATA.map((folder) => posix.join(macAppSupport(home), folder, CONCORDIUM_DESKTOP_DB_FILE));
    case 'win32':
      return CONCORDIUM_USER_DATA.map((folder) => win32.join(windowsAppData(env, home), folder, CONCORDIUM_DESKTOP_DB_FILE));
    default:
      return [];
  }
}

/**
 * Chrome Web Store IDs of extensions known to keep accounts in the Polkadot{.js} extension's format (an
 * `account:0x…` entry per account), for labels. Accounts are recognised by content, whatever the ID; an ID not
 * listed is "an extension storing Polkadot{.js} accounts".
 * - Polkadot{.js}: `mopnmbcafieddcagagdcbnhejhlodfdd` (its Chrome Web Store link in polkadot-js/apps
 *   `packages/apps-config/src/extensions/index.ts` and paritytech/polkadot-onboard
 *   `examples/react-next/provider-configs/extensionConfig.ts`).
 * - SubWallet (a fork of the Polkadot{.js} extension): `onhogfjeacnfoofkfgppdlbmlmnplgbn` (the Chrome Web Store link in
 *   the Polkadot developer docs' "Wallets for Polkadot Hub" page).
 * - Talisman (stored `account:0x…` entries like the extension before v1.19): `fijngjgcjhjmmpcmkeiomlglpeiijkld` (the
 *   Chrome Web Store badge of Talisman's own README, and paritytech/polkadot-onboard's extension config above).
 */
export const KNOWN_EXTENSIONS: Readonly<Record<string, string>> = {
  mopnmbcafieddcagagdcbnhejhlodfdd: 'Polkadot{.js} extension',
  onhogfjeacnfoofkfgppdlbmlmnplgbn: 'SubWallet',
  fijngjgcjhjmmpcmkeiomlglpeiijkld: 'Talisman',
};
