import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';
import { plural } from '../../../text/plural.js';

/** Registers `keepsake identity list`: its options and help; the action calls {@link identityListRun}. */
export function identityListCommand(identity: Command, run: Runner): void {
  identity
    .command('list')
    .summary('list identities and their accounts')
    .description(
      [
        "List each identity (number, name) with the accounts derived from it: address, key type, path, network and name, and for an account on a known network the address text Parity Signer puts in its QR code. Concordium identities imported from a Concordium Desktop Wallet export follow in a section of their own; --json lists keepsake's own identities.",
        'No PIN is asked and nothing is changed; the vault must exist.',
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake identity list', 'keepsake identity list --json']))
    .action(() => run((ctx) => identityListRun({}, ctx)));
}

/** Runs `keepsake identity list` with its parsed options; resolves to the exit code. */
export async function identityListRun(_options: Record<string, never>, ctx: Context): Promise<number> {
  const { identityList } = await import('../../../wallet/identity/list.js');
  const { concordiumList } = await import('../../../wallet/concordium.js');
  const { list, concordium, file } = await withVault(ctx, (vault) => ({
    list: identityList(vault),
    concordium: concordiumList(vault).identities,
    file: vault.file,
  }));
  // --json stays the list of keepsake's identities; Concordium identities: `concordium list --json`.
  if (ctx.io.json) printJson(ctx.io, list);
  else if (list.length === 0 && concordium.length === 0)
    out(ctx.io, line`The vault at ${file} has no identities yet. Create one with \`keepsake identity create --name NAME\`.`);
  else {
    for (const i of list) {
      out(ctx.io, line`${i.id}  "${i.name}"  ${plural(i.accounts.length, 'account')}`);
      for (const a of i.accounts) {
        out(ctx.io, line`    ${a.address}  ${a.type}  path ${a.path === '' ? '(root)' : a.path}  ${a.network ?? ''}  "${a.name}"`);
        if (a.signerQr) out(ctx.io, line`        ${a.signerQr}`);
      }
    }
    const { concordiumPrint } = await import('../concordium/print.js');
    concordiumPrint(ctx.io, { identities: concordium });
  }
  return 0;
}
