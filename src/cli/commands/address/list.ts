import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

/** Registers `keepsake address list`: its options and help; the action calls {@link addressListRun}. */
export function addressListCommand(address: Command, run: Runner): void {
  address
    .command('list')
    .summary('list the address book')
    .description('List the address book: each address with its name, network (or kind) and note. Nothing is asked or changed; the vault must exist.')
    .addHelpText('after', helpExamples(['keepsake address list', 'keepsake address list --json']))
    .action(() => run((ctx) => addressListRun({}, ctx)));
}

/** Runs `keepsake address list` with its parsed options; resolves to the exit code. */
export async function addressListRun(options: Record<string, never>, ctx: Context): Promise<number> {
  const { addressList } = await import('../../../wallet/addressBook.js');
  const { list, file } = await withVault(ctx, (vault) => ({ list: addressList(vault), file: vault.file }));
  if (ctx.io.json) printJson(ctx.io, list);
  else if (list.length === 0)
    out(ctx.io, line`The address book of the vault at ${file} is empty. Add an entry with \`keepsake address add ADDRESS --name NAME\`.`);
  else for (const a of list) out(ctx.io, line`${a.address}  ${JSON.stringify(a.name)}  (${a.network ?? a.kind})${a.note ? line`  ${a.note}` : ''}`);
  return 0;
}
