import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { accountAddCommand } from './add.js';
import { accountCreateCommand } from './create.js';
import { accountExportCommand } from './export.js';
import { accountExportAllCommand } from './exportAll.js';
import { accountListCommand } from './list.js';
import { accountNetworkCommand } from './network.js';
import { accountRemoveCommand } from './remove.js';
import { accountRenameCommand } from './rename.js';
import { accountVerifyCommand } from './verify.js';
import { accountWatchCommand } from './watch.js';

/** `keepsake account` and its commands, one file each (their logic is loaded when one runs). */
export function accountCommand(program: Command, run: Runner): void {
  const account = program
    .command('account')
    .summary('create, add, watch, list, rename, remove, export and verify accounts, and change their network')
    .description(
      [
        'Accounts in the vault: create a new one, add one from its recovery phrase or seed, watch one from its address only, list, rename and remove them, change the network one is shown under, export them to Polkadot{.js} files or an Ethereum keystore, and check the key of one restored unchecked.',
        "Each account keeps its own password (one derived from an identity opens with that identity's PIN instead). `keepsake account COMMAND --help` says what each command asks for and changes.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake account list', 'keepsake account create --name Savings --network polkadot --backup savings.json']));
  for (const register of [
    accountCreateCommand,
    accountAddCommand,
    accountWatchCommand,
    accountListCommand,
    accountRenameCommand,
    accountNetworkCommand,
    accountRemoveCommand,
    accountExportCommand,
    accountExportAllCommand,
    accountVerifyCommand,
  ]) {
    register(account, run);
  }
}
