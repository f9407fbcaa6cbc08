import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { ClassicLevel } from 'classic-level';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumExtensionProfile,
  COMPACTING_FILLER,
  compactingWrites,
  extensionAccountJson,
  extensionAccountKey,
  type ChromiumExtensionProfile,
} from './chromiumProfile.js';
import { DEV_PHRASE, oracleOpen } from './oracle.js';

// One browser launch for the file: three accounts set, one removed, one key overwritten by another account's file.
let root: string;
let profile: ChromiumExtensionProfile;
let kept: KeyringPair$Json;
let removed: KeyringPair$Json;
let overwritten: KeyringPair$Json;
let replacement: KeyringPair$Json;
let keys: { kept: string; removed: string; overwritten: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'keepsake-chromium-profile-'));
  [kept, removed, overwritten, replacement] = await Promise.all([
    extensionAccountJson(`${DEV_PHRASE}//kept`, 'kept password', 'kept'),
    extensionAccountJson(`${DEV_PHRASE}//removed`, 'removed password', 'removed', { type: 'ed25519' }),
    extensionAccountJson(`${DEV_PHRASE}//overwritten`, 'old password', 'overwritten'),
    extensionAccountJson(`${DEV_PHRASE}//replacement`, 'new password', 'replacement'),
  ]);
  keys = {
    kept: extensionAccountKey(kept.address),
    removed: extensionAccountKey(removed.address),
    // A build with a prefix of its own keeps accounts under `<prefix>accounts:account:0x…`.
    overwritten: extensionAccountKey(overwritten.address, 'forked'),
  };
  profile = await chromiumExtensionProfile({
    dir: join(root, 'user-data'),
    writes: [
      { set: { [keys.kept]: kept, [keys.removed]: removed, [keys.overwritten]: overwritten } },
      { remove: [keys.removed] },
      { set: { [keys.overwritten]: replacement } },
    ],
  });
});

afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

/** Every live entry of a LevelDB, read by classic-level from a copy (the original is never opened). */
async function liveEntries(dir: string): Promise<Record<string, unknown>> {
  const copy = join(root, `copy-${Math.random().toString(36).slice(2)}`);
  await cp(dir, copy, { recursive: true });
  const db = new ClassicLevel<string, string>(copy, { createIfMissing: false, keyEncoding: 'utf8', valueEncoding: 'utf8' });
  try {
    const entries: Record<string, unknown> = {};
    for await (const [key, value] of db.iterator()) entries[key] = JSON.parse(value) as unknown;
    return entries;
  } finally {
    await db.close();
  }
}

describe('chromiumExtensionProfile', () => {
  it('keys accounts as ui-keyring does: account:0x<public key>, behind `<prefix>accounts:` in a prefixed build', () => {
    // Alice's well-known sr25519 key (//Alice on the dev phrase).
    const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
    const hex = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
    expect(extensionAccountKey(alice)).toBe(`account:${hex}`);
    expect(extensionAccountKey(alice, 'talisman')).toBe(`talismanaccounts:account:${hex}`);
  });

  it('stores single-account files with SS58 prefix 42, as the extension does', () => {
    expect(kept.address.startsWith('5')).toBe(true);
    expect(kept.encoding).toEqual({ content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
    expect(removed.encoding.content).toEqual(['pkcs8', 'ed25519']);
    expect(kept.meta['name']).toBe('kept');
  });

  it('leaves a LevelDB in Local Extension Settings/<extension id> of the Default profile', async () => {
    expect(profile.extensionId).toMatch(/^[a-p]{32}$/);
    expect(profile.storeDir).toBe(join(root, 'user-data', 'Default', 'Local Extension Settings', profile.extensionId));
    const files = await readdir(profile.storeDir);
    expect(files).toContain('CURRENT');
    expect(files.some((name) => name.startsWith('MANIFEST-'))).toBe(true);
    expect(files.some((name) => name.endsWith('.log'))).toBe(true);
  });

  it('has exactly the two live accounts, as Chromium answered and as classic-level reads them from a copy', async () => {
    const expected = { [keys.kept]: kept, [keys.overwritten]: replacement };
    expect(profile.live).toEqual(expected);
    expect(await liveEntries(profile.storeDir)).toEqual(expected);
  });

  it('still holds the removed and the overwritten accounts in the write-ahead log', async () => {
    // Chromium writes small stores to the .log only (no compaction into Snappy-compressed .ldb tables before close),
    // so the JSON text of every value ever set is there byte for byte.
    const files = await readdir(profile.storeDir);
    const logs = files.filter((name) => name.endsWith('.log'));
    const text = (await Promise.all(logs.map((name) => readFile(join(profile.storeDir, name))))).map((bytes) => bytes.toString('latin1')).join('\n');
    expect(removed.encoded).not.toBe('');
    // Chromium's JSON writer orders object keys itself, so the files are searched for each account's ciphertext.
    expect(text).toContain(`"encoded":"${removed.encoded}"`);
    expect(text).toContain(`"encoded":"${overwritten.encoded}"`);
    expect(text).toContain(`"encoded":"${replacement.encoded}"`);
    expect(text).toContain(keys.removed);
  });
});

describe('chromiumExtensionProfile with a restart', () => {
  // Chromium reuses the .log across restarts while it is small; once the log it replays holds more than LevelDB's
  // write buffer, it writes the replayed entries into a Snappy-compressed .ldb table and starts a new log. Filler
  // values (as `metadata:` entries are, in the extension) make the log big enough.
  let restarted: ChromiumExtensionProfile;
  let gone: KeyringPair$Json;
  let stays: KeyringPair$Json;
  const filler = COMPACTING_FILLER;

  beforeAll(async () => {
    [gone, stays] = await Promise.all([
      extensionAccountJson(`${DEV_PHRASE}//gone`, 'gone password', 'gone', { randomness: 1 }),
      extensionAccountJson(`${DEV_PHRASE}//stays`, 'stays password', 'stays', { randomness: 2 }),
    ]);
    restarted = await chromiumExtensionProfile({ dir: join(root, 'restarted'), writes: compactingWrites(gone, stays) });
  });

  it('makes the same account files on every run (fixed salt and nonce)', async () => {
    expect(await extensionAccountJson(`${DEV_PHRASE}//gone`, 'gone password', 'gone', { randomness: 1 })).toEqual(gone);
    expect(gone.encoding.type).toEqual(['scrypt', 'xsalsa20-poly1305']);
    expect(oracleOpen(gone, 'gone password').address).toBe(gone.address);
  });

  it('moves the entries into an .ldb table, the removed account with them; the live ones read back the same', async () => {
    const files = await readdir(restarted.storeDir);
    expect(files.some((name) => name.endsWith('.ldb'))).toBe(true);
    const logs = await Promise.all(files.filter((name) => name.endsWith('.log')).map((name) => readFile(join(restarted.storeDir, name), 'latin1')));
    expect(logs.join('')).not.toContain(gone.encoded);
    // The removed account's record (its value, then the deletion) went into the table with the rest. Its key is
    // prefix-compressed against its neighbour's there, so not readable as is; its value stays a Snappy literal
    // (random base64 gives Snappy nothing to copy; with these fixed bytes it is so on every run).
    const tables = await Promise.all(files.filter((name) => name.endsWith('.ldb')).map((name) => readFile(join(restarted.storeDir, name), 'latin1')));
    expect(tables.join('')).toContain(gone.encoded);
    expect(tables.join('')).not.toContain(extensionAccountKey(gone.address));
    expect(await liveEntries(restarted.storeDir)).toEqual({ [extensionAccountKey(stays.address)]: stays, ...filler });
  });
});
