import type { BackupRecordWrite } from '../wallet/backupHealth.js';
import { type Context, withVault } from './context.js';
import { outputFileText } from './output.js';

/**
 * Records a backup file the command has just written (backup health, issue 16), in a vault opening
 * of its own: the file is in place by now, so the record names a file that exists.
 */
export async function backupWrittenRecord(ctx: Context, written: BackupRecordWrite): Promise<void> {
  const { backupRecordWritten } = await import('../wallet/backupHealth.js');
  await withVault(ctx, (vault) => backupRecordWritten(vault, { ...written, text: outputFileText(written.text) }));
}
