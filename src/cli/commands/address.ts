import type { Command } from 'commander';
import { type Runner, withVault } from '../context.js';
import { helpExamples } from '../help.js';
import { out, printJson } from '../io.js';
import { line } from '../printable.js';

export function addressCommand(program: Command, run: Runner): void {
  const address = program
    .command('address')
    .summary('the address book: names for addresses you send to')
    .description(
      [
        "The address book: names (and a note) for other people's addresses — SS58 of any network, Ethereum, Concordium. Every address is checked (checksum, network prefix) before it is saved.",
        'No password is asked: the address book holds no keys.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake address add 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name Alice', 'keepsake address list']));

  address
    .command('add')
    .argument('<address>', 'SS58, 0x Ethereum or Concordium address')
    .requiredOption('--name <name>', 'a name for it')
    .option('--note <text>', 'a note')
    .option('--network <network>', 'the network it is for (the SS58 prefix must match)')
    .summary('add an address')
    .description(
      'Add an address to the address book under a name, with an optional note. The address is checked first (checksum; with --network, that the SS58 prefix is that network\'s) and an address already in the book is refused. The vault is made on first use.',
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake address add 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name Alice', 'keepsake address add 0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac --name Exchange --note "deposit only"']),
    )
    .action((addr: string, opts: { name: string; note?: string; network?: string }) =>
      run(async (ctx) => {
        const { addressAdd } = await import('../../wallet/addressBook.js');
        const entry = await withVault(ctx, (vault) =>
          addressAdd(vault, { address: addr, name: opts.name, ...(opts.note === undefined ? {} : { note: opts.note }), ...(opts.network === undefined ? {} : { network: opts.network }) }),
          { mode: 'add' },
        );
        if (ctx.io.json) printJson(ctx.io, entry);
        else out(ctx.io, line`Added ${entry.address} "${entry.name}" (${entry.network ?? entry.kind}).`);
        return 0;
      }),
    );

  address
    .command('list')
    .summary('list the address book')
    .description("List the address book: each address with its name, network (or kind) and note. Nothing is asked or changed; the vault must exist.")
    .addHelpText('after', helpExamples(['keepsake address list', 'keepsake address list --json']))
    .action(() =>
      run(async (ctx) => {
        const { addressList } = await import('../../wallet/addressBook.js');
        const { list, file } = await withVault(ctx, (vault) => ({ list: addressList(vault), file: vault.file }));
        if (ctx.io.json) printJson(ctx.io, list);
        else if (list.length === 0) out(ctx.io, line`The address book of the vault at ${file} is empty. Add an entry with \`keepsake address add ADDRESS --name NAME\`.`);
        else for (const a of list) out(ctx.io, line`${a.address}  ${JSON.stringify(a.name)}  (${a.network ?? a.kind})${a.note ? line`  ${a.note}` : ''}`);
        return 0;
      }),
    );

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
    .addHelpText('after', helpExamples(['keepsake address edit 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name "Alice (cold)" --note "paper wallet"', "keepsake address edit Alice --note ''"]))
    .action((query: string, opts: { name?: string; note?: string; network?: string }) =>
      run(async (ctx) => {
        const { addressEdit } = await import('../../wallet/addressBook.js');
        const entry = await withVault(ctx, (vault) =>
          addressEdit(vault, query, {
            ...(opts.name === undefined ? {} : { name: opts.name }),
            ...(opts.note === undefined ? {} : { note: opts.note }),
            ...(opts.network === undefined ? {} : { network: opts.network }),
          }),
        );
        if (ctx.io.json) printJson(ctx.io, entry);
        else out(ctx.io, line`Changed ${entry.address}: "${entry.name}" (${entry.network ?? entry.kind})${entry.note ? line`, note: ${entry.note}` : ''}.`);
        return 0;
      }),
    );

  address
    .command('remove')
    .argument('<address>', 'the address (or its name)')
    .summary('remove an address')
    .description('Remove an entry, found by its address or name, from the address book. It is removed without asking: the address book holds no keys, and the entry can be added again.')
    .addHelpText('after', helpExamples(['keepsake address remove Alice', 'keepsake address remove 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --json']))
    .action((query: string) =>
      run(async (ctx) => {
        const { addressRemove } = await import('../../wallet/addressBook.js');
        const entry = await withVault(ctx, (vault) => addressRemove(vault, query));
        if (ctx.io.json) printJson(ctx.io, entry);
        else out(ctx.io, line`Removed ${entry.address} "${entry.name}".`);
        return 0;
      }),
    );
}
