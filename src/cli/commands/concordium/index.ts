import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { concordiumListCommand } from './list.js';
import { concordiumRemoveCommand } from './remove.js';
import { concordiumSealCommand } from './seal.js';

/**
 * `keepsake concordium list|remove`: the Concordium identities and accounts a Concordium Desktop
 * Wallet export brought in (issue 12 #6). `account list` and `identity list` show them too, in a
 * section of their own (their `--json` lists stay keepsake's accounts and identities only).
 */
export function concordiumCommand(program: Command, run: Runner): void {
  const concordium = program
    .command('concordium')
    .summary('the Concordium identities and accounts imported from a Concordium Desktop Wallet export')
    .description(
      [
        'Show and remove the Concordium identities and accounts that `keepsake backup import` brought in from a Concordium Desktop Wallet export.',
        'keepsake keeps them as that wallet exported them, sealed under the password of that export (only names, addresses, providers and statuses stay readable in the vault file), so `backup export --format concordium-desktop` gives them back; it holds no Concordium key, since the desktop wallet keeps every key on a Ledger.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake concordium list', 'keepsake backup import concordium-export.json']));
  concordiumListCommand(concordium, run);
  concordiumRemoveCommand(concordium, run);
  concordiumSealCommand(concordium, run);
}
