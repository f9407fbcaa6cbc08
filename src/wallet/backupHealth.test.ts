/**
 * Backup health at the library level: what an export records, what a verify adds, and the state each
 * account and identity gets from its records and the files on disk (issue 16).
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAddress } from '@polkadot/util-crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGAL_WINNER, testSecrets } from '../../test/support/secrets.js';
import { FAST_PIN, vaultsForFile } from '../../test/support/vaults.js';
import { accountInsert } from '../vault/accounts.js';
import { backupCoversAll, backupRecordsAll } from '../vault/backupRecords.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { backupExport } from './backup/export.js';
import { backupMissingCount, backupRecordVerified, backupRecordWritten, backupStatus, type BackupStatusItem } from './backupHealth.js';
import { accountAdd } from './create.js';
import { accountExport } from './export.js';
import { identityDerive } from './identity/derive.js';
import { identityRecover } from './identity/create.js';
import { verifyFile } from './verify.js';

const freshVault = vaultsForFile('backup-health');
const S = testSecrets('backup-health', ['pin', 'account', 'backup']);
const dir = mkdtempSync(join(tmpdir(), 'keepsake-backup-health-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WATCHED = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

async function vaultWithEverything(): Promise<Vault> {
  const vault = freshVault();
  await accountAdd(vault, { name: 'Saved', suri: `${LEGAL_WINNER}//saved`, network: 'polkadot', password: S.account, kdf: 'compat' });
  await identityRecover(vault, { name: 'Main', mnemonic: LEGAL_WINNER, pin: S.pin, pinKdf: FAST_PIN });
  await identityDerive(vault, 'Main', { pin: S.pin, network: 'kusama' });
  vaultWrite(vault, () =>
    accountInsert(vault, {
      publicKey: decodeAddress(WATCHED),
      accountId: decodeAddress(WATCHED),
      type: 'sr25519',
      name: 'Watched',
      network: 'polkadot',
      ss58Prefix: 0,
      genesisHash: null,
      fileJson: null,
      verified: true,
      source: 'watch',
    }),
  );
  return vault;
}

const byName = (items: readonly BackupStatusItem[]) => Object.fromEntries(items.map((i) => [i.name, i]));
const states = (vault: Vault) => Object.fromEntries(backupStatus(vault).items.map((i) => [i.name, i.state]));

describe('backupStatus', () => {
  it('no records: every account and identity has no backup, a watch-only account needs none', async () => {
    const vault = await vaultWithEverything();
    const report = backupStatus(vault);
    expect(byName(report.items)).toMatchObject({
      Saved: { kind: 'account', state: 'none', backup: null },
      Main: { kind: 'identity', state: 'none' },
      Watched: { kind: 'account', state: 'watch-only' },
    });
    expect(report.ok).toBe(false);
    expect(backupMissingCount(vault)).toEqual({ accounts: 2, identities: 1 });
  });

  it('an account export is backed up, never verified; its verify makes it verified; a changed or moved file is not', async () => {
    const vault = await vaultWithEverything();
    const path = join(dir, 'saved.json');
    const { json, covers } = await accountExport(vault, 'Saved', { password: S.account });
    writeFileSync(path, json);
    backupRecordWritten(vault, { path, text: json, format: 'polkadot-js', covers, now: 1000 });
    expect(byName(backupStatus(vault).items)['Saved']).toMatchObject({
      state: 'unverified',
      backup: { path, name: 'saved.json', createdAt: 1000, file: 'present' },
    });

    const report = await verifyFile(json, S.account, { file: path });
    backupRecordVerified(vault, { path, text: json, format: report.format, covers: report.covers, now: 2000 });
    expect(backupRecordsAll(vault)).toHaveLength(1);
    expect(byName(backupStatus(vault).items)['Saved']).toMatchObject({ state: 'verified', backup: { verifiedAt: 2000, file: 'present' } });
    expect(states(vault)['Main']).toBe('none');

    writeFileSync(path, json.replace('"Saved"', '"Saved!"'));
    expect(states(vault)['Saved']).toBe('changed');
    writeFileSync(path, json);
    expect(states(vault)['Saved']).toBe('verified');
    renameSync(path, join(dir, 'moved.json'));
    expect(byName(backupStatus(vault).items)['Saved']).toMatchObject({ state: 'missing', backup: { path, file: 'missing' } });
    expect(backupStatus(vault).ok).toBe(false);

    // Verified again where it is now: the record follows the file.
    backupRecordVerified(vault, { path: join(dir, 'moved.json'), text: json, format: report.format, covers: report.covers, now: 3000 });
    expect(byName(backupStatus(vault).items)['Saved']).toMatchObject({ state: 'verified', backup: { name: 'moved.json', verifiedAt: 3000 } });
  });

  it('a whole-wallet backup covers every account and identity, an identity account through its identity too; its verify covers the identity', async () => {
    const vault = await vaultWithEverything();
    const path = join(dir, 'all.json');
    const result = await backupExport(vault, S.backup);
    writeFileSync(path, result.json);
    backupRecordWritten(vault, { path, text: result.json, format: 'keepsake-backup', covers: result.covers });
    expect(states(vault)).toMatchObject({ Saved: 'unverified', Main: 'unverified', Watched: 'watch-only' });
    expect(backupMissingCount(vault)).toEqual({ accounts: 0, identities: 0 });

    // The backup password does not open Saved's own lock: only the identity is verified.
    const report = await verifyFile(result.json, S.backup, { file: path, vault });
    expect(report.covers.map((c) => c.kind)).toEqual(['identity']);
    backupRecordVerified(vault, { path, text: result.json, format: report.format, covers: report.covers });
    const items = backupStatus(vault).items.filter((i) => i.kind === 'account' && i.identity === 'Main');
    expect(items).toHaveLength(1);
    expect(states(vault)).toMatchObject({ Saved: 'unverified', Main: 'verified' });
    // Its own cover (written) is unverified; the identity's verify does not check the derived key.
    expect(items[0]).toMatchObject({ state: 'unverified', viaIdentity: false });
  });

  it('an account of an identity with no backup of its own takes its identity’s state', async () => {
    const vault = await vaultWithEverything();
    const main = backupStatus(vault).items.find((i) => i.kind === 'identity')!;
    expect(main.state).toBe('none');
    const result = await backupExport(vault, S.backup);
    const identityOnly = result.covers.filter((c) => c.kind === 'identity');
    backupRecordWritten(vault, { path: null, name: 'shards', text: 'x', format: 'banana-split', covers: identityOnly });
    const derived = backupStatus(vault).items.find((i) => i.identity === 'Main')!;
    expect(derived).toMatchObject({ state: 'unverified', viaIdentity: true, backup: { name: 'shards', path: null, file: 'unknown' } });
  });

  it('the same file seen again: one record; a path moves it, no path (a download) keeps the path it had', async () => {
    const vault = freshVault();
    const covers = [{ kind: 'account' as const, item: '0x01' }];
    backupRecordWritten(vault, { path: join(dir, 'a.json'), text: 'same', format: 'apps', covers, now: 1 });
    backupRecordWritten(vault, { path: null, name: 'download.json', text: 'same', format: 'apps', covers, now: 2 });
    expect(backupRecordsAll(vault).map((r) => [r.path, r.name, r.createdAt])).toEqual([[join(dir, 'a.json'), 'a.json', 1]]);
    backupRecordWritten(vault, { path: join(dir, 'b.json'), text: 'same', format: 'apps', covers, now: 3 });
    expect(backupRecordsAll(vault).map((r) => [r.path, r.name])).toEqual([[join(dir, 'b.json'), 'b.json']]);
    expect(backupCoversAll(vault)).toHaveLength(1);
  });

  it('a file verified that keepsake never wrote gets a record of its own; records hold no file content', async () => {
    const vault = await vaultWithEverything();
    const { json } = await accountExport(vault, 'Saved', { password: S.account }, { kdf: 'compat' });
    const report = await verifyFile(json, S.account);
    backupRecordVerified(vault, { text: json, format: report.format, covers: report.covers });
    const [record] = backupRecordsAll(vault);
    expect(record).toMatchObject({ path: null, format: 'polkadot-js', size: Buffer.byteLength(json) });
    expect(record!.verifiedAt).not.toBeNull();
    const stored = JSON.stringify([backupRecordsAll(vault), backupCoversAll(vault)]);
    const encoded = (JSON.parse(json) as { encoded: string }).encoded;
    expect(stored).not.toContain(encoded.slice(0, 40));
    // Where the file is is not known (a file chosen in the browser): verified from the file chosen, its place unknown.
    expect(backupStatus(vault).items.find((i) => i.name === 'Saved')).toMatchObject({ state: 'verified', backup: { path: null, file: 'unknown' } });
  });
});
