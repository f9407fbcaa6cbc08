import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { confirm, out, printJson } from '../../io.js';
import { line } from '../../printable.js';

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
    .action((opts: { network?: string }) =>
      run(async (ctx) => {
        const { accountList } = await import('../../../wallet/accounts.js');
        const { concordiumList } = await import('../../../wallet/concordium.js');
        const { accounts, concordium, file } = await withVault(ctx, (vault) => ({
          accounts: accountList(vault, opts.network === undefined ? {} : { network: opts.network }),
          concordium: concordiumList(vault).accounts,
          file: vault.file,
        }));
        // --json stays the documented list of keepsake's accounts; Concordium accounts: `concordium list --json`.
        if (ctx.io.json) printJson(ctx.io, accounts);
        else if (accounts.length === 0 && concordium.length === 0) out(ctx.io, line`The vault at ${file} has no accounts yet. Add one with \`keepsake account create\` or \`keepsake restore FILE\`.`);
        else {
          for (const a of accounts) {
            const flags = [a.type, a.network ?? 'substrate', ...(a.hasKey ? [] : ['watch-only']), ...(a.verified ? [] : ['unchecked'])];
            out(ctx.io, line`${a.address}  ${JSON.stringify(a.name)}  (${flags.join(', ')})`);
          }
          const { concordiumPrint } = await import('../concordium.js');
          concordiumPrint(ctx.io, { accounts: concordium });
        }
        return 0;
      }),
    );
}

export function accountRenameCommand(parent: Command, run: Runner): void {
  parent
    .command('rename')
    .argument('<account>', 'address (any network format), 0x public key, or current name')
    .argument('<name>', 'the new name')
    .summary('rename an account')
    .description(
      'Give an account another name, in the vault and in its stored file (the name is outside the encrypted part, so no password is asked). Its key, password and address stay as they are.',
    )
    .addHelpText('after', helpExamples(['keepsake account rename 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY "Old savings"', 'keepsake account rename Savings Spending']))
    .action((query: string, name: string) =>
      run(async (ctx) => {
        const { accountRenameByQuery } = await import('../../../wallet/accounts.js');
        const account = await withVault(ctx, (vault) => accountRenameByQuery(vault, query, name));
        if (ctx.io.json) printJson(ctx.io, account);
        else out(ctx.io, line`Renamed ${account.address} to "${account.name}".`);
        return 0;
      }),
    );
}

export function accountRemoveCommand(parent: Command, run: Runner): void {
  parent
    .command('remove')
    .argument('<account>', 'address (any network format), 0x public key, or name')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .summary('remove an account from the vault (asks first)')
    .description(
      [
        "Remove an account from the vault; its locked key file is zeroed in the vault file. Its key is gone from keepsake afterwards: make sure you have its backup file or recovery phrase. (An account derived from an identity can be derived again from it.)",
        'On a terminal it names the account and asks first; answering no removes nothing (exit 1). In scripts, --yes is required.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake account remove 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', 'keepsake account remove "Test account" --yes']))
    .action((query: string, opts: { yes?: boolean }) =>
      run(async (ctx) => {
        const { accountFind, accountRemoveByQuery } = await import('../../../wallet/accounts.js');
        const { accountView } = await import('../../../wallet/accountView.js');
        if (!opts.yes) {
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
      }),
    );
}
