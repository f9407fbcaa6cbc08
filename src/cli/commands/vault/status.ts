import type { Command } from 'commander';
import { type Context, type Runner, vaultPasswordOf } from '../../context.js';
import { helpExamples } from '../../help.js';
import { canPrompt, out, printJson } from '../../io.js';
import { line } from '../../printable.js';
import { plural } from '../../../text/plural.js';
import { readableNote } from '../concordium/list.js';

/** Registers `keepsake vault status`: its help; the action calls {@link vaultStatusRun}. */
export function vaultStatusCommand(parent: Command, run: Runner): void {
  parent
    .command('status')
    .summary('the vault file: where, how big, whether it is locked, what it holds')
    .description(
      'Show the vault file: its path and size, whether it is locked with a vault password, its schema version, and how many accounts, identities, address-book entries and Concordium items it holds. A locked vault is counted only when its password is given (asked on a terminal, or --vault-password-file).',
    )
    .addHelpText('after', helpExamples(['keepsake vault status', 'keepsake vault status --json']))
    .action(() => run((ctx) => vaultStatusRun({}, ctx)));
}

/** Runs `keepsake vault status`; resolves to the exit code. */
export async function vaultStatusRun(_options: object, ctx: Context): Promise<number> {
  const { vaultStatus } = await import('../../../wallet/vaultPassword.js');
  const { vaultEncrypted } = await import('../../../vault/cipher.js');
  const { vaultPath } = await import('../../../vault/open.js');
  const file = vaultPath(ctx.vaultFile);
  // Without a password to hand, a locked vault's status is what shows from outside (not an error).
  const givable = ctx.vaultPasswordFile !== undefined || canPrompt(ctx.io, { file: undefined });
  const password = vaultEncrypted(file) && givable ? await vaultPasswordOf(ctx, file) : undefined;
  const status = vaultStatus(file, password);
  if (ctx.io.json) {
    printJson(ctx.io, status);
    return 0;
  }
  out(ctx.io, line`Vault:   ${status.file} (${plural(status.size, 'byte')})`);
  out(
    ctx.io,
    `Locked:  ${status.locked ? 'yes — encrypted with a vault password (SQLCipher 4)' : 'no — anyone who copies the file can read names and addresses'}`,
  );
  if (!status.opened) {
    out(ctx.io, 'Its contents are shown when the vault password is given (on a terminal, or --vault-password-file).');
    return 0;
  }
  out(ctx.io, `Schema:  ${status.schemaVersion}`);
  out(
    ctx.io,
    `Holds:   ${plural(status.accounts, 'account')}, ${plural(status.identities, 'identity', 'identities')}, ${plural(status.addresses, 'address-book entry', 'address-book entries')}, ${plural(status.concordium, 'Concordium item')}`,
  );
  if (status.concordiumReadable > 0) out(ctx.io, readableNote(status.concordiumReadable, status.locked));
  return 0;
}
