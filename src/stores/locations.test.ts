import { describe, expect, it } from 'vitest';
import { browserProfileRoots, CONCORDIUM_DESKTOP_DB_FILE, concordiumDesktopDbLocations, firefoxProfileRoots, KNOWN_EXTENSIONS } from './locations.js';

const roots = (platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): Record<string, string> =>
  Object.fromEntries(browserProfileRoots(platform, env, home).map(({ browser, root }) => [browser, root]));

describe('browserProfileRoots', () => {
  it('Linux: under ~/.config', () => {
    expect(roots('linux', {}, '/home/ann')).toEqual({
      'Google Chrome': '/home/ann/.config/google-chrome',
      Chromium: '/home/ann/.config/chromium',
      Brave: '/home/ann/.config/BraveSoftware/Brave-Browser',
      'Microsoft Edge': '/home/ann/.config/microsoft-edge',
      Vivaldi: '/home/ann/.config/vivaldi',
      Opera: '/home/ann/.config/opera',
    });
  });

  it('Linux: under $XDG_CONFIG_HOME when it is set (an empty one counts as unset), as Chromium reads it', () => {
    const custom = roots('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ann');
    expect(custom['Google Chrome']).toBe('/data/cfg/google-chrome');
    expect(custom['Opera']).toBe('/data/cfg/opera');
    expect(Object.values(custom).every((root) => root.startsWith('/data/cfg/'))).toBe(true);
    expect(roots('linux', { XDG_CONFIG_HOME: '' }, '/home/ann')['Chromium']).toBe('/home/ann/.config/chromium');
  });

  it('macOS: under ~/Library/Application Support; Opera as com.operasoftware.Opera', () => {
    expect(roots('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/ann')).toEqual({
      'Google Chrome': '/Users/ann/Library/Application Support/Google/Chrome',
      Chromium: '/Users/ann/Library/Application Support/Chromium',
      Brave: '/Users/ann/Library/Application Support/BraveSoftware/Brave-Browser',
      'Microsoft Edge': '/Users/ann/Library/Application Support/Microsoft Edge',
      Vivaldi: '/Users/ann/Library/Application Support/Vivaldi',
      Opera: '/Users/ann/Library/Application Support/com.operasoftware.Opera',
    });
  });

  it('Windows: User Data under %LOCALAPPDATA%; Opera under %APPDATA% (roaming)', () => {
    const env = { LOCALAPPDATA: 'D:\\Local', APPDATA: 'E:\\Roaming' };
    expect(roots('win32', env, 'C:\\Users\\ann')).toEqual({
      'Google Chrome': 'D:\\Local\\Google\\Chrome\\User Data',
      Chromium: 'D:\\Local\\Chromium\\User Data',
      Brave: 'D:\\Local\\BraveSoftware\\Brave-Browser\\User Data',
      'Microsoft Edge': 'D:\\Local\\Microsoft\\Edge\\User Data',
      Vivaldi: 'D:\\Local\\Vivaldi\\User Data',
      Opera: 'E:\\Roaming\\Opera Software\\Opera Stable',
    });
  });

  it('Windows: without the variables, their defaults under the home folder', () => {
    const found = roots('win32', {}, 'C:\\Users\\ann');
    expect(found['Google Chrome']).toBe('C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\User Data');
    expect(found['Opera']).toBe('C:\\Users\\ann\\AppData\\Roaming\\Opera Software\\Opera Stable');
  });

  it('knows no folders on other platforms', () => {
    expect(browserProfileRoots('freebsd', {}, '/home/ann')).toEqual([]);
    expect(firefoxProfileRoots('aix', {}, '/home/ann')).toEqual([]);
    expect(concordiumDesktopDbLocations('sunos', {}, '/home/ann')).toEqual([]);
  });
});

describe('firefoxProfileRoots', () => {
  it('each platform', () => {
    expect(firefoxProfileRoots('linux', {}, '/home/ann')).toEqual(['/home/ann/.mozilla/firefox']);
    expect(firefoxProfileRoots('darwin', {}, '/Users/ann')).toEqual(['/Users/ann/Library/Application Support/Firefox/Profiles']);
    expect(firefoxProfileRoots('win32', { APPDATA: 'E:\\Roaming' }, 'C:\\Users\\ann')).toEqual(['E:\\Roaming\\Mozilla\\Firefox\\Profiles']);
  });
});

describe('concordiumDesktopDbLocations', () => {
  it('the mainnet build first, then the other networks, in Electron appData + "Concordium Wallet[ <net>]"', () => {
    expect(CONCORDIUM_DESKTOP_DB_FILE).toBe('concordium-desktop-wallet-database.sqlite3');
    expect(concordiumDesktopDbLocations('linux', {}, '/home/ann')).toEqual([
      '/home/ann/.config/Concordium Wallet/concordium-desktop-wallet-database.sqlite3',
      '/home/ann/.config/Concordium Wallet testnet/concordium-desktop-wallet-database.sqlite3',
      '/home/ann/.config/Concordium Wallet stagenet/concordium-desktop-wallet-database.sqlite3',
      '/home/ann/.config/Concordium Wallet protonet/concordium-desktop-wallet-database.sqlite3',
    ]);
    expect(concordiumDesktopDbLocations('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ann')[0]).toBe(
      '/data/cfg/Concordium Wallet/concordium-desktop-wallet-database.sqlite3',
    );
    expect(concordiumDesktopDbLocations('darwin', {}, '/Users/ann')[0]).toBe(
      '/Users/ann/Library/Application Support/Concordium Wallet/concordium-desktop-wallet-database.sqlite3',
    );
    expect(concordiumDesktopDbLocations('win32', { APPDATA: 'E:\\Roaming', LOCALAPPDATA: 'D:\\Local' }, 'C:\\Users\\ann')[1]).toBe(
      'E:\\Roaming\\Concordium Wallet testnet\\concordium-desktop-wallet-database.sqlite3',
    );
  });
});

describe('KNOWN_EXTENSIONS', () => {
  it('labels Polkadot{.js}, SubWallet and Talisman by their Chrome Web Store IDs', () => {
    expect(KNOWN_EXTENSIONS).toEqual({
      mopnmbcafieddcagagdcbnhejhlodfdd: 'Polkadot{.js} extension',
      onhogfjeacnfoofkfgppdlbmlmnplgbn: 'SubWallet',
      fijngjgcjhjmmpcmkeiomlglpeiijkld: 'Talisman',
    });
    // Chrome extension IDs are 32 letters a–p (the hex digits of a SHA-256 prefix, shifted).
    for (const id of Object.keys(KNOWN_EXTENSIONS)) expect(id).toMatch(/^[a-p]{32}$/);
  });
});
