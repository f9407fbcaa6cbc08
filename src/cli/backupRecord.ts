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

/** `account create|add --backup FILE`: the account's file, when one was written (`text`), covering that account (`publicKey`, hex). */
export async function accountBackupRecord(ctx: Context, path: string | undefined, text: string | undefined, publicKey: string): Promise<void> {
  if (path === undefined || text === undefined) return;
  await backupWrittenRecord(ctx, { path, text, format: 'polkadot-js', covers: [{ kind: 'account', item: publicKey }] });
}
