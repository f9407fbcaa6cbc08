import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { backupExportCommand } from './export.js';
import { backupImportCommand } from './import.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

/** `keepsake backup` and its commands, one file each. */
export function backupCommand(program: Command, run: Runner): void {
  const backup = program
    .command('backup')
    .summary('the whole wallet (identities, accounts, address book) in one password-protected file')
    .description(
      [
        `Export identities, accounts, the address book and imported Concordium data to one file protected by a password of at least ${MIN_SECRET_LENGTH} characters, and import such a file (or a Concordium Desktop Wallet export), seeing everything imported.`,
        '`keepsake verify FILE` checks such a file and says what an import would do, importing nothing.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake backup export --out wallet-backup.json', 'keepsake backup import wallet-backup.json']));
  backupExportCommand(backup, run);
  backupImportCommand(backup, run);
}
