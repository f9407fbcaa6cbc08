import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { confirm, out, printJson, say } from '../../io.js';
import { line } from '../../printable.js';

export type IdentityRemoveOptions = { query: string; yes: boolean };

/** The sentence every removal shows: keepsake has no way to know where the phrase was kept. */
const REMOVE_WARNING =
  "keepsake cannot tell whether you kept this identity's recovery phrase: without a written copy of its recovery phrase or a backup file holding it, this identity is lost.";

/** `identity remove` (issue 12 item 13). */
export function identityRemoveCommand(identity: Command, run: Runner): void {
  identity
    .command('remove')
    .argument('<identity>', 'identity id or name')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .summary('remove an identity and the accounts derived from it (asks first)')
    .description(
      [
        'Remove an identity from the vault: its sealed recovery phrase and every account derived from it (those accounts have no key of their own, so they go with it). No PIN is asked.',
        'keepsake cannot tell whether you kept the phrase on paper or in a backup file: without one of them the identity and its accounts are lost. On a terminal it lists what will be removed and asks; answering no removes nothing (exit 1). In scripts, --yes is required.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity remove "Test phone"', 'keepsake identity remove 2 --yes']))
    .action((query: string, opts: { yes?: boolean }) => run((ctx) => identityRemoveRun({ query, yes: opts.yes === true }, ctx)));
}

/** Runs `keepsake identity remove` with its parsed options; resolves to the exit code. */
export async function identityRemoveRun(options: IdentityRemoveOptions, ctx: Context): Promise<number> {
  const { query } = options;
  const { identityRemove } = await import('../../../wallet/identity/remove.js');
  const { identityShow } = await import('../../../wallet/identity/list.js');
  if (!options.yes) {
    if (!ctx.io.stdin.isTTY) throw new UsageError({ reason: 'Removing an identity needs confirmation.', hint: 'Add --yes when not on a terminal.' });
    const shown = await withVault(ctx, (vault) => identityShow(vault, query));
    say(ctx.io, line`The identity ${shown.id} "${shown.name}" will be removed, with ${accountsText(shown.accounts.length)} derived from it:`);
    for (const a of shown.accounts) say(ctx.io, line`    ${a.address}  "${a.name}"  path ${a.path === '' ? '(root)' : a.path}`);
    say(ctx.io, REMOVE_WARNING);
    if (!(await confirm(ctx.io, line`Remove the identity "${shown.name}"?`))) {
      out(ctx.io, 'Nothing was removed.');
      return 1;
    }
  }
  const removed = await withVault(ctx, (vault) => identityRemove(vault, query));
  if (ctx.io.json) printJson(ctx.io, removed);
  else {
    const along = removed.accounts.length === 0 ? line`` : line` and ${accountsText(removed.accounts.length)} derived from it`;
    out(ctx.io, line`Removed identity ${removed.id} "${removed.name}"${along}.`);
    for (const a of removed.accounts) out(ctx.io, line`    removed ${a.address}  "${a.name}"`);
  }
  return 0;
}

function accountsText(n: number): string {
  return `${n === 0 ? 'no' : n} account${n === 1 ? '' : 's'}`;
}
