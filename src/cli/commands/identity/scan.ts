import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson } from '../../io.js';
import { line } from '../../printable.js';
import { askPin, PIN_HELP } from './pin.js';

export type IdentityScanOptions = { query: string; network: string; count: string; pinFile: string | undefined };

/** Registers `keepsake identity scan`: its options and help; the action calls {@link identityScanRun}. */
export function identityScanCommand(identity: Command, run: Runner): void {
  identity
    .command('scan')
    .argument('<identity>', 'identity id or name')
    .requiredOption('--network <network>', 'the network to show addresses for')
    .option('--count <n>', 'how many accounts of each numbered family', '5')
    .option('--pin-file <file>', PIN_HELP)
    .summary('list the usual accounts of an identity on a network, to recognise yours')
    .description(
      [
        'Recover without a backup file: list the first accounts of each common path family on a network (root key, //<network>, //<network>//<n>, //<n>, and other key types), each marked [in vault] when the vault has it, so you can recognise the ones you had; then add them with `identity derive --path`.',
        "It asks for the identity's PIN (on the terminal or from --pin-file; a wrong one is counted, exit 3). --count (1 to 100) sets how many of each numbered family. Nothing is changed; no chain access is needed.",
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake identity scan Phone --network polkadot', 'keepsake identity scan Phone --network kusama --count 10 --pin-file pin.txt']),
    )
    .action((query: string, opts: { network: string; count: string; pinFile?: string }) =>
      run((ctx) => identityScanRun({ query, network: opts.network, count: opts.count, pinFile: opts.pinFile }, ctx)),
    );
}

/** Runs `keepsake identity scan` with its parsed options; resolves to the exit code. */
export async function identityScanRun(options: IdentityScanOptions, ctx: Context): Promise<number> {
  const count = Number(options.count);
  const pin = await askPin(ctx, options.pinFile, options.query);
  const { identityScan } = await import('../../../wallet/identity/scan.js');
  const list = await withVault(ctx, (vault) => identityScan(vault, options.query, { network: options.network, count, pin }));
  if (ctx.io.json) printJson(ctx.io, list);
  else
    for (const e of list) {
      out(ctx.io, line`${e.address}  ${e.type.padEnd(7)}  ${(e.path === '' ? '(root)' : e.path).padEnd(22)}  ${e.family}${e.inVault ? '  [in vault]' : ''}`);
    }
  return 0;
}
