import type { Command } from 'commander';
import { type Context, type Runner, vaultPasswordOf } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { newVaultPasswordRead } from './newPassword.js';
import { line } from '../../printable.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type VaultChangePasswordOptions = { passwordFile: string | undefined };

/** Registers `keepsake vault change-password`: its options and help; the action calls {@link vaultChangePasswordRun}. */
export function vaultChangePasswordCommand(parent: Command, run: Runner): void {
  parent
    .command('change-password')
    .option('--password-file <file>', 'read the new vault password from <file> (asked twice on a terminal)')
    .summary('change the vault password')
    .description(
      [
        `Change the vault password: the current one is asked (or read from --vault-password-file), then the new one (at least ${MIN_SECRET_LENGTH} characters; twice on a terminal, or from --password-file).`,
        'The vault file is written anew under the new password, checked, and only then put in its place: if the command is interrupted, the old password still opens the vault. Close the browser wallet first.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake vault change-password', 'keepsake --vault-password-file old.txt vault change-password --password-file new.txt']),
    )
    .action((opts: { passwordFile?: string }) => run((ctx) => vaultChangePasswordRun({ passwordFile: opts.passwordFile }, ctx)));
}

/** Runs `keepsake vault change-password` with its parsed options; resolves to the exit code. */
export async function vaultChangePasswordRun(options: VaultChangePasswordOptions, ctx: Context): Promise<number> {
  const { vaultPasswordChange, vaultPasswordCheck, vaultPasswordPrecheck } = await import('../../../wallet/vaultPassword.js');
  const { vaultPath } = await import('../../../vault/open.js');
  const file = vaultPath(ctx.vaultFile);
  vaultPasswordPrecheck(file, 'change');
  const current = (await vaultPasswordOf(ctx, file))!;
  vaultPasswordCheck(file, current);
  const next = await newVaultPasswordRead(ctx.io, options.passwordFile);
  vaultPasswordChange(file, current, next);
  if (ctx.io.json) printJson(ctx.io, { file, locked: true });
  else out(ctx.io, line`The vault password of ${file} was changed.`);
  return 0;
}
