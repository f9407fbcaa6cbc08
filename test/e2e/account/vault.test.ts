/**
 * The vault file itself (issue 3, part 1): created on first use with mode 0600 (also in a folder
 * that does not exist yet), tightened back to 0600, a newer schema refused, and files that are not
 * a keepsake vault refused and left as they were.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { EXIT, expectRefused, expectVaultPrivate, fileMode, okJson, type RestoreJson, sandbox } from '../../support/cli.js';
import { labelledPair, oracleFile, oracleReady } from '../../support/oracle.js';

const PW = 'vault-Secret-pw-5';

function tablesOf(file: string): { tables: string[]; userVersion: number; rows: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const rows = tables.includes('moz_places') ? (db.prepare('SELECT count(*) AS n FROM moz_places').get() as { n: number }).n : -1;
    return { tables, userVersion: db.pragma('user_version', { simple: true }) as number, rows };
  } finally {
    db.close();
  }
}

describe('the vault file', () => {
  // A reading command (account list) made it here before issue 12 #17; only a command that adds something does now.
  it('is created on first use, with its folders, mode 0600', async () => {
    const box = await sandbox();
    const nested = box.path('deep', 'er', 'vault.sqlite');
    const r = await box.run(['--vault', nested, 'address', 'add', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', '--name', 'Alice', '--json'], {
      noVaultFlag: true,
    });
    expect(okJson<{ name: string }>(r).name).toBe('Alice');
    expectVaultPrivate(nested);
    expect(fileMode(box.path('deep', 'er')) & 0o077).toBe(0);
  });

  it('a vault made readable by others is set back to 0600 when keepsake opens it', async () => {
    const box = await sandbox();
    box.init();
    await chmod(box.vault, 0o644);
    await box.list();
    expectVaultPrivate(box.vault);
  });

  it('takes the global --json before the command name too', async () => {
    const box = await sandbox();
    box.init();
    const r = await box.run(['--json', 'account', 'list'], {});
    expect(okJson<unknown[]>(r)).toEqual([]);
  });

  it('a vault written by a newer keepsake is refused (exit 1) and left unchanged', async () => {
    const box = await sandbox();
    await oracleReady();
    const pw = await box.secret('pw.txt', PW);
    okJson<RestoreJson>(
      await box.run(['restore', await box.write('a.json', oracleFile(labelledPair('sr25519', 'vault-a'), PW)), '--password-file', pw, '--json']),
    );
    const db = new Database(box.vault);
    db.pragma('user_version = 9999');
    db.close();
    const bytes = await readFile(box.vault);
    expectRefused(await box.run(['account', 'list', '--json']), EXIT.failed, { json: true, match: /newer/ });
    const r = await box.run(['restore', await box.write('b.json', oracleFile(labelledPair('sr25519', 'vault-b'), PW)), '--password-file', pw]);
    expectRefused(r, EXIT.failed, { secrets: [PW] });
    expect((await readFile(box.vault)).equals(bytes)).toBe(true);
  });

  it('a file that is not a database is refused (exit 1) and its content left as it was', async () => {
    const box = await sandbox();
    await writeFile(box.vault, 'my shopping list\n');
    expectRefused(await box.run(['account', 'list']), EXIT.failed);
    expect(await readFile(box.vault, 'utf8')).toBe('my shopping list\n');
  });

  it('the SQLite database of another program given as --vault is refused and left unchanged', async () => {
    const box = await sandbox();
    const db = new Database(box.vault);
    db.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org');");
    db.close();
    await chmod(box.vault, 0o644);
    const before = tablesOf(box.vault);
    const r = await box.run(['account', 'list', '--json']);
    // Expected: keepsake recognises it is not its vault, says so, and does not add its tables to it.
    expect(tablesOf(box.vault)).toEqual(before);
    expectRefused(r, EXIT.failed, { json: true });
  });
});
