import type { Command } from 'commander';
import type { BackupStatusItem } from '../../wallet/backupHealth.js';
import { type Context, type Runner, withVault } from '../context.js';
import { EXIT } from '../exit.js';
import { helpExamples } from '../help.js';
import { color, type Io, out, printJson } from '../io.js';
import { line, type Line } from '../printable.js';

export type StatusOptions = { check: boolean };

/** Registers `keepsake status`: its options and help; the action calls {@link statusRun}. */
export function statusCommand(program: Command, run: Runner): void {
  program
    .command('status')
    .option('--check', 'exit 1 when an account or identity has no verified backup (for a cron job or a pre-commit hook)')
    .summary('say which accounts and identities have a verified backup')
    .description(
      [
        'Backup health: for every account and identity in the vault, one line — "verified backup FILE n days ago", "backed up, never verified", "no backup", or that the file of its backup was moved, deleted or changed since (never counted as verified). Watch-only accounts have no key and need no backup.',
        'keepsake remembers every backup file it writes (account export, export-all, backup export) and every file `keepsake verify` opens with its password: where it is, its SHA-256, what it covers, never its content. Each file a line rests on is checked on disk now; a file the browser wallet downloaded has no known place, and counts as verified once it was verified in the browser. Nothing is asked or changed; the vault must exist.',
        'Exit status: 0 (with --check: everything has a verified backup whose file is still there) · 1 with --check, something has none · 2 usage.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake status', 'keepsake status --check', 'keepsake status --json']))
    .action((opts: { check?: boolean }) => run((ctx) => statusRun({ check: opts.check === true }, ctx)));
}

/** Runs `keepsake status` with its parsed options; resolves to the exit code. */
export async function statusRun(options: StatusOptions, ctx: Context): Promise<number> {
  const { backupStatus } = await import('../../wallet/backupHealth.js');
  const { report, file } = await withVault(ctx, (vault) => ({ report: backupStatus(vault), file: vault.file }));
  if (ctx.io.json) printJson(ctx.io, report);
  else if (report.items.length === 0) out(ctx.io, line`The vault at ${file} has no accounts or identities yet.`);
  else for (const item of report.items) out(ctx.io, line`${itemLabel(item)}: ${stateText(ctx.io, item, report.checkedAt)}`);
  return options.check && !report.ok ? EXIT.failed : EXIT.ok;
}

function itemLabel(item: BackupStatusItem): Line {
  if (item.kind === 'identity') return line`identity ${JSON.stringify(item.name)}`;
  return line`${item.address ?? ''} ${JSON.stringify(item.name)}${item.identity === null ? '' : line` (identity ${JSON.stringify(item.identity)})`}`;
}

/** What a line says of an item's backup, with the file it rests on. */
export function stateText(io: Io, item: BackupStatusItem, now: number): Line {
  const b = item.backup;
  const where = b === null ? '' : (b.path ?? line`${b.name} (downloaded)`);
  const via = item.viaIdentity ? ' (through its identity)' : '';
  switch (item.state) {
    case 'verified':
      return line`${color(io, 'green', 'verified backup')} ${where} ${ago(now, b?.verifiedAt ?? now)}${via}`;
    case 'unverified':
      return line`${color(io, 'yellow', 'backed up, never verified')} (${where})${via}`;
    case 'missing':
      return line`${color(io, 'red', 'missing')}: ${where} was moved or deleted${via}`;
    case 'changed':
      return line`${color(io, 'red', 'changed')}: ${where} is no longer the file that was backed up${via}`;
    case 'none':
      return line`${color(io, 'red', 'no backup')}`;
    case 'watch-only':
      return line`watch-only: no key, nothing to back up`;
  }
}

/** "today", "1 day ago", "3 days ago". */
export function ago(now: number, then: number): string {
  const days = Math.floor(Math.max(0, now - then) / 86_400_000);
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}
