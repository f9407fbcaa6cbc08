import type { Command } from 'commander';
import type { Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { vaultChangePasswordCommand } from './changePassword.js';
import { vaultLockCommand } from './lock.js';
import { vaultStatusCommand } from './status.js';
import { vaultUnlockCommand } from './unlock.js';

/** `keepsake vault` and its commands, one file each. */
export function vaultCommand(program: Command, run: Runner): void {
  const vault = program
    .command('vault')
    .summary('the vault file itself: its password, its status')
    .description(
      [
        'The vault is one file (--vault, $KEEPSAKE_VAULT, else ~/.keepsake/vault.sqlite). A vault password encrypts the whole file (SQLCipher 4), so a copy of it shows no account name, address or address-book entry.',
        'It is one more layer, not a replacement: account keys stay locked with their own passwords and identities sealed under their PINs. Once set, every command that uses the vault asks for it once (or reads --vault-password-file, or the file named by $KEEPSAKE_VAULT_PASSWORD_FILE).',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake vault status', 'keepsake vault lock', 'keepsake vault change-password', 'keepsake vault unlock']));
  for (const register of [vaultStatusCommand, vaultLockCommand, vaultChangePasswordCommand, vaultUnlockCommand]) register(vault, run);
}
