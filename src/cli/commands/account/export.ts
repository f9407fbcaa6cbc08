import { type Command, Option } from 'commander';
import { ACCOUNT_FORMAT_CHOICES, KDF_CHOICES } from '../../../wallet/choices.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, readNewSecret, readSecret } from '../../io.js';
import { type ExportFileOptions, outputCheck, outputWrite } from '../../output.js';
import { backupRecordOrSay, backupWrittenRecordIn } from '../../backupRecord.js';
import { line } from '../../printable.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type AccountExportOptions = ExportFileOptions & { query: string; kdf: (typeof KDF_CHOICES)[number]; format: (typeof ACCOUNT_FORMAT_CHOICES)[number] };

/** Registers `keepsake account export`: its options and help; the action calls {@link accountExportRun}. */
export function accountExportCommand(parent: Command, run: Runner): void {
  parent
    .command('export')
    .argument('<account>', 'address (any network format), 0x public key, or name')
    .requiredOption('--out <file>', 'where to write the backup file')
    .option('--password-file <file>', "read the account's password (for an identity account: the new file's password) from <file> (- = stdin)")
    .option('--pin-file <file>', "for an account derived from an identity: read the identity's PIN from <file>")
    .addOption(
      new Option('--kdf <kdf>', 'default (scrypt N=2^17) or compat (N=2^15, for wallets from before mid-2025)').choices(KDF_CHOICES).default('default'),
    )
    .addOption(
      new Option('--format <format>', 'polkadot-js, or ethereum-keystore (MetaMask/geth "JSON file") for ethereum accounts')
        .choices(ACCOUNT_FORMAT_CHOICES)
        .default('polkadot-js'),
    )
    .option('--force', 'overwrite <file> if it exists')
    .summary("write one account's backup file (Polkadot{.js} format)")
    .description(
      [
        "Write one account's backup file to --out: a Polkadot{.js} account file, or with --format ethereum-keystore (ethereum accounts only) a keystore that MetaMask and geth import. Only the file is recorded in the vault (for `keepsake status`).",
        `It asks for that account's password (or reads it from --password-file) and refuses a wrong one (exit 3, no file written); the file opens in Polkadot{.js} and other wallets with the same password. An account derived from an identity has no password of its own: it asks for the identity's PIN (or reads --pin-file), then for a password for the new file (twice on a terminal, at least ${MIN_SECRET_LENGTH} characters). A watch-only account has no key to export.`,
        'Files are written with scrypt N=2^17; --kdf compat writes N=2^15, for wallets from before mid-2025.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account export 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --out savings.json',
        'keepsake account export Savings --out savings.json --kdf compat --password-file pw.txt',
        'keepsake account export MetaMask --format ethereum-keystore --out keystore.json',
      ]),
    )
    .action((query: string, opts: Omit<AccountExportOptions, 'query'>) => run((ctx) => accountExportRun({ query, ...opts }, ctx)));
}

/** Runs `keepsake account export` with its parsed options; resolves to the exit code. */
export async function accountExportRun(options: AccountExportOptions, ctx: Context): Promise<number> {
  const { query } = options;
  const { kdf, format } = options;
  outputCheck(options.out, options.force === true);
  const { accountFind } = await import('../../../wallet/accounts.js');
  const { accountView } = await import('../../../wallet/accountView.js');
  const { accountExport } = await import('../../../wallet/export.js');
  await withVault(ctx, async (vault) => {
    const row = accountFind(vault, query);
    const view = accountView(row);
    const unlock =
      row.identityId === null
        ? {
            password: await readSecret(ctx.io, {
              file: options.passwordFile,
              flag: '--password-file',
              prompt: line`Password of ${view.name} (${view.address}): `,
            }),
          }
        : {
            pin: await readSecret(ctx.io, {
              file: options.pinFile,
              flag: '--pin-file',
              prompt: line`PIN of the identity "${row.identityName}": `,
              what: 'PIN',
            }),
            newPassword: await readNewSecret(ctx.io, {
              file: options.passwordFile,
              flag: '--password-file',
              prompt: `Password for the new backup file (at least ${MIN_SECRET_LENGTH} characters): `,
              what: 'file password',
              minLength: MIN_SECRET_LENGTH,
            }),
          };
    const { json, address, covers } = await accountExport(vault, query, unlock, { kdf, format });
    outputWrite(options.out, json, options.force === true);
    await backupRecordOrSay(ctx, () => backupWrittenRecordIn(vault, { path: options.out, text: json, format, covers }));
    if (ctx.io.json) printJson(ctx.io, { address, out: options.out });
    // An identity's account has no password of its own: its file opens with the one just chosen.
    else
      out(
        ctx.io,
        line`Wrote ${options.out}: the backup of ${address}; it opens with ${row.identityId === null ? "the account's password" : 'the new password you chose for it'}.`,
      );
  });
  return 0;
}
