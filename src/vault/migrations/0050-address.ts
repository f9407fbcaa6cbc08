import type { Database } from 'better-sqlite3-multiple-ciphers';
import { accountAddress } from '../../keys/account.js';
import type { KeyType } from '../../keys/types.js';

/**
 * Each account's address in its own network format, stored beside its key so listing ten thousand
 * accounts reads it instead of re-encoding every one (public, derived from columns already there).
 */
export default function up(db: Database): void {
  db.exec('ALTER TABLE accounts ADD COLUMN address TEXT');
  const rows = db.prepare('SELECT id, account_id, type, ss58_prefix FROM accounts').all() as {
    id: number;
    account_id: Buffer;
    type: KeyType;
    ss58_prefix: number;
  }[];
  const set = db.prepare('UPDATE accounts SET address = ? WHERE id = ?');
  for (const r of rows) set.run(accountAddress(r.type, r.account_id, r.ss58_prefix), r.id);
}
