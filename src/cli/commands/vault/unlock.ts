import type { Command } from 'commander';
import { UsageError } from '../../../errors/usage.js';
import { type Context, type Runner, vaultPasswordOf } from '../../context.js';
import { helpExamples } from '../../help.js';
import { confirm, out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type VaultUnlockOptions = { yes: boolean };

/** Registers `keepsake vault unlock`: its options and help; the action calls {@link vaultUnlockRun}. */
export function vaultUnlockCommand(parent: Command, run: Runner): void {
  parent
    .command('unlock')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .summary('remove the vault password (asks first)')
    .description(
      [
        'Remove the vault password: the vault file is written anew unencrypted, so anyone who copies it can read account names, addresses and the address book again (keys stay locked with their own passwords, identities under their PINs).',
        'The current password is asked (or read from --vault-password-file); on a terminal it asks for confirmation first, in scripts --yes is required. If the command is interrupted, the vault stays locked.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake vault unlock', 'keepsake --vault-password-file vault-pw.txt vault unlock --yes']))
    .action((opts: { yes?: boolean }) => run((ctx) => vaultUnlockRun({ yes: opts.yes === true }, ctx)));
}

/** Runs `keepsake vault unlock` with its parsed options; resolves to the exit code. */
export async function vaultUnlockRun(options: VaultUnlockOptions, ctx: Context): Promise<number> {
  const { vaultPasswordCheck, vaultPasswordPrecheck, vaultPasswordRemove } = await import('../../../wallet/vaultPassword.js');
  const { vaultPath } = await import('../../../vault/open.js');
  const file = vaultPath(ctx.vaultFile);
  vaultPasswordPrecheck(file, 'remove');
  if (!options.yes && !ctx.io.stdin.isTTY)
    throw new UsageError({ reason: 'Removing the vault password needs confirmation.', hint: 'Add --yes when not on a terminal.' });
  const current = (await vaultPasswordOf(ctx, file))!;
  vaultPasswordCheck(file, current);
  if (!options.yes && !(await confirm(ctx.io, line`Remove the vault password of ${file}? Anyone who copies the file can then read names and addresses.`))) {
    out(ctx.io, 'The vault password was kept.');
    return 1;
  }
  vaultPasswordRemove(file, current);
  if (ctx.io.json) printJson(ctx.io, { file, locked: false });
  else out(ctx.io, line`The vault ${file} has no vault password now: it is an unencrypted SQLite file.`);
  return 0;
}
