import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import type { ConcordiumRemoved } from '../../../wallet/concordium.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { EXIT } from '../../exit.js';
import { helpExamples } from '../../help.js';
import { confirm, out, printJson } from '../../io.js';
import { line } from '../../printable.js';
import { plural } from '../../../text/plural.js';

export type ConcordiumRemoveOptions = { query: string; yes: boolean };

/** Registers `keepsake concordium remove`: its options and help; the action calls {@link concordiumRemoveRun}. */
export function concordiumRemoveCommand(concordium: Command, run: Runner): void {
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
    .addHelpText(
      'after',
      helpExamples([
        'keepsake concordium remove "Concordium identity A0"',
        'keepsake concordium remove 3kBx2h5Y2veb4hZgAJWPrr8RyQESKm5TjzF3ti1QQ4VSYLwK1G --yes',
      ]),
    )
    .action((query: string, opts: { yes?: boolean }) => run((ctx) => concordiumRemoveRun({ query, yes: opts.yes === true }, ctx)));
}

/** Runs `keepsake concordium remove` with its parsed options; resolves to the exit code. */
export async function concordiumRemoveRun(options: ConcordiumRemoveOptions, ctx: Context): Promise<number> {
  const { query } = options;
  const { concordiumRemove, concordiumRemovePlan } = await import('../../../wallet/concordium.js');
  if (!options.yes) {
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
}

/** "the Concordium identity "A" and its 2 accounts (3kBx…, 4aKw…)", and what goes with them. */
function removedText(r: ConcordiumRemoved): ReturnType<typeof line> {
  const n = plural;
  const accounts = r.accounts.map((a) => line`"${a.name}" ${a.address}`);
  const what = r.identity
    ? line`the Concordium identity "${r.identity.name}" and its ${n(r.accounts.length, 'account', 'accounts')}${accounts.length ? line` (${accounts.map(String).join(', ')})` : ''}`
    : line`the Concordium account ${accounts[0] ?? ''}`;
  const along = [
    ...(r.credentials ? [n(r.credentials, 'credential', 'credentials')] : []),
    ...(r.addresses ? [n(r.addresses, 'address-book entry', 'address-book entries')] : []),
  ];
  return along.length ? line`${what}, with ${along.join(' and ')} tied to ${r.accounts.length === 1 ? 'it' : 'them'}` : what;
}
