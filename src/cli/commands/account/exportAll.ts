import { type Command, Option } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { backupWrittenRecord } from '../../backupRecord.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { type Io, out, printJson, readNewSecret, readSecret, say } from '../../io.js';
import { type ExportFileOptions, outputCheck, outputWrite } from '../../output.js';
import { line } from '../../printable.js';
import { progressPausable } from '../../progressPausable.js';
import { EXPORT_ALL_FORMAT_CHOICES, KDF_CHOICES } from '../../../wallet/choices.js';
import type { LeftOut } from '../../../wallet/export.js';
import { plural } from '../../../text/plural.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type AccountExportAllOptions = ExportFileOptions & {
  rekey?: boolean;
  kdf: (typeof KDF_CHOICES)[number];
  format: (typeof EXPORT_ALL_FORMAT_CHOICES)[number];
};

/** Registers `keepsake account export-all`: its options and help; the action calls {@link accountExportAllRun}. */
export function accountExportAllCommand(parent: Command, run: Runner): void {
  parent
    .command('export-all')
    .requiredOption('--out <file>', 'where to write the batch file')
    .option('--password-file <file>', 'read the batch password from the first line of <file> (- = standard input)')
    .option('--pin-file <file>', 'PINs of the identities whose accounts go in the file: one line NAME:PIN per identity (- = standard input)')
    .option('--rekey', "ask each account's password and re-lock every account with the batch password")
    .addOption(new Option('--kdf <kdf>', 'default (scrypt N=2^17) or compat (N=2^15)').choices(KDF_CHOICES).default('default'))
    .addOption(
      new Option('--format <format>', 'polkadot-js-batch (the extension) or apps (Polkadot-JS Apps "Export all" list)')
        .choices(EXPORT_ALL_FORMAT_CHOICES)
        .default('polkadot-js-batch'),
    )
    .option('--force', 'overwrite <file> if it exists')
    .summary('write every account to one batch file (the extension\'s "Export all" format)')
    .description(
      [
        'Write every account to one file in the Polkadot{.js} extension\'s "Export all accounts" format, or with --format apps the Polkadot-JS Apps "Export all" list. Only the file is recorded in the vault (for `keepsake status`); a vault with nothing to export is refused before anything is asked.',
        `IMPORTANT: the batch password (asked twice on a terminal, at least ${MIN_SECRET_LENGTH} characters, or read from --password-file) only locks the file as a whole. Each account inside keeps its own password, and restoring an account later needs that account's password. The Apps list has no password at all. With --rekey, keepsake re-locks every account with the password given, so the one password restores everything: an account that password does not open is asked for by name on a terminal; with --password-file such an account stops the export.`,
        "Accounts derived from an identity have no password of their own: each identity's PIN is asked once on a terminal (Enter leaves its accounts out), or read from --pin-file, one line NAME:PIN per identity, and its accounts are locked with the batch password (in the Apps list, only with --rekey). Watch-only accounts go in the Apps list only. Every account left out is named, with the reason.",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account export-all --out all-accounts.json',
        'keepsake account export-all --out all-accounts.json --rekey --password-file pw.txt --pin-file pins.txt',
        'keepsake account export-all --out apps-list.json --format apps',
      ]),
    )
    .action((opts: AccountExportAllOptions) => run((ctx) => accountExportAllRun(opts, ctx)));
}

/** Runs `keepsake account export-all` with its parsed options; resolves to the exit code. */
export async function accountExportAllRun(options: AccountExportAllOptions, ctx: Context): Promise<number> {
  const { kdf, format } = options;
  outputCheck(options.out, options.force === true);
  // The Apps list has no outer lock: a password is needed only to re-lock every entry with it.
  const needsPassword = format === 'polkadot-js-batch' || options.rekey === true;
  if (!needsPassword && options.pinFile !== undefined) {
    throw new UsageError({
      reason: 'Accounts derived from an identity need a password in the Apps list, and this list has none: --pin-file goes with --rekey here.',
    });
  }
  const { accountExportAll, accountExportAllPlan } = await import('../../../wallet/export.js');
  const result = await withVault(ctx, async (vault) => {
    // Before anything is asked: an export that would hold nothing is refused here (no file written).
    const plan = accountExportAllPlan(vault, { format, password: needsPassword });
    if (!ctx.io.json) exportAllIntro(ctx.io, format, options.rekey === true, plan.identities.length > 0);
    const batchPassword = needsPassword
      ? await readNewSecret(ctx.io, {
          file: options.passwordFile,
          flag: '--password-file',
          prompt: `${format === 'apps' ? 'Password for every account' : 'Batch password'} (at least ${MIN_SECRET_LENGTH} characters): `,
          what: 'batch password',
          minLength: MIN_SECRET_LENGTH,
        })
      : '';
    const pins = await identityPins(ctx.io, options.pinFile, plan.identities);
    const progress = progressPausable(ctx.io, 'Re-locking accounts', options.rekey ? plan.files : 0);
    try {
      return await accountExportAll(vault, batchPassword, {
        kdf,
        format,
        pinFor: async (i) => pins.get(i.id),
        onProgress: (done) => progress.update(done),
        ...(options.rekey
          ? {
              rekey: true,
              // With --password-file nobody can be asked: an account the batch password does not open stops the export.
              ...(options.passwordFile === undefined
                ? {
                    passwordFor: (a: { address: string; name: string }) =>
                      progress.around(() =>
                        readSecret(ctx.io, { file: undefined, flag: '--password-file', prompt: line`Password of ${a.name} (${a.address}): ` }),
                      ),
                  }
                : {}),
            }
          : {}),
      });
    } finally {
      progress.stop();
    }
  });
  outputWrite(options.out, result.json, options.force === true);
  await backupWrittenRecord(ctx, { path: options.out, text: result.json, format, covers: result.covers });
  if (ctx.io.json) {
    printJson(ctx.io, {
      out: options.out,
      accounts: result.count,
      fromIdentities: result.fromIdentities,
      leftOut: result.leftOut,
      skippedWatchOnly: result.skippedWatchOnly,
      rekeyed: options.rekey === true,
    });
    return 0;
  }
  const own = result.count - result.fromIdentities;
  const how = options.rekey
    ? ', all locked with the batch password'
    : result.fromIdentities === 0
      ? ', each still locked with its own password'
      : own === 0
        ? ' derived from identities, locked with the batch password'
        : `: ${result.fromIdentities} derived from identities (locked with the batch password) and ${own} still locked with ${own === 1 ? 'its' : 'their'} own password${own === 1 ? '' : 's'}`;
  out(ctx.io, line`Wrote ${options.out} with ${plural(result.count, 'account')}${how}.`);
  leftOutPrint(ctx.io, result.leftOut);
  return 0;
}

function exportAllIntro(io: Io, format: 'apps' | 'polkadot-js-batch', rekey: boolean, identities: boolean): void {
  if (format === 'apps')
    say(
      io,
      rekey
        ? 'Every account in the list will be locked with the password you give now.'
        : 'Each account in the list keeps its own password (the list itself has none).',
    );
  else
    say(
      io,
      rekey
        ? 'The batch password will lock the file and every account inside it: one password restores everything.'
        : 'The batch password locks the file as a whole only; each account inside keeps its own password.',
    );
  if (identities && (format !== 'apps' || rekey)) say(io, 'Accounts derived from an identity need its PIN once, and are locked with the batch password.');
}

/**
 * Each identity's PIN, asked before the slow work: its own line of --pin-file, else the terminal
 * (Enter leaves its accounts out), else none (they are left out and named). Never another identity's PIN.
 */
async function identityPins(
  io: Io,
  pinFile: string | undefined,
  identities: readonly { id: number; name: string; accounts: number }[],
): Promise<Map<number, string>> {
  if (pinFile !== undefined) {
    const { pinFileRead } = await import('../../pinFile.js');
    return pinFileRead(io, pinFile, identities);
  }
  const pins = new Map<number, string>();
  if (!(io.stdin.isTTY && io.stderr.isTTY)) return pins;
  for (const i of identities) {
    const them = i.accounts === 1 ? 'it' : 'them';
    const pin = await readSecret(io, {
      file: undefined,
      flag: '--pin-file',
      what: 'PIN',
      prompt: line`PIN of the identity "${i.name}" (${plural(i.accounts, 'account')}; press Enter to leave ${them} out): `,
    });
    if (pin !== '') pins.set(i.id, pin);
  }
  return pins;
}

/** Each account the file does not hold, and why; then what would include it. */
function leftOutPrint(io: Io, leftOut: readonly LeftOut[]): void {
  if (leftOut.length === 0) return;
  out(io, line`Left out ${plural(leftOut.length, 'account')}:`);
  for (const l of leftOut) out(io, line`  ${l.address}  "${l.name}": ${l.message}`);
  const reasons = new Set(leftOut.map((l) => l.reason));
  if (reasons.has('no-pin')) say(io, 'To include accounts of an identity, give its PIN: on a terminal, or with --pin-file and one line NAME:PIN per identity.');
  if (reasons.has('watch-only')) say(io, 'Watch-only accounts go in the Polkadot-JS Apps list: --format apps.');
  if (reasons.has('needs-password')) say(io, 'Accounts of identities go in the Apps list with --rekey (one password for every account).');
}
