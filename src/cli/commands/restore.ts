import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { UsageError } from '../../errors/usage.js';
import { RESTORE_DUPLICATE_CHOICES } from '../../wallet/choices.js';
import { restoreVerdict, type RestoreReport } from '../../wallet/restore.js';
import { type Context, type Runner, withVault } from '../context.js';
import { EXIT } from '../exit.js';
import { askLocked } from '../askLocked.js';
import { color, type Io, out, printJson, printJsonError, readInputFile, readSecretLines, say } from '../io.js';
import { helpExamples } from '../help.js';
import { errorTextCli } from '../nextStep.js';
import { line } from '../printable.js';
import { progressStart } from '../progress.js';

export type RestoreOptions = { paths: string[]; passwordFile: string | undefined; onDuplicate: 'skip' | 'replace'; network?: string | undefined };

/** Registers `keepsake restore`: its options and help; the action calls {@link restoreRun}. */
export function restoreCommand(program: Command, run: Runner): void {
  program
    .command('restore')
    .argument('<file...>', 'backup files, or folders of them (*.json)')
    .option(
      '--password-file <file>',
      'read the password from the first line of <file> (- = standard input); each further line is tried on what the lines before did not open',
    )
    .addOption(
      new Option('--on-duplicate <mode>', 'an account already in the vault: skip it, or replace it').choices(RESTORE_DUPLICATE_CHOICES).default('skip'),
    )
    .option('--network <network>', 'store every restored account under this network (e.g. axia), whatever the files say')
    .summary('restore accounts from backup files into the vault')
    .description(
      [
        'Restore accounts into the vault (made on first use) from Polkadot{.js} account files, extension "Export all" batch files, Polkadot-JS Apps "Export all" lists and Ethereum keystores, or from a folder of them (its .json files).',
        'One password is asked for all the files, or read from the first line of --password-file; each further line of that file is tried on what the lines before did not open. On a terminal, the files and batch entries still locked are then named and asked for (an empty answer stops).',
        'Every key is checked against its address before it is saved. Files are kept as they are, still locked with their own password, except a key with no key derivation (type "none", versions 0–2), which is locked with scrypt under the password given. A batch entry no password opens is restored unchecked (`keepsake account verify` checks it later). A bad file does not stop the others: each is reported.',
        'A Nova Wallet cloud backup (novawallet_backup.json), given alone, is brought in as `keepsake backup import` brings it: wallets with a recovery phrase as identities whose PIN is the backup password, the others as accounts; the file is checked as a whole first, and nothing is written if any key in it is not the one its wallet list names.',
        'Accounts already in the vault are skipped unless --on-duplicate replace (an entry without a key, or whose key could not be checked, never replaces one that has it).',
        "Each account is stored under the network its file names (its genesis hash, else its address format). Networks that share an address format cannot be told apart from a file (AXIA.js writes Polkadot's format and genesis hash for AXIA, Kusama's for AXIALunar): give --network NAME to store them all under that one, the stored files' unencrypted address and genesis hash following it (a network of another format is allowed: the same keys then show other addresses, which is said), or change one later with `keepsake account network`.",
        'Exit status: 0 restored (failures, if any, are listed) · 1 nothing restored and a file failed · 3 nothing restored: wrong password.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake restore 5GrwvaEF….json',
        'keepsake restore ~/backups/ --password-file pw.txt --json',
        'keepsake restore export-all.json --on-duplicate replace',
        'keepsake restore axia-account.json --network axia',
      ]),
    )
    .action((paths: string[], opts: { passwordFile?: string; onDuplicate: RestoreOptions['onDuplicate']; network?: string }) =>
      run((ctx) => restoreRun({ paths, passwordFile: opts.passwordFile, onDuplicate: opts.onDuplicate, network: opts.network }, ctx)),
    );
}

/** Runs `keepsake restore` with its parsed options; resolves to the exit code. */
export async function restoreRun(options: RestoreOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  // An unknown network is a usage error before any file is read or any password asked.
  if (options.network !== undefined) (await import('../../wallet/network.js')).networkResolve(options.network);
  const files = await expandPaths(options.paths);
  const inputs = await Promise.all(files.map(async (file) => ({ file, text: await readInputFile(file) })));
  const { walletFileCheck } = await import('../../wallet/fileCheck.js');
  // Refuse what is plainly not a backup before asking for a password (each file is still reported by restoreFiles).
  if (inputs.length === 1) walletFileCheck(inputs[0]!.text, inputs[0]!.file);
  // A Nova Wallet cloud backup holds identities too: given alone, it is imported as a whole (issue 17).
  if (inputs.length === 1 && (await import('../../formats/detect.js')).formatDetect(inputs[0]!.text, inputs[0]!.file).format === 'nova-backup')
    return novaRestore(inputs[0]!, options, ctx);
  // Each line of a password file is tried on every file (and batch entry) the ones before did not open.
  const [password, ...morePasswords] = await readSecretLines(io, {
    file: options.passwordFile,
    flag: '--password-file',
    prompt: inputs.length === 1 ? line`Password for ${inputs[0]!.file}: ` : `Password for the ${inputs.length} files: `,
  });
  const { restoreFiles } = await import('../../wallet/restore.js');
  const progress = progressStart(io, 'Restoring', inputs.length);
  const ask = askLocked(io, options.passwordFile);
  let report: RestoreReport;
  try {
    report = await withVault(
      ctx,
      (vault) =>
        restoreFiles(vault, inputs, password!, {
          onDuplicate: options.onDuplicate,
          morePasswords,
          ...(options.network === undefined ? {} : { network: options.network }),
          // On a terminal, what is still locked is asked for by name (the progress line is done by then).
          ...(ask === undefined
            ? {}
            : {
                askPassword: (locked) => {
                  progress.stop();
                  return ask(locked);
                },
              }),
          onProgress: (done) => progress.update(done),
        }),
      { mode: 'add' },
    );
  } finally {
    progress.stop();
  }
  if (io.json) printJson(io, report);
  else printReport(io, report);
  return restoreExit(io, report);
}

/** `restore novawallet_backup.json`: the whole-wallet import, reported as `backup import` reports it (the same JSON shape as a restore's). */
async function novaRestore(input: { file: string; text: string }, options: RestoreOptions, ctx: Context): Promise<number> {
  const [password] = await readSecretLines(ctx.io, { file: options.passwordFile, flag: '--password-file', prompt: line`Password for ${input.file}: ` });
  const [{ backupImport }, { printImport }] = await Promise.all([import('../../wallet/backup/import.js'), import('./backup/import.js')]);
  const report = await withVault(ctx, (vault) => backupImport(vault, input.text, password!, { file: input.file }), { mode: 'add' });
  if (ctx.io.json) printJson(ctx.io, report);
  else printImport(ctx.io, report);
  return EXIT.ok;
}

/** The exit status of a restore (`restore`, `rescue restore`): partial success keeps what was restored; a run that restored nothing failed. */
export function restoreExit(io: Io, report: RestoreReport, what = 'files'): number {
  const verdict = restoreVerdict(report);
  if (verdict === 'ok') return EXIT.ok;
  const wrongPassword = verdict === 'wrong-password';
  if (io.json) {
    const first = report.failed[0]!.error;
    const message =
      report.failed.length === 1 ? errorTextCli(first) : `None of the ${report.failed.length} ${what} could be restored; the first: ${errorTextCli(first)}`;
    printJsonError(io, { name: wrongPassword ? 'WrongPasswordError' : first.name, message });
  }
  return wrongPassword ? EXIT.wrongPassword : EXIT.failed;
}

/** Each account restored, skipped or failed, and the counts. */
export function printReport(io: Io, r: RestoreReport): void {
  for (const a of r.restored) {
    const note = a.verified ? '' : ' (locked with its own password; its key could not be checked yet)';
    out(io, line`${color(io, 'green', a.replaced ? 'replaced' : 'restored')}  ${a.address} "${a.name}"${note}`);
    if (a.relocked)
      out(
        io,
        `          ${a.relocked === 'unencrypted' ? 'it was not encrypted' : 'it used the old encryption without key derivation'}; keepsake locked it with the password you gave.`,
      );
  }
  for (const s of r.skipped) out(io, line`${color(io, 'yellow', 'skipped')}   ${s.address}: ${s.reason}`);
  for (const f of r.failed) say(io, line`${color(io, 'red', 'failed')}    ${f.file}: ${errorTextCli(f.error)}`);
  out(io, `${r.restored.length} restored, ${r.skipped.length} skipped, ${r.failed.length} failed.`);
  for (const note of r.notes) out(io, line`note: ${errorTextCli(note)}`);
}

/** Files as given; a folder contributes its *.json files (not recursively), in name order. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      if (names.length === 0) throw new UsageError({ reason: `The folder ${path} holds no .json files.` });
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}
