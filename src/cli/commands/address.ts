import type { Command } from 'commander';
import { type Runner, withVault } from '../context.js';
import { out, printJson } from '../io.js';
import { line } from '../printable.js';

export function addressCommand(program: Command, run: Runner): void {
  const address = program.command('address').summary('the address book: names for addresses you send to').description(
    'The address book: names for other people\'s addresses (SS58 of any network, Ethereum, Concordium).\n' +
      'Every address is checked (checksum, network prefix) before it is saved.',
  );

  address
    .command('add')
    .argument('<address>', 'SS58, 0x Ethereum or Concordium address')
    .requiredOption('--name <name>', 'a name for it')
    .option('--note <text>', 'a note')
    .option('--network <network>', 'the network it is for (the SS58 prefix must match)')
    .summary('add an address')
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
    .description('Change the name, note or network of an address-book entry; what is not given stays as it is. The address itself cannot change: remove the entry and add the other address.')
    .addHelpText('after', '\nExample:\n  keepsake address edit 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name "Alice (cold)" --note "paper wallet"')
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
