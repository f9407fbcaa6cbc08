import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';

export type AccountWatchOptions = { address: string; name: string; network?: string };

/** Registers `keepsake account watch`: its options and help; the action calls {@link accountWatchRun}. */
export function accountWatchCommand(parent: Command, run: Runner): void {
  parent
    .command('watch')
    .argument('<address>', 'SS58 or 0x Ethereum address, or a Polkadot Vault address text (substrate:<address>:0x<genesis hash>, or ethereum:)')
    .requiredOption('--name <name>', 'the account name')
    .option('--network <network>', "the network it is for (the SS58 prefix, or the Vault text's genesis hash, must match)")
    .summary('add a watch-only account from its address')
    .description(
      [
        'Add an account you only watch: keepsake keeps its address, shows and lists it, but holds no key — it cannot sign, and it has no key to export or back up. The vault is made on first use.',
        "The address is checked first (checksum; with --network, that the SS58 prefix is that network's) and an account already in the vault, with its key or watch-only, is refused. A Polkadot Vault address text (what its address QR code holds: substrate:<address>:0x<genesis hash>, or ethereum:) is read as its address on the network the genesis hash names. A key text (secret:…) is refused: a watch-only account holds no key.",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account watch 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 --name Treasury',
        'keepsake account watch substrate:5GrwvaEF…:0xe143f238… --name "Vault phone"',
      ]),
    )
    .action((address: string, opts: { name: string; network?: string }) => run((ctx) => accountWatchRun({ address, ...opts }, ctx)));
}

/** Runs `keepsake account watch` with its parsed options; resolves to the exit code. */
export async function accountWatchRun(options: AccountWatchOptions, ctx: Context): Promise<number> {
  const { accountWatch } = await import('../../../wallet/watch.js');
  const account = await withVault(
    ctx,
    (vault) => accountWatch(vault, { address: options.address, name: options.name, ...(options.network === undefined ? {} : { network: options.network }) }),
    { mode: 'add' },
  );
  if (ctx.io.json) {
    printJson(ctx.io, account);
    return 0;
  }
  out(ctx.io, line`Added ${account.address} "${account.name}" (${account.type}, ${account.network ?? 'substrate'}).`);
  out(ctx.io, 'It is watch-only: keepsake holds its address, not its key, so it cannot sign and has no key to export or back up.');
  return 0;
}
