import { type Command, Option } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { RESTORE_DUPLICATE_CHOICES } from '../../../wallet/choices.js';
import { askLocked } from '../../askLocked.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { EXIT } from '../../exit.js';
import { helpExamples } from '../../help.js';
import { out, printJson, readSecret, readSecretLines } from '../../io.js';
import { line } from '../../printable.js';
import { progressStart } from '../../progress.js';
import { printReport, restoreExit } from '../restore.js';

export type RescueRestoreOptions = {
  addresses: string[];
  profile?: string[];
  passwordFile?: string;
  onDuplicate: 'skip' | 'replace';
  concordiumDb?: string;
  network?: string;
};

/** Registers `keepsake rescue restore`: its options and help; the action calls {@link rescueRestoreRun}. */
export function rescueRestoreCommand(rescue: Command, run: Runner): void {
  rescue
    .command('restore')
    .argument('[address...]', 'the accounts to restore (any address format); all that `rescue scan` finds when none is given')
    .option('--profile <dir...>', 'search these folders instead of this machine’s browsers (as `rescue scan --profile`)')
    .option(
      '--password-file <file>',
      "the accounts' passwords: the first line, then each further line tried on what the lines before did not open (- = standard input)",
    )
    .addOption(
      new Option('--on-duplicate <mode>', 'an account already in the vault: skip it, or replace it').choices(RESTORE_DUPLICATE_CHOICES).default('skip'),
    )
    .option('--network <network>', 'store every restored account under this network (e.g. axia), whatever the extension kept')
    .option('--concordium-db <file>', "import the Concordium Desktop Wallet's database instead (its password from --password-file, or asked)")
    .summary('restore the accounts `rescue scan` finds into the vault')
    .description(
      [
        'Restore the accounts `rescue scan` finds (all of them, or those whose addresses are given) exactly as `keepsake restore` restores files: each is stored as the extension kept it, still locked with its own password; its key is checked against its address when the password given (or a further line of --password-file, or an answer on a terminal) opens it, and otherwise kept unchecked (`keepsake account verify` checks it later). A live account wins over a deleted copy of the same account. Each account is reported.',
        "With --concordium-db FILE, the Concordium Desktop Wallet's database (SQLCipher; its password is the wallet's) is read from a copy and imported as its export file would be: the same duplicate rules, the data sealed under that password.",
        'Exit status: 0 restored · 1 nothing restored and an account failed, or nothing found · 3 wrong password (nothing restored).',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake rescue restore --password-file pw.txt',
        'keepsake rescue restore 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --profile ~/old-disk/.config/chromium',
        'keepsake rescue restore --concordium-db old-wallet-database.sqlite3',
      ]),
    )
    .action((addresses: string[], opts: Omit<RescueRestoreOptions, 'addresses'>) => run((ctx) => rescueRestoreRun({ ...opts, addresses }, ctx)));
}

/** Runs `keepsake rescue restore` with its parsed options; resolves to the exit code. */
export async function rescueRestoreRun(options: RescueRestoreOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  if (options.concordiumDb !== undefined) {
    if (options.addresses.length > 0 || options.profile !== undefined || options.network !== undefined)
      throw new UsageError({ reason: '--concordium-db imports the whole Concordium database: give no addresses, --profile or --network with it.' });
    const password = await readSecret(io, {
      file: options.passwordFile,
      flag: '--password-file',
      prompt: 'Password of the Concordium Desktop Wallet: ',
    });
    const { rescueConcordiumImport } = await import('../../../wallet/rescue/concordium.js');
    const report = await withVault(ctx, (vault) => rescueConcordiumImport(vault, options.concordiumDb!, password), { mode: 'add' });
    const { printImport } = await import('../backup/import.js');
    if (io.json) printJson(io, report);
    else printImport(io, report);
    return EXIT.ok;
  }
  // An unknown network is a usage error before any password is asked.
  if (options.network !== undefined) (await import('../../../wallet/network.js')).networkResolve(options.network);
  const [password, ...morePasswords] = await readSecretLines(io, {
    file: options.passwordFile,
    flag: '--password-file',
    prompt: 'Password of the accounts (each is tried; Enter restores them locked, unchecked): ',
  });
  const { rescueFind } = await import('../../../wallet/rescue/scan.js');
  const { rescueChoose, rescueRestoreFound } = await import('../../../wallet/rescue/restore.js');
  const { found } = await rescueFind(options.profile === undefined ? {} : { dirs: options.profile });
  const chosen = rescueChoose(found, options.addresses);
  const ask = askLocked(io, options.passwordFile);
  const progress = progressStart(io, 'Restoring', chosen.length);
  try {
    const report = await withVault(
      ctx,
      (vault) =>
        rescueRestoreFound(vault, chosen, password!, {
          onDuplicate: options.onDuplicate,
          morePasswords,
          ...(options.network === undefined ? {} : { network: options.network }),
          // On a terminal, what is still locked is asked for by name (the progress line is done by then).
          ...(ask === undefined ? {} : { askPassword: (locked) => (progress.stop(), ask(locked)) }),
          onProgress: (done) => progress.update(done),
        }),
      { mode: 'add' },
    );
    progress.stop();
    if (io.json) printJson(io, report);
    else {
      printReport(io, report);
      out(io, line`(${report.found} found in the wallet storage searched.)`);
    }
    return restoreExit(io, report, 'accounts');
  } finally {
    progress.stop();
  }
}
