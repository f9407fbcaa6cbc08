import { BaseError } from '../errors/base.js';
import type { BackupRecordWrite } from '../wallet/backupHealth.js';
import type { Vault } from '../vault/open.js';
import { type Context, withVault } from './context.js';
import { say } from './io.js';
import { errorTextCli } from './nextStep.js';
import { outputFileText } from './output.js';
import { line } from './printable.js';

/**
 * Records a backup file the command has just written (backup health, issue 16), in a vault opening
 * of its own: the file is in place by now, so the record names a file that exists.
 */
export async function backupWrittenRecord(ctx: Context, written: BackupRecordWrite): Promise<void> {
  await backupRecordOrSay(ctx, () => withVault(ctx, (vault) => backupWrittenRecordIn(vault, written)));
}

/** The same in a vault the command holds open. */
export async function backupWrittenRecordIn(vault: Vault, written: BackupRecordWrite): Promise<void> {
  const { backupRecordWritten } = await import('../wallet/backupHealth.js');
  backupRecordWritten(vault, { ...written, text: outputFileText(written.text) });
}

/**
 * Runs a record of backup health. The file is written whatever happens here: a vault that cannot be
 * written now (read-only, busy, full) is said on stderr and does not fail the command that wrote it.
 */
export async function backupRecordOrSay(ctx: Context, record: () => Promise<void>): Promise<void> {
  try {
    await record();
  } catch (err) {
    if (!(err instanceof BaseError)) throw err;
    say(ctx.io, line`keepsake: the file was written, but not recorded for \`keepsake status\`: ${errorTextCli(err.report)}`);
  }
}

/** `account create|add --backup FILE`: the account's file, when one was written (`text`), covering that account (`publicKey`, hex). */
export async function accountBackupRecord(ctx: Context, path: string | undefined, text: string | undefined, publicKey: string): Promise<void> {
  if (path === undefined || text === undefined) return;
  await backupWrittenRecord(ctx, { path, text, format: 'polkadot-js', covers: [{ kind: 'account', item: publicKey }] });
}
