/**
 * The browser's downloads are backups too (issue 16): the server records each backup file it hands
 * the page — account export, export all, whole-wallet backup — by its file name (where the browser
 * saves it is never known, so the path is null and it never counts as verified).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupRecordsAll } from '../../vault/backupRecords.js';
import { backupStatus } from '../../wallet/backupHealth.js';
import { testAppStart, type TestApp } from '../testApp.js';

let server: TestApp;
beforeAll(async () => {
  server = await testAppStart({ name: 'backup-health', free: 100 });
});
afterAll(() => server.stop());

/** The DEV phrase of Substrate (test/vectors/polkadot-js.json): a key anyone may use in a test. */
const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const PASSWORD = 'account-password';

describe('downloads are recorded for backup health', () => {
  let address: string;
  beforeAll(async () => {
    const added = await server.post('/api/accounts/add', { name: 'Dev', suri: `${DEV}//health`, password: PASSWORD, kdf: 'compat' });
    expect(added.statusCode).toBe(200);
    address = (added.json() as { account: { address: string } }).account.address;
  });

  it('none before; the account export and the whole-wallet backup each add a record by file name, never verified', async () => {
    expect(backupRecordsAll(server.vault)).toEqual([]);
    expect(backupStatus(server.vault).items.map((i) => i.state)).toEqual(['none']);

    const one = await server.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'compat' });
    expect(one.statusCode).toBe(200);
    const all = await server.post('/api/backup/export', { password: 'backup-password' });
    expect(all.statusCode).toBe(200);
    const { filename } = all.json() as { filename: string };

    const records = backupRecordsAll(server.vault);
    expect(records.map((r) => [r.path, r.name, r.format, r.verifiedAt])).toEqual([
      [null, `${address}.json`, 'polkadot-js', null],
      [null, filename, 'keepsake-backup', null],
    ]);
    expect(backupStatus(server.vault).items).toMatchObject([{ name: 'Dev', state: 'unverified', backup: { name: filename, path: null, file: 'unknown' } }]);
  });

  it('a refused export records nothing', async () => {
    const before = backupRecordsAll(server.vault);
    const r = await server.post('/api/backup/export', { password: 'short' });
    expect(r.statusCode).toBe(400);
    expect(backupRecordsAll(server.vault)).toEqual(before);
  });
});
