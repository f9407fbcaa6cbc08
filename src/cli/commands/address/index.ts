import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { addressAddCommand } from './add.js';
import { addressEditCommand } from './edit.js';
import { addressListCommand } from './list.js';
import { addressRemoveCommand } from './remove.js';

/** `keepsake address` and its commands, one file each. */
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
  for (const register of [addressAddCommand, addressListCommand, addressEditCommand, addressRemoveCommand]) register(address, run);
}
