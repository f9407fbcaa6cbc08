import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { type Runner, withVault } from '../../context.js';
import { out, printJson, readNewSecret, readSecret, say } from '../../io.js';
import { outputCheck, outputWrite } from '../../output.js';
import { line } from '../../printable.js';
import { plural } from '../../../text/plural.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

function kdfOf(value: string): 'default' | 'compat' {
  if (value !== 'default' && value !== 'compat') throw new UsageError({ reason: `--kdf is "default" or "compat", not "${value}".` });
  return value;
}

export function accountExportCommand(parent: Command, run: Runner): void {
  parent
    .command('export')
    .argument('<account>', 'address (any network format), 0x public key, or name')
    .requiredOption('--out <file>', 'where to write the backup file')
    .option('--password-file <file>', "read the account's password (for an identity account: the new file's password) from <file> (- = stdin)")
    .option('--pin-file <file>', "for an account derived from an identity: read the identity's PIN from <file>")
    .option('--kdf <kdf>', 'default (scrypt N=2^17) or compat (N=2^15, for wallets from before mid-2025)', 'default')
    .option('--format <format>', 'polkadot-js, or ethereum-keystore (MetaMask/geth "JSON file") for ethereum accounts', 'polkadot-js')
    .option('--force', 'overwrite <file> if it exists')
    .summary("write one account's backup file (Polkadot{.js} format)")
    .description(
      "Write one account's backup file. It asks for that account's password and refuses a wrong one\n" +
        '(exit 3, no file written); the file opens in Polkadot{.js} and other wallets with the same password.',
    )
    .action((query: string, opts: { out: string; passwordFile?: string; pinFile?: string; kdf: string; format: string; force?: boolean }) =>
      run(async (ctx) => {
        const kdf = kdfOf(opts.kdf);
        if (opts.format !== 'polkadot-js' && opts.format !== 'ethereum-keystore') {
          throw new UsageError({ reason: `--format is "polkadot-js" or "ethereum-keystore", not "${opts.format}".` });
        }
        const format = opts.format;
        outputCheck(opts.out, opts.force === true);
        const { accountFind } = await import('../../../wallet/accounts.js');
        const { accountView } = await import('../../../wallet/accountView.js');
        const { accountExport } = await import('../../../wallet/export.js');
        await withVault(ctx, async (vault) => {
          const row = accountFind(vault, query);
          const view = accountView(row);
          const unlock =
            row.identityId === null
              ? { password: await readSecret(ctx.io, { file: opts.passwordFile, flag: '--password-file', prompt: line`Password of ${view.name} (${view.address}): ` }) }
              : {
                  pin: await readSecret(ctx.io, { file: opts.pinFile, flag: '--pin-file', prompt: line`PIN of the identity "${row.identityName}": `, what: 'PIN' }),
                  newPassword: await readNewSecret(ctx.io, { file: opts.passwordFile, flag: '--password-file', prompt: `Password for the new backup file (at least ${MIN_SECRET_LENGTH} characters): `, what: 'file password', minLength: MIN_SECRET_LENGTH }),
                };
          const { json, address } = await accountExport(vault, query, unlock, { kdf, format });
          outputWrite(opts.out, json, opts.force === true);
          if (ctx.io.json) printJson(ctx.io, { address, out: opts.out });
          // An identity's account has no password of its own: its file opens with the one just chosen.
          else out(ctx.io, line`Wrote ${opts.out}: the backup of ${address}; it opens with ${row.identityId === null ? "the account's password" : 'the new password you chose for it'}.`);
        });
        return 0;
      }),
    );
}

export function accountExportAllCommand(parent: Command, run: Runner): void {
  parent
    .command('export-all')
    .requiredOption('--out <file>', 'where to write the batch file')
    .option('--password-file <file>', 'read the batch password from the first line of <file> (- = standard input)')
    .option('--rekey', "ask each account's password and re-lock every account with the batch password")
    .option('--kdf <kdf>', 'default (scrypt N=2^17) or compat (N=2^15)', 'default')
    .option('--format <format>', 'polkadot-js-batch (the extension) or apps (Polkadot-JS Apps "Export all" list)', 'polkadot-js-batch')
    .option('--force', 'overwrite <file> if it exists')
    .summary('write every account to one batch file (the extension\'s "Export all" format)')
    .description(
      'Write every account to one file in the Polkadot{.js} extension\'s "Export all accounts" format.\n\n' +
        'IMPORTANT: the batch password only locks the file as a whole. Each account inside keeps its own\n' +
        'password, and restoring an account later needs that account\'s password. With --rekey, keepsake\n' +
        "asks each account's password and re-locks every account with the batch password, so the one\n" +
        'password restores everything (accounts with another password cannot be rekeyed non-interactively).',
    )
    .action((opts: { out: string; passwordFile?: string; rekey?: boolean; kdf: string; format: string; force?: boolean }) =>
      run(async (ctx) => {
        const kdf = kdfOf(opts.kdf);
        if (opts.format !== 'polkadot-js-batch' && opts.format !== 'apps') {
          throw new UsageError({ reason: `--format is "polkadot-js-batch" or "apps", not "${opts.format}".` });
        }
        const format = opts.format;
        outputCheck(opts.out, opts.force === true);
        // The Apps list has no outer lock: a password is needed only to re-lock every entry with it.
        const needsPassword = format === 'polkadot-js-batch' || opts.rekey === true;
        if (!ctx.io.json && format === 'apps') {
          say(ctx.io, opts.rekey ? 'Every account in the list will be locked with the password you give now.' : 'Each account in the list keeps its own password (the list itself has none).');
        } else if (!ctx.io.json) {
          say(
            ctx.io,
            opts.rekey
              ? 'The batch password will lock the file and every account inside it: one password restores everything.'
              : "The batch password locks the file as a whole only; each account inside keeps its own password.",
          );
        }
        const batchPassword = needsPassword
          ? await readNewSecret(ctx.io, { file: opts.passwordFile, flag: '--password-file', prompt: `${format === 'apps' ? 'Password for every account' : 'Batch password'} (at least ${MIN_SECRET_LENGTH} characters): `, what: 'batch password', minLength: MIN_SECRET_LENGTH })
          : '';
        const { accountExportAll } = await import('../../../wallet/export.js');
        const result = await withVault(ctx, (vault) =>
          accountExportAll(vault, batchPassword, {
            kdf,
            format,
            ...(opts.rekey
              ? {
                  rekey: true,
                  passwordFor: (a: { address: string; name: string }) =>
                    // With --password-file, every account is assumed to use the batch password.
                    opts.passwordFile === undefined
                      ? readSecret(ctx.io, { file: undefined, flag: '--password-file', prompt: line`Password of ${a.name} (${a.address}): ` })
                      : Promise.resolve(batchPassword),
                }
              : {}),
          }),
        );
        outputWrite(opts.out, result.json, opts.force === true);
        if (ctx.io.json) printJson(ctx.io, { out: opts.out, accounts: result.count, skippedWatchOnly: result.skippedWatchOnly, rekeyed: opts.rekey === true });
        else out(ctx.io, line`Wrote ${opts.out} with ${plural(result.count, 'account')}${opts.rekey ? ', all locked with the batch password' : ', each still locked with its own password'}.`);
        return 0;
      }),
    );
}
