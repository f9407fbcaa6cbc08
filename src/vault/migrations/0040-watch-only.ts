import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The entry a watch-only account came from (an Apps multisig with its threshold and signatories, a
 * QR account's flags…), kept as JSON so exporting it to Apps again loses nothing. Holds no secret.
 */
export default function up(db: Database): void {
  db.exec('ALTER TABLE accounts ADD COLUMN watch_json TEXT');
}
