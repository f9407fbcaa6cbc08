import { type Command, Option } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { backupWrittenRecord } from '../../backupRecord.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { EXIT } from '../../exit.js';
import { helpExamples } from '../../help.js';
import { canPrompt, confirm, type Io, out, printJson, readNewSecret, readSecret, readSecretLines, say } from '../../io.js';
import type { BackupExportOptions as WalletExportOptions } from '../../../wallet/backup/export.js';
import { type ExportFileOptions, outputCheck, outputWrite } from '../../output.js';
import { line } from '../../printable.js';
import { progressPausable } from '../../progressPausable.js';
import { BACKUP_FORMAT_CHOICES } from '../../../wallet/choices.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';
import { countsText } from './counts.js';

export type BackupExportOptions = ExportFileOptions & { format: (typeof BACKUP_FORMAT_CHOICES)[number]; rekey?: boolean; concordiumPasswordFile?: string };

/** Registers `keepsake backup export`: its options and help; the action calls {@link backupExportRun}. */
export function backupExportCommand(backup: Command, run: Runner): void {
  backup
    .command('export')
    .requiredOption('--out <file>', 'where to write the backup (a .json file)')
    .option('--password-file <file>', 'read the backup password from <file> (asked twice on a terminal)')
    .addOption(
      new Option(
        '--format <format>',
        'keepsake (everything), concordium-desktop (Concordium data, for the desktop wallet) or nova (a Nova Wallet cloud backup)',
      )
        .choices(BACKUP_FORMAT_CHOICES)
        .default('keepsake'),
    )
    .option('--rekey', "ask every account's password and identity's PIN and lock everything with the backup password")
    .option('--pin-file <file>', 'with --rekey or --format nova: the PINs of the identities, one line NAME:PIN per identity (- = standard input)')
    .option(
      '--concordium-password-file <file>',
      'with --format concordium-desktop: the passwords of the Concordium files the data was imported from, one per line (asked on a terminal when the backup password does not open it)',
    )
    .option('--force', 'overwrite <file> if it exists')
    .summary('export the whole wallet to one file')
    .description(
      [
        `Write identities (phrases still sealed under their PINs), accounts (still locked with their own passwords), the address book and Concordium data to one file (its name ends in .json). Nothing in it — not even names or addresses — is readable without the backup password, which is asked twice on a terminal (at least ${MIN_SECRET_LENGTH} characters) or read from --password-file. Only the file is recorded in the vault (its path, SHA-256 and what it covers, for \`keepsake status\`).`,
        "With --rekey everything is locked with the backup password instead: each account's file (an account the backup password does not open is asked for by name, on a terminal only), and each identity whose PIN is given — asked on a terminal (Enter keeps its own PIN), or one line NAME:PIN per identity in --pin-file. Which identities' PINs become the backup password is said before anything is written (on a terminal, confirmed: answering no writes nothing, exit 1) or with the result.",
        "--format nova writes a Nova Wallet cloud backup (novawallet_backup.json) under the backup password, for moving to Nova Wallet: each identity account becomes a wallet with the identity's phrase (its PIN is asked on a terminal, or one line NAME:PIN in --pin-file), each account with a key file a wallet with its key (its password: the backup password, else asked by name on a terminal), each watch-only account a watch-only wallet. What Nova's backup cannot hold (an identity whose PIN was not given, the address book, Concordium data, an Ethereum key without a Polkadot one) is said, one line each. The file is written as Nova's iOS app writes it: put it in the Nova Wallet folder of iCloud Drive and restore from the cloud backup in Nova (Nova on Android reads only a backup it wrote to Google Drive itself).",
        "--format concordium-desktop writes only the Concordium data (identities, accounts, Concordium addresses of the address book), as the Concordium Desktop Wallet imports it; a vault without any is refused before the password is asked. The vault keeps that data sealed under the password of the file it came from: when the new file's password is another one, that password is asked on a terminal (naming the file) or read from --concordium-password-file.",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake backup export --out wallet-backup.json',
        'keepsake backup export --out wallet-backup.json --rekey --password-file pw.txt --pin-file pins.txt',
        'keepsake backup export --out concordium.json --format concordium-desktop',
        'keepsake backup export --out novawallet_backup.json --format nova --pin-file pins.txt',
        'keepsake backup export --out concordium.json --format concordium-desktop --password-file new.txt --concordium-password-file old.txt',
      ]),
    )
    .action((opts: BackupExportOptions) => run((ctx) => backupExportRun(opts, ctx)));
}

/** Runs `keepsake backup export` with its parsed options; resolves to the exit code. */
export async function backupExportRun(options: BackupExportOptions, ctx: Context): Promise<number> {
  const { format } = options;
  if (!options.out.toLowerCase().endsWith('.json')) throw new UsageError({ reason: 'The backup file name must end in .json.' });
  if (options.rekey && format === 'nova')
    throw new UsageError({ reason: "--rekey is for keepsake's format: a Nova backup is always locked with the backup password alone." });
  if (options.pinFile !== undefined && !options.rekey && format !== 'nova')
    throw new UsageError({ reason: '--pin-file is for --rekey: without it every identity keeps its own PIN in the backup.' });
  if (options.concordiumPasswordFile !== undefined && format !== 'concordium-desktop')
    throw new UsageError({
      reason: '--concordium-password-file is for --format concordium-desktop: a keepsake backup keeps Concordium data sealed as the vault holds it.',
    });
  outputCheck(options.out, options.force === true);
  const { backupExport, backupRekeyPlan } = await import('../../../wallet/backup/export.js');
  const { concordiumExportCheck } = await import('../../../wallet/concordium.js');
  // An empty Concordium export is refused before the password is asked.
  if (format === 'concordium-desktop') await withVault(ctx, (vault) => concordiumExportCheck(vault));
  const password = await readNewSecret(ctx.io, {
    file: options.passwordFile,
    flag: '--password-file',
    prompt: `Backup password (at least ${MIN_SECRET_LENGTH} characters): `,
    what: 'backup password',
    minLength: MIN_SECRET_LENGTH,
  });
  const result = await withVault(ctx, async (vault) => {
    if (format === 'concordium-desktop') return backupExport(vault, password, { format, ...(await concordiumPasswords(ctx.io, options)) });
    if (format === 'nova') {
      const pins = await novaPins(ctx.io, backupRekeyPlan(vault).identities, options.pinFile);
      return backupExport(vault, password, {
        format,
        pinFor: async (i) => pins.get(i.id),
        ...(options.passwordFile === undefined
          ? {
              passwordFor: (a: { address: string; name: string }) =>
                readSecret(ctx.io, { file: undefined, flag: '--password-file', prompt: line`Password of ${a.name} (${a.address}): ` }),
            }
          : {}),
      });
    }
    if (!options.rekey) return backupExport(vault, password, { format });
    const plan = backupRekeyPlan(vault);
    const pins = await rekeyPins(ctx.io, plan.identities, options.pinFile);
    if (!(await rekeyConfirm(ctx.io, pins))) return undefined;
    const progress = progressPausable(ctx.io, 'Re-locking accounts', plan.files);
    try {
      return await backupExport(vault, password, {
        format,
        rekey: true,
        pinFor: async (i) => pins.get(i.id),
        onProgress: (done) => progress.update(done),
        // Accounts the backup password (or an answer given before) does not open are asked for, on a terminal only.
        ...(options.passwordFile === undefined
          ? {
              passwordFor: (a: { address: string; name: string }) =>
                progress.around(() => readSecret(ctx.io, { file: undefined, flag: '--password-file', prompt: line`Password of ${a.name} (${a.address}): ` })),
            }
          : {}),
      });
    } finally {
      progress.stop();
    }
  });
  if (result === undefined) {
    out(ctx.io, 'Nothing was written.');
    return EXIT.failed;
  }
  outputWrite(options.out, result.json, options.force === true);
  const recorded = format === 'keepsake' ? 'keepsake-backup' : format === 'nova' ? 'nova-backup' : format;
  await backupWrittenRecord(ctx, { path: options.out, text: result.json, format: recorded, covers: result.covers });
  // What Nova's format could not hold: said, one line each, on stderr (and in the JSON result).
  if (!ctx.io.json) for (const note of result.notes ?? []) say(ctx.io, line`note: ${note}`);
  if (ctx.io.json)
    printJson(ctx.io, {
      out: options.out,
      format,
      ...result.counts,
      ...(options.rekey ? { rekeyed: result.rekeyed } : {}),
      ...(result.notes ? { notes: result.notes } : {}),
    });
  else {
    out(ctx.io, line`Wrote ${options.out}: ${countsText(result.counts, format)}.`);
    // A script was not asked anything: what the rekey did to each PIN is part of its result.
    if (options.rekey && !interactive(ctx.io)) rekeyPrint(ctx.io, result.rekeyed, options.pinFile, out);
  }
  return 0;
}

/**
 * The passwords that may open the vault's sealed Concordium data: the lines of --concordium-password-file,
 * else asked on a terminal for each seal the backup password does not open, naming the file it came from.
 */
async function concordiumPasswords(io: Io, options: BackupExportOptions): Promise<Pick<WalletExportOptions, 'concordiumPasswords' | 'concordiumPasswordAsk'>> {
  const file = options.concordiumPasswordFile;
  if (file !== undefined) return { concordiumPasswords: await readSecretLines(io, { file, flag: '--concordium-password-file', prompt: '' }) };
  if (!canPrompt(io, { file })) return {};
  return {
    concordiumPasswordAsk: ({ source, wrong }) =>
      readSecret(io, {
        file: undefined,
        flag: '--concordium-password-file',
        prompt: line`${wrong ? 'That password does not open it. ' : ''}The Concordium data from ${source} is sealed under that file's password. Password (Enter gives up): `,
      }),
  };
}

/**
 * The PIN of each identity to re-key, by name: its own line of --pin-file, else asked on the terminal
 * (Enter keeps its own PIN), else none. Never the backup password or another identity's PIN: a
 * wrong PIN counts against the identity, so only the user's answer for that identity is tried.
 */
async function rekeyPins(io: Io, identities: readonly { id: number; name: string }[], pinFile: string | undefined): Promise<Map<number, string>> {
  let pins = new Map<number, string>();
  if (pinFile !== undefined) {
    const { pinFileRead } = await import('../../pinFile.js');
    pins = await pinFileRead(io, pinFile, identities);
  } else if (interactive(io) && identities.length > 0) {
    say(
      io,
      "--rekey re-seals each identity under the backup password: its PIN in the backup becomes the backup password. Give each identity's PIN, or press Enter to keep its own PIN.",
    );
    for (const i of identities) {
      const pin = await readSecret(io, {
        file: undefined,
        flag: '--pin-file',
        what: 'PIN',
        prompt: line`PIN of the identity "${i.name}" (Enter keeps its own PIN): `,
      });
      if (pin !== '') pins.set(i.id, pin);
    }
  }
  // On a terminal it is said before anything is written, and confirmed (rekeyConfirm); a script gets it with the result.
  if (!io.json && interactive(io)) {
    const names = (ids: (i: { id: number }) => boolean) => identities.filter(ids).map((i) => i.name);
    rekeyPrint(io, { identities: names((i) => pins.has(i.id)), keptPin: names((i) => !pins.has(i.id)) }, pinFile, say, 'will be');
  }
  return pins;
}

/**
 * The PIN of each identity for a Nova backup (its phrase goes in the file): its line of --pin-file,
 * else asked on a terminal (Enter leaves the identity out, which the result says), else none.
 */
async function novaPins(io: Io, identities: readonly { id: number; name: string }[], pinFile: string | undefined): Promise<Map<number, string>> {
  if (pinFile !== undefined) return (await import('../../pinFile.js')).pinFileRead(io, pinFile, identities);
  const pins = new Map<number, string>();
  if (!interactive(io)) return pins;
  for (const i of identities) {
    const pin = await readSecret(io, {
      file: undefined,
      flag: '--pin-file',
      what: 'PIN',
      prompt: line`PIN of the identity "${i.name}" (Enter leaves it out): `,
    });
    if (pin !== '') pins.set(i.id, pin);
  }
  return pins;
}

function interactive(io: Io): boolean {
  return io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/** A line per identity: its PIN is (or will be) the backup password in the file, or it keeps its own. */
function rekeyPrint(
  io: Io,
  r: { identities: readonly string[]; keptPin: readonly string[] },
  pinFile: string | undefined,
  print: typeof say,
  tense: 'is' | 'will be' = 'is',
): void {
  for (const name of r.identities) print(io, line`The PIN of identity "${name}" ${tense} the backup password in this file.`);
  for (const name of r.keptPin)
    print(
      io,
      line`Identity "${name}" keeps its own PIN in this file: no PIN was given for it${pinFile === undefined ? ' (--pin-file with a line NAME:PIN re-keys it)' : ''}.`,
    );
}

/** On a terminal, whether to go on once the PIN changes were said; elsewhere there is no one to ask. */
async function rekeyConfirm(io: Io, pins: ReadonlyMap<number, string>): Promise<boolean> {
  if (pins.size === 0 || !interactive(io)) return true;
  return confirm(io, 'Write the backup with these PINs changed?');
}
