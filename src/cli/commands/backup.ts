import type { Command } from 'commander';
import { UsageError } from '../../errors/usage.js';
import type { ImportReport } from '../../wallet/backup.js';
import { type Runner, withVault } from '../context.js';
import { EXIT } from '../exit.js';
import { color, type Io, out, printJson, readInputFile, readNewSecret, readSecret, say } from '../io.js';
import { outputCheck, outputWrite } from '../output.js';
import { line } from '../printable.js';
import { plural } from '../../text/plural.js';
import { MIN_SECRET_LENGTH } from '../../wallet/secrets.js';

export function backupCommand(program: Command, run: Runner): void {
  const backup = program
    .command('backup')
    .summary('the whole wallet (identities, accounts, address book) in one password-protected file')
    .description(
      'Export identities, accounts and the address book to one file protected by a password of at least\n' +
        '6 characters, and import such a file (or a Concordium Desktop Wallet export), seeing everything imported.',
    );

  backup
    .command('export')
    .requiredOption('--out <file>', 'where to write the backup (a .json file)')
    .option('--password-file <file>', 'read the backup password from <file> (asked twice on a terminal)')
    .option('--format <format>', 'keepsake (everything) or concordium-desktop (Concordium data, for the desktop wallet)', 'keepsake')
    .option('--rekey', "ask every account's password and identity's PIN and lock everything with the backup password")
    .option('--force', 'overwrite <file> if it exists')
    .summary('export the whole wallet to one file')
    .description(
      'Write identities (phrases still sealed under their PINs), accounts (still locked with their own\n' +
        'passwords) and the address book to one file. Nothing in it — not even names or addresses — is\n' +
        'readable without the backup password. With --rekey everything is re-locked with the backup password.',
    )
    .action((opts: { out: string; passwordFile?: string; format: string; rekey?: boolean; force?: boolean }) =>
      run(async (ctx) => {
        if (opts.format !== 'keepsake' && opts.format !== 'concordium-desktop') {
          throw new UsageError({ reason: `--format is "keepsake" or "concordium-desktop", not "${opts.format}".` });
        }
        if (!opts.out.toLowerCase().endsWith('.json')) throw new UsageError({ reason: 'The backup file name must end in .json.' });
        outputCheck(opts.out, opts.force === true);
        const password = await readNewSecret(ctx.io, { file: opts.passwordFile, flag: '--password-file', prompt: `Backup password (at least ${MIN_SECRET_LENGTH} characters): `, what: 'backup password', minLength: MIN_SECRET_LENGTH });
        const { backupExport } = await import('../../wallet/backup.js');
        const result = await withVault(ctx, (vault) =>
          backupExport(vault, password, {
            format: opts.format as 'keepsake' | 'concordium-desktop',
            ...(opts.rekey
              ? {
                  rekey: true,
                  passwordFor: (a: { address: string; name: string }) =>
                    opts.passwordFile === undefined ? readSecret(ctx.io, { file: undefined, flag: '--password-file', prompt: line`Password of ${a.name} (${a.address}): ` }) : Promise.resolve(password),
                  pinFor: (i: { name: string }) =>
                    opts.passwordFile === undefined ? readSecret(ctx.io, { file: undefined, flag: '--pin-file', prompt: line`PIN of the identity "${i.name}": `, what: 'PIN' }) : Promise.resolve(password),
                }
              : {}),
          }),
        );
        outputWrite(opts.out, result.json, opts.force === true);
        if (ctx.io.json) printJson(ctx.io, { out: opts.out, format: opts.format, ...result.counts });
        else out(ctx.io, line`Wrote ${opts.out}: ${plural(result.counts.identities, 'identity', 'identities')}, ${plural(result.counts.accounts, 'account')}, ${plural(result.counts.addresses, 'address', 'addresses')}.`);
        return 0;
      }),
    );

  backup
    .command('import')
    .argument('<file>', 'a keepsake backup or a Concordium Desktop Wallet export')
    .option('--password-file <file>', 'read the backup password from <file> (- = standard input)')
    .summary('import a whole-wallet backup, all or nothing')
    .description(
      'Import a keepsake backup or a Concordium Desktop Wallet export. Either everything is imported or\n' +
        'nothing is; then every identity, account and address is listed as imported, already present\n' +
        '(and under which name), or replaced. A Concordium Mobile Wallet export is refused with the reason.',
    )
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

function printImport(io: Io, r: ImportReport): void {
  const label = { identity: 'identity', account: 'account', address: 'address', 'concordium-identity': 'Concordium identity', 'concordium-account': 'Concordium account' } as const;
  for (const i of r.items) {
    const what = line`${label[i.kind]} "${i.name}"${i.address ? line` ${i.address}` : ''}`;
    if (i.status === 'imported') out(io, line`${color(io, 'green', 'imported')}  ${what}`);
    else if (i.status === 'replaced') out(io, line`${color(io, 'green', 'replaced')}  ${what} (was "${i.presentAs}")`);
    else out(io, line`${color(io, 'yellow', 'present')}   ${what}: already present as "${i.presentAs}"`);
  }
  const n = (s: string) => r.items.filter((i) => i.status === s).length;
  out(io, `${n('imported')} imported, ${n('present')} already present, ${n('replaced')} replaced.`);
  if (r.items.length === 0) say(io, 'The file holds nothing to import.');
}
