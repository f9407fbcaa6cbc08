import type { Command } from 'commander';
import type { ImportItem } from '../../../wallet/backup/plan.js';
import type { ImportReport } from '../../../wallet/backup/import.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { EXIT } from '../../exit.js';
import { helpExamples } from '../../help.js';
import { color, type Io, out, printJson, readInputFile, readSecret, say } from '../../io.js';
import { line } from '../../printable.js';
import { countsText, ITEM_KIND_LABEL } from './counts.js';

export type BackupImportOptions = { file: string; passwordFile?: string };

/** Registers `keepsake backup import`: its options and help; the action calls {@link backupImportRun}. */
export function backupImportCommand(backup: Command, run: Runner): void {
  backup
    .command('import')
    .argument('<file>', 'a keepsake backup or a Concordium Desktop Wallet export')
    .option('--password-file <file>', 'read the backup password from <file> (- = standard input)')
    .summary('import a whole-wallet backup, all or nothing')
    .description(
      [
        "Import a keepsake backup or a Concordium Desktop Wallet export into the vault (made on first use). The file's password is asked on the terminal or read from --password-file (a wrong one: exit 3, nothing imported). A Concordium Mobile Wallet export is refused with the reason.",
        'Either everything is imported or nothing is; then every identity, account and address is listed as imported, already present (and under which name), or replaced (a watch-only account gains its key; a Concordium item takes the name the file gives it). Identities keep the PIN they had in the backup; after a --rekey export, that PIN is the backup password, and the list says so.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake backup import wallet-backup.json', 'keepsake backup import concordium-export.json --password-file pw.txt --json']),
    )
    .action((file: string, opts: { passwordFile?: string }) => run((ctx) => backupImportRun({ file, ...opts }, ctx)));
}

/** Runs `keepsake backup import` with its parsed options; resolves to the exit code. */
export async function backupImportRun(options: BackupImportOptions, ctx: Context): Promise<number> {
  const { file } = options;
  const text = await readInputFile(file);
  const { walletFileCheck } = await import('../../../wallet/fileCheck.js');
  walletFileCheck(text, file);
  const password = await readSecret(ctx.io, { file: options.passwordFile, flag: '--password-file', prompt: line`Password for ${file}: ` });
  const { backupImport } = await import('../../../wallet/backup/import.js');
  const report = await withVault(ctx, (vault) => backupImport(vault, text, password, { file }), { mode: 'add' });
  if (ctx.io.json) printJson(ctx.io, report);
  else printImport(ctx.io, report);
  return EXIT.ok;
}

/** Each imported item and the counts, as `backup import` and `rescue restore --concordium-db` print them. */
export function printImport(io: Io, r: ImportReport): void {
  for (const i of r.items) {
    const what = line`${ITEM_KIND_LABEL[i.kind]} "${i.name}"${i.address ? line` ${i.address}` : ''}`;
    // A Concordium name conflict in the desktop wallet's words ("Already exists as: X", "Replaces name: X").
    const note = i.note !== undefined && i.note !== 'Already exists' ? i.note : undefined;
    if (i.status === 'imported') out(io, line`${color(io, 'green', 'imported')}  ${what}${i.rekeyed ? ': its PIN is now the backup password' : ''}`);
    else if (i.status === 'replaced') out(io, line`${color(io, 'green', 'replaced')}  ${what}${note ? line`: ${note}` : line` (was "${i.presentAs}")`}`);
    else out(io, line`${color(io, 'yellow', 'present')}   ${what}: ${note ?? line`already present as "${i.presentAs}"`}`);
  }
  const n = (s: string) => r.items.filter((i) => i.status === s).length;
  out(io, `${n('imported')} imported, ${n('present')} already present, ${n('replaced')} replaced.`);
  const imported = r.items.filter((i) => i.status === 'imported');
  if (imported.length > 0) {
    const of = (kind: ImportItem['kind']) => imported.filter((i) => i.kind === kind).length;
    out(
      io,
      `Imported: ${countsText({ identities: of('identity'), accounts: of('account'), addresses: of('address'), concordiumIdentities: of('concordium-identity'), concordiumAccounts: of('concordium-account') }, 'keepsake')}.`,
    );
  }
  const rekeyed = r.items.filter((i) => i.rekeyed && i.status === 'imported');
  if (rekeyed.length > 0 && r.format === 'nova-backup')
    say(
      io,
      `The PIN of ${rekeyed.length === 1 ? 'that identity' : 'those identities'} is the Nova backup's password: use it wherever keepsake asks for ${rekeyed.length === 1 ? 'its' : 'their'} PIN.`,
    );
  else if (rekeyed.length > 0)
    say(io, `The backup was re-keyed: the PIN of ${rekeyed.length === 1 ? 'that identity' : 'those identities'} is now the backup password.`);
  for (const note of r.notes ?? []) say(io, line`note: ${note}`);
  if (r.items.length === 0) say(io, 'The file holds nothing to import.');
}
