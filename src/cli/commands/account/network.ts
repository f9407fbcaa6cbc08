import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AccountNetworkOptions = { query: string; network: string };

/** Registers `keepsake account network`: its options and help; the action calls {@link accountNetworkRun}. */
export function accountNetworkCommand(parent: Command, run: Runner): void {
  parent
    .command('network')
    .argument('<account>', 'address (any network format), 0x public key, or name')
    .argument('<net>', 'the network to show it under, by name (e.g. axia, alphanet, polkadot)')
    .summary('show an account under another network')
    .description(
      [
        "Put an account under another network: its address is then shown in that network's format, and its genesis hash (in Signer's address QR text and its stored file) is that network's, or none when keepsake does not know it. The key, password and name stay as they are, and no password is asked (the network is outside the encrypted part of the stored file).",
        "For accounts restored under the wrong one of networks that share an address format, which nothing in a file tells apart: AXIA.js writes Polkadot's format and genesis hash for AXIA, Kusama's for AXIALunar. A network of another format gives the same key another address (said when it does).",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake account network 1FRMM8PEiWXYax7rpS6X4XZX1aAAxSWx1CrKTyrVYhV24fg axia', 'keepsake account network Savings alphanet --json']),
    )
    .action((query: string, network: string) => run((ctx) => accountNetworkRun({ query, network }, ctx)));
}

/** Runs `keepsake account network` with its parsed options; resolves to the exit code. */
export async function accountNetworkRun(options: AccountNetworkOptions, ctx: Context): Promise<number> {
  const { accountNetworkSet } = await import('../../../wallet/accounts.js');
  const { account, previous } = await withVault(ctx, (vault) => accountNetworkSet(vault, options.query, options.network));
  if (ctx.io.json) printJson(ctx.io, { ...account, previous });
  else {
    out(ctx.io, line`"${account.name}" is now under ${account.network ?? 'no network'} (it was under ${previous.network ?? 'no network'}): ${account.address}`);
    if (account.address !== previous.address) out(ctx.io, line`note: its address format changed (it was ${previous.address}); the key is the same.`);
  }
  return 0;
}
