import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Backup health (issue 16): a row per backup file keepsake wrote or verified, and what each covers.
 * No secret and no file content: the file's SHA-256, where it is (`path`, null for a browser download,
 * which has only its file `name`), its size and format, when it was written and last verified. A
 * covered item is an account (by public key, hex) or an identity (by the SHA-256 of its sealed-secret
 * fingerprint, so the sealed phrase of a removed identity does not stay behind in this table); its own
 * `verified_at` says when a verify last checked that item in that file.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE backup_records (
      id          INTEGER PRIMARY KEY,
      sha256      TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
      path        TEXT,
      name        TEXT    NOT NULL,
      size        INTEGER NOT NULL,
      format      TEXT    NOT NULL,
      created_at  INTEGER NOT NULL,
      verified_at INTEGER
    ) STRICT;
    CREATE TABLE backup_covers (
      backup_id   INTEGER NOT NULL REFERENCES backup_records (id) ON DELETE CASCADE,
      kind        TEXT    NOT NULL CHECK (kind IN ('account', 'identity')),
      item        TEXT    NOT NULL,
      verified_at INTEGER,
      PRIMARY KEY (backup_id, kind, item)
    ) STRICT;
    CREATE INDEX backup_covers_item ON backup_covers (kind, item);
  `);
}
