import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { BaseError } from '../errors/base.js';
import { VaultBusyError, VaultNotFoundError, VaultPasswordNeededError, VaultUnavailableError, WrongVaultPasswordError } from '../errors/vault.js';
import { cipherKey, vaultEncrypted } from './cipher.js';
import { vaultCheckOwn, vaultMigrate } from './migrate.js';

/**
 * The native SQLite driver, required on the first open rather than imported: every use case imports
 * this module (vaultWrite), and the library entry and commands that never open a vault must not load it.
 */
export const driver = (): typeof Database => createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof Database;

/**
 * An open vault: the SQLite handle (used only inside `src/vault/`), where it lives, and whether it
 * is encrypted under a vault password (which the handle holds as its key while it is open).
 */
export type Vault = { db: Database.Database; file: string; encrypted: boolean };

/** How {@link vaultOpen} opens a vault. */
export type VaultOpenOptions = {
  busyTimeoutMs?: number;
  /** Create the vault if there is none (a command that adds something); otherwise a missing one is an error. */
  create?: boolean;
  /** The vault password, for a locked vault (ignored for a plain one). */
  password?: string | undefined;
};

/** How often an open retries when the vault file was replaced (its password set or changed) while it waited. */
const REPLACED_RETRIES = 3;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per vault connection (bulk imports run the same few thousands of times). */
export function vaultStatement(vault: Vault, sql: string): Database.Statement {
  let cache = statements.get(vault.db);
  if (cache === undefined) statements.set(vault.db, (cache = new Map()));
  let statement = cache.get(sql);
  if (statement === undefined) cache.set(sql, (statement = vault.db.prepare(sql)));
  return statement;
}

/** `--vault`, else `$KEEPSAKE_VAULT`, else `~/.keepsake/vault.sqlite`. */
export function vaultPath(explicit?: string): string {
  return resolve(explicit ?? process.env['KEEPSAKE_VAULT'] ?? join(homedir(), '.keepsake', 'vault.sqlite'));
}

/**
 * Opens (creating on first use, mode 0600 in a 0700 folder) and migrates a vault. WAL lets readers
 * work beside a writer; the busy timeout makes a second writer wait instead of failing at once.
 * With `create: false` (a command that reads or changes what is there) a missing vault is
 * {@link VaultNotFoundError} and nothing — no file, no folder — is created. A locked vault needs
 * its `password` ({@link VaultPasswordNeededError} without one, {@link WrongVaultPasswordError} for a
 * wrong one; either way nothing about the file changes).
 */
export function vaultOpen(file: string, options: VaultOpenOptions = {}): Vault {
  const create = options.create ?? true;
  if (create) {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Create the file ourselves so it is never readable by others, even for a moment.
      closeSync(openSync(file, 'a', 0o600));
    } catch (err) {
      throw new VaultUnavailableError({ file, reason: fsReason(err) }, err);
    }
  } else if (!existsSync(file)) {
    throw new VaultNotFoundError({ file });
  }
  for (let attempt = 0; ; attempt++) {
    const opened = vaultOpenOnce(file, create, options);
    if (opened !== 'replaced') return opened;
    // `vault lock` (or unlock, change-password) swapped the file while this open waited for it: the
    // handle is on the old file, which nobody will read again. Open the new one.
    if (attempt >= REPLACED_RETRIES) throw new VaultBusyError({ file });
  }
}

function vaultOpenOnce(file: string, create: boolean, options: VaultOpenOptions): Vault | 'replaced' {
  const locked = vaultEncrypted(file);
  if (locked && (options.password === undefined || options.password === '')) throw new VaultPasswordNeededError({ file });
  const inode = inodeOf(file);
  let db: Database.Database | undefined;
  try {
    // fileMustExist: a vault removed between the check above and here is not made anew either.
    db = new (driver())(file, { timeout: options.busyTimeoutMs ?? 10_000, fileMustExist: !create });
    if (locked) cipherKey(db, options.password!);
    // The first read: it checks the key (a wrong one reads as "not a database") and waits while a
    // password change holds the file. Another program's database is refused before anything
    // about it changes (journal mode, tables, mode).
    vaultCheckOwn(db, file);
    if (inodeOf(file) !== inode) {
      db.close();
      return 'replaced';
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A deleted row's bytes are overwritten with zeros instead of left in free space (a removed
    // account's locked key file, a removed identity's sealed phrase); see vaultCheckpoint for the WAL.
    db.pragma('secure_delete = ON');
    vaultMigrate(db, file);
    chmodSync(file, 0o600);
    return { db, file, encrypted: locked };
  } catch (err) {
    db?.close();
    throw vaultError(file, err, { encrypted: locked });
  }
}

function inodeOf(file: string): number | undefined {
  try {
    return statSync(file).ino;
  } catch {
    return undefined;
  }
}

export function vaultClose(vault: Vault): void {
  vault.db.close();
}

/**
 * Runs `fn` in one IMMEDIATE transaction: all its changes land together or none do. SQLite errors
 * become keepsake errors (busy, read-only, disk full).
 */
export function vaultWrite<T>(vault: Vault, fn: () => T): T {
  try {
    return vault.db.transaction(fn).immediate();
  } catch (err) {
    throw vaultError(vault.file, err);
  }
}

/**
 * Copies the WAL into the vault file and truncates it to zero bytes, so the earlier versions of pages
 * it still holds (a deleted account's key file, before `secure_delete` zeroed it) leave the disk's
 * live files. Run after a committed delete of secret-bearing rows. Best effort: when another
 * connection is reading, SQLite checkpoints what it can and the WAL is truncated later; the delete
 * itself is already committed, so a failure here is not reported as the delete's. Returns whether
 * the WAL was fully checkpointed.
 */
export function vaultCheckpoint(vault: Vault): boolean {
  try {
    const [row] = vault.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return row !== undefined && row.busy === 0;
  } catch {
    return false;
  }
}

/**
 * Maps a SQLite or file-system failure to a sentence; keepsake's own errors pass through. On an
 * `encrypted` vault "not a database" is what a wrong vault password reads as (SQLCipher's HMAC fails).
 */
export function vaultError(file: string, err: unknown, options: { encrypted?: boolean } = {}): BaseError {
  if (err instanceof BaseError) return err;
  const code = String((err as { code?: unknown })?.code ?? '');
  if (options.encrypted && code === 'SQLITE_NOTADB') return new WrongVaultPasswordError({ file });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new VaultBusyError({ file }, err);
  if (code.startsWith('SQLITE_READONLY')) return new VaultUnavailableError({ file, reason: 'it is read-only' }, err);
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return new VaultUnavailableError({ file, reason: 'the disk is full or failing' }, err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new VaultUnavailableError({ file, reason: 'it is not a keepsake vault, or it is damaged' }, err);
  if (code.startsWith('SQLITE_CANTOPEN')) return new VaultUnavailableError({ file, reason: 'it cannot be opened' }, err);
  return new VaultUnavailableError({ file, reason: fsReason(err) }, err);
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission was denied';
  if (code === 'EROFS') return 'it is on a read-only file system';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR' || code === 'EISDIR') return 'the path is not a file in a folder';
  return 'an unexpected storage error occurred';
}
