import { type Command, Option } from 'commander';
import { CONVERT_TARGET_CHOICES, KDF_CHOICES } from '../../wallet/choices.js';
import type { Context, Runner } from '../context.js';
import { out, printJson, readInputFile, readNewSecret, readSecret, say } from '../io.js';
import { helpExamples } from '../help.js';
import { outputCheck, outputWrite } from '../output.js';
import { line } from '../printable.js';
import { plural } from '../../text/plural.js';

export type ConvertOptions = {
  input: string;
  to: (typeof CONVERT_TARGET_CHOICES)[number];
  out: string;
  passwordFile?: string;
  newPasswordFile?: string;
  kdf: (typeof KDF_CHOICES)[number];
  force?: boolean;
};

/** Registers `keepsake convert`: its options and help; the action calls {@link convertRun}. */
export function convertCommand(program: Command, run: Runner): void {
  program
    .command('convert')
    .argument('<in>', 'a wallet file: Polkadot{.js} account or batch file, Apps "Export all" list, Ethereum keystore')
    .addOption(new Option('--to <format>', `the format to write: ${CONVERT_TARGET_CHOICES.join(', ')}`).choices(CONVERT_TARGET_CHOICES).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it')
    .option('--password-file <file>', "read the input file's password from <file> (- = standard input)")
    .option('--new-password-file <file>', "read the output file's password from <file> (asked twice on a terminal)")
    .addOption(new Option('--kdf <kdf>', 'Polkadot{.js} outputs: default (scrypt N=2^17) or compat (N=2^15)').choices(KDF_CHOICES).default('default'))
    .option('--force', 'overwrite <file> if it exists')
    .summary('convert a wallet file to the format another wallet needs (the vault is not touched)')
    .description(
      [
        'Convert one wallet file to another format without touching the vault: every account is decrypted with the input password, checked against its address, and locked again with the output password, written to --out.',
        "The input file's password is asked on the terminal or read from --password-file; the new file's password is asked twice, or read from --new-password-file.",
        'Impossible conversions are refused with the reason (an sr25519 key cannot become an Ethereum keystore; a file with several accounts cannot become a single-account file).',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake convert apps-export.json --to polkadot-js-batch --out for-extension.json',
        'keepsake convert metamask.json --to polkadot-js --out for-talisman.json',
      ]),
    )
    .action((input: string, opts: Omit<ConvertOptions, 'input'>) => run((ctx) => convertRun({ input, ...opts }, ctx)));
}

/** Runs `keepsake convert` with its parsed options; resolves to the exit code. */
export async function convertRun(options: ConvertOptions, ctx: Context): Promise<number> {
  const { input, to } = options;
  outputCheck(options.out, options.force === true);
  const text = await readInputFile(input);
  const { walletFileCheck } = await import('../../wallet/fileCheck.js');
  walletFileCheck(text, input);
  const inPassword = await readSecret(ctx.io, { file: options.passwordFile, flag: '--password-file', prompt: line`Password of ${input}: ` });
  const outPassword = await readNewSecret(ctx.io, {
    file: options.newPasswordFile,
    flag: '--new-password-file',
    prompt: 'Password for the new file: ',
    what: 'new password',
  });
  const { convertFile } = await import('../../wallet/convert.js');
  const result = await convertFile(text, inPassword, outPassword, to, { file: input, kdf: options.kdf });
  outputWrite(options.out, result.json, options.force === true);
  if (ctx.io.json)
    printJson(ctx.io, { from: result.from, to, out: options.out, accounts: result.accounts, watchOnly: result.watchOnly, leftOut: result.leftOut });
  else {
    out(ctx.io, line`Wrote ${options.out} (${to}) with ${plural(result.accounts, 'account')}; it opens with the new password.`);
    for (const sentence of result.leftOut) say(ctx.io, line`keepsake: ${sentence}`);
  }
  return 0;
}
