import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { BaseError } from '../errors/base.js';
import { DesktopDatabaseBusyError, DesktopDatabaseDamagedError, DesktopDatabasePasswordError, NotADesktopDatabaseError } from '../errors/concordium.js';
import { FileReadError, FileTooLargeError } from '../errors/file.js';
import type { ConcordiumExport } from '../formats/concordium/desktop.js';
import { jsonParse, type JsonObject } from '../formats/json.js';
import { cipherKey, SQLCIPHER_4 } from './cipher.js';
import { driver } from './open.js';

/** Far more than a desktop wallet's database grows to (its transactions are not kept since 2021); checked before copying. */
export const DESKTOP_DB_MAX_BYTES = 512 * 1024 * 1024;

/** More rows than any one wallet holds in a table; a bigger count is refused before the rows are read. */
export const DESKTOP_DB_MAX_ROWS = 100_000;

/**
 * Table names, from concordium-desktop-wallet `app/constants/databaseNames.json`. The first five exist
 * in every database since 2021-04 (`app/database/migrations/20201210…` to `20210426140801_create_wallet_table.ts`);
 * `genesis` and `external_credentials` came in 2021-05/06 and are read when present.
 */
const T = {
  identities: 'identities',
  accounts: 'accounts',
  addressBook: 'addressBook',
  credentials: 'credentials',
  wallet: 'wallet',
  genesis: 'genesis',
  externalCredentials: 'external_credentials',
} as const;
const REQUIRED: readonly string[] = [T.identities, T.accounts, T.addressBook, T.credentials, T.wallet];

/** The first 16 bytes of every SQLite database that is not encrypted (the desktop wallet's always is). */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The files SQLite keeps beside a database: its write-ahead log and index, or its rollback journal. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/**
 * Reads the Concordium Desktop Wallet's own database (`concordium-desktop-wallet-database.sqlite3`
 * in its Electron userData folder; concordium-desktop-wallet `app/database/productionKnexFile.ts`):
 * SQLCipher 4 with its default parameters, keyed with `PRAGMA KEY = '<password>'` — the password the
 * user logs in with, as typed. It returns what the wallet's own Export would write
 * (`app/pages/exportImport/Export.tsx`), so it imports as a `concordium-desktop` backup.
 *
 * The wallet's file is never opened by SQLite: it (and its `-wal`, `-shm`, `-journal`) is copied into
 * a private folder (0700) and the copy opened read-only, so neither a running wallet nor this read can
 * disturb the other, and the copy is removed afterwards, also on failure. Writes the wallet made in
 * WAL mode and has not checkpointed are read from the copied `-wal`.
 *
 * @example
 * const data = await concordiumDesktopDbRead(file, password);
 * backupPlan(vault, { format: 'concordium-desktop', data }, …);
 */
export async function concordiumDesktopDbRead(file: string, password: string): Promise<ConcordiumExport> {
  const size = sizeOf(file);
  if (size > DESKTOP_DB_MAX_BYTES) throw new FileTooLargeError({ file, size, limit: DESKTOP_DB_MAX_BYTES });
  if (size === 0) throw new NotADesktopDatabaseError({ file, reason: 'it is empty (0 bytes)' });
  if (headerIsPlain(file)) throw new NotADesktopDatabaseError({ file, reason: 'it is a plain, unencrypted SQLite database of another program' });
  // SQLCipher writes whole pages (4 KiB by default) and nothing else.
  if (size % SQLCIPHER_4.legacy_page_size !== 0)
    throw new DesktopDatabaseDamagedError({
      file,
      reason: 'its size is not whole 4 KiB pages, as a Concordium Desktop Wallet database always is (it was cut off in a copy, or it is another kind of file)',
    });
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-concordium-'), { encoding: 'utf8' });
  try {
    const copy = join(dir, `${randomBytes(8).toString('hex')}.sqlite3`);
    copyInto(file, copy);
    return readCopy(file, copy, password);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sizeOf(file: string): number {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    // A device or a pipe is never the wallet's database, and reading one might not end.
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EINVAL' });
    return stat.size;
  } catch (err) {
    throw new FileReadError({ file, code: (err as NodeJS.ErrnoException).code }, err);
  }
}

function headerIsPlain(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new FileReadError({ file, code: (err as NodeJS.ErrnoException).code }, err);
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const read = fstatSync(fd).size >= head.length ? readSync(fd, head, 0, head.length, 0) : 0;
    return read === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Copies the database and whichever of its side files exist; the folder is mkdtemp's (0700). */
function copyInto(file: string, copy: string): void {
  try {
    copyFileSync(file, copy);
  } catch (err) {
    throw new FileReadError({ file, code: (err as NodeJS.ErrnoException).code }, err);
  }
  // The wallet may have written to it since it was measured.
  const size = statSync(copy).size;
  if (size > DESKTOP_DB_MAX_BYTES) throw new FileTooLargeError({ file, size, limit: DESKTOP_DB_MAX_BYTES });
  for (const side of SIDE_FILES) {
    let size: number;
    try {
      size = statSync(file + side).size;
    } catch {
      continue; // Not there: the wallet is closed, or uses no journal right now.
    }
    if (size > DESKTOP_DB_MAX_BYTES) throw new FileTooLargeError({ file: file + side, size, limit: DESKTOP_DB_MAX_BYTES });
    try {
      copyFileSync(file + side, copy + side);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new FileReadError({ file: file + side, code }, err);
    }
  }
}

function readCopy(file: string, copy: string, password: string): ConcordiumExport {
  let db: Database.Database | undefined;
  try {
    db = new (driver())(copy, { readonly: true, fileMustExist: true });
    cipherKey(db, password);
    // The first read checks the key: a wrong one (or bytes that never were a database) fails its HMAC.
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as unknown[]).map(String));
    const missing = REQUIRED.filter((t) => !tables.has(t));
    if (missing.length > 0)
      throw new NotADesktopDatabaseError({
        file,
        reason: `it opens, but has no ${missing.map((t) => `"${t}"`).join(', ')} table${missing.length > 1 ? 's' : ''}`,
      });
    return exportOf(file, db, tables);
  } catch (err) {
    throw dbError(file, err);
  } finally {
    db?.close();
  }
}

/**
 * The wallet's export, row by row. `Export.tsx` takes its lists from the Redux store, which holds what
 * the DAOs (`app/database/*Dao.ts`, most through `app/preload/database/*.ts`) return, strips two joined
 * fields, and JSON.stringifies the lot (paths in concordium-desktop-wallet). Each mapping below names the file it follows. Rows come in the order of the table (the
 * wallet shows accounts newest first, `AccountSlice.loadAccounts`; the order carries no meaning).
 */
function exportOf(file: string, db: Database.Database, tables: Set<string>): ConcordiumExport {
  const rows = (table: string, sql: string): JsonObject[] => {
    const count = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    if (count > DESKTOP_DB_MAX_ROWS)
      throw new DesktopDatabaseDamagedError({ file, reason: `its "${table}" table has ${count} rows, more than a wallet holds` });
    return (db.prepare(sql).all() as JsonObject[]).map((row) => checkValues(file, table, row));
  };
  // `app/database/IdentityDao.ts` getAllIdentities: `selectAll('identities')`, the rows as they are
  // (identityProvider and identityObject stay JSON text).
  const identities = rows(T.identities, `SELECT * FROM "${T.identities}" ORDER BY rowid`);
  // `app/preload/database/accountDao.ts` getAllAccounts: accounts joined to their identity (an account without one is left out),
  // `parseAccounts` turns allDecrypted and isInitial into booleans and parses transactionFilter;
  // Export.tsx then drops the joined identityName and identityNumber, so only `accounts.*` is kept.
  const accounts = rows(T.accounts, `SELECT a.* FROM "${T.accounts}" a JOIN "${T.identities}" i ON a.identityId = i.id ORDER BY a.rowid`).map((a) => {
    const out: JsonObject = { ...a };
    for (const flag of ['allDecrypted', 'isInitial'] as const) if (flag in a) out[flag] = Boolean(a[flag]);
    // Added in `20210909102800_add_preferences_alter_account_filter.ts`; older databases have rewardFilter, kept as text.
    if ('transactionFilter' in a) out['transactionFilter'] = parseFilter(file, a['transactionFilter']);
    if (typeof a['address'] !== 'string') throw new DesktopDatabaseDamagedError({ file, reason: 'an account has no address' });
    return out;
  });
  // `app/preload/database/addressBookDao.ts` getAddressBook: ordered by name (COLLATE NOCASE), `sanitizeAddressBookEntry` makes readOnly a boolean.
  const addressBook = rows(T.addressBook, `SELECT * FROM "${T.addressBook}" ORDER BY name COLLATE NOCASE ASC, rowid`).map((e) => {
    if (typeof e['address'] !== 'string') throw new DesktopDatabaseDamagedError({ file, reason: 'an address-book entry has no address' });
    return { ...e, readOnly: Boolean(e['readOnly']) };
  });
  // `app/preload/database/credentialDao.ts` getCredentials: credentials joined to their identity; Export.tsx drops the joined
  // identityNumber, so only `credentials.*` is kept (policy stays JSON text).
  const credentials = rows(T.credentials, `SELECT c.* FROM "${T.credentials}" c JOIN "${T.identities}" i ON c.identityId = i.id ORDER BY c.rowid`);
  // `app/preload/database/externalCredentialDao.ts` getAllExternalCredentials: the rows as they are.
  const externalCredentials = tables.has(T.externalCredentials) ? rows(T.externalCredentials, `SELECT * FROM "${T.externalCredentials}" ORDER BY rowid`) : [];
  // `app/database/WalletDao.ts` getAllWallets: `selectAll('wallet')`.
  const wallets = rows(T.wallet, `SELECT * FROM "${T.wallet}" ORDER BY rowid`);
  // `app/database/GenesisDao.ts` getGenesis: `selectFirst('genesis')`, the first row or nothing (then JSON.stringify leaves it out).
  const genesis = tables.has(T.genesis) ? rows(T.genesis, `SELECT * FROM "${T.genesis}" ORDER BY rowid LIMIT 1`)[0] : undefined;
  return { identities, accounts, addressBook, credentials, externalCredentials, wallets, genesis, rest: {} };
}

/** The wallet keeps only text, numbers and NULL; anything else (a BLOB) is not what it wrote. */
function checkValues(file: string, table: string, row: JsonObject): JsonObject {
  for (const [column, value] of Object.entries(row)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      throw new DesktopDatabaseDamagedError({ file, reason: `its "${table}" table holds binary data in "${column}", where the wallet keeps text or numbers` });
  }
  return row;
}

function parseFilter(file: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return jsonParse(value);
  } catch (err) {
    throw new DesktopDatabaseDamagedError({ file, reason: "an account's transaction filter is not JSON" }, err);
  }
}

/**
 * SQLite's failures as sentences. "Not a database" (SQLITE_NOTADB) is what a wrong key reads as:
 * SQLCipher checks each page's HMAC, and bytes of no database fail it the same way.
 */
function dbError(file: string, err: unknown): BaseError {
  if (err instanceof BaseError) return err;
  const code = String((err as { code?: unknown })?.code ?? '');
  if (code === 'SQLITE_NOTADB') return new DesktopDatabasePasswordError({ file });
  // A hot `-journal` (or a log to recover): the copy caught the wallet in the middle of a write. It is
  // not rolled back here: the driver's SQLCipher does not undo Zetetic's journal correctly (seen in
  // testing: the rolled-back copy lacked rows the wallet's own SQLCipher restores), and the wallet
  // does it right on its next start.
  if (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY') return new DesktopDatabaseBusyError({ file }, err);
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))
    return new DesktopDatabaseDamagedError({ file, reason: 'it opens with the password, but part of the wallet data in it is missing or malformed' }, err);
  return new DesktopDatabaseDamagedError({ file, reason: 'it opens with the password, but its wallet data could not be read' }, err);
}
