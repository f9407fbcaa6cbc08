import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExtensionProfile, extensionAccountJson, extensionAccountKey } from '../../test/support/chromiumProfile.js';
import { StoreTooLargeError, StoreUnreadableError } from '../errors/store.js';
import { extensionStoresFind, storeFilesRead } from './browserProfiles.js';

const PJS = 'mopnmbcafieddcagagdcbnhejhlodfdd';
const OTHER = 'abcdefghijklmnopabcdefghijklmnop';

let tmp: string;

/** Files (path relative to `dir` → content) and folders (a path ending in `/`). */
async function tree(dir: string, entries: Record<string, string>): Promise<string> {
  for (const [path, content] of Object.entries(entries)) {
    const full = join(dir, path);
    if (path.endsWith('/')) await mkdir(full, { recursive: true });
    else {
      await mkdir(join(full, '..'), { recursive: true });
      await writeFile(full, content);
    }
  }
  return dir;
}

/** A store folder's files as LevelDB leaves them (contents do not matter to the finder). */
function store(prefix: string, files: readonly string[] = ['CURRENT', 'MANIFEST-000001', '000003.log', 'LOCK', 'LOG']): Record<string, string> {
  return Object.fromEntries(files.map((name) => [`${prefix}/${name}`, name === 'CURRENT' ? 'MANIFEST-000001\n' : `bytes of ${name}`]));
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'keepsake-stores-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('extensionStoresFind', () => {
  let chrome: string;
  let opera: string;

  beforeAll(async () => {
    chrome = await tree(join(tmp, 'chrome'), {
      'Local State': '{}',
      ...store(`Default/Local Extension Settings/${PJS}`),
      ...store(`Profile 1/Local Extension Settings/${OTHER}`, ['000005.ldb']),
      'Profile 1/Local Extension Settings/not-a-store/notes.txt': 'junk',
      'Profile 1/Local Extension Settings/empty/': '',
      'Profile 1/Cache/Cache_Data/data_0': 'junk',
      'Crashpad/reports/': '',
      'Default/Extensions/x/1.0/manifest.json': '{}',
    });
    opera = await tree(join(tmp, 'opera', 'Opera Stable'), {
      'Local State': '{}',
      ...store(`Local Extension Settings/${PJS}`, ['CURRENT', '000001.log']),
      ...store(`_side_profiles/1234/Local Extension Settings/${OTHER}`, ['000002.sst']),
    });
  });

  it('finds every store in every profile of a browser root, and no folder without LevelDB files', async () => {
    const { stores, notes } = await extensionStoresFind([chrome]);
    expect(notes).toEqual([]);
    expect(stores).toEqual([
      {
        browser: null,
        profile: 'Default',
        profileDir: join(chrome, 'Default'),
        extensionId: PJS,
        dir: join(chrome, 'Default', 'Local Extension Settings', PJS),
      },
      {
        browser: null,
        profile: 'Profile 1',
        profileDir: join(chrome, 'Profile 1'),
        extensionId: OTHER,
        dir: join(chrome, 'Profile 1', 'Local Extension Settings', OTHER),
      },
    ]);
  });

  it("names the browser of a default location, and reads Opera's root as a profile with side profiles", async () => {
    const { stores, notes } = await extensionStoresFind([{ browser: 'Opera', root: opera }]);
    expect(notes).toEqual([]);
    expect(stores.map(({ browser, profile, extensionId }) => ({ browser, profile, extensionId }))).toEqual([
      { browser: 'Opera', profile: 'Opera Stable', extensionId: PJS },
      { browser: 'Opera', profile: '1234', extensionId: OTHER },
    ]);
  });

  it('takes one profile, its Local Extension Settings folder, or a store folder itself (a copy anywhere)', async () => {
    const profile = await extensionStoresFind([join(chrome, 'Profile 1')]);
    expect(profile.stores.map((s) => [s.profile, s.extensionId])).toEqual([['Profile 1', OTHER]]);

    const settings = await extensionStoresFind([join(chrome, 'Default', 'Local Extension Settings')]);
    expect(settings.stores.map((s) => [s.profile, s.extensionId])).toEqual([['Default', PJS]]);

    const inPlace = await extensionStoresFind([join(chrome, 'Default', 'Local Extension Settings', PJS)]);
    expect(inPlace.stores).toEqual([
      {
        browser: null,
        profile: 'Default',
        profileDir: join(chrome, 'Default'),
        extensionId: PJS,
        dir: join(chrome, 'Default', 'Local Extension Settings', PJS),
      },
    ]);

    const copy = await tree(join(tmp, 'usb', 'rescued-store'), store('.'));
    const copied = await extensionStoresFind([copy]);
    expect(copied.stores).toEqual([{ browser: null, profile: 'usb', profileDir: join(tmp, 'usb'), extensionId: 'rescued-store', dir: copy }]);
    expect(copied.notes).toEqual([]);
  });

  it('says, in one sentence, that a Firefox profile cannot be read yet — for a profile and for the profiles folder', async () => {
    const firefox = await tree(join(tmp, 'firefox'), {
      'profiles.ini': '[Profile0]\n',
      'abcd1234.default-release/prefs.js': '// prefs',
      'abcd1234.default-release/storage/default/moz-extension+++0a1b2c3d-0000-4000-8000-000000000000^userContextId=4294967295/idb/x.sqlite': '',
    });
    const profile = join(firefox, 'abcd1234.default-release');
    const one = await extensionStoresFind([profile]);
    expect(one.stores).toEqual([]);
    expect(one.notes).toEqual([`${profile}: Firefox keeps extension storage in IndexedDB; keepsake cannot read it yet.`]);
    const all = await extensionStoresFind([firefox]);
    expect(all.notes).toEqual(one.notes);
  });

  it('gives a note, never a throw, for a missing folder, a file, and a folder of junk; keeps going to the next', async () => {
    const junk = await tree(join(tmp, 'junk'), { 'a/b/c/d/e/f.txt': 'x', 'CURRENTLY.txt': 'x', '1.log.bak': 'x', 'g/': '' });
    const file = join(junk, 'a', 'b', 'c', 'd', 'e', 'f.txt');
    const missing = join(tmp, 'no such folder');
    const { stores, notes } = await extensionStoresFind([missing, file, junk, chrome]);
    expect(stores).toHaveLength(2);
    expect(notes).toEqual([
      `${missing} does not exist.`,
      `${file} is a file, not a folder: give the browser profile folder that holds it.`,
      `${junk} holds no browser extension storage (no "Local Extension Settings" folder in it or its profiles).`,
    ]);
    expect((await extensionStoresFind([missing], { ignoreMissing: true })).notes).toEqual([]);
  });

  it('follows links once: a link loop ends, and a profile linked from elsewhere is found once', async () => {
    const loop = await tree(join(tmp, 'loop'), { 'inner/': '' });
    await symlink(loop, join(loop, 'inner', 'back'));
    await symlink(join(loop, 'inner'), join(loop, 'self'));
    await symlink(join(chrome, 'Default'), join(loop, 'inner', 'Default'));
    await symlink(join(chrome, 'Default'), join(loop, 'Default again'));
    await symlink(join(tmp, 'nowhere'), join(loop, 'dangling'));
    const { stores, notes } = await extensionStoresFind([loop, loop]);
    expect(stores.map((s) => s.extensionId)).toEqual([PJS]);
    expect(notes).toEqual([]);
  });

  it('stops after maxDirs folders, with a note', async () => {
    const wide = await tree(join(tmp, 'wide'), Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}/e/`, ''])));
    const { notes } = await extensionStoresFind([wide, chrome], { maxDirs: 20 });
    expect(notes[0]).toBe('Stopped looking after 20 folders; point at a browser profile folder to look there.');
    expect(notes.filter((n) => n.startsWith('Stopped'))).toHaveLength(1);
  });

  it('looks at no more than 10000 entries of a folder, with a note', async () => {
    const crowded = join(tmp, 'crowded');
    await mkdir(crowded);
    // In batches, so as few files are open at once as a small descriptor limit allows.
    for (let start = 0; start < 10_001; start += 100) {
      await Promise.all(Array.from({ length: Math.min(100, 10_001 - start) }, (_, i) => writeFile(join(crowded, `f${start + i}`), '')));
    }
    const { notes } = await extensionStoresFind([crowded]);
    expect(notes[0]).toBe(`${crowded} has more than 10000 entries, more than a browser profile has; only the first were looked at.`);
  });

  it('finds the store a real Chromium wrote, in a copy of its user-data folder or given the profile', async () => {
    const account = await extensionAccountJson('//Alice', 'alice password', 'alice');
    const made = await chromiumExtensionProfile({ dir: join(tmp, 'chromium'), writes: [{ set: { [extensionAccountKey(account.address)]: account } }] });
    const root = await extensionStoresFind([{ browser: 'Chromium', root: join(tmp, 'chromium') }]);
    expect(root.notes).toEqual([]);
    expect(root.stores).toContainEqual({
      browser: 'Chromium',
      profile: 'Default',
      profileDir: made.profileDir,
      extensionId: made.extensionId,
      dir: made.storeDir,
    });
    const profile = await extensionStoresFind([made.profileDir]);
    expect(profile.stores.map((s) => s.dir)).toContain(made.storeDir);
    const files = await storeFilesRead(made.storeDir, { maxFiles: 50, maxFileBytes: 1 << 20 });
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['CURRENT', 'MANIFEST-000001']));
    const log = files.find((f) => f.name.endsWith('.log'));
    expect(Buffer.from(log!.bytes).toString('latin1')).toContain(account.encoded);
  });
});

describe('storeFilesRead', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tree(join(tmp, 'read', 'store'), {
      ...store('.', [
        '000012.ldb',
        '000003.log',
        'CURRENT',
        'MANIFEST-000007',
        '000010.ldb',
        '000002.sst',
        'LOCK',
        'LOG',
        'LOG.old',
        'README',
        '000004.log.tmp',
      ]),
      'sub/000001.ldb': 'not at the top',
    });
    await symlink(join(tmp, 'read', 'elsewhere.ldb'), join(dir, '000099.ldb'));
    await writeFile(join(tmp, 'read', 'elsewhere.ldb'), 'outside the store');
  });

  it('reads CURRENT, the MANIFEST and the numbered tables and logs, in order; nothing else, no link', async () => {
    const files = await storeFilesRead(dir, { maxFiles: 10, maxFileBytes: 100 });
    expect(files.map((f) => f.name)).toEqual(['CURRENT', 'MANIFEST-000007', '000002.sst', '000003.log', '000010.ldb', '000012.ldb']);
    expect(Buffer.from(files[0]!.bytes).toString()).toBe('MANIFEST-000001\n');
    expect(Buffer.from(files[5]!.bytes).toString()).toBe('bytes of 000012.ldb');
  });

  it('changes nothing in the folder: no file made, none touched', async () => {
    const before = await readdir(dir);
    const times = await Promise.all(before.map(async (name) => (await stat(join(dir, name))).mtimeMs));
    await storeFilesRead(dir, { maxFiles: 10, maxFileBytes: 100 });
    expect(await readdir(dir)).toEqual(before);
    expect(await Promise.all(before.map(async (name) => (await stat(join(dir, name))).mtimeMs))).toEqual(times);
  });

  it('refuses more files than maxFiles, and a file over maxFileBytes, with StoreTooLargeError', async () => {
    await expect(storeFilesRead(dir, { maxFiles: 5, maxFileBytes: 100 })).rejects.toThrow(new StoreTooLargeError({ store: dir, size: 6, limit: 5 }).message);
    const big = await tree(join(tmp, 'read', 'big'), { CURRENT: 'MANIFEST-000001\n', '000005.ldb': 'x'.repeat(101) });
    const refused = storeFilesRead(big, { maxFiles: 10, maxFileBytes: 100 });
    await expect(refused).rejects.toBeInstanceOf(StoreTooLargeError);
    await expect(refused).rejects.toThrow(`${big} has a file 000005.ldb of 101 bytes`);
  });

  it('a folder that is gone is StoreUnreadableError, not a crash', async () => {
    const gone = join(tmp, 'read', 'gone');
    await expect(storeFilesRead(gone, { maxFiles: 10, maxFileBytes: 100 })).rejects.toBeInstanceOf(StoreUnreadableError);
    await expect(storeFilesRead(gone, { maxFiles: 10, maxFileBytes: 100 })).rejects.toThrow(`${gone} could not be read (ENOENT); nothing in it was changed.`);
  });
});
