import type { Database } from 'better-sqlite3-multiple-ciphers';
import { concordiumListing, type ConcordiumItemCollection } from '../../formats/concordium/sealed.js';
import { isObject, jsonParse } from '../../formats/json.js';

/**
 * Concordium data sealed (issue 14): a seal is a password the user holds (the password of the file
 * the data came from) with its KDF; each item keeps only its public listing readable (name, address,
 * status, provider, links) and its object sealed. Items imported before this version keep their
 * object readable in `original` until `keepsake concordium seal` seals them — no password is known
 * here. An identity's key (its identity object, attributes included) becomes a SHA-256 of it, and the
 * export's unknown fields (`concordium.rest`) an item of their own, so they are sealed the same way.
 */
export default function up(db: Database): void {
  db.exec(`
    CREATE TABLE concordium_seals (
      id         INTEGER PRIMARY KEY,
      kdf        TEXT    NOT NULL,
      salt       TEXT    NOT NULL UNIQUE,
      source     TEXT    NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE concordium_items_sealed (
      id         INTEGER PRIMARY KEY,
      collection TEXT    NOT NULL CHECK (collection IN ('identities', 'accounts', 'credentials', 'externalCredentials', 'wallets', 'rest')),
      item_key   TEXT    NOT NULL,
      name       TEXT,
      status     TEXT,
      provider   TEXT,
      link       TEXT,
      number     TEXT,
      seal_id    INTEGER REFERENCES concordium_seals (id),
      sealed     BLOB,
      original   TEXT,
      CHECK ((seal_id IS NULL) = (sealed IS NULL)),
      CHECK ((sealed IS NULL) <> (original IS NULL)),
      UNIQUE (collection, item_key)
    ) STRICT;
  `);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO concordium_items_sealed (id, collection, item_key, name, status, provider, link, number, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const rows = db.prepare('SELECT id, collection, name, original FROM concordium_items ORDER BY id').all() as {
    id: number;
    collection: ConcordiumItemCollection;
    name: string | null;
    original: string;
  }[];
  for (const r of rows) {
    const o = jsonParse(r.original);
    const l = concordiumListing(r.collection, isObject(o) ? o : {});
    // The name in the row wins (a conflict rename wrote it to both).
    insert.run(r.id, r.collection, l.key, r.name, l.status, l.provider, l.link, l.number, r.original);
  }
  const rest = db.prepare("SELECT value FROM settings WHERE key = 'concordium.rest'").get() as { value: string } | undefined;
  if (rest !== undefined) {
    db.prepare("INSERT OR IGNORE INTO concordium_items_sealed (collection, item_key, original) VALUES ('rest', 'rest', ?)").run(rest.value);
    db.prepare("DELETE FROM settings WHERE key = 'concordium.rest'").run();
  }
  db.exec('DROP TABLE concordium_items; ALTER TABLE concordium_items_sealed RENAME TO concordium_items;');
}
