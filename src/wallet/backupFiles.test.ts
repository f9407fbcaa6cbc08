/**
 * The Backups page's view of backup health (issue 16): every known file with what it covers by the
 * names the vault has now, each file checked on disk once for the states and the list together.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGAL_WINNER, testSecrets } from '../../test/support/secrets.js';
import { FAST_PIN, vaultsForFile } from '../../test/support/vaults.js';
import { accountRemoveByQuery } from './accounts.js';
import { backupExport } from './backup/export.js';
import { backupOverview } from './backupFiles.js';
import { backupRecordWritten, type BackupFileCheck } from './backupHealth.js';
import { accountAdd } from './create.js';
import { identityRecover } from './identity/create.js';

const freshVault = vaultsForFile('backup-files');
const S = testSecrets('backup-files', ['pin', 'account', 'backup']);
const dir = mkdtempSync(join(tmpdir(), 'keepsake-backup-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backupOverview', () => {
  it('names what each file covers (accounts, identities, and a count of items removed since); checks each file once', async () => {
    const vault = freshVault();
    await accountAdd(vault, { name: 'Kept', suri: `${LEGAL_WINNER}//kept`, network: 'polkadot', password: S.account, kdf: 'compat' });
    await accountAdd(vault, { name: 'Gone', suri: `${LEGAL_WINNER}//gone`, network: 'polkadot', password: S.account, kdf: 'compat' });
    await identityRecover(vault, { name: 'Main', mnemonic: LEGAL_WINNER, pin: S.pin, pinKdf: FAST_PIN });
    const all = await backupExport(vault, S.backup);
    const path = join(dir, 'all.json');
    writeFileSync(path, all.json);
    backupRecordWritten(vault, { path, text: all.json, format: 'keepsake-backup', covers: all.covers, now: 1 });
    backupRecordWritten(vault, {
      path: null,
      name: 'shards',
      text: 'shards',
      format: 'banana-split',
      covers: all.covers.filter((c) => c.kind === 'identity'),
      now: 2,
    });
    accountRemoveByQuery(vault, 'Gone');

    const checked: string[] = [];
    const fileCheck: BackupFileCheck = (p) => (checked.push(p), 'present');
    const { status, files } = backupOverview(vault, { fileCheck });
    expect(checked).toEqual([path]);
    expect(status.items.map((i) => [i.name, i.state])).toEqual([
      ['Main', 'unverified'],
      ['Kept', 'unverified'],
    ]);
    // Newest first; no content, no secret.
    expect(files).toEqual([
      expect.objectContaining({
        name: 'shards',
        path: null,
        label: 'Banana Split shards',
        file: 'unknown',
        covers: { accounts: [], identities: ['Main'], others: 0 },
      }),
      expect.objectContaining({
        name: 'all.json',
        path,
        format: 'keepsake-backup',
        label: 'keepsake whole-wallet backup',
        file: 'present',
        verifiedAt: null,
        covers: { accounts: ['Kept'], identities: ['Main'], others: 1 },
      }),
    ]);
    expect(JSON.stringify(files)).not.toContain(JSON.parse(all.json).ciphertext.slice(0, 40));
  });
});
