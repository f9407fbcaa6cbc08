import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type IdentityRenameOptions = { query: string; name: string };

/** `identity rename` (issue 12 item 13). */
export function identityRenameCommand(identity: Command, run: Runner): void {
  identity
    .command('rename')
    .argument('<identity>', 'identity id or name')
    .argument('<name>', 'the new name')
    .summary('rename an identity')
    .description(
      'Give an identity another name (no PIN is asked). Its phrase, PIN and accounts stay as they are; the accounts keep their own names. A name another identity has is refused.',
    )
    .addHelpText('after', helpExamples(['keepsake identity rename Phone "Old phone"']))
    .action((query: string, name: string) => run((ctx) => identityRenameRun({ query, name }, ctx)));
}

/** Runs `keepsake identity rename` with its parsed options; resolves to the exit code. */
export async function identityRenameRun(options: IdentityRenameOptions, ctx: Context): Promise<number> {
  const { identityRename } = await import('../../../wallet/identity/rename.js');
  const renamed = await withVault(ctx, (vault) => identityRename(vault, options.query, options.name));
  if (ctx.io.json) printJson(ctx.io, renamed);
  else out(ctx.io, line`Renamed identity ${renamed.id} to "${renamed.name}".`);
  return 0;
}
