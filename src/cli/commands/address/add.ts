import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AddressAddOptions = { address: string; name: string; note?: string; network?: string };

/** Registers `keepsake address add`: its options and help; the action calls {@link addressAddRun}. */
export function addressAddCommand(address: Command, run: Runner): void {
  address
    .command('add')
    .argument('<address>', 'SS58, 0x Ethereum or Concordium address, or a Polkadot Vault address text (substrate:<address>:0x<genesis hash>)')
    .requiredOption('--name <name>', 'a name for it')
    .option('--note <text>', 'a note')
    .option('--network <network>', 'the network it is for (the SS58 prefix must match)')
    .summary('add an address')
    .description(
      "Add an address to the address book under a name, with an optional note. The address is checked first (checksum; with --network, that the SS58 prefix is that network's) and an address already in the book is refused. The vault is made on first use.\n\nA Polkadot Vault address text (what its address QR code holds: substrate:<address>:0x<genesis hash>, or ethereum:) is read as its address on the network the genesis hash names.",
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake address add 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name Alice',
        'keepsake address add 0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac --name Exchange --note "deposit only"',
        'keepsake address add substrate:5GrwvaEF…:0xe143f238… --name "Vault phone"',
      ]),
    )
    .action((addr: string, opts: { name: string; note?: string; network?: string }) => run((ctx) => addressAddRun({ address: addr, ...opts }, ctx)));
}

/** Runs `keepsake address add` with its parsed options; resolves to the exit code. */
export async function addressAddRun(options: AddressAddOptions, ctx: Context): Promise<number> {
  const { addressAdd } = await import('../../../wallet/addressBook.js');
  const entry = await withVault(
    ctx,
    (vault) =>
      addressAdd(vault, {
        address: options.address,
        name: options.name,
        ...(options.note === undefined ? {} : { note: options.note }),
        ...(options.network === undefined ? {} : { network: options.network }),
      }),
    { mode: 'add' },
  );
  if (ctx.io.json) printJson(ctx.io, entry);
  else out(ctx.io, line`Added ${entry.address} "${entry.name}" (${entry.network ?? entry.kind}).`);
  return 0;
}
