import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A locked vault is a standard SQLCipher 4 database (as the Concordium Desktop Wallet's is): any
 * SQLCipher 4 opens it with the vault password. Each parameter is named here rather than left to a
 * driver default, so an upgrade of the driver cannot change the file format unnoticed:
 * the key is PBKDF2-HMAC-SHA512 of the password (256,000 iterations, a random 16-byte salt at the
 * start of the file), each 4 KiB page is AES-256-CBC with an HMAC-SHA512 tag.
 */
export const SQLCIPHER_4 = {
  cipher: 'sqlcipher',
  legacy: 4,
  kdf_iter: 256_000,
  fast_kdf_iter: 2,
  hmac_use: 1,
  hmac_pgno: 1,
  hmac_salt_mask: 0x3a,
  legacy_page_size: 4096,
  kdf_algorithm: 2, // PBKDF2-HMAC-SHA512
  hmac_algorithm: 2, // HMAC-SHA512
  plaintext_header_size: 0,
} as const;

/** The first 16 bytes of every SQLite database that is not encrypted. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether the vault file is encrypted, read without opening the database so that a command knows to
 * ask for the vault password before it tries. An encrypted database is whole pages of what looks
 * like random bytes: a file of whole 4 KiB pages that does not start as a plain SQLite database. An
 * empty or missing file is a vault not yet written; any other file (a shopping list given as
 * --vault) is not encrypted, and opening it says it is not a vault.
 */
export function vaultEncrypted(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0 || size % SQLCIPHER_4.legacy_page_size !== 0) return false;
    const head = Buffer.alloc(PLAIN_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return !head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Sets the SQLCipher 4 parameters and the key on a connection before its first read (or, with an
 * empty `password`, leaves it plain). The password's UTF-8 bytes are the SQLCipher passphrase,
 * exactly as `PRAGMA key = '…'` takes it, so another SQLCipher opens the file with the password as typed.
 */
export function cipherKey(db: Database.Database, password: string): void {
  cipherConfigure(db);
  if (password !== '') db.key(Buffer.from(password, 'utf8'));
}

/** Re-encrypts an open (not WAL) database under `password`, or decrypts it for an empty one. */
export function cipherRekey(db: Database.Database, password: string): void {
  cipherConfigure(db);
  db.rekey(Buffer.from(password, 'utf8'));
}

function cipherConfigure(db: Database.Database): void {
  for (const [name, value] of Object.entries(SQLCIPHER_4)) db.pragma(`${name} = ${typeof value === 'string' ? `'${value}'` : value}`);
}
