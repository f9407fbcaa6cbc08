import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ShardCountError, ShardFolderNotEmptyError } from '../../../errors/bananaSplit.js';
import { FileWriteError } from '../../../errors/file.js';
import { UsageError } from '../../../errors/usage.js';
import { backupRecordOrSay } from '../../backupRecord.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, say } from '../../io.js';
import { outputCheck, outputWrite } from '../../output.js';
import { line } from '../../printable.js';
import { askPin, PIN_HELP } from './pin.js';

export type IdentitySplitOptions = {
  query: string;
  shares: string;
  title: string | undefined;
  out: string;
  pinFile: string | undefined;
  passphraseOut: string | undefined;
  force: boolean;
};

/** Registers `keepsake identity split`: its options and help; the action calls {@link identitySplitRun}. */
export function identitySplitCommand(identity: Command, run: Runner): void {
  identity
    .command('split')
    .argument('<identity>', 'identity id or name')
    .requiredOption('--shares <n>', 'how many shards to make: 3 to 255 (any floor(n/2)+1 of them recover)')
    .option('--title <title>', "the set's title, printed on every shard (default: the identity's name)")
    .requiredOption('--out <dir>', 'a new or empty folder for the shards: shard-<i>-of-<n>.json, .png (its QR code) and .html (a printable page)')
    .option('--pin-file <file>', PIN_HELP)
    .option(
      '--passphrase-out <file>',
      "write the passphrase to <file> (mode 0600) instead of showing it (required when not on a terminal, and with --json); never in the shards' folder",
    )
    .option('--force', 'write into a folder that is not empty (replacing shard files there), and replace --passphrase-out')
    .summary("split an identity's recovery phrase into Banana Split shards")
    .description(
      [
        "Split an identity's recovery phrase into Banana Split shards (Parity's Banana Split and Polkadot Vault read them): N shards, any floor(N/2)+1 of which recover the phrase together with a new passphrase of four words. Fewer shards reveal nothing. The PIN is asked first (or read from --pin-file); a wrong PIN is counted (exit 3).",
        'Each shard is written three ways into --out: its text (shard-<i>-of-<n>.json), its QR code (.png), and a page to print (.html: the title, "shard i of n", how many recover, the QR code, how to recover).',
        'The passphrase is shown once on the terminal and written nowhere — or written to --passphrase-out (mode 0600), which is required when not on a terminal and with --json. Keep it apart from the shards: whoever holds enough shards and the passphrase holds the phrase.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake identity split Phone --shares 5 --out shards',
        'keepsake identity split Cold --shares 3 --title "Cold wallet 2026" --out /media/usb/shards --pin-file pin.txt --passphrase-out /media/other/passphrase.txt',
      ]),
    )
    .action((query: string, opts: { shares: string; title?: string; out: string; pinFile?: string; passphraseOut?: string; force?: boolean }) =>
      run((ctx) =>
        identitySplitRun(
          {
            query,
            shares: opts.shares,
            title: opts.title,
            out: opts.out,
            pinFile: opts.pinFile,
            passphraseOut: opts.passphraseOut,
            force: opts.force === true,
          },
          ctx,
        ),
      ),
    );
}

/** `--shares` as a number: digits only, 3 to 255 (checked again, with the title, by the split itself). */
function sharesParse(text: string): number {
  const shares = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(shares >= 3 && shares <= 255)) throw new ShardCountError({ shares: text, min: 3, max: 255 });
  return shares;
}

/** The shards' folder: new (its parent there) or empty, unless `force`; a file there is refused. */
function folderCheck(dir: string, force: boolean): void {
  const stat = existsSync(dir) ? lstatSync(dir) : undefined;
  if (stat === undefined) {
    if (!existsSync(dirname(resolve(dir)))) throw new FileWriteError({ file: dir, code: 'ENOENT' });
    return;
  }
  if (!stat.isDirectory()) throw new FileWriteError({ file: dir, code: 'ENOTDIR' });
  if (!force && readdirSync(dir).length > 0) throw new ShardFolderNotEmptyError({ folder: dir });
}

/**
 * Where the passphrase goes, checked before any work: a file outside the shards' folder, or the
 * terminal — never a pipe or --json output, so it does not land in a log (as a new recovery phrase).
 */
function passphraseOutCheck(ctx: Context, options: IdentitySplitOptions): void {
  if (options.passphraseOut !== undefined) {
    if (resolve(dirname(options.passphraseOut)) === resolve(options.out)) {
      throw new UsageError({
        reason: 'The passphrase is never written beside its shards: whoever finds the folder would hold both; nothing was split.',
        hint: "Choose a file outside the shards' folder, ideally on another medium.",
      });
    }
    return outputCheck(options.passphraseOut, options.force);
  }
  if (ctx.io.json || !ctx.io.stderr.isTTY) {
    throw new UsageError({
      reason: `The shards' passphrase is shown only on a terminal${ctx.io.json ? ', never with --json' : ''}, so that it does not end up in a log; nothing was split.`,
      hint: 'Add --passphrase-out FILE to write it to a private file (mode 0600) outside the shards’ folder instead.',
    });
  }
}

/** Runs `keepsake identity split` with its parsed options; resolves to the exit code. */
export async function identitySplitRun(options: IdentitySplitOptions, ctx: Context): Promise<number> {
  const shares = sharesParse(options.shares);
  folderCheck(options.out, options.force);
  passphraseOutCheck(ctx, options);
  const { identitySplit, identitySplitCheck } = await import('../../../wallet/identity/split.js');
  // The identity, the shard count and the title are checked before the PIN is asked (and a try counted).
  await withVault(ctx, (vault) => identitySplitCheck(vault, options.query, { shares, title: options.title }));
  const pin = await askPin(ctx, options.pinFile, options.query);
  const result = await withVault(ctx, (vault) => identitySplit(vault, options.query, pin, { shares, title: options.title }));
  const files = await shardFilesWrite(options.out, result, options.force);
  // Each shard is a backup of the identity (backup health), recorded by its .json file (see wallet/identity/shardRecords.ts).
  await backupRecordOrSay(ctx, () =>
    withVault(ctx, async (vault) => {
      const { identityShardsWritten } = await import('../../../wallet/identity/shardRecords.js');
      const { identityResolve } = await import('../../../wallet/identity/common.js');
      const count = result.shards.length;
      const shards = result.shards.map((text, i) => ({ text, path: join(options.out, `shard-${i + 1}-of-${count}.json`) }));
      identityShardsWritten(vault, identityResolve(vault, options.query), shards);
    }),
  );
  if (options.passphraseOut !== undefined) outputWrite(options.passphraseOut, result.passphrase, options.force);
  else {
    say(ctx.io, '\nThe passphrase of these shards — write it down and keep it apart from them. It is shown only this once:\n');
    say(ctx.io, line`    ${result.passphrase}\n`);
  }
  if (ctx.io.json) {
    printJson(ctx.io, { title: result.title, shares, required: result.required, folder: options.out, files, passphraseFile: options.passphraseOut ?? null });
  } else {
    out(ctx.io, line`Split "${result.title}" into ${shares} shards in ${options.out}: any ${result.required} of them recover it, with the passphrase.`);
    out(ctx.io, 'Print each shard-<i>-of-<n>.html and keep the shards in different places.');
  }
  return 0;
}

/**
 * Writes each shard's text, QR image and printable page into `dir` (made if new), mode 0600: all of
 * them or, when one write fails, none (those already written are removed).
 */
async function shardFilesWrite(dir: string, result: { shards: string[]; required: number; title: string }, force: boolean): Promise<string[]> {
  const { qrPngEncode } = await import('../../../formats/qr-image.js');
  const { bananaSplitSheet } = await import('../../../formats/banana-split/sheet.js');
  const count = result.shards.length;
  const made = !existsSync(dir);
  const written: string[] = [];
  try {
    if (made) mkdirSync(dir, { mode: 0o700 });
    for (const [i, shard] of result.shards.entries()) {
      const base = join(dir, `shard-${i + 1}-of-${count}`);
      const qrPng = await qrPngEncode(shard);
      const page = bananaSplitSheet({ title: result.title, index: i + 1, count, required: result.required, shard, qrPng });
      for (const [path, data] of [
        [`${base}.json`, shard + '\n'],
        [`${base}.png`, qrPng],
        [`${base}.html`, page],
      ] as const) {
        try {
          writeFileSync(path, data, { mode: 0o600, flag: force ? 'w' : 'wx' });
        } catch (err) {
          throw new FileWriteError({ file: path, code: (err as NodeJS.ErrnoException).code }, err);
        }
        written.push(path);
      }
    }
  } catch (err) {
    for (const path of written) rmSync(path, { force: true });
    if (made) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return written;
}
