/**
 * "Verify again" reads a path the vault recorded: what is there now is untrusted. A file over the cap
 * is refused before it is read, a pipe or a folder is refused without opening it (opening a pipe
 * would wait for a writer), and nothing is recorded either way.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vaultsForFile } from '../../test/support/vaults.js';
import { backupRecordInsert, backupRecordsAll } from '../vault/backupRecords.js';
import { vaultWrite } from '../vault/open.js';
import { BACKUP_VERIFY_AGAIN_MAX_BYTES, backupVerifyAgain } from './backupVerifyAgain.js';

const freshVault = vaultsForFile('verify-again');
const dir = mkdtempSync(join(tmpdir(), 'keepsake-verify-again-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A record of `path` as if keepsake had written a file of `size` bytes there. */
function recorded(path: string, size: number) {
  const vault = freshVault();
  const id = vaultWrite(vault, () =>
    backupRecordInsert(vault, { sha256: 'ab'.repeat(32), path, name: 'x.json', size, format: 'polkadot-js', createdAt: 1, verifiedAt: null }),
  );
  return { vault, id };
}

describe('backupVerifyAgain refuses what is at the path now', () => {
  it('a file over the cap, of the recorded size: refused before it is read', async () => {
    const path = join(dir, 'huge.json');
    const size = BACKUP_VERIFY_AGAIN_MAX_BYTES + 1;
    // Sparse: no disk is used, and a read would take all of it.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, size);
    closeSync(fd);
    const { vault, id } = recorded(path, size);
    const before = backupRecordsAll(vault);
    await expect(backupVerifyAgain(vault, id, 'password')).rejects.toMatchObject({ name: 'FileTooLargeError' });
    expect(backupRecordsAll(vault)).toEqual(before);
  });

  it('a named pipe at the path: refused without waiting for a writer', async () => {
    const path = join(dir, 'pipe.json');
    execFileSync('mkfifo', [path]);
    const { vault, id } = recorded(path, 10);
    await expect(backupVerifyAgain(vault, id, 'password')).rejects.toMatchObject({
      name: 'BackupNotAFileError',
      message: `${path} is not a regular file, so it was not read.`,
    });
  });

  it('a record with no path (a download) or no record at all', async () => {
    const vault = freshVault();
    const id = vaultWrite(vault, () =>
      backupRecordInsert(vault, { sha256: 'cd'.repeat(32), path: null, name: 'dl.json', size: 3, format: 'apps', createdAt: 1, verifiedAt: null }),
    );
    await expect(backupVerifyAgain(vault, id, 'password')).rejects.toMatchObject({ name: 'BackupPathUnknownError' });
    await expect(backupVerifyAgain(vault, id + 1, 'password')).rejects.toMatchObject({ name: 'BackupRecordNotFoundError' });
  });
});
