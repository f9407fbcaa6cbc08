/**
 * The vault password (issue 14): `vault lock`, `unlock`, `change-password`, `status`, and every
 * command on a locked vault. A locked vault's bytes — the file, its `-wal` and `-shm` — hold no
 * name, address or address-book entry written here; a wrong vault password exits 3 and leaves the
 * file byte for byte as it was; a round trip keeps every row; the file opens in an independent
 * SQLCipher 4 (Zetetic's, through `@journeyapps/sqlcipher`, the driver the Concordium Desktop Wallet
 * uses) with the password as typed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { EXIT, expectRefused, HAS_SCRIPT, okJson, sandbox, type Sandbox, vaultDump } from '../../support/cli.js';
import { labelledPair, oracleFile, oracleReady } from '../../support/oracle.js';
import { testSecrets } from '../../support/secrets.js';

const S = testSecrets('vault', ['account', 'vault', 'next', 'wrong']);
/** What this test writes into the vault, each a text a copy of a plain vault shows. */
const [ACCOUNT_NAME, BOOK_NAME, BOOK_NOTE, BOOK_ADDRESS] = [
  'Quixotic Treasury Zebra',
  'Yonder Landlord Entry',
  'pays the rent on the first',
  '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
] as const;

let accountAddress: string;
let accountFile: object;

beforeAll(async () => {
  await oracleReady();
  const pair = labelledPair('sr25519', 'vault-password', { name: ACCOUNT_NAME });
  accountAddress = pair.address;
  accountFile = oracleFile(pair, S.account);
});

/** A plain vault holding one restored account and one address-book entry; with the password files written. */
async function filled(options: { manual?: boolean } = {}): Promise<Sandbox & { files: { account: string; vault: string; next: string; wrong: string } }> {
  const box = await sandbox(options);
  const files = {
    account: await box.secret('account-pw.txt', S.account),
    vault: await box.secret('vault-pw.txt', S.vault),
    next: await box.secret('next-pw.txt', S.next),
    wrong: await box.secret('wrong-pw.txt', S.wrong),
  };
  const file = await box.write('account.json', accountFile);
  okJson(await box.run(['restore', file, '--password-file', files.account, '--json']));
  okJson(await box.run(['address', 'add', BOOK_ADDRESS, '--name', BOOK_NAME, '--note', BOOK_NOTE, '--json']));
  return Object.assign(box, { files });
}

/** The vault file and its `-wal` and `-shm`, as bytes. */
function vaultBytes(vault: string): Buffer {
  return Buffer.concat([vault, `${vault}-wal`, `${vault}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

function sha256(vault: string): string {
  return createHash('sha256').update(vaultBytes(vault)).digest('hex');
}

/** What a person would find in a copy: each text written in this test, in UTF-8 (and the address as its public key bytes). */
function readable(vault: string): string[] {
  const bytes = vaultBytes(vault);
  return [ACCOUNT_NAME, BOOK_NAME, BOOK_NOTE, BOOK_ADDRESS, accountAddress].filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
}

const VAULT_PW = ['--vault-password-file'];

describe('vault lock: a copy of the file shows nothing', () => {
  it('before: names and addresses are readable; after lock and commands on it: none, in the file, its -wal or its -shm', async () => {
    const box = await filled();
    const before = vaultDump(box.vault);
    // What this test looks for is there to be found in a plain vault.
    expect(readable(box.vault)).toEqual(expect.arrayContaining([ACCOUNT_NAME, BOOK_NAME, BOOK_NOTE]));

    const locked = await box.run(['vault', 'lock', '--password-file', box.files.vault, '--json']);
    expect(okJson(locked)).toEqual({ file: box.vault, locked: true });
    expect(readFileSync(box.vault).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(readable(box.vault)).toEqual([]);

    // Commands on the locked vault write and read while another connection holds it open, so the
    // write-ahead log keeps their pages (the last connection to close removes it): still nothing readable.
    const reader = new Database(box.vault, { fileMustExist: true });
    try {
      reader.pragma(`cipher = 'sqlcipher'`);
      reader.pragma('legacy = 4');
      reader.key(Buffer.from(S.vault, 'utf8'));
      expect(reader.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
      okJson(
        await box.run([...VAULT_PW, box.files.vault, 'address', 'add', '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy', '--name', 'Second Entry', '--json']),
      );
      okJson(await box.run([...VAULT_PW, box.files.vault, 'address', 'edit', BOOK_NAME, '--note', `${BOOK_NOTE} and more`, '--json']));
      expect(readFileSync(`${box.vault}-wal`).length).toBeGreaterThan(4096);
      expect(existsSync(`${box.vault}-shm`)).toBe(true);
      expect(readable(box.vault)).toEqual([]);
      expect(vaultBytes(box.vault).includes(Buffer.from('Second Entry'))).toBe(false);
    } finally {
      reader.close();
    }
    expect(vaultDump(box.vault, S.vault)['accounts']).toEqual(before['accounts']);
    expect((vaultDump(box.vault, S.vault)['addresses'] as { name: string }[]).map((a) => a.name)).toEqual([BOOK_NAME, 'Second Entry']);
  });

  it('an independent SQLCipher 4 opens it with the password as typed, and reads what keepsake wrote', async () => {
    const box = await filled();
    okJson(await box.run(['vault', 'lock', '--password-file', box.files.vault, '--json']));
    const names = await sqlcipherRead(box.vault, S.vault, 'SELECT name FROM accounts');
    expect(names).toEqual([{ name: ACCOUNT_NAME }]);
    await expect(sqlcipherRead(box.vault, S.wrong, 'SELECT name FROM accounts')).rejects.toThrow(/not a database/);
  });
});

describe('every command on a locked vault', () => {
  let box: Awaited<ReturnType<typeof filled>>;
  let hash: string;
  beforeAll(async () => {
    box = await filled({ manual: true });
    okJson(await box.run(['vault', 'lock', '--password-file', box.files.vault, '--json']));
    hash = sha256(box.vault);
  });
  afterAll(() => box.remove());

  it('reads the vault password from --vault-password-file and works as on a plain vault', async () => {
    const accounts = okJson<{ address: string; name: string }[]>(await box.run([...VAULT_PW, box.files.vault, 'account', 'list', '--json']));
    expect(accounts.map((a) => [a.address, a.name])).toEqual([[accountAddress, ACCOUNT_NAME]]);
  });

  it('reads it from the file $KEEPSAKE_VAULT_PASSWORD_FILE names', async () => {
    const r = await box.run(['address', 'list', '--json'], { env: { KEEPSAKE_VAULT_PASSWORD_FILE: box.files.vault } });
    expect(okJson<{ name: string }[]>(r).map((a) => a.name)).toEqual([BOOK_NAME]);
  });

  it('without one and no terminal to ask on: exit 2, naming --vault-password-file; nothing changed', async () => {
    const r = await box.run(['account', 'list', '--json']);
    expectRefused(r, EXIT.usage, { json: true, name: 'PasswordRequiredError', match: /--vault-password-file/ });
    expect(sha256(box.vault)).toBe(hash);
  });

  it('a wrong vault password: exit 3 "wrong vault password", the class named in --json, the file byte for byte as it was', async () => {
    for (const args of [
      ['account', 'list'],
      ['address', 'add', '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy', '--name', 'Nope'],
      ['vault', 'status'],
      ['vault', 'unlock', '--yes'],
      ['vault', 'change-password', '--password-file', box.files.next],
    ]) {
      const human = await box.run([...VAULT_PW, box.files.wrong, ...args]);
      expectRefused(human, EXIT.wrongPassword, { match: /^Wrong vault password/, secrets: S.all });
      const json = await box.run([...VAULT_PW, box.files.wrong, ...args, '--json']);
      expectRefused(json, EXIT.wrongPassword, { json: true, name: 'WrongVaultPasswordError', secrets: S.all });
      expect(sha256(box.vault), args.join(' ')).toBe(hash);
    }
  });

  it('commands that do not use the vault never ask for its password', async () => {
    const file = await box.write('other.json', accountFile);
    okJson(await box.run(['inspect', file, '--json']));
    okJson(await box.run(['verify', file, '--password-file', box.files.account, '--json']));
    const out = box.path('converted.json');
    okJson(
      await box.run([
        'convert',
        file,
        '--to',
        'polkadot-js-batch',
        '--password-file',
        box.files.account,
        '--new-password-file',
        box.files.next,
        '--out',
        out,
        '--json',
      ]),
    );
    expect(sha256(box.vault)).toBe(hash);
  });

  it('vault status: outside facts without the password, counts with it', async () => {
    const outside = okJson<Record<string, unknown>>(await box.run(['vault', 'status', '--json']));
    expect(outside).toEqual({ file: box.vault, size: readFileSync(box.vault).length, locked: true, opened: false });
    const inside = okJson<Record<string, unknown>>(await box.run([...VAULT_PW, box.files.vault, 'vault', 'status', '--json']));
    expect(inside).toMatchObject({ file: box.vault, locked: true, opened: true, accounts: 1, identities: 0, addresses: 1, concordium: 0 });
    expect(inside['schemaVersion']).toBeGreaterThanOrEqual(50);
  });
});

describe('lock, change-password, unlock: round trips keep every row', () => {
  it('plain → locked → new password → plain: the same rows throughout; the old password stops working', async () => {
    const box = await filled();
    const before = vaultDump(box.vault);
    const plainStatus = okJson<Record<string, unknown>>(await box.run(['vault', 'status', '--json']));
    expect(plainStatus).toMatchObject({ locked: false, opened: true, accounts: 1, addresses: 1 });

    okJson(await box.run(['vault', 'lock', '--password-file', box.files.vault, '--json']));
    // The new file is the owner's alone as it lands (no later open has set its mode yet).
    expect(statSync(box.vault).mode & 0o777).toBe(0o600);
    expect(vaultDump(box.vault, S.vault)).toEqual(before);

    const changed = await box.run([...VAULT_PW, box.files.vault, 'vault', 'change-password', '--password-file', box.files.next, '--json']);
    expect(okJson(changed)).toEqual({ file: box.vault, locked: true });
    expect(vaultDump(box.vault, S.next)).toEqual(before);
    expectRefused(await box.run([...VAULT_PW, box.files.vault, 'account', 'list']), EXIT.wrongPassword, { match: /^Wrong vault password/ });

    const unlocked = await box.run([...VAULT_PW, box.files.next, 'vault', 'unlock', '--yes', '--json']);
    expect(okJson(unlocked)).toEqual({ file: box.vault, locked: false });
    expect(readFileSync(box.vault).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(statSync(box.vault).mode & 0o777).toBe(0o600);
    expect(vaultDump(box.vault)).toEqual(before);
    expect((await box.list()).map((a) => a.name)).toEqual([ACCOUNT_NAME]);
    // Nothing of the copies made on the way is left beside the vault.
    expect((await readdir(box.dir)).filter((n) => n.includes('.rekey-'))).toEqual([]);
  });

  it('refuses what does not fit the vault: lock twice, unlock or change a plain one, a short password, unlock without --yes in a script', async () => {
    const box = await filled();
    const short = await box.secret('short.txt', 'abc');
    expectRefused(await box.run(['vault', 'lock', '--password-file', short]), EXIT.usage, { match: /at least 6 characters/ });
    expectRefused(await box.run(['vault', 'unlock', '--yes', '--json']), EXIT.usage, { json: true, name: 'VaultLockStateError' });
    expectRefused(await box.run(['vault', 'change-password', '--password-file', box.files.next]), EXIT.usage, { match: /has no vault password/ });
    okJson(await box.run(['vault', 'lock', '--password-file', box.files.vault, '--json']));
    const hash = sha256(box.vault);
    expectRefused(await box.run(['vault', 'lock', '--password-file', box.files.next]), EXIT.usage, { match: /already has a vault password/ });
    expectRefused(await box.run([...VAULT_PW, box.files.vault, 'vault', 'unlock']), EXIT.usage, { match: /needs confirmation/ });
    expectRefused(await box.run(['--vault', box.path('none.sqlite'), 'vault', 'lock', '--password-file', box.files.vault]), EXIT.failed, {
      match: /There is no vault at/,
    });
    expect(sha256(box.vault)).toBe(hash);
  });

  it('refuses to lock a vault another keepsake has open, changing nothing', async () => {
    const box = await filled();
    const other = new Database(box.vault, { fileMustExist: true });
    try {
      other.prepare('SELECT count(*) FROM accounts').get();
      const before = readFileSync(box.vault);
      const r = await box.run(['vault', 'lock', '--password-file', box.files.vault, '--json']);
      expectRefused(r, EXIT.failed, { json: true, name: 'VaultInUseError' });
      expect(readFileSync(box.vault).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(readFileSync(box.vault).equals(before)).toBe(true);
    } finally {
      other.close();
    }
  });
});

describe.skipIf(!HAS_SCRIPT)('on a terminal', () => {
  it('vault lock asks the new password twice, without echo; a command that opens the vault twice asks for it once', async () => {
    const box = await filled();
    const lock = await box.tty(
      ['vault', 'lock'],
      [
        { wait: /New vault password/, send: S.vault },
        { wait: /Repeat it/, send: S.vault },
      ],
    );
    expect(lock.code, lock.transcript).toBe(EXIT.ok);
    expect(lock.transcript).not.toContain(S.vault);
    // account remove opens the vault to name the account, asks, then opens it again to remove it.
    const remove = await box.tty(
      ['account', 'remove', accountAddress],
      [
        { wait: /Vault password/, send: S.vault },
        { wait: /\[y\/N\]/, send: 'y' },
      ],
    );
    expect(remove.code, remove.transcript).toBe(EXIT.ok);
    expect(remove.transcript.match(/Vault password/g)).toHaveLength(1);
    expect(remove.transcript).not.toContain(S.vault);
    expect(vaultDump(box.vault, S.vault)['accounts']).toEqual([]);
  });
});

/** Runs one query through Zetetic's SQLCipher (`@journeyapps/sqlcipher`), keyed with `PRAGMA key` as its users do. */
function sqlcipherRead(file: string, password: string, sql: string): Promise<unknown[]> {
  type Db = {
    serialize: (f: () => void) => void;
    run: (sql: string) => void;
    all: (sql: string, cb: (err: Error | null, rows: unknown[]) => void) => void;
    close: () => void;
  };
  const sqlcipher = createRequire(import.meta.url)('@journeyapps/sqlcipher') as { Database: new (file: string) => Db };
  const db = new sqlcipher.Database(file);
  return new Promise((resolve, reject) => {
    db.serialize(() => {
      db.run(`PRAGMA key = '${password.replaceAll("'", "''")}'`);
      db.all(sql, (err, rows) => {
        db.close();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  });
}
