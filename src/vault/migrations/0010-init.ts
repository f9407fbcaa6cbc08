import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Accounts. `file_json` is the Polkadot{.js} file exactly as restored or written — still locked
 * with the account's own password; nothing secret is ever stored in clear.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE accounts (
      id            INTEGER PRIMARY KEY,
      public_key    BLOB    NOT NULL UNIQUE,
      account_id    BLOB    NOT NULL,
      type          TEXT    NOT NULL CHECK (type IN ('sr25519', 'ed25519', 'ecdsa', 'ethereum')),
      name          TEXT    NOT NULL,
      network       TEXT,
      ss58_prefix   INTEGER NOT NULL DEFAULT 42,
      genesis_hash  TEXT,
      file_json     TEXT,
      verified      INTEGER NOT NULL DEFAULT 1,
      source        TEXT    NOT NULL,
      created_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX accounts_account_id ON accounts (account_id);
  `);
}
