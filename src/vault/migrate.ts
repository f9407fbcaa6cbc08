import type { Database } from 'better-sqlite3';
import { VaultTooNewError, VaultUnavailableError } from '../errors/vault.js';
import init from './migrations/0010-init.js';
import identities from './migrations/0020-identities.js';
import addresses from './migrations/0030-addresses.js';
import watchOnly from './migrations/0040-watch-only.js';
import address from './migrations/0050-address.js';

/** Numbered migrations, applied in order; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly { version: number; up: (db: Database) => void }[] = [
  { version: 10, up: init },
  { version: 20, up: identities },
  { version: 30, up: addresses },
  { version: 40, up: watchOnly },
  { version: 50, up: address },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings a vault up to {@link SCHEMA_VERSION} in one transaction, or refuses a vault written by a
 * newer keepsake (its data would be misread).
 */
export function vaultMigrate(db: Database, file: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) throw new VaultTooNewError({ file, version: version(), supported: SCHEMA_VERSION });
  if (version() === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again under the write lock: another keepsake may have migrated the vault meanwhile (first use).
    const current = version();
    if (current > SCHEMA_VERSION) throw new VaultTooNewError({ file, version: current, supported: SCHEMA_VERSION });
    const pending = MIGRATIONS.filter((m) => m.version > current);
    if (pending.length === 0) return;
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Refuses a database that is not a keepsake vault: schema version 0 with tables of its own. */
export function vaultCheckOwn(db: Database, file: string): void {
  if ((db.pragma('user_version', { simple: true }) as number) !== 0) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  if (tables.n > 0) throw new VaultUnavailableError({ file, reason: 'it is the database of another program, not a keepsake vault' });
}
