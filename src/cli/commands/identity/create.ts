import { type Command, Option } from 'commander';
import { WORDS_CHOICES } from '../../../wallet/choices.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, say } from '../../io.js';
import { outputsWithVault, phraseOutCheck } from '../../output.js';
import { line } from '../../printable.js';
import { newPin } from './pin.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type IdentityCreateOptions = {
  name: string;
  pinFile: string | undefined;
  words: (typeof WORDS_CHOICES)[number];
  mnemonicOut: string | undefined;
  force: boolean;
};

/** Registers `keepsake identity create`: its options and help; the action calls {@link identityCreateRun}. */
export function identityCreateCommand(identity: Command, run: Runner): void {
  identity
    .command('create')
    .requiredOption('--name <name>', 'the identity name')
    .option('--pin-file <file>', 'read the new PIN from <file> (asked twice on a terminal)')
    .addOption(new Option('--words <n>', 'length of the new phrase: 12 or 24').choices(WORDS_CHOICES).default('24'))
    .option('--mnemonic-out <file>', 'write the new phrase to <file> (mode 0600) instead of showing it (required when not on a terminal, and with --json)')
    .option('--force', 'overwrite --mnemonic-out if it exists')
    .summary('create an identity with a new recovery phrase')
    .description(
      [
        `Create an identity: a new recovery phrase (24 words, or --words 12) sealed under a new PIN, which is asked twice on a terminal (at least ${MIN_SECRET_LENGTH} characters) or read from --pin-file. The vault is made on first use; no account is derived yet (\`identity derive\` does that).`,
        'The phrase is shown once on the terminal — write it down and keep it offline — or written to --mnemonic-out (mode 0600), which is required when not on a terminal and with --json. Afterwards only `identity show-phrase`, with the PIN, shows it again.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake identity create --name Phone', 'keepsake identity create --name Cold --mnemonic-out phrase.txt --pin-file pin.txt']),
    )
    .action((opts: { name: string; pinFile?: string; words: IdentityCreateOptions['words']; mnemonicOut?: string; force?: boolean }) =>
      run((ctx) =>
        identityCreateRun({ name: opts.name, pinFile: opts.pinFile, words: opts.words, mnemonicOut: opts.mnemonicOut, force: opts.force === true }, ctx),
      ),
    );
}

/** Runs `keepsake identity create` with its parsed options; resolves to the exit code. */
export async function identityCreateRun(options: IdentityCreateOptions, ctx: Context): Promise<number> {
  const words = options.words === '12' ? 12 : 24;
  phraseOutCheck(ctx.io, options.mnemonicOut, options.force);
  const pin = await newPin(ctx.io, options.pinFile);
  const { identityCreate } = await import('../../../wallet/identity/create.js');
  let phrase = '';
  const result = await outputsWithVault(options.force, (place) =>
    withVault(
      ctx,
      (vault) =>
        identityCreate(vault, {
          name: options.name,
          pin,
          words,
          onMnemonic: (m) => {
            if (options.mnemonicOut) place([{ path: options.mnemonicOut, text: m }]);
            else phrase = m;
          },
        }),
      { mode: 'add' },
    ),
  );
  if (phrase) {
    say(ctx.io, '\nThe recovery phrase of this identity — write it down and keep it offline. It is shown again only after the PIN:\n');
    say(ctx.io, line`    ${phrase}\n`);
  }
  if (ctx.io.json) printJson(ctx.io, { id: result.id, name: result.name, mnemonicFile: options.mnemonicOut ?? null });
  else
    out(
      ctx.io,
      line`Created identity ${result.id} "${result.name}". Add a network account with \`keepsake identity derive ${JSON.stringify(result.name)} --network polkadot\`.`,
    );
  return 0;
}
