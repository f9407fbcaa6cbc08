import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AddressRemoveOptions = { query: string };

/** Registers `keepsake address remove`: its options and help; the action calls {@link addressRemoveRun}. */
export function addressRemoveCommand(address: Command, run: Runner): void {
  address
    .command('remove')
    .argument('<address>', 'the address (or its name)')
    .summary('remove an address')
    .description(
      'Remove an entry, found by its address or name, from the address book. It is removed without asking: the address book holds no keys, and the entry can be added again.',
    )
    .addHelpText('after', helpExamples(['keepsake address remove Alice', 'keepsake address remove 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --json']))
    .action((query: string) => run((ctx) => addressRemoveRun({ query }, ctx)));
}

/** Runs `keepsake address remove` with its parsed options; resolves to the exit code. */
export async function addressRemoveRun(options: AddressRemoveOptions, ctx: Context): Promise<number> {
  const { addressRemove } = await import('../../../wallet/addressBook.js');
  const entry = await withVault(ctx, (vault) => addressRemove(vault, options.query));
  if (ctx.io.json) printJson(ctx.io, entry);
  else out(ctx.io, line`Removed ${entry.address} "${entry.name}".`);
  return 0;
}
