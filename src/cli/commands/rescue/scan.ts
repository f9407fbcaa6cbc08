import type { Command } from 'commander';
import type { Context, Runner } from '../../context.js';
import { helpExamples } from '../../help.js';
import { color, type Io, out, printJson } from '../../io.js';
import { line } from '../../printable.js';
import { plural } from '../../../text/plural.js';
import type { RescueScan } from '../../../wallet/rescue/scan.js';

export type RescueScanOptions = { profile?: string[] };

/** Registers `keepsake rescue scan`: its options and help; the action calls {@link rescueScanRun}. */
export function rescueScanCommand(rescue: Command, run: Runner): void {
  rescue
    .command('scan')
    .option(
      '--profile <dir...>',
      'search these folders instead of this machine’s browsers: a browser folder, one profile, or an extension store copied from another disk',
    )
    .summary('list the accounts wallets keep on this disk, live and deleted')
    .description(
      [
        "Search the browser profiles of this machine (Chrome, Chromium, Brave, Edge, Vivaldi, Opera; every profile) — or the folders given with --profile — for extension storage holding Polkadot{.js}-format accounts, and list each account: address, name, key type, the extension and profile it is in, its key file's KDF, and whether it is live or deleted (removed or overwritten by the extension, but still in the store's files).",
        "The Concordium Desktop Wallet's database is listed where it is found. Nothing is asked or changed; the browser's files are only read. Firefox keeps extension storage differently and is not read.",
      ].join('\n\n'),
    )
    .addHelpText('after', helpExamples(['keepsake rescue scan', 'keepsake rescue scan --profile ~/old-disk/.config/google-chrome --json']))
    .action((opts: RescueScanOptions) => run((ctx) => rescueScanRun(opts, ctx)));
}

/** Runs `keepsake rescue scan`; resolves to the exit code (0 also when nothing is found). */
export async function rescueScanRun(options: RescueScanOptions, ctx: Context): Promise<number> {
  const { rescueScan } = await import('../../../wallet/rescue/scan.js');
  const scan = await rescueScan(options.profile === undefined ? {} : { dirs: options.profile });
  if (ctx.io.json) printJson(ctx.io, scan);
  else scanPrint(ctx.io, scan);
  return 0;
}

function scanPrint(io: Io, scan: RescueScan): void {
  if (scan.stores.length === 0 && scan.concordium.length === 0) {
    const profiles = scan.profiles.length > 0 ? ` (${plural(scan.profiles.length, 'browser profile')})` : '';
    out(io, `No wallet storage found in ${plural(scan.searched.length, 'place')} searched${profiles}.`);
  } else if (scan.profiles.length > 0) out(io, `Searched ${plural(scan.profiles.length, 'browser profile')}.`);
  for (const s of scan.stores) {
    out(io, line`${[s.browser, s.profile].filter(Boolean).join(' ')} — ${s.extension} (${s.extensionId})`);
    out(io, line`  ${s.dir}`);
    for (const a of s.accounts) {
      const state = a.state === 'live' ? color(io, 'green', 'live   ') : color(io, 'yellow', `deleted (${a.how})`);
      const kdf =
        a.kdf === null ? 'no key (hardware or external)' : a.kdf.name === 'scrypt' ? `scrypt N=2^${Math.log2(a.kdf.N)} r=${a.kdf.r} p=${a.kdf.p}` : a.kdf.name;
      out(io, line`  ${state}  ${a.address}  "${a.name ?? ''}"  ${a.type ?? 'unknown type'}  ${kdf}`);
    }
    for (const p of s.problems) out(io, line`  ${color(io, 'dim', `could not read: ${p}`)}`);
  }
  for (const c of scan.concordium)
    out(io, line`Concordium Desktop Wallet database: ${c.file} (import it with its password: keepsake rescue restore --concordium-db FILE)`);
  for (const n of scan.notes) out(io, line`${color(io, 'dim', n)}`);
  const accounts = scan.stores.reduce((n, s) => n + s.accounts.length, 0);
  if (accounts > 0) out(io, `${plural(accounts, 'account')} found; restore them with \`keepsake rescue restore\` (all, or give their addresses).`);
}
