/**
 * The browser's downloads are backups too (issue 16): the server records each backup file it hands
 * the page — account export, export all, whole-wallet backup — by its file name (where the browser
 * saves it is never known, so the path is null and it never counts as verified).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupRecordsAll } from '../../vault/backupRecords.js';
import type { BackupOverview } from '../../wallet/backupFiles.js';
import { backupRecordWritten, backupStatus } from '../../wallet/backupHealth.js';
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

  it('the add\'s download ("Create and backup account"), the account export and the whole-wallet backup each add a record by file name, never verified', async () => {
    expect(backupRecordsAll(server.vault).map((r) => [r.path, r.name, r.format, r.verifiedAt])).toEqual([[null, `${address}.json`, 'polkadot-js', null]]);
    expect(backupStatus(server.vault).items.map((i) => i.state)).toEqual(['unverified']);

    const one = await server.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'compat' });
    expect(one.statusCode).toBe(200);
    const all = await server.post('/api/backup/export', { password: 'backup-password' });
    expect(all.statusCode).toBe(200);
    const { filename } = all.json() as { filename: string };

    const records = backupRecordsAll(server.vault);
    expect(records.map((r) => [r.path, r.name, r.format, r.verifiedAt])).toEqual([
      [null, `${address}.json`, 'polkadot-js', null],
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

/**
 * The browser's verifies and "Verify again" (issue 16): a verify that opens a file records it (path
 * null: the server never knows where the browser's file is; a file it knows by its SHA-256 keeps its
 * path); the Backups page reads every state and known file in one request; "Verify again" reads a
 * recorded file at its path, and refuses one that is gone or changed without recording anything.
 */
describe('verifies from the browser and the Backups page', () => {
  let app: TestApp;
  let address: string;
  let download: { filename: string; json: string };
  beforeAll(async () => {
    app = await testAppStart({ name: 'backup-pages', free: 100 });
    const added = await app.post('/api/accounts/add', { name: 'Dev', suri: `${DEV}//pages`, password: PASSWORD });
    address = (added.json() as { account: { address: string } }).account.address;
    download = (await app.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'compat' })).json() as typeof download;
  });
  afterAll(() => app.stop());

  const get = (url: string) => app.app.inject({ method: 'GET', url, headers: app.headers() });
  const overview = async () => (await get('/api/backups')).json() as BackupOverview;
  const upload = (name: string, text: string, password: string) => app.post('/api/verify', { files: [{ name, text }], password });
  /** A file written at a path, recorded as the CLI records what it writes. */
  const written = async (name: string, text: string) => {
    const path = join(app.dir, name);
    writeFileSync(path, text);
    const publicKey = (await overview()).status.items[0]!.publicKey!;
    return backupRecordWritten(app.vault, { path, text, format: 'polkadot-js', covers: [{ kind: 'account', item: publicKey }] });
  };

  it('a failed verify of the download records nothing; a good one marks its record verified, by name, with no path', async () => {
    const before = backupRecordsAll(app.vault);
    // The add's own download, then the export's (another salt: another file).
    expect(before.map((r) => [r.path, r.name, r.verifiedAt])).toEqual([
      [null, `${address}.json`, null],
      [null, download.filename, null],
    ]);
    expect((await upload('copy.json', download.json, 'not-the-password')).statusCode).toBe(422);
    expect(backupRecordsAll(app.vault)).toEqual(before);
    expect((await overview()).status.items[0]).toMatchObject({ state: 'unverified' });

    const r = await upload('copy.json', download.json, PASSWORD);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ restorable: true });
    expect(r.json()).not.toHaveProperty('covers');
    const record = backupRecordsAll(app.vault).find((r) => r.id === before[1]!.id);
    expect(record).toMatchObject({ path: null, name: 'copy.json' });
    expect(record!.verifiedAt).not.toBeNull();
    expect((await overview()).status.items[0]).toMatchObject({ name: 'Dev', state: 'verified', backup: { name: 'copy.json', path: null, file: 'unknown' } });
  });

  it('an upload of a file written at a path (same SHA-256) verifies that record, which keeps its path', async () => {
    // Another export (a new salt: another file) written at a path.
    const exported = (await app.post('/api/accounts/export', { address, password: PASSWORD })).json() as typeof download;
    const record = await written('at-path.json', exported.json);
    expect(record.verifiedAt).toBeNull();
    expect((await upload('chosen.json', exported.json, PASSWORD)).statusCode).toBe(200);
    const after = backupRecordsAll(app.vault).find((r) => r.id === record.id)!;
    expect(after).toMatchObject({ path: join(app.dir, 'at-path.json'), name: 'at-path.json' });
    expect(after.verifiedAt).not.toBeNull();
  });

  it('GET /api/backups: every item’s state and every known file, what it covers by name, no secret and no content', async () => {
    const r = await get('/api/backups');
    expect(r.statusCode).toBe(200);
    const body = r.json() as BackupOverview;
    expect(body.status.items).toMatchObject([{ kind: 'account', name: 'Dev', address, state: 'verified' }]);
    expect(body.files.map((f) => [f.name, f.path, f.format, f.file, f.covers])).toEqual([
      ['at-path.json', join(app.dir, 'at-path.json'), 'polkadot-js', 'present', { accounts: ['Dev'], identities: [], others: 0 }],
      ['copy.json', null, 'polkadot-js', 'unknown', { accounts: ['Dev'], identities: [], others: 0 }],
      [`${address}.json`, null, 'polkadot-js', 'unknown', { accounts: ['Dev'], identities: [], others: 0 }],
    ]);
    expect(body.files.map((f) => f.size > 0 && f.verifiedAt !== null)).toEqual([true, true, false]);
    const text = r.body;
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain((JSON.parse(download.json) as { encoded: string }).encoded.slice(0, 40));
  });

  it('Verify again reads a recorded file at its path and records the verify; a wrong password records nothing', async () => {
    const exported = (await app.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'compat' })).json() as typeof download;
    const record = await written('again.json', exported.json);
    const wrong = await app.post('/api/backups/verify-again', { id: record.id, password: 'not-the-password' });
    expect(wrong.statusCode).toBe(422);
    expect(backupRecordsAll(app.vault).find((r) => r.id === record.id)!.verifiedAt).toBeNull();

    const r = await app.post('/api/backups/verify-again', { id: record.id, password: PASSWORD });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ restorable: true, accounts: [{ address, ok: true }] });
    expect(r.json()).not.toHaveProperty('covers');
    expect(backupRecordsAll(app.vault).find((r) => r.id === record.id)).toMatchObject({ path: join(app.dir, 'again.json'), verifiedAt: expect.any(Number) });
  });

  it('Verify again of a changed, deleted or non-regular file: one sentence, nothing recorded', async () => {
    const exported = (await app.post('/api/accounts/export', { address, password: PASSWORD, kdf: 'compat' })).json() as typeof download;
    const record = await written('gone.json', exported.json);
    const path = join(app.dir, 'gone.json');
    const refused = async (status: number, message: RegExp) => {
      const before = backupRecordsAll(app.vault);
      const r = await app.post('/api/backups/verify-again', { id: record.id, password: PASSWORD });
      expect(r.statusCode).toBe(status);
      expect((r.json() as { error: { message: string } }).error.message).toMatch(message);
      expect(backupRecordsAll(app.vault)).toEqual(before);
    };
    // The same size, another content: its SHA-256 tells.
    writeFileSync(
      path,
      exported.json.replace(/"address":"./, (m) => m.slice(0, -1) + (m.endsWith('5') ? '6' : '5')),
    );
    await refused(400, new RegExp(`^The file ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has changed since it was recorded`));
    writeFileSync(path, exported.json + '\n');
    await refused(400, /has changed since it was recorded/);
    rmSync(path);
    await refused(400, /^The file .*gone\.json is no longer there/);
    mkdirSync(path);
    await refused(400, /is not a regular file/);
    expect((await overview()).files.find((f) => f.id === record.id)).toMatchObject({ file: 'missing' });
  });

  it('Verify again of a download asks for the file; an unknown record or a bad id is refused', async () => {
    const download = backupRecordsAll(app.vault).find((r) => r.path === null)!;
    const r = await app.post('/api/backups/verify-again', { id: download.id, password: PASSWORD });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { name: 'BackupPathUnknownError', field: 'file' } });
    expect((r.json() as { error: { message: string } }).error.message).toMatch(/was downloaded by the browser.*choose the file/);
    expect((await app.post('/api/backups/verify-again', { id: 9999, password: PASSWORD })).statusCode).toBe(404);
    expect((await app.post('/api/backups/verify-again', { id: '1', password: PASSWORD })).statusCode).toBe(400);
  });
});
