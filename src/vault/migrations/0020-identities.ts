import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Identities (Signer model): a name and its phrase, sealed under the PIN (`sealed` is JSON of
 * formats/identity-seal.ts; the phrase is never stored in clear). Wrong PINs are counted so
 * repeated tries slow down. Accounts derived from an identity point to it and keep their path;
 * a `///password` on the path is sealed too.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE identities (
      id              INTEGER PRIMARY KEY,
      name            TEXT    NOT NULL UNIQUE,
      sealed          TEXT    NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until    INTEGER NOT NULL DEFAULT 0,
      created_at      INTEGER NOT NULL,
      updated_at      INTEGER NOT NULL
    ) STRICT;
    ALTER TABLE accounts ADD COLUMN identity_id INTEGER REFERENCES identities (id) ON DELETE RESTRICT;
    ALTER TABLE accounts ADD COLUMN path TEXT;
    ALTER TABLE accounts ADD COLUMN sealed_password TEXT;
    CREATE INDEX accounts_identity ON accounts (identity_id);
  `);
}
