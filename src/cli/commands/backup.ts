import type { Command } from 'commander';
import { UsageError } from '../../errors/usage.js';
import type { BackupCounts, ImportItem, ImportReport } from '../../wallet/backup.js';
import { type Runner, withVault } from '../context.js';
import { EXIT } from '../exit.js';
import { helpExamples } from '../help.js';
import { color, confirm, type Io, out, printJson, readInputFile, readNewSecret, readSecret, say } from '../io.js';
import { outputCheck, outputWrite } from '../output.js';
import { line } from '../printable.js';
import { progressPausable } from '../progressPausable.js';
import { plural } from '../../text/plural.js';
import { MIN_SECRET_LENGTH } from '../../wallet/secrets.js';

export function backupCommand(program: Command, run: Runner): void {
  const backup = program
    .command('backup')
    .summary('the whole wallet (identities, accounts, address book) in one password-protected file')
    .description(
      [
        'Export identities, accounts, the address book and imported Concordium data to one file protected by a password of at least 6 characters, and import such a file (or a Concordium Desktop Wallet export), seeing everything imported.',
        '`keepsake verify FILE` checks such a file and says what an import would do, importing nothing.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake backup export --out wallet-backup.json', 'keepsake backup import wallet-backup.json']));

  backup
    .command('export')
    .requiredOption('--out <file>', 'where to write the backup (a .json file)')
    .option('--password-file <file>', 'read the backup password from <file> (asked twice on a terminal)')
    .option('--format <format>', 'keepsake (everything) or concordium-desktop (Concordium data, for the desktop wallet)', 'keepsake')
    .option('--rekey', "ask every account's password and identity's PIN and lock everything with the backup password")
    .option('--pin-file <file>', 'with --rekey: the PINs of the identities to re-key, one line NAME:PIN per identity (- = standard input)')
    .option('--force', 'overwrite <file> if it exists')
    .summary('export the whole wallet to one file')
    .description(
      [
        'Write identities (phrases still sealed under their PINs), accounts (still locked with their own passwords), the address book and Concordium data to one file (its name ends in .json). Nothing in it — not even names or addresses — is readable without the backup password, which is asked twice on a terminal (at least 6 characters) or read from --password-file. The vault is not changed.',
        "With --rekey everything is locked with the backup password instead: each account's file (an account the backup password does not open is asked for by name, on a terminal only), and each identity whose PIN is given — asked on a terminal (Enter keeps its own PIN), or one line NAME:PIN per identity in --pin-file. Which identities' PINs become the backup password is said before anything is written (on a terminal, confirmed: answering no writes nothing, exit 1) or with the result.",
        '--format concordium-desktop writes only the Concordium data (identities, accounts, Concordium addresses of the address book), as the Concordium Desktop Wallet imports it; a vault without any is refused before the password is asked.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake backup export --out wallet-backup.json',
        'keepsake backup export --out wallet-backup.json --rekey --password-file pw.txt --pin-file pins.txt',
        'keepsake backup export --out concordium.json --format concordium-desktop',
      ]),
    )
    .action((opts: { out: string; passwordFile?: string; pinFile?: string; format: string; rekey?: boolean; force?: boolean }) =>
      run(async (ctx) => {
        if (opts.format !== 'keepsake' && opts.format !== 'concordium-desktop') {
          throw new UsageError({ reason: `--format is "keepsake" or "concordium-desktop", not "${opts.format}".` });
        }
        const format = opts.format;
        if (!opts.out.toLowerCase().endsWith('.json')) throw new UsageError({ reason: 'The backup file name must end in .json.' });
        if (opts.pinFile !== undefined && !opts.rekey) throw new UsageError({ reason: '--pin-file is for --rekey: without it every identity keeps its own PIN in the backup.' });
        outputCheck(opts.out, opts.force === true);
        const { backupExport, backupRekeyPlan } = await import('../../wallet/backup.js');
        const { concordiumExportCheck } = await import('../../wallet/concordium.js');
        // An empty Concordium export is refused before the password is asked.
        if (format === 'concordium-desktop') await withVault(ctx, (vault) => concordiumExportCheck(vault));
        const password = await readNewSecret(ctx.io, { file: opts.passwordFile, flag: '--password-file', prompt: `Backup password (at least ${MIN_SECRET_LENGTH} characters): `, what: 'backup password', minLength: MIN_SECRET_LENGTH });
        const result = await withVault(ctx, async (vault) => {
          if (!opts.rekey || format !== 'keepsake') return backupExport(vault, password, { format });
          const plan = backupRekeyPlan(vault);
          const pins = await rekeyPins(ctx.io, plan.identities, opts.pinFile);
          if (!(await rekeyConfirm(ctx.io, pins))) return undefined;
          const progress = progressPausable(ctx.io, 'Re-locking accounts', plan.files);
          try {
            return await backupExport(vault, password, {
              format,
              rekey: true,
              pinFor: async (i) => pins.get(i.id),
              onProgress: (done) => progress.update(done),
              // Accounts the backup password (or an answer given before) does not open are asked for, on a terminal only.
              ...(opts.passwordFile === undefined
                ? { passwordFor: (a: { address: string; name: string }) => progress.around(() => readSecret(ctx.io, { file: undefined, flag: '--password-file', prompt: line`Password of ${a.name} (${a.address}): ` })) }
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
        outputWrite(opts.out, result.json, opts.force === true);
        if (ctx.io.json) printJson(ctx.io, { out: opts.out, format, ...result.counts, ...(opts.rekey ? { rekeyed: result.rekeyed } : {}) });
        else {
          out(ctx.io, line`Wrote ${opts.out}: ${countsText(result.counts, format)}.`);
          // A script was not asked anything: what the rekey did to each PIN is part of its result.
          if (opts.rekey && !interactive(ctx.io)) rekeyPrint(ctx.io, result.rekeyed, opts.pinFile, out);
        }
        return 0;
      }),
    );

  backup
    .command('import')
    .argument('<file>', 'a keepsake backup or a Concordium Desktop Wallet export')
    .option('--password-file <file>', 'read the backup password from <file> (- = standard input)')
    .summary('import a whole-wallet backup, all or nothing')
    .description(
      [
        "Import a keepsake backup or a Concordium Desktop Wallet export into the vault (made on first use). The file's password is asked on the terminal or read from --password-file (a wrong one: exit 3, nothing imported). A Concordium Mobile Wallet export is refused with the reason.",
        "Either everything is imported or nothing is; then every identity, account and address is listed as imported, already present (and under which name), or replaced (a watch-only account gains its key; a Concordium item takes the name the file gives it). Identities keep the PIN they had in the backup; after a --rekey export, that PIN is the backup password, and the list says so.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake backup import wallet-backup.json', 'keepsake backup import concordium-export.json --password-file pw.txt --json']))
    .action((file: string, opts: { passwordFile?: string }) =>
      run(async (ctx) => {
        const text = await readInputFile(file);
        const { formatDetect } = await import('../../formats/detect.js');
        formatDetect(text, file);
        const password = await readSecret(ctx.io, { file: opts.passwordFile, flag: '--password-file', prompt: line`Password for ${file}: ` });
        const { backupImport } = await import('../../wallet/backup.js');
        const report = await withVault(ctx, (vault) => backupImport(vault, text, password, { file }), { mode: 'add' });
        if (ctx.io.json) printJson(ctx.io, report);
        else printImport(ctx.io, report);
        return EXIT.ok;
      }),
    );
}

const KIND_LABEL = { identity: 'identity', account: 'account', address: 'address', 'concordium-identity': 'Concordium identity', 'concordium-account': 'Concordium account' } as const;

function printImport(io: Io, r: ImportReport): void {
  for (const i of r.items) {
    const what = line`${KIND_LABEL[i.kind]} "${i.name}"${i.address ? line` ${i.address}` : ''}`;
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
    out(io, `Imported: ${countsText({ identities: of('identity'), accounts: of('account'), addresses: of('address'), concordiumIdentities: of('concordium-identity'), concordiumAccounts: of('concordium-account') }, 'keepsake')}.`);
  }
  const rekeyed = r.items.filter((i) => i.rekeyed && i.status === 'imported');
  if (rekeyed.length > 0) say(io, `The backup was re-keyed: the PIN of ${rekeyed.length === 1 ? 'that identity' : 'those identities'} is now the backup password.`);
  if (r.items.length === 0) say(io, 'The file holds nothing to import.');
}

/** "2 identities, 1 account, 4 addresses, 1 Concordium identity" — the Concordium ones only when there are any. */
function countsText(c: BackupCounts, format: 'keepsake' | 'concordium-desktop'): string {
  const n = plural;
  if (format === 'concordium-desktop') {
    return [n(c.identities, 'Concordium identity', 'Concordium identities'), n(c.accounts, 'Concordium account', 'Concordium accounts'), n(c.addresses, 'address', 'addresses')].join(', ');
  }
  return [
    n(c.identities, 'identity', 'identities'),
    n(c.accounts, 'account', 'accounts'),
    n(c.addresses, 'address', 'addresses'),
    ...(c.concordiumIdentities ? [n(c.concordiumIdentities, 'Concordium identity', 'Concordium identities')] : []),
    ...(c.concordiumAccounts ? [n(c.concordiumAccounts, 'Concordium account', 'Concordium accounts')] : []),
  ].join(', ');
}

/**
 * The PIN of each identity to re-key, by name: its own line of --pin-file, else asked on the terminal
 * (Enter keeps its own PIN), else none. Never the backup password or another identity's PIN: a
 * wrong PIN counts against the identity, so only the user's answer for that identity is tried.
 */
async function rekeyPins(io: Io, identities: readonly { id: number; name: string }[], pinFile: string | undefined): Promise<Map<number, string>> {
  let pins = new Map<number, string>();
  if (pinFile !== undefined) {
    const { pinFileRead } = await import('../pinFile.js');
    pins = await pinFileRead(io, pinFile, identities);
  } else if (interactive(io) && identities.length > 0) {
    say(io, "--rekey re-seals each identity under the backup password: its PIN in the backup becomes the backup password. Give each identity's PIN, or press Enter to keep its own PIN.");
    for (const i of identities) {
      const pin = await readSecret(io, { file: undefined, flag: '--pin-file', what: 'PIN', prompt: line`PIN of the identity "${i.name}" (Enter keeps its own PIN): ` });
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

function interactive(io: Io): boolean {
  return io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/** A line per identity: its PIN is (or will be) the backup password in the file, or it keeps its own. */
function rekeyPrint(io: Io, r: { identities: readonly string[]; keptPin: readonly string[] }, pinFile: string | undefined, print: typeof say, tense: 'is' | 'will be' = 'is'): void {
  for (const name of r.identities) print(io, line`The PIN of identity "${name}" ${tense} the backup password in this file.`);
  for (const name of r.keptPin) print(io, line`Identity "${name}" keeps its own PIN in this file: no PIN was given for it${pinFile === undefined ? ' (--pin-file with a line NAME:PIN re-keys it)' : ''}.`);
}

/** On a terminal, whether to go on once the PIN changes were said; elsewhere there is no one to ask. */
async function rekeyConfirm(io: Io, pins: ReadonlyMap<number, string>): Promise<boolean> {
  if (pins.size === 0 || !interactive(io)) return true;
  return confirm(io, 'Write the backup with these PINs changed?');
}
