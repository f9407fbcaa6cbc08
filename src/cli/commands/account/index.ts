import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { accountAddCommand, accountCreateCommand } from './create.js';
import { accountExportAllCommand, accountExportCommand } from './export.js';
import { accountListCommand, accountRemoveCommand, accountRenameCommand } from './list.js';
import { accountVerifyCommand } from './verify.js';

export function accountCommand(program: Command, run: Runner): void {
  const account = program
    .command('account')
    .summary('create, add, list, rename, remove and export accounts')
    .description('Accounts in the vault: create a new one, add one from its recovery phrase, list, rename, remove, and export them to Polkadot{.js} files.');
  for (const register of [accountCreateCommand, accountAddCommand, accountListCommand, accountRenameCommand, accountRemoveCommand, accountExportCommand, accountExportAllCommand, accountVerifyCommand]) {
    register(account, run);
  }
}
