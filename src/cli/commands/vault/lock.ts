import type { Command } from 'commander';
import type { Context, Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { newVaultPasswordRead } from './newPassword.js';
import { line } from '../../printable.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type VaultLockOptions = { passwordFile: string | undefined };

/** Registers `keepsake vault lock`: its options and help; the action calls {@link vaultLockRun}. */
export function vaultLockCommand(parent: Command, run: Runner): void {
  parent
    .command('lock')
    .option('--password-file <file>', 'read the new vault password from <file> (asked twice on a terminal)')
    .summary('set a vault password: encrypt the whole vault file')
    .description(
      [
        `Set a vault password (at least ${MIN_SECRET_LENGTH} characters; asked twice on a terminal, or read from --password-file) and encrypt the whole vault file with it.`,
        'The file is written anew beside the vault, checked to open with the new password and to hold every row, and only then put in its place: if the command is interrupted, the vault is as it was. Close the browser wallet first: the vault must not be in use.',
        'Forgetting the vault password loses the vault (keep a backup: `keepsake backup export`).',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake vault lock', 'keepsake vault lock --password-file vault-pw.txt']))
    .action((opts: { passwordFile?: string }) => run((ctx) => vaultLockRun({ passwordFile: opts.passwordFile }, ctx)));
}

/** Runs `keepsake vault lock` with its parsed options; resolves to the exit code. */
export async function vaultLockRun(options: VaultLockOptions, ctx: Context): Promise<number> {
  const { vaultPasswordSet, vaultPasswordPrecheck } = await import('../../../wallet/vaultPassword.js');
  const { vaultPath } = await import('../../../vault/open.js');
  const file = vaultPath(ctx.vaultFile);
  vaultPasswordPrecheck(file, 'lock');
  const password = await newVaultPasswordRead(ctx.io, options.passwordFile);
  vaultPasswordSet(file, password);
  if (ctx.io.json) printJson(ctx.io, { file, locked: true });
  else out(ctx.io, line`The vault ${file} is now locked with a vault password. Every command that uses it will ask for it.`);
  return 0;
}
