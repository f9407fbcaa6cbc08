import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { BaseError } from '../errors/base.js';
import { VaultInUseError, VaultLockStateError } from '../errors/vault.js';
import { cipherKey, cipherRekey, vaultEncrypted } from './cipher.js';
import { driver, vaultError } from './open.js';

/** What {@link vaultRekey} changes: the vault password now (`''` for none) and the one it gets (`''` for none). */
export type Rekey = { from: string; to: string };

/** A copy being written beside the vault: `<vault>.rekey-<random>.tmp`. */
const TMP = /\.rekey-[0-9a-f]{16}\.tmp(-journal)?$/;

/**
 * Sets, changes or removes the vault password of the vault at `file`: the whole file is written
 * anew, encrypted under `to` (SQLCipher 4, see cipher.ts) or plain for `to = ''`.
 *
 * It never leaves neither: the new file is written beside the vault, opened again with the new
 * password and compared row for row with the vault, and only then renamed over it (an atomic swap);
 * a process killed at any moment leaves the old vault or the new one, and the copy it was writing is
 * removed by the next call. The vault is held exclusively from the comparison to the swap, so no
 * write lands in the old file meanwhile; an open that waited on it finds the new file (vaultOpen
 * checks the file it opened is still the vault). Another keepsake that has the vault open already
 * makes this refuse ({@link VaultInUseError}), changing nothing.
 */
export function vaultRekey(file: string, { from, to }: Rekey, options: { busyTimeoutMs?: number } = {}): void {
  const locked = vaultEncrypted(file);
  if (locked !== (from !== '')) throw new VaultLockStateError({ file, locked });
  staleCopiesRemove(file);
  const tmp = `${file}.rekey-${randomBytes(8).toString('hex')}.tmp`;
  const db = new (driver())(file, { timeout: options.busyTimeoutMs ?? 10_000, fileMustExist: true });
  try {
    if (locked) cipherKey(db, from);
    // The first read: a wrong `from` fails here (see vaultError), before anything changes.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Rollback journal for the duration: leaving WAL needs every other connection closed (so this
    // refuses while another keepsake has the vault open), and in it the exclusive lock below keeps
    // readers out too, until the swap is done.
    if (String(db.pragma('journal_mode = DELETE', { simple: true })) !== 'delete') throw new VaultInUseError({ file });
    // The copy is the owner's alone from its first byte, as the vault is (VACUUM INTO fills an empty file).
    closeSync(openSync(tmp, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(tmp);
    copyRekey(tmp, from, to);
    const copy = withConnection(tmp, to, contentsOf);
    db.exec('BEGIN EXCLUSIVE');
    try {
      if (contentsOf(db) !== copy) throw new VaultInUseError({ file });
      fileSync(tmp);
      renameSync(tmp, file);
      fileSync(dirname(file));
    } finally {
      db.exec('ROLLBACK');
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof BaseError) throw err;
    const code = String((err as { code?: unknown })?.code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new VaultInUseError({ file }, err);
    throw vaultError(file, err, { encrypted: locked });
  } finally {
    db.close();
  }
}

/** Encrypts (decrypts, re-keys) the fresh copy in place: it is this process's alone, in rollback-journal mode. */
function copyRekey(tmp: string, from: string, to: string): void {
  withConnection(tmp, from, (copy) => {
    copy.pragma('synchronous = FULL');
    cipherRekey(copy, to);
    // The vault's own journal mode, so the first open after the swap needs no exclusive access to set it.
    copy.pragma('journal_mode = WAL');
  });
}

/** Runs `fn` on a connection of its own to the copy, opened with `password` ('' = plain), and closes it. */
function withConnection<T>(file: string, password: string, fn: (db: Database.Database) => T): T {
  const db = new (driver())(file, { fileMustExist: true });
  try {
    cipherKey(db, password);
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * Everything a vault holds, as one string: the schema version, the schema, and every row of every
 * table in rowid order. Two vaults with the same string hold the same data.
 */
function contentsOf(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const parts: unknown[] = [db.pragma('user_version', { simple: true }), db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all()];
  for (const { name } of tables) {
    const rows = db
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY rowid`)
      .raw()
      .all() as unknown[][];
    parts.push(
      name,
      rows.map((row) => row.map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))),
    );
  }
  return JSON.stringify(parts, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Removes copies left by a `vaultRekey` that was killed before its swap. */
function staleCopiesRemove(file: string): void {
  const prefix = basename(file);
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && TMP.test(name)) rmSync(join(dirname(file), name), { force: true });
}

/** fsync of a file or folder: the copy's bytes, then the rename, reach the disk before the call returns. */
function fileSync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
