import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { plural } from '../../../text/plural.js';
import { concordiumPrint } from './print.js';

/** Registers `keepsake concordium list`: its options and help; the action calls {@link concordiumListRun}. */
export function concordiumListCommand(concordium: Command, run: Runner): void {
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
    .action(() => run((ctx) => concordiumListRun({}, ctx)));
}

/** Runs `keepsake concordium list` with its parsed options; resolves to the exit code. */
export async function concordiumListRun(_options: Record<string, never>, ctx: Context): Promise<number> {
  const { concordiumList } = await import('../../../wallet/concordium.js');
  const list = await withVault(ctx, (vault) => concordiumList(vault));
  if (ctx.io.json) printJson(ctx.io, list);
  else if (list.identities.length + list.accounts.length === 0) {
    out(ctx.io, 'The vault has no Concordium identities or accounts. Import a Concordium Desktop Wallet export with `keepsake backup import FILE`.');
  } else concordiumPrint(ctx.io, list, { numbers: true });
  if (!ctx.io.json && list.readable > 0) out(ctx.io, readableNote(list.readable));
  return 0;
}

/** What an earlier keepsake left readable in the vault file, and the command that seals it. */
export function readableNote(n: number, locked = false): string {
  const where = locked ? 'kept unsealed inside the locked vault (readable if its vault password is removed)' : 'readable in a copy of the vault file';
  return `${plural(n, 'Concordium item')} imported by an earlier keepsake ${n === 1 ? 'is' : 'are'} ${where}: seal ${n === 1 ? 'it' : 'them'} with \`keepsake concordium seal\`.`;
}
