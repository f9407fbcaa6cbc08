import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AddressEditOptions = { query: string; name?: string; note?: string; network?: string };

/** Registers `keepsake address edit`: its options and help; the action calls {@link addressEditRun}. */
export function addressEditCommand(address: Command, run: Runner): void {
  address
    .command('edit')
    .argument('<address>', 'the address (or its name)')
    .option('--name <name>', 'a new name')
    .option('--note <text>', "a new note ('' removes the note)")
    .option('--network <network>', 'the network it is for (the SS58 prefix must match)')
    .summary('change the name, note or network of an address')
    .description(
      "Change the name, note or network of an address-book entry, found by its address or name; what is not given stays as it is (--note '' removes the note). The address itself cannot change: remove the entry and add the other address.",
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake address edit 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name "Alice (cold)" --note "paper wallet"',
        "keepsake address edit Alice --note ''",
      ]),
    )
    .action((query: string, opts: { name?: string; note?: string; network?: string }) => run((ctx) => addressEditRun({ query, ...opts }, ctx)));
}

/** Runs `keepsake address edit` with its parsed options; resolves to the exit code. */
export async function addressEditRun(options: AddressEditOptions, ctx: Context): Promise<number> {
  const { addressEdit } = await import('../../../wallet/addressBook.js');
  const entry = await withVault(ctx, (vault) =>
    addressEdit(vault, options.query, {
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.note === undefined ? {} : { note: options.note }),
      ...(options.network === undefined ? {} : { network: options.network }),
    }),
  );
  if (ctx.io.json) printJson(ctx.io, entry);
  else out(ctx.io, line`Changed ${entry.address}: "${entry.name}" (${entry.network ?? entry.kind})${entry.note ? line`, note: ${entry.note}` : ''}.`);
  return 0;
}
