import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The address book, and what keepsake keeps of Concordium Desktop Wallet exports so it can write
 * them back without loss: every original object as JSON (`original`), plus the file's genesis.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE addresses (
      id         INTEGER PRIMARY KEY,
      address    TEXT    NOT NULL UNIQUE,
      kind       TEXT    NOT NULL CHECK (kind IN ('ss58', 'ethereum', 'concordium')),
      name       TEXT    NOT NULL,
      note       TEXT,
      network    TEXT,
      original   TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE concordium_items (
      id         INTEGER PRIMARY KEY,
      collection TEXT    NOT NULL CHECK (collection IN ('identities', 'accounts', 'credentials', 'externalCredentials', 'wallets')),
      item_key   TEXT    NOT NULL,
      name       TEXT,
      original   TEXT    NOT NULL,
      UNIQUE (collection, item_key)
    ) STRICT;
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
