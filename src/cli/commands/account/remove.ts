import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { confirm, out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AccountRemoveOptions = { query: string; yes: boolean };

/** Registers `keepsake account remove`: its options and help; the action calls {@link accountRemoveRun}. */
export function accountRemoveCommand(parent: Command, run: Runner): void {
  parent
    .command('remove')
    .argument('<account>', 'address (any network format), 0x public key, or name')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .summary('remove an account from the vault (asks first)')
    .description(
      [
        'Remove an account from the vault; its locked key file is zeroed in the vault file. Its key is gone from keepsake afterwards: make sure you have its backup file or recovery phrase. (An account derived from an identity can be derived again from it.)',
        'On a terminal it names the account and asks first; answering no removes nothing (exit 1). In scripts, --yes is required.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake account remove 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', 'keepsake account remove "Test account" --yes']),
    )
    .action((query: string, opts: { yes?: boolean }) => run((ctx) => accountRemoveRun({ query, yes: opts.yes === true }, ctx)));
}

/** Runs `keepsake account remove` with its parsed options; resolves to the exit code. */
export async function accountRemoveRun(options: AccountRemoveOptions, ctx: Context): Promise<number> {
  const { query } = options;
  const { accountFind, accountRemoveByQuery } = await import('../../../wallet/accounts.js');
  const { accountView } = await import('../../../wallet/accountView.js');
  if (!options.yes) {
    if (!ctx.io.stdin.isTTY) throw new UsageError({ reason: 'Removing an account needs confirmation.', hint: 'Add --yes when not on a terminal.' });
    const view = await withVault(ctx, (vault) => accountView(accountFind(vault, query)));
    const ok = await confirm(ctx.io, line`Remove ${view.address} "${view.name}" from the vault? Without its backup file or phrase it is lost.`);
    if (!ok) {
      out(ctx.io, 'Nothing was removed.');
      return 1;
    }
  }
  const account = await withVault(ctx, (vault) => accountRemoveByQuery(vault, query));
  if (ctx.io.json) printJson(ctx.io, account);
  else out(ctx.io, line`Removed ${account.address} "${account.name}".`);
  return 0;
}
