/**
 * `keepsake rescue scan|restore` (issue 15) on a store a real browser wrote: Debian's Chromium runs a
 * small MV3 extension that keeps accounts in chrome.storage.local exactly as the Polkadot{.js}
 * extension does (keys `account:0x<public key>`, values made by @polkadot/keyring), removes one and
 * overwrites another, and exits. The scan of a copy of that profile finds every live account and the
 * removed and overwritten ones as deleted; the restore brings them in, and @polkadot/keyring opens
 * what the vault stored with the accounts' passwords.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, expectRefused, okJson, sandbox, vaultDump, type Sandbox } from '../../support/cli.js';
import {
  chromiumExtensionProfile,
  compactingWrites,
  extensionAccountJson,
  extensionAccountKey,
  type ChromiumExtensionProfile,
} from '../../support/chromiumProfile.js';
import { DEV_PHRASE, oracleOpen } from '../../support/oracle.js';

type ScanJson = {
  stores: {
    browser: string | null;
    profile: string;
    extensionId: string;
    extension: string;
    accounts: { address: string; name: string | null; type: string | null; kdf: { name: string; N?: number } | null; state: string; how: string | null }[];
    problems: string[];
  }[];
  concordium: { file: string }[];
  notes: string[];
};
type RestoreJson = { restored: { address: string; name: string; verified: boolean }[]; skipped: unknown[]; failed: unknown[]; found: number };

const PASSWORDS = { kept: 'kept password', removed: 'removed password', old: 'old password', replacement: 'new password' };
let root: string;
let profile: ChromiumExtensionProfile;
const files: Record<'kept' | 'removed' | 'overwritten' | 'replacement', KeyringPair$Json> = {} as never;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'keepsake-rescue-'));
  [files.kept, files.removed, files.overwritten, files.replacement] = await Promise.all([
    extensionAccountJson(`${DEV_PHRASE}//rescue//kept`, PASSWORDS.kept, 'Kept'),
    extensionAccountJson(`${DEV_PHRASE}//rescue//removed`, PASSWORDS.removed, 'Removed', { type: 'ed25519' }),
    extensionAccountJson(`${DEV_PHRASE}//rescue//old`, PASSWORDS.old, 'Overwritten'),
    extensionAccountJson(`${DEV_PHRASE}//rescue//new`, PASSWORDS.replacement, 'Replacement'),
  ]);
  const key = (f: KeyringPair$Json) => extensionAccountKey(f.address);
  profile = await chromiumExtensionProfile({
    dir: join(root, 'user-data'),
    writes: [
      { set: { [key(files.kept)]: files.kept, [key(files.removed)]: files.removed, [key(files.overwritten)]: files.overwritten } },
      { remove: [key(files.removed)] },
      // An update that wrote another account's file over an existing key.
      { set: { [key(files.overwritten)]: files.replacement } },
    ],
  });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const pub = (address: string) => u8aToHex(decodeAddress(address));

/** A copy of the profile (as a user copies one from an old disk), in the sandbox. */
async function profileCopy(b: Sandbox): Promise<string> {
  const copy = b.path('old-disk', 'Default');
  await cp(profile.profileDir, copy, { recursive: true });
  return copy;
}

describe('rescue scan', () => {
  it('finds every live account, and the removed and overwritten ones as deleted, in a copy of the profile', async () => {
    const b = await sandbox();
    const copy = await profileCopy(b);
    const scan = okJson<ScanJson>(await b.run(['rescue', 'scan', '--profile', copy, '--json']));
    expect(scan.stores).toHaveLength(1);
    const store = scan.stores[0]!;
    expect(store).toMatchObject({ profile: 'Default', extensionId: profile.extensionId, extension: 'an extension storing Polkadot{.js} accounts' });
    const by = (f: KeyringPair$Json) => store.accounts.filter((a) => pub(a.address) === pub(f.address));
    expect(by(files.kept)).toEqual([
      expect.objectContaining({ name: 'Kept', type: 'sr25519', state: 'live', how: null, kdf: { name: 'scrypt', N: 1 << 17, r: 8, p: 1 } }),
    ]);
    expect(by(files.replacement)).toEqual([expect.objectContaining({ name: 'Replacement', state: 'live' })]);
    expect(by(files.removed)).toEqual([expect.objectContaining({ name: 'Removed', type: 'ed25519', state: 'deleted', how: 'removed' })]);
    expect(by(files.overwritten)).toEqual([expect.objectContaining({ name: 'Overwritten', state: 'deleted', how: 'overwritten' })]);
    expect(store.accounts).toHaveLength(4);
    // In words, too; the profile's files are only read.
    const text = await b.run(['rescue', 'scan', '--profile', copy]);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/deleted \(removed\)/);
    expect(text.stdout).toMatch(/deleted \(overwritten\)/);
    expect(text.stdout).toMatch(/4 accounts found/);
  });

  it('names the Polkadot{.js} extension by its store ID; says when nothing is found (exit 0); a Firefox profile is named as unreadable', async () => {
    const b = await sandbox();
    const settings = b.path('copied', 'Default', 'Local Extension Settings', 'mopnmbcafieddcagagdcbnhejhlodfdd');
    await mkdir(join(settings, '..'), { recursive: true });
    await cp(profile.storeDir, settings, { recursive: true });
    const scan = okJson<ScanJson>(await b.run(['rescue', 'scan', '--profile', b.path('copied'), '--json']));
    expect(scan.stores.map((s) => s.extension)).toEqual(['Polkadot{.js} extension']);

    // This sandbox's HOME has no browser: nothing found, exit 0.
    const none = await b.run(['rescue', 'scan']);
    expect(none.code).toBe(EXIT.ok);
    expect(none.stdout).toMatch(/No wallet storage found/);
    expect(okJson<ScanJson>(await b.run(['rescue', 'scan', '--json'])).stores).toEqual([]);

    const firefox = b.path('firefox-profile');
    await mkdir(firefox, { recursive: true });
    await writeFile(join(firefox, 'prefs.js'), '// Mozilla User Preferences\n');
    const ff = okJson<ScanJson>(await b.run(['rescue', 'scan', '--profile', firefox, '--json']));
    expect(ff.stores).toEqual([]);
    expect(ff.notes.join(' ')).toMatch(/Firefox/);
  });
});

describe('rescue restore', () => {
  it('restores them all, each checked with its password; @polkadot/keyring opens every stored file', async () => {
    const b = await sandbox();
    const copy = await profileCopy(b);
    const pw = await b.secret('pw.txt', Object.values(PASSWORDS).join('\n'));
    const r = okJson<RestoreJson>(await b.run(['rescue', 'restore', '--profile', copy, '--password-file', pw, '--json']));
    expect(r.found).toBe(4);
    expect(r.failed).toEqual([]);
    expect(r.restored.map((x) => x.name).sort()).toEqual(['Kept', 'Overwritten', 'Removed', 'Replacement']);
    expect(r.restored.every((x) => x.verified)).toBe(true);
    const rows = vaultDump(b.vault)['accounts'] as { public_key: string; file_json: string }[];
    for (const [name, f, password] of [
      ['kept', files.kept, PASSWORDS.kept],
      ['removed', files.removed, PASSWORDS.removed],
      ['overwritten', files.overwritten, PASSWORDS.old],
      ['replacement', files.replacement, PASSWORDS.replacement],
    ] as const) {
      const row = rows.find((x) => x.public_key === pub(f.address));
      expect(row, name).toBeDefined();
      expect(u8aToHex(oracleOpen(JSON.parse(row!.file_json) as KeyringPair$Json, password).publicKey)).toBe(pub(f.address));
    }
    // Again: every account is already there.
    const again = okJson<RestoreJson>(await b.run(['rescue', 'restore', '--profile', copy, '--password-file', pw, '--json']));
    expect(again.restored).toEqual([]);
    expect(again.skipped).toHaveLength(4);
  });

  it('restores only the accounts named (any address format); without their password, kept locked and unchecked; a name matching none is refused', async () => {
    const b = await sandbox();
    const copy = await profileCopy(b);
    const other = await b.secret('other.txt', 'none of these');
    // The removed account, named by its Polkadot (prefix 0) address.
    const { encodeAddress } = await import('@polkadot/util-crypto');
    const polkadot = encodeAddress(decodeAddress(files.removed.address), 0);
    const r = okJson<RestoreJson>(await b.run(['rescue', 'restore', polkadot, '--profile', copy, '--password-file', other, '--json']));
    expect(r.restored).toEqual([expect.objectContaining({ name: 'Removed', verified: false })]);
    const before = vaultDump(b.vault);
    const msg = expectRefused(
      await b.run(['rescue', 'restore', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', '--profile', copy, '--password-file', other]),
      EXIT.failed,
    );
    expect(msg).toMatch(/None of the accounts found has the address/);
    expect(vaultDump(b.vault)).toEqual(before);
  });

  it('--network puts what it restores under that network (an AXIA extension keeps Polkadot{.js} files: issue 17)', async () => {
    const b = await sandbox();
    const copy = await profileCopy(b);
    const pw = await b.secret('kept.txt', PASSWORDS.kept);
    const r = okJson<RestoreJson>(
      await b.run(['rescue', 'restore', files.kept.address, '--profile', copy, '--password-file', pw, '--network', 'axia', '--json']),
    );
    expect(r.restored).toEqual([expect.objectContaining({ name: 'Kept', verified: true, network: 'axia' })]);
    const { encodeAddress } = await import('@polkadot/util-crypto');
    expect(await b.list()).toEqual([expect.objectContaining({ name: 'Kept', network: 'axia', address: encodeAddress(decodeAddress(files.kept.address), 0) })]);
  });
});

describe('rescue scan after the browser compacted its log into a table', () => {
  // Chromium replays a big log into a Snappy-compressed .ldb at its next start (filler values, as the
  // extension's `metadata:` entries are, make it big): the removed account is then only in that table.
  let restarted: ChromiumExtensionProfile;
  let gone: KeyringPair$Json;
  let stays: KeyringPair$Json;
  beforeAll(async () => {
    [gone, stays] = await Promise.all([
      extensionAccountJson(`${DEV_PHRASE}//rescue//gone`, 'gone password', 'Gone'),
      extensionAccountJson(`${DEV_PHRASE}//rescue//stays`, 'stays password', 'Stays'),
    ]);
    restarted = await chromiumExtensionProfile({ dir: join(root, 'restarted'), writes: compactingWrites(gone, stays) });
  }, 120_000);

  it('finds the removed account in the .ldb table as deleted, and restores it', async () => {
    const files = await readdir(restarted.storeDir);
    expect(files.some((f) => f.endsWith('.ldb'))).toBe(true);
    const logs = await Promise.all(files.filter((f) => f.endsWith('.log')).map((f) => readFile(join(restarted.storeDir, f), 'latin1')));
    expect(logs.some((l) => l.includes(gone.encoded))).toBe(false);
    const b = await sandbox();
    const copy = b.path('restarted-copy');
    await cp(restarted.profileDir, copy, { recursive: true });
    const scan = okJson<ScanJson>(await b.run(['rescue', 'scan', '--profile', copy, '--json']));
    const accounts = scan.stores.flatMap((s) => s.accounts);
    expect(accounts).toEqual([
      expect.objectContaining({ name: 'Stays', state: 'live' }),
      expect.objectContaining({ name: 'Gone', state: 'deleted', how: 'removed' }),
    ]);
    const pw = await b.secret('pw.txt', 'gone password\nstays password\n');
    const r = okJson<RestoreJson>(await b.run(['rescue', 'restore', gone.address, '--profile', copy, '--password-file', pw, '--json']));
    expect(r.restored).toEqual([expect.objectContaining({ name: 'Gone', verified: true })]);
  });

  it('a damaged store (a cut table, flipped bytes, junk files) is read as far as it goes: its problems are listed, no crash, exit 0', async () => {
    const b = await sandbox();
    const copy = b.path('damaged', 'Default');
    await cp(restarted.profileDir, copy, { recursive: true });
    const store = join(copy, 'Local Extension Settings', restarted.extensionId);
    const table = (await readdir(store)).find((f) => f.endsWith('.ldb'))!;
    const bytes = await readFile(join(store, table));
    // Flip bytes in the middle of the table (a data block fails its checksum), and add junk.
    for (let i = 0; i < 64; i++) {
      const at = Math.floor(bytes.length / 3) + i * 7;
      bytes[at] = bytes[at]! ^ 0x5a;
    }
    await writeFile(join(store, table), bytes);
    await writeFile(join(store, '000999.ldb'), Buffer.alloc(5000, 0x41));
    await writeFile(join(store, '001000.log'), Buffer.from('not a log at all'));
    const r = await b.run(['rescue', 'scan', '--profile', copy, '--json']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const scan = JSON.parse(r.stdout) as ScanJson;
    const s = scan.stores[0]!;
    expect(s.problems.length).toBeGreaterThan(0);
    expect(s.problems.join('\n')).toMatch(/000999\.ldb/);
    // The live account is still found: it is in the log Chromium started after the restart, or in a block still intact.
    expect(s.accounts.some((a) => a.name === 'Stays')).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Cut in half: still no crash.
    await writeFile(join(store, table), bytes.subarray(0, bytes.length >> 1));
    const cut = await b.run(['rescue', 'scan', '--profile', copy]);
    expect(cut.code, cut.stderr).toBe(EXIT.ok);
    expect(cut.stdout + cut.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('rescue scan in the default locations', () => {
  it("lists every profile folder of this machine's browsers, and the wallet storage in them, by browser", async () => {
    const b = await sandbox();
    await mkdir(b.path('.config', 'chromium', 'Default', 'Local Extension Settings'), { recursive: true });
    const brave = b.path('.config', 'BraveSoftware', 'Brave-Browser', 'Profile 1', 'Local Extension Settings', 'mopnmbcafieddcagagdcbnhejhlodfdd');
    await mkdir(join(brave, '..'), { recursive: true });
    await cp(profile.storeDir, brave, { recursive: true });
    const scan = okJson<ScanJson & { profiles: { browser: string; profile: string }[] }>(
      await b.run(['rescue', 'scan', '--json'], { env: { XDG_CONFIG_HOME: '' } }),
    );
    expect(scan.profiles.map((p) => `${p.browser}/${p.profile}`).sort()).toEqual(['Brave/Profile 1', 'Chromium/Default']);
    expect(scan.stores.map((s) => [s.browser, s.profile, s.extension])).toEqual([['Brave', 'Profile 1', 'Polkadot{.js} extension']]);
    expect(scan.stores[0]!.accounts).toHaveLength(4);
  });

  it("lists the Concordium Desktop Wallet's database where the wallet keeps it (Linux: ~/.config/Concordium Wallet)", async () => {
    const b = await sandbox();
    const { concordiumDesktopDbWrite, desktopDbData } = await import('../../support/concordiumDb.js');
    const dir = b.path('.config', 'Concordium Wallet');
    await mkdir(dir, { recursive: true });
    const db = join(dir, 'concordium-desktop-wallet-database.sqlite3');
    await concordiumDesktopDbWrite(db, 'wallet password', desktopDbData({ tag: 'L' }));
    const scan = okJson<ScanJson>(await b.run(['rescue', 'scan', '--json'], { env: { XDG_CONFIG_HOME: '' } }));
    expect(scan.concordium).toEqual([{ file: db }]);
    const text = await b.run(['rescue', 'scan'], { env: { XDG_CONFIG_HOME: '' } });
    expect(text.stdout).toContain(db);
  });
});
