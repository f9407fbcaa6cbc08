import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, readNewSecret } from '../../io.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';
import { plural } from '../../../text/plural.js';

export type ConcordiumSealOptions = { passwordFile?: string };

/** Registers `keepsake concordium seal`: its options and help; the action calls {@link concordiumSealRun}. */
export function concordiumSealCommand(concordium: Command, run: Runner): void {
  concordium
    .command('seal')
    .option('--password-file <file>', 'read the new password from <file> (asked twice on a terminal)')
    .summary('seal Concordium data an earlier keepsake kept readable')
    .description(
      [
        'keepsake keeps Concordium identities, accounts and credentials sealed under the password of the file they came from, so a copy of the vault file does not show identity attributes. Data imported by a keepsake from before that is still readable in the file: this seals it under a password you choose now (asked twice on a terminal, or read from --password-file).',
        "`backup export --format concordium-desktop` asks for that password when it is not the new file's. Nothing is asked or changed when there is nothing to seal.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake concordium seal', 'keepsake concordium seal --password-file seal.txt']))
    .action((opts: ConcordiumSealOptions) => run((ctx) => concordiumSealRun(opts, ctx)));
}

/** Runs `keepsake concordium seal` with its parsed options; resolves to the exit code. */
export async function concordiumSealRun(options: ConcordiumSealOptions, ctx: Context): Promise<number> {
  const { concordiumReadableCount, concordiumSealReadable } = await import('../../../wallet/concordium.js');
  const readable = await withVault(ctx, (vault) => concordiumReadableCount(vault));
  if (readable === 0) {
    if (ctx.io.json) printJson(ctx.io, { sealed: 0 });
    else out(ctx.io, 'Every Concordium item in the vault is sealed already; nothing was changed.');
    return 0;
  }
  const password = await readNewSecret(ctx.io, {
    file: options.passwordFile,
    flag: '--password-file',
    prompt: `Password to seal ${plural(readable, 'Concordium item')} under (at least ${MIN_SECRET_LENGTH} characters): `,
    what: 'password',
    minLength: MIN_SECRET_LENGTH,
  });
  const sealed = await withVault(ctx, (vault) => concordiumSealReadable(vault, password));
  if (ctx.io.json) printJson(ctx.io, { sealed });
  else out(ctx.io, `Sealed ${plural(sealed, 'Concordium item')}. Keep the password: exporting them back to the desktop wallet needs it.`);
  return 0;
}
