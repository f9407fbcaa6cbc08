import type { Command } from 'commander';
import { UsageError } from '../../errors/usage.js';
import type { ConcordiumAccountView, ConcordiumIdentityView, ConcordiumRemoved } from '../../wallet/concordium.js';
import { type Runner, withVault } from '../context.js';
import { EXIT } from '../exit.js';
import { helpExamples } from '../help.js';
import { confirm, type Io, out, printJson } from '../io.js';
import { line } from '../printable.js';
import { plural } from '../../text/plural.js';

/**
 * `keepsake concordium list|remove`: the Concordium identities and accounts a Concordium Desktop
 * Wallet export brought in (issue 12 #6). `account list` and `identity list` show them too, in a
 * section of their own (their `--json` lists stay keepsake's accounts and identities only).
 */
export function concordiumCommand(program: Command, run: Runner): void {
  const concordium = program
    .command('concordium')
    .summary('the Concordium identities and accounts imported from a Concordium Desktop Wallet export')
    .description(
      [
        'Show and remove the Concordium identities and accounts that `keepsake backup import` brought in from a Concordium Desktop Wallet export.',
        'keepsake keeps them as that wallet exported them, so `backup export --format concordium-desktop` gives them back; it holds no Concordium key, since the desktop wallet keeps every key on a Ledger.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake concordium list', 'keepsake backup import concordium-export.json']));

  concordium
    .command('list')
    .summary('list the Concordium identities and accounts')
    .description(
      [
        'List the Concordium identities (number, name, identity provider, status, number of accounts) and accounts (number, address, name, identity) in the vault. Each account is held on a Ledger: keepsake has its address, not its key.',
        'Nothing is asked or changed; the vault must exist. The numbers are what `concordium remove` takes.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake concordium list', 'keepsake concordium list --json']))
    .action(() =>
      run(async (ctx) => {
        const { concordiumList } = await import('../../wallet/concordium.js');
        const list = await withVault(ctx, (vault) => concordiumList(vault));
        if (ctx.io.json) printJson(ctx.io, list);
        else if (list.identities.length + list.accounts.length === 0) {
          out(ctx.io, 'The vault has no Concordium identities or accounts. Import a Concordium Desktop Wallet export with `keepsake backup import FILE`.');
        } else concordiumPrint(ctx.io, list, { numbers: true });
        return 0;
      }),
    );

  concordium
    .command('remove')
    .argument('<item>', "a Concordium account's address or name, an identity's name, or the number `concordium list` shows")
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .summary('remove a Concordium identity (with its accounts) or account from the vault (asks first)')
    .description(
      [
        "Remove a Concordium identity with its accounts, or one Concordium account, from the vault, with the credentials and the address-book entries the desktop wallet ties to those accounts. The keys stay on the Ledger; a later `backup export --format concordium-desktop` no longer holds them, so keep the desktop wallet's own export if you may need them.",
        'On a terminal it names what will be removed and asks; answering no removes nothing (exit 1). In scripts, --yes is required.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake concordium remove "Concordium identity A0"', 'keepsake concordium remove 3kBx2h5Y2veb4hZgAJWPrr8RyQESKm5TjzF3ti1QQ4VSYLwK1G --yes']))
    .action((query: string, opts: { yes?: boolean }) =>
      run(async (ctx) => {
        const { concordiumRemove, concordiumRemovePlan } = await import('../../wallet/concordium.js');
        if (!opts.yes) {
          if (!ctx.io.stdin.isTTY) throw new UsageError({ reason: 'Removing Concordium data needs confirmation.', hint: 'Add --yes when not on a terminal.' });
          const plan = await withVault(ctx, (vault) => concordiumRemovePlan(vault, query));
          if (!(await confirm(ctx.io, line`Remove ${removedText(plan)} from the vault?`))) {
            out(ctx.io, 'Nothing was removed.');
            return EXIT.failed;
          }
        }
        const removed = await withVault(ctx, (vault) => concordiumRemove(vault, query));
        if (ctx.io.json) printJson(ctx.io, removed);
        else out(ctx.io, line`Removed ${removedText(removed)}. The keys stay on the Ledger.`);
        return 0;
      }),
    );
}

/** "the Concordium identity "A" and its 2 accounts (3kBx…, 4aKw…)", and what goes with them. */
function removedText(r: ConcordiumRemoved): ReturnType<typeof line> {
  const n = plural;
  const accounts = r.accounts.map((a) => line`"${a.name}" ${a.address}`);
  const what = r.identity
    ? line`the Concordium identity "${r.identity.name}" and its ${n(r.accounts.length, 'account', 'accounts')}${accounts.length ? line` (${accounts.map(String).join(', ')})` : ''}`
    : line`the Concordium account ${accounts[0] ?? ''}`;
  const along = [...(r.credentials ? [n(r.credentials, 'credential', 'credentials')] : []), ...(r.addresses ? [n(r.addresses, 'address-book entry', 'address-book entries')] : [])];
  return along.length ? line`${what}, with ${along.join(' and ')} tied to ${r.accounts.length === 1 ? 'it' : 'them'}` : what;
}

/**
 * The Concordium sections of `concordium list`, `account list` (accounts) and `identity list`
 * (identities): each Concordium account is held on a Ledger, keepsake has its address only.
 */
export function concordiumPrint(io: Io, list: { identities?: readonly ConcordiumIdentityView[]; accounts?: readonly ConcordiumAccountView[] }, options: { numbers?: boolean } = {}): void {
  const number = (id: number) => (options.numbers ? `${id}  ` : '');
  if (list.identities && list.identities.length > 0) {
    out(io, 'Concordium identities (from a Concordium Desktop Wallet export):');
    for (const i of list.identities) {
      const facts = [...(i.provider ? [`provider ${i.provider}`] : []), ...(i.status ? [i.status] : []), plural(i.accounts, 'account')];
      out(io, line`  ${number(i.id)}"${i.name}"  ${facts.join(', ')}`);
    }
  }
  if (list.accounts && list.accounts.length > 0) {
    out(io, 'Concordium accounts (held on a Ledger; keepsake has their addresses, not their keys):');
    for (const a of list.accounts) {
      out(io, line`  ${number(a.id)}${a.address}  "${a.name}"  ${a.identity === null ? '(identity not in the vault)' : line`identity "${a.identity}"`}${a.status ? `, ${a.status}` : ''}`);
    }
  }
}
