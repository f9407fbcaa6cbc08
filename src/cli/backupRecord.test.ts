/**
 * A backup file written is never undone by its record: when the vault cannot take the record, the
 * command says so on stderr and goes on (exit 0); a bug is not hidden.
 */
import { describe, expect, it } from 'vitest';
import { VaultBusyError } from '../errors/vault.js';
import { backupRecordOrSay } from './backupRecord.js';
import { testIo } from './testIo.js';

describe('backupRecordOrSay', () => {
  it('a keepsake error: one line on stderr, and the command goes on', async () => {
    const t = testIo();
    await backupRecordOrSay({ io: t.makeIo(false), vaultFile: undefined }, async () => {
      throw new VaultBusyError({ file: 'vault.sqlite' });
    });
    expect(t.stderr()).toMatch(/^keepsake: the file was written, but not recorded for `keepsake status`: .+\n$/);
  });

  it('anything else is a bug, and is not hidden', async () => {
    const t = testIo();
    await expect(
      backupRecordOrSay({ io: t.makeIo(false), vaultFile: undefined }, async () => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
    expect(t.stderr()).toBe('');
  });
});
