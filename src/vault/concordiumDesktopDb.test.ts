/**
 * Reading the Concordium Desktop Wallet's own SQLCipher database. The databases are written by
 * Zetetic's SQLCipher (`@journeyapps/sqlcipher`, the wallet's driver) in the wallet's final table
 * layout (test/support/concordiumDb.ts), never by keepsake, so a pass means keepsake reads what the
 * wallet writes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopDatabaseBusyError, DesktopDatabaseDamagedError, DesktopDatabasePasswordError, NotADesktopDatabaseError } from '../errors/concordium.js';
import { FileReadError, FileTooLargeError } from '../errors/file.js';
import { concordiumEncrypt, desktopExportData, type DesktopExport } from '../../test/support/concordium.js';
import { concordiumDesktopDbWrite, DESKTOP_DB_SCHEMA_2021_05, desktopDbData } from '../../test/support/concordiumDb.js';
import { backupOpen, type BackupContents } from '../wallet/backup/open.js';
import { backupPlan } from '../wallet/backup/plan.js';
import { concordiumDesktopDbRead, DESKTOP_DB_MAX_BYTES } from './concordiumDesktopDb.js';
import { vaultClose, vaultOpen } from './open.js';

const PASSWORD = 'correct horse 🐎 battery';

let dir: string;
let scratch: string;
let savedTmp: string | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keepsake-ccdb-test-'));
  // The reader makes its private copy under os.tmpdir(); a folder of this file's own shows whether it is gone.
  scratch = join(dir, 'tmp');
  mkdirSync(scratch);
  savedTmp = process.env['TMPDIR'];
  process.env['TMPDIR'] = scratch;
});

afterAll(() => {
  if (savedTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const path = (name: string) => join(dir, `${++n}-${name}`);

/** What a file and its side files are, byte for byte and by modification time. */
function snapshot(file: string): Record<string, { sha256: string; mtimeMs: number }> {
  const out: Record<string, { sha256: string; mtimeMs: number }> = {};
  for (const side of ['', '-wal', '-shm', '-journal']) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file + side);
    } catch {
      continue;
    }
    out[side || 'db'] = { sha256: createHash('sha256').update(bytes).digest('hex'), mtimeMs: statSync(file + side).mtimeMs };
  }
  return out;
}

/**
 * The address book as the wallet lists it, and so exports it: by name, ignoring ASCII case
 * (concordium-desktop-wallet `app/preload/database/addressBookDao.ts`, `name COLLATE NOCASE ASC`).
 */
function byName(data: DesktopExport): DesktopExport {
  const key = (e: Record<string, unknown>) => String(e['name']).replace(/[A-Z]/g, (c) => c.toLowerCase());
  return { ...data, addressBook: [...data.addressBook].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

/** Reads `file`, expecting a failure, and checks the file is untouched and no copy of it is left. */
async function refused(file: string, password = PASSWORD): Promise<unknown> {
  const before = snapshot(file);
  const err = await concordiumDesktopDbRead(file, password).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeDefined();
  expect(snapshot(file)).toEqual(before);
  expect(readdirSync(scratch)).toEqual([]);
  return err;
}

describe('concordiumDesktopDbRead', () => {
  it('reads back exactly what the wallet holds: identities, accounts, address book, credentials, wallets, genesis', async () => {
    const file = path('wallet.sqlite3');
    const data = desktopDbData();
    await concordiumDesktopDbWrite(file, PASSWORD, data);
    const read = await concordiumDesktopDbRead(file, PASSWORD);
    expect(read).toEqual({ ...byName(data), rest: {} });
    // The export's types, not the columns': booleans, a parsed filter, JSON text kept as text.
    expect(read.accounts[0]!['isInitial']).toBe(true);
    expect(read.accounts[1]!['allDecrypted']).toBe(true);
    expect(read.accounts[0]!['transactionFilter']).toEqual({ fromDate: '2024-01-01T00:00:00.000Z', blockRewards: false });
    expect(read.addressBook.map((e) => e['readOnly'])).toEqual([true, true, true, true, false, false]);
    expect(typeof read.identities[0]!['identityObject']).toBe('string');
    expect(typeof read.credentials[0]!['policy']).toBe('string');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("reads to what the wallet's own Export of the same data opens to, so an import plans it alike (same duplicates)", async () => {
    const file = path('wallet.sqlite3');
    const data = desktopDbData({ tag: 'X' });
    await concordiumDesktopDbWrite(file, PASSWORD, data);
    const fromDb: BackupContents = { format: 'concordium-desktop', data: await concordiumDesktopDbRead(file, PASSWORD) };
    const fromExport = await backupOpen(JSON.stringify(concordiumEncrypt(byName(data), PASSWORD)), PASSWORD);
    expect(fromDb).toEqual(fromExport);
    // Each item keeps its object as JSON text: the database's columns come in another order than the
    // fixture's keys (as in the wallet's real export, whose objects are its rows), so compare them parsed.
    const planned = (c: BackupContents): unknown =>
      JSON.parse(JSON.stringify(backupPlan(undefined, c)), (k, v: unknown) => (k === 'original' && typeof v === 'string' ? JSON.parse(v) : v));
    expect(planned(fromDb)).toEqual(planned(fromExport));
  });

  it('reads a database without a genesis row, and leaves genesis out as the export does', async () => {
    const file = path('no-genesis.sqlite3');
    const data = desktopDbData({ genesisBlock: null, identities: 1, addressBook: 0 });
    await concordiumDesktopDbWrite(file, PASSWORD, data);
    const read = await concordiumDesktopDbRead(file, PASSWORD);
    expect(read.genesis).toBeUndefined();
    expect(read).toEqual({ ...byName(data), genesis: undefined, rest: {} });
  });

  it("reads a database a wallet of May 2021 left (no genesis or external-credential table, older account columns) as that wallet's export", async () => {
    const file = path('old.sqlite3');
    const current = desktopExportData({ genesisBlock: null, identities: 1 });
    // That wallet's export: its rows as they are, rewardFilter text and maxTransactionId a number; no external credentials yet.
    const data: DesktopExport = {
      ...current,
      identities: current.identities.map(({ version: _v, ...i }) => i),
      credentials: current.credentials.map(({ walletId: _w, external: _e, ...c }) => c),
      externalCredentials: [],
      addressBook: current.addressBook.map((e) => ({ ...e, note: e['note'] ?? null })),
    };
    await concordiumDesktopDbWrite(file, PASSWORD, data, { schema: DESKTOP_DB_SCHEMA_2021_05 });
    const read = await concordiumDesktopDbRead(file, PASSWORD);
    expect(read).toEqual({ ...byName(data), genesis: undefined, rest: {} });
    expect(read.accounts[0]!['rewardFilter']).toBe('[]');
    expect(read.accounts[0]!['maxTransactionId']).toBe(0);
  });

  it('reads the writes still in the -wal of a running wallet, and never changes its files', async () => {
    const file = path('running.sqlite3');
    const data = desktopDbData({ tag: 'W' });
    await concordiumDesktopDbWrite(file, PASSWORD, data, { wal: true });
    const before = snapshot(file);
    expect(Object.keys(before).sort()).toEqual(['-shm', '-wal', 'db']);
    const read = await concordiumDesktopDbRead(file, PASSWORD);
    // The address book and genesis were written after the last checkpoint: only the log has them.
    expect(read.addressBook).toEqual(byName(data).addressBook);
    expect(read.genesis).toEqual(data.genesis);
    expect(read).toEqual({ ...byName(data), rest: {} });
    expect(snapshot(file)).toEqual(before);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('refuses a copy caught in the middle of a write (a hot journal), leaving the wallet to finish it', async () => {
    const file = path('interrupted.sqlite3');
    await concordiumDesktopDbWrite(file, PASSWORD, desktopDbData({ identities: 1 }), { interrupted: true });
    expect(Object.keys(snapshot(file)).sort()).toEqual(['-journal', 'db']);
    const err = await refused(file);
    expect(err).toBeInstanceOf(DesktopDatabaseBusyError);
    expect((err as DesktopDatabaseBusyError).kind).toBe('busy');
  });

  it('refuses a wrong password as a wrong secret, the file byte-identical and no copy left', async () => {
    const file = path('wallet.sqlite3');
    await concordiumDesktopDbWrite(file, PASSWORD, desktopDbData({ identities: 1 }), { wal: true });
    const err = await refused(file, 'not the password');
    expect(err).toBeInstanceOf(DesktopDatabasePasswordError);
    expect((err as DesktopDatabasePasswordError).kind).toBe('wrong-secret');
    expect((err as Error).message).not.toContain('not the password');
  });

  it('refuses a plain SQLite database of another program', async () => {
    const file = path('other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const err = await refused(file);
    expect(err).toBeInstanceOf(NotADesktopDatabaseError);
    expect((err as Error).message).toMatch(/plain, unencrypted SQLite database/);
  });

  it('refuses a keepsake vault', async () => {
    const file = path('vault.sqlite');
    vaultClose(vaultOpen(file));
    const err = await refused(file);
    expect(err).toBeInstanceOf(NotADesktopDatabaseError);
  });

  it("refuses another program's SQLCipher database that opens with the password but lacks the wallet's tables", async () => {
    const file = path('cipher-other.sqlite');
    type Db = { serialize: (f: () => void) => void; run: (sql: string) => void; close: (cb: () => void) => void };
    const sqlcipher = createRequire(import.meta.url)('@journeyapps/sqlcipher') as { Database: new (file: string) => Db };
    const db = new sqlcipher.Database(file);
    await new Promise<void>((resolve) => {
      db.serialize(() => {
        db.run(`PRAGMA KEY = '${PASSWORD}'`);
        db.run('CREATE TABLE identities (id INTEGER)');
        db.run('INSERT INTO identities VALUES (1)');
      });
      db.close(resolve);
    });
    const err = await refused(file);
    expect(err).toBeInstanceOf(NotADesktopDatabaseError);
    expect((err as Error).message).toMatch(/has no "accounts", "addressBook", "credentials", "wallet" tables/);
  });

  it('refuses junk bytes, an empty file, a truncated database, a missing file and a folder, each with its own error', async () => {
    const junkPages = path('junk-pages');
    writeFileSync(junkPages, randomBytes(8192));
    // Whole pages of random bytes look exactly like an encrypted database under another key.
    expect(await refused(junkPages)).toBeInstanceOf(DesktopDatabasePasswordError);

    const junk = path('junk');
    writeFileSync(junk, randomBytes(1000));
    expect(await refused(junk)).toBeInstanceOf(DesktopDatabaseDamagedError);

    const empty = path('empty');
    writeFileSync(empty, '');
    const emptyErr = await refused(empty);
    expect(emptyErr).toBeInstanceOf(NotADesktopDatabaseError);
    expect((emptyErr as Error).message).toMatch(/empty/);

    const whole = path('whole.sqlite3');
    await concordiumDesktopDbWrite(whole, PASSWORD, desktopDbData({ identities: 20 }));
    const size = statSync(whole).size;
    expect(size).toBeGreaterThan(4 * 4096);

    const cutMidPage = path('cut-mid.sqlite3');
    writeFileSync(cutMidPage, readFileSync(whole).subarray(0, size - 100));
    expect(await refused(cutMidPage)).toBeInstanceOf(DesktopDatabaseDamagedError);

    const cutAtPage = path('cut-page.sqlite3');
    writeFileSync(cutAtPage, readFileSync(whole).subarray(0, 2 * 4096));
    const cutErr = await refused(cutAtPage);
    expect(cutErr).toBeInstanceOf(DesktopDatabaseDamagedError);
    expect((cutErr as DesktopDatabaseDamagedError).kind).toBe('damaged');

    const missing = path('missing.sqlite3');
    const missingErr = await concordiumDesktopDbRead(missing, PASSWORD).catch((e: unknown) => e);
    expect(missingErr).toBeInstanceOf(FileReadError);
    expect((missingErr as Error).message).toMatch(/does not exist/);

    // A device is never the database (and reading one might not end).
    expect(await concordiumDesktopDbRead(devNull, PASSWORD).catch((e: unknown) => e)).toBeInstanceOf(FileReadError);

    const folder = path('folder');
    mkdirSync(folder);
    expect(await concordiumDesktopDbRead(folder, PASSWORD).catch((e: unknown) => e)).toBeInstanceOf(FileReadError);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('refuses a file over the size cap before copying it', async () => {
    const file = path('huge.sqlite3');
    writeFileSync(file, '');
    truncateSync(file, DESKTOP_DB_MAX_BYTES + 4096); // sparse: no disk space used
    const before = statSync(file);
    const err = await concordiumDesktopDbRead(file, PASSWORD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
