import type { Database } from 'better-sqlite3-multiple-ciphers';
import { VaultTooNewError, VaultUnavailableError } from '../errors/vault.js';
import init from './migrations/0010-init.js';
import identities from './migrations/0020-identities.js';
import addresses from './migrations/0030-addresses.js';
import watchOnly from './migrations/0040-watch-only.js';
import address from './migrations/0050-address.js';
import concordiumSealed from './migrations/0060-concordium-sealed.js';
import backupRecords from './migrations/0070-backup-records.js';

export type Migration = { version: number; up: (db: Database) => void };

/** Numbered migrations, applied in order; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, up: init },
  { version: 20, up: identities },
  { version: 30, up: addresses },
  { version: 40, up: watchOnly },
  { version: 50, up: address },
  { version: 60, up: concordiumSealed },
  { version: 70, up: backupRecords },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Refuses a migration list whose versions do not strictly increase (as Signal-Desktop's
 * `updateSchema` asserts): a step added out of order, or two with one number, would be skipped on
 * vaults already past it, or run twice. A programming error, caught before any vault is touched.
 */
export function migrationsCheck(migrations: readonly Migration[]): void {
  if (migrations.length === 0) throw new Error('keepsake has no vault migrations (this is a bug)');
  for (let i = 1; i < migrations.length; i++) {
    const [before, after] = [migrations[i - 1]!.version, migrations[i]!.version];
    if (after <= before) throw new Error(`vault migration ${after} comes after ${before}: versions must strictly increase (this is a bug)`);
  }
}

/**
 * Brings a vault up to the last of `migrations` ({@link SCHEMA_VERSION}) in one transaction, or
 * refuses a vault written by a newer keepsake (its data would be misread).
 */
export function vaultMigrate(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  migrationsCheck(migrations);
  const latest = migrations[migrations.length - 1]!.version;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > latest) throw new VaultTooNewError({ file, version: version(), supported: latest });
  if (version() === latest) return;
  db.transaction(() => {
    // Read again under the write lock: another keepsake may have migrated the vault meanwhile (first use).
    const current = version();
    if (current > latest) throw new VaultTooNewError({ file, version: current, supported: latest });
    const pending = migrations.filter((m) => m.version > current);
    if (pending.length === 0) return;
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

/** Refuses a database that is not a keepsake vault: schema version 0 with tables of its own. */
export function vaultCheckOwn(db: Database, file: string): void {
  if ((db.pragma('user_version', { simple: true }) as number) !== 0) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  if (tables.n > 0) throw new VaultUnavailableError({ file, reason: 'it is the database of another program, not a keepsake vault' });
}
