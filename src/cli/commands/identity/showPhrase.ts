import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { askPin, PIN_HELP } from './pin.js';

export type IdentityShowPhraseOptions = { query: string; pinFile: string | undefined };

/** Registers `keepsake identity show-phrase`: its options and help; the action calls {@link identityShowPhraseRun}. */
export function identityShowPhraseCommand(identity: Command, run: Runner): void {
  identity
    .command('show-phrase')
    .argument('<identity>', 'identity id or name')
    .option('--pin-file <file>', PIN_HELP)
    .summary('show the recovery phrase, after the PIN')
    .description(
      [
        "Show an identity's recovery phrase on standard output, after its PIN (asked on the terminal or read from --pin-file). A wrong PIN shows nothing and is counted (exit 3). Nothing is changed.",
        'Anyone who sees the phrase controls every account derived from it: show it only where no one and nothing records the screen.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity show-phrase Phone', 'keepsake identity show-phrase 1 --pin-file pin.txt --json']))
    .action((query: string, opts: { pinFile?: string }) => run((ctx) => identityShowPhraseRun({ query, pinFile: opts.pinFile }, ctx)));
}

/** Runs `keepsake identity show-phrase` with its parsed options; resolves to the exit code. */
export async function identityShowPhraseRun(options: IdentityShowPhraseOptions, ctx: Context): Promise<number> {
  const pin = await askPin(ctx, options.pinFile, options.query);
  const { identityShowPhrase } = await import('../../../wallet/identity/showPhrase.js');
  const { mnemonic } = await withVault(ctx, (vault) => identityShowPhrase(vault, options.query, pin));
  if (ctx.io.json) printJson(ctx.io, { mnemonic });
  else out(ctx.io, mnemonic);
  return 0;
}
