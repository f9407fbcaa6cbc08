import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { rescueRestoreCommand } from './restore.js';
import { rescueScanCommand } from './scan.js';

/** `keepsake rescue scan|restore`: accounts straight from wallets' own storage on disk (issue 15). */
export function rescueCommand(program: Command, run: Runner): void {
  const rescue = program
    .command('rescue')
    .summary("recover accounts without a backup file, from wallets' own storage on this disk")
    .description(
      [
        'Browser extensions such as Polkadot{.js} keep each account, still locked with its own password, in the browser profile on disk — also accounts an update wiped or a popup that no longer opens. `rescue scan` finds them in Chrome, Chromium, Brave, Edge, Vivaldi and Opera profiles (or in folders you point at, e.g. a profile copied from an old disk), live and deleted; `rescue restore` brings them into the vault.',
        "The browser's own files are only read, never changed. The Concordium Desktop Wallet's database is found too, and imported with its password.",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake rescue scan', 'keepsake rescue scan --profile /mnt/old-disk/home/me/.config/chromium', 'keepsake rescue restore']),
    );
  rescueScanCommand(rescue, run);
  rescueRestoreCommand(rescue, run);
}
