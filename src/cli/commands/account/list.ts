import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AccountListOptions = { network: string | undefined };

/** Registers `keepsake account list`: its options and help; the action calls {@link accountListRun}. */
export function accountListCommand(parent: Command, run: Runner): void {
  parent
    .command('list')
    .option('--network <network>', "show every address in this network's format (default: each account's own)")
    .summary('list the accounts in the vault')
    .description(
      [
        "List the vault's accounts: address, name, key type and network, and whether an account is watch-only (no key) or unchecked (its key not yet checked against its address). Concordium accounts imported from a Concordium Desktop Wallet export follow in a section of their own; --json lists keepsake's own accounts (`keepsake concordium list --json` lists those).",
        "Each address is shown in its account's network format, or with --network in that network's. Nothing is asked or changed; the vault must exist.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake account list', 'keepsake account list --network kusama --json']))
    .action((opts: { network?: string }) => run((ctx) => accountListRun({ network: opts.network }, ctx)));
}

/** Runs `keepsake account list` with its parsed options; resolves to the exit code. */
export async function accountListRun(options: AccountListOptions, ctx: Context): Promise<number> {
  const { accountList } = await import('../../../wallet/accounts.js');
  const { concordiumList } = await import('../../../wallet/concordium.js');
  const { accounts, concordium, file } = await withVault(ctx, (vault) => ({
    accounts: accountList(vault, options.network === undefined ? {} : { network: options.network }),
    concordium: concordiumList(vault).accounts,
    file: vault.file,
  }));
  // --json stays the documented list of keepsake's accounts; Concordium accounts: `concordium list --json`.
  if (ctx.io.json) printJson(ctx.io, accounts);
  else if (accounts.length === 0 && concordium.length === 0)
    out(ctx.io, line`The vault at ${file} has no accounts yet. Add one with \`keepsake account create\` or \`keepsake restore FILE\`.`);
  else {
    for (const a of accounts) {
      const flags = [a.type, a.network ?? 'substrate', ...(a.hasKey ? [] : ['watch-only']), ...(a.verified ? [] : ['unchecked'])];
      out(ctx.io, line`${a.address}  ${JSON.stringify(a.name)}  (${flags.join(', ')})`);
    }
    const { concordiumPrint } = await import('../concordium/print.js');
    concordiumPrint(ctx.io, { accounts: concordium });
  }
  return 0;
}
