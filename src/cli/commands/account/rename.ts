import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AccountRenameOptions = { query: string; name: string };

/** Registers `keepsake account rename`: its options and help; the action calls {@link accountRenameRun}. */
export function accountRenameCommand(parent: Command, run: Runner): void {
  parent
    .command('rename')
    .argument('<account>', 'address (any network format), 0x public key, or current name')
    .argument('<name>', 'the new name')
    .summary('rename an account')
    .description(
      'Give an account another name, in the vault and in its stored file (the name is outside the encrypted part, so no password is asked). Its key, password and address stay as they are.',
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake account rename 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY "Old savings"', 'keepsake account rename Savings Spending']),
    )
    .action((query: string, name: string) => run((ctx) => accountRenameRun({ query, name }, ctx)));
}

/** Runs `keepsake account rename` with its parsed options; resolves to the exit code. */
export async function accountRenameRun(options: AccountRenameOptions, ctx: Context): Promise<number> {
  const { accountRenameByQuery } = await import('../../../wallet/accounts.js');
  const account = await withVault(ctx, (vault) => accountRenameByQuery(vault, options.query, options.name));
  if (ctx.io.json) printJson(ctx.io, account);
  else out(ctx.io, line`Renamed ${account.address} to "${account.name}".`);
  return 0;
}
