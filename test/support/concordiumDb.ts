/**
 * The Concordium Desktop Wallet's own database, written as the wallet writes it — Zetetic's SQLCipher
 * through `@journeyapps/sqlcipher` (the wallet's driver, concordium-desktop-wallet
 * `app/database/knexClient.ts`), keyed with `PRAGMA KEY = '<password>'`
 * (`app/database/productionKnexFile.ts`) — and never with keepsake's code, so a test of the reader
 * cannot pass because keepsake agrees with itself.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { desktopExportData, type DesktopExport } from './concordium.js';

/**
 * The tables the reader uses, as the wallet's knex migrations leave them (concordium-desktop-wallet
 * `app/database/migrations/`, in the SQL knex's SQLite dialect emits): wallet
 * `20210426140801_create_wallet_table.ts`; identities `20201210111425_create_identities_table.ts` +
 * `20211109124703_add_identity_versions.ts`; accounts as rebuilt by `20210618092200_account_table_update.ts`,
 * then `20210909102800_add_preferences_alter_account_filter.ts` (rewardFilter → transactionFilter) and
 * `20211108144203_create_decrypted_amounts_table.ts` (maxTransactionId dropped); addressBook
 * `20201221133955_create_addressbook_table.ts`; credentials `20210304140424_create_credentials_table.ts` +
 * `20210719144100_add_credential_randomness.ts`; external_credentials
 * `20210618111900_create_external_credentials_table.ts`; genesis `20210521130101_create_genesis_table.ts`.
 */
export const DESKTOP_DB_SCHEMA = [
  'CREATE TABLE `wallet` (`id` integer not null primary key autoincrement, `identifier` varchar(255) not null, `type` varchar(255) not null)',
  'CREATE UNIQUE INDEX `wallet_identifier_unique` on `wallet` (`identifier`)',
  'CREATE TABLE `identities` (`id` integer not null primary key autoincrement, `identityNumber` integer, `name` varchar(255), `status` varchar(255), ' +
    '`detail` varchar(255), `codeUri` varchar(255), `identityProvider` varchar(255), `identityObject` varchar(255), `randomness` varchar(255), ' +
    "`walletId` integer not null, `version` integer not null default '0', foreign key(`walletId`) references `wallet`(`id`))",
  'CREATE TABLE `accounts` (`identityId` integer not null, `name` varchar(255) not null, `status` varchar(255) not null, ' +
    "`selfAmounts` varchar(255) not null default '', `incomingAmounts` varchar(255) not null default '[]', " +
    "`signatureThreshold` integer not null default '1', `totalDecrypted` varchar(255) not null default '0', " +
    "`allDecrypted` boolean not null default '1', `deploymentTransactionId` varchar(255), `isInitial` boolean not null default '0', " +
    "`address` varchar(255), `transactionFilter` varchar(255) default '{}', " +
    'foreign key(`identityId`) references `identities`(`id`), primary key (`address`))',
  "CREATE TABLE `addressBook` (`name` varchar(255), `address` varchar(50), `note` varchar(255), `readOnly` boolean default '0')",
  'CREATE UNIQUE INDEX `addressbook_address_unique` on `addressBook` (`address`)',
  'CREATE TABLE `credentials` (`identityId` integer not null, `accountAddress` varchar(255), `credId` varchar(255), `credentialNumber` integer, ' +
    '`credentialIndex` integer, `policy` json, `randomness` varchar(255), foreign key(`identityId`) references `identities`(`id`), primary key (`credId`))',
  'CREATE UNIQUE INDEX `credentials_credentialindex_accountaddress_unique` on `credentials` (`credentialIndex`, `accountAddress`)',
  'CREATE UNIQUE INDEX `credentials_credentialnumber_identityid_unique` on `credentials` (`credentialNumber`, `identityId`)',
  "CREATE TABLE `external_credentials` (`accountAddress` varchar(255), `credId` varchar(255), `note` varchar(255) default '', " +
    'foreign key(`accountAddress`) references `accounts`(`address`) on update CASCADE on delete CASCADE, primary key (`credId`))',
  'CREATE TABLE `genesis` (`id` integer not null primary key autoincrement, `genesisBlock` varchar(255) not null)',
  'CREATE UNIQUE INDEX `genesis_genesisblock_unique` on `genesis` (`genesisBlock`)',
  // Tables the reader does not use, so that the database is not only what the reader reads.
  'CREATE TABLE `setting` (`id` integer not null primary key autoincrement, `name` varchar(255), `type` varchar(255), `value` varchar(255), `group` integer)',
  'CREATE TABLE `decrypted_amounts` (`transactionHash` varchar(255), `amount` varchar(255) not null, primary key (`transactionHash`))',
];

/**
 * The same tables as a wallet of May 2021 left them, before `20210521130101_create_genesis_table.ts`:
 * no genesis or external_credentials table, accounts as `20201221115213_create_accounts_table.ts` +
 * `2021052114000_add_reward_filter.ts` made them (maxTransactionId a number, rewardFilter text),
 * identities without `version`, credentials without `randomness`. A database the wallet has not
 * opened since looks like this (it migrates on login).
 */
export const DESKTOP_DB_SCHEMA_2021_05 = [
  DESKTOP_DB_SCHEMA[0]!,
  DESKTOP_DB_SCHEMA[1]!,
  DESKTOP_DB_SCHEMA[2]!.replace(", `version` integer not null default '0'", ''),
  'CREATE TABLE `accounts` (`identityId` integer not null, `name` varchar(255), `status` varchar(255), `address` varchar(255), ' +
    "`signatureThreshold` integer, `incomingAmounts` varchar(255) default '[]', `selfAmounts` varchar(255) default '', " +
    "`totalDecrypted` varchar(255) default '', `allDecrypted` boolean default '1', `maxTransactionId` integer default '0', " +
    "`deploymentTransactionId` varchar(255), `isInitial` boolean default '0', `rewardFilter` varchar(255) default '[]', " +
    'foreign key(`identityId`) references `identities`(`id`))',
  DESKTOP_DB_SCHEMA[4]!,
  DESKTOP_DB_SCHEMA[5]!,
  DESKTOP_DB_SCHEMA[6]!.replace(', `randomness` varchar(255)', ''),
  DESKTOP_DB_SCHEMA[7]!,
  DESKTOP_DB_SCHEMA[8]!,
];

/** Which table holds each list of the export. */
const TABLES = [
  ['wallets', 'wallet'],
  ['identities', 'identities'],
  ['accounts', 'accounts'],
  ['credentials', 'credentials'],
  ['externalCredentials', 'external_credentials'],
  ['addressBook', 'addressBook'],
] as const;

/**
 * {@link desktopExportData} as a current desktop wallet exports it: accounts carry `transactionFilter`
 * (parsed, as `accountDao.parseAccounts` returns it) where older exports had `rewardFilter` and
 * `maxTransactionId`; credentials carry `randomness` and no `walletId`/`external` (not columns of its
 * table); an address-book entry without a note holds `note: null` (a NULL column through JSON.stringify).
 */
export function desktopDbData(options: Parameters<typeof desktopExportData>[0] = {}): DesktopExport {
  const data = desktopExportData(options);
  return {
    ...data,
    accounts: data.accounts.map(({ rewardFilter: _r, maxTransactionId: _m, ...a }, i) => ({
      ...a,
      transactionFilter: i === 0 ? { fromDate: '2024-01-01T00:00:00.000Z', blockRewards: false } : {},
    })),
    credentials: data.credentials.map(({ walletId: _w, external: _e, ...c }) => ({ ...c, randomness: randomBytes(32).toString('hex') })),
    addressBook: data.addressBook.map((e) => ({ ...e, note: e['note'] ?? null })),
  };
}

type Db = {
  serialize: (f: () => void) => void;
  run: (sql: string, params: unknown[], cb: (err: Error | null) => void) => void;
  all: (sql: string, cb: (err: Error | null, rows: { name: string }[]) => void) => void;
  close: (cb: (err: Error | null) => void) => void;
};
type Sqlcipher = { Database: new (file: string) => Db };

/** What {@link concordiumDesktopDbWrite} leaves beside the database. */
export type DesktopDbWriteOptions = {
  /**
   * Leave a `-wal` (and `-shm`) beside the file, as a running or crashed wallet does: the database
   * is in WAL mode and the address book and genesis are only in the log, not yet in the file.
   */
  wal?: boolean;
  /**
   * Leave a hot `-journal` beside the file, as a wallet that crashed (or was copied) in the middle of
   * a write does: a transaction that replaced the address book had spilled pages into the file.
   */
  interrupted?: boolean;
  /** The tables to make: the wallet's current ones (the default) or another layout's. */
  schema?: readonly string[];
};

/**
 * Writes `data` (export objects, as {@link desktopDbData} makes them) into a new desktop-wallet
 * database at `file`, encrypted under `password`. Booleans are stored as 0/1 and objects as JSON
 * text, as knex does; a key that is not a column of its table throws, so nothing is dropped unseen.
 */
export async function concordiumDesktopDbWrite(file: string, password: string, data: DesktopExport, options: DesktopDbWriteOptions = {}): Promise<void> {
  const { Database } = createRequire(import.meta.url)('@journeyapps/sqlcipher') as Sqlcipher;
  const dir = options.wal || options.interrupted ? mkdtempSync(join(tmpdir(), 'ccdb-fixture-')) : undefined;
  const target = dir === undefined ? file : join(dir, 'wallet.sqlite3');
  const db = new Database(target);
  const run = (sql: string, params: unknown[] = []) => new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  const columns = (table: string) =>
    new Promise<string[]>((resolve, reject) =>
      db.all(`PRAGMA table_info(\`${table}\`)`, (err, rows) => (err ? reject(err) : resolve(rows.map((r) => r.name)))),
    );
  const insert = async (table: string, row: Record<string, unknown>) => {
    const known = await columns(table);
    const entries = Object.entries(row).filter(([, v]) => v !== undefined);
    for (const [k] of entries) if (!known.includes(k)) throw new Error(`concordiumDesktopDbWrite: "${k}" is not a column of ${table}`);
    const values = entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v));
    await run(`INSERT INTO \`${table}\` (${entries.map(([k]) => `\`${k}\``).join(', ')}) VALUES (${entries.map(() => '?').join(', ')})`, values);
  };
  try {
    // The wallet's pool runs exactly this on each new connection (productionKnexFile.ts), quoting as it does.
    await run(`PRAGMA KEY = '${password}'`);
    if (options.wal) {
      await run('PRAGMA journal_mode = WAL');
      await run('PRAGMA wal_autocheckpoint = 0');
    }
    for (const sql of options.schema ?? DESKTOP_DB_SCHEMA) await run(sql);
    for (const [list, table] of TABLES) {
      if (data[list].length === 0) continue; // (a layout without the table)
      if (options.wal && list === 'addressBook') await run('PRAGMA wal_checkpoint(TRUNCATE)');
      for (const row of data[list]) await insert(table, row);
    }
    if (data.genesis !== undefined) await insert('genesis', data.genesis);
    if (options.interrupted) {
      // A tiny page cache makes SQLite write changed pages into the file before the commit, after
      // saving the originals in the journal: the file is then only whole with the journal played back.
      await run('PRAGMA cache_size = 2');
      await run('BEGIN');
      await run('DELETE FROM `addressBook`');
      for (let i = 0; i < 300; i++) await run('INSERT INTO `addressBook` (`name`, `address`) VALUES (?, ?)', [`half-written ${i}`, `${i}`.padStart(50, 'x')]);
      if (!existsSync(`${target}-journal`)) throw new Error('concordiumDesktopDbWrite: no journal was left to copy');
    }
    if (dir !== undefined) {
      // Copied while the connection is open: the file, and the log or journal that holds the last writes.
      for (const side of ['', '-wal', '-shm', '-journal']) if (existsSync(target + side)) copyFileSync(target + side, file + side);
    }
    if (options.interrupted) await run('ROLLBACK');
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}
