import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { accountBackupRecord } from '../../backupRecord.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { say } from '../../io.js';
import { outputsWithVault, phraseOutCheck } from '../../output.js';
import { line } from '../../printable.js';
import { WORDS_CHOICES } from '../../../wallet/choices.js';
import { checkCommon, common, type Common, newPassword, report } from './options.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type AccountCreateOptions = Common & { words: (typeof WORDS_CHOICES)[number]; path?: string; mnemonicOut?: string };

/** Registers `keepsake account create`: its options and help; the action calls {@link accountCreateRun}. */
export function accountCreateCommand(parent: Command, run: Runner): void {
  common(parent.command('create'))
    .addOption(new Option('--words <n>', 'length of the new recovery phrase: 12 or 24').choices(WORDS_CHOICES).default('12'))
    .option('--path <path>', "derivation path on the new phrase (//hard/soft; ethereum: /m/44'/60'/0'/0/0)")
    .option(
      '--mnemonic-out <file>',
      'write the new recovery phrase to <file> (mode 0600) instead of showing it (required when not on a terminal, and with --json)',
    )
    .summary('create a new account with a new recovery phrase')
    .description(
      [
        'Create a new account: a new recovery phrase, the account derived from it (sr25519 on the generic Substrate network unless --type and --network say otherwise), and with --backup its backup file right away ("Create and backup account"). The vault is made on first use.',
        `It asks for the account's new password twice on a terminal (at least ${MIN_SECRET_LENGTH} characters), or reads it from --password-file. The phrase is shown once on the terminal — write it down — or written to --mnemonic-out, which is required when not on a terminal and with --json. keepsake never stores the phrase.`,
        'The account, the phrase file and the backup file are made together or not at all.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account create --name Savings --network polkadot --backup savings.json',
        'keepsake account create --name Cold --words 24 --mnemonic-out phrase.txt --password-file pw.txt',
      ]),
    )
    .action((opts: AccountCreateOptions) => run((ctx) => accountCreateRun(opts, ctx)));
}

/** Runs `keepsake account create` with its parsed options; resolves to the exit code. */
export async function accountCreateRun(options: AccountCreateOptions, ctx: Context): Promise<number> {
  const words = options.words === '12' ? 12 : 24;
  const o = checkCommon(options);
  phraseOutCheck(ctx.io, options.mnemonicOut, options.force === true);
  if (options.mnemonicOut && options.backup && resolve(options.mnemonicOut) === resolve(options.backup)) {
    throw new UsageError({ reason: '--mnemonic-out and --backup name the same file; one would replace the other.', hint: 'Give them different file names.' });
  }
  const password = await newPassword(ctx.io, options.passwordFile);
  const { accountCreate } = await import('../../../wallet/create.js');
  let backupText: string | undefined;
  const result = await outputsWithVault(options.force === true, (place) => {
    let mnemonic: string | undefined;
    return withVault(
      ctx,
      (vault) =>
        accountCreate(vault, {
          ...o,
          password,
          words,
          ...(options.path === undefined ? {} : { path: options.path }),
          // Both run inside the vault transaction, the phrase first; the files are placed together at the end.
          onMnemonic: (m) => {
            mnemonic = m;
          },
          onBackup: (json) => {
            if (mnemonic === undefined) throw new Error('accountCreate gave the backup before the phrase');
            backupText = json;
            place([
              ...(options.mnemonicOut ? [{ path: options.mnemonicOut, text: mnemonic }] : []),
              ...(options.backup ? [{ path: options.backup, text: json }] : []),
            ]);
          },
        }),
      { mode: 'add' },
    );
  });
  await accountBackupRecord(ctx, options.backup, backupText, result.account.publicKey);
  if (!options.mnemonicOut) {
    say(ctx.io, '\nYour new recovery phrase — write it down and keep it offline. It will not be shown again:\n');
    say(ctx.io, line`    ${result.mnemonic}\n`);
  }
  report(ctx.io, result.account, options, options.mnemonicOut);
  return 0;
}
