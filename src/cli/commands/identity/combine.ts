import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FileReadError, FileTooLargeError } from '../../../errors/file.js';
import { UsageError } from '../../../errors/usage.js';
import { backupRecordOrSay } from '../../backupRecord.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, readSecret } from '../../io.js';
import { line } from '../../printable.js';
import { newPin } from './pin.js';

export type IdentityCombineOptions = { shards: string[]; passphraseFile: string | undefined; pinFile: string | undefined; name: string | undefined };

/** The largest shard file read: a photo of a QR code; a shard's text is at most 16 KiB. */
const SHARD_FILE_MAX = 32 * 1024 * 1024;

/** Registers `keepsake identity combine`: its options and help; the action calls {@link identityCombineRun}. */
export function identityCombineCommand(identity: Command, run: Runner): void {
  identity
    .command('combine')
    .argument('<shard...>', 'shard files: their text (.json, .txt) or a PNG image of their QR code; - reads shard texts from standard input, one a line')
    .option('--passphrase-file <file>', "read the shards' passphrase from the first line of <file> (- = standard input)")
    .option('--pin-file <file>', 'read the new PIN from <file> (asked twice on a terminal)')
    .option('--name <name>', "a name for the recovered identity (default: the shards' title)")
    .summary('recover an identity from Banana Split shards')
    .description(
      [
        "Recover an identity from Banana Split shards (written by keepsake, Parity's Banana Split or Polkadot Vault; versions 0 and 1): give at least as many shards of one set as it needs, as files of their text, PNG photos or scans of their QR codes, or pasted text on standard input (-, one shard a line).",
        'The shards are checked first (one set, none twice, enough of them); then the passphrase is asked (four words; spaces are read as "-") or read from --passphrase-file, and the new PIN asked twice or read from --pin-file. The phrase they hold must be a BIP-39 recovery phrase; it is kept as a new identity named after the shards\' title (or --name). A phrase already in this vault as an identity adds nothing: it is named, and no new PIN is asked. A wrong passphrase exits 3 and changes nothing.',
        'The shards count as verified backups of the identity for `keepsake status`.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake identity combine shard-1-of-5.json shard-3-of-5.png scan.png',
        'keepsake identity combine shard-2-of-3.json shard-3-of-3.json --name Phone --passphrase-file passphrase.txt --pin-file pin.txt',
      ]),
    )
    .action((shards: string[], opts: { passphraseFile?: string; pinFile?: string; name?: string }) =>
      run((ctx) => identityCombineRun({ shards, passphraseFile: opts.passphraseFile, pinFile: opts.pinFile, name: opts.name }, ctx)),
    );
}

type ShardArg = { text: string; label: string; path: string | null };

/**
 * Each shard argument's text with the name messages give it: a file's text or QR code, or each line
 * of standard input. `path` is the file when it holds exactly the shard's recorded text (a .json
 * shard file): the backup record may then point at it; an image or a line of input has none.
 */
async function shardInputs(ctx: Context, args: readonly string[]): Promise<ShardArg[]> {
  const { isPng, qrPngDecode } = await import('../../../formats/qr-image.js');
  const { shardRecordText } = await import('../../../wallet/identity/shardRecords.js');
  const inputs: ShardArg[] = [];
  for (const arg of args) {
    if (arg === '-') {
      const text = await readStdin(ctx);
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
      lines.forEach((l, i) => inputs.push({ text: l, label: `Line ${i + 1} of standard input`, path: null }));
      continue;
    }
    const bytes = await readBytes(arg);
    if (isPng(bytes)) inputs.push({ text: qrPngDecode(bytes, arg), label: arg, path: null });
    else {
      const text = Buffer.from(bytes).toString('utf8');
      inputs.push({ text, label: arg, path: text === shardRecordText(text) ? arg : null });
    }
  }
  return inputs;
}

async function readBytes(path: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new FileReadError({ file: path, code: (err as NodeJS.ErrnoException).code }, err);
  }
  if (bytes.length > SHARD_FILE_MAX) throw new FileTooLargeError({ file: path, size: bytes.length, limit: SHARD_FILE_MAX });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function readStdin(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.io.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > SHARD_FILE_MAX) throw new FileTooLargeError({ file: 'standard input', size, limit: SHARD_FILE_MAX });
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `keepsake identity combine` with its parsed options; resolves to the exit code. */
export async function identityCombineRun(options: IdentityCombineOptions, ctx: Context): Promise<number> {
  const stdinUses = options.shards.filter((s) => s === '-').length + [options.passphraseFile, options.pinFile].filter((f) => f === '-').length;
  if (stdinUses > 1) throw new UsageError({ reason: 'Standard input can give only one thing: the shards, the passphrase or the PIN; nothing was recovered.' });
  const inputs = await shardInputs(ctx, options.shards);
  // The shards and the name are checked before the passphrase and the new PIN are asked for.
  const { identityCombineCheck, identityCombineOpen } = await import('../../../wallet/identity/combine.js');
  const { title } = identityCombineCheck(inputs, { name: options.name });
  const passphrase = await readSecret(ctx.io, {
    file: options.passphraseFile,
    flag: '--passphrase-file',
    prompt: line`Passphrase of the shards of "${title}" (four words): `,
    what: 'passphrase',
  });
  // Opened before the new PIN is asked and the vault opened: a wrong passphrase (exit 3) creates no vault file.
  const { phrase } = await identityCombineOpen(inputs, passphrase);
  const { identityOfPhrase, identityShardsVerified } = await import('../../../wallet/identity/shardRecords.js');
  const { identityById } = await import('../../../vault/identities.js');
  const { vaultPath } = await import('../../../vault/open.js');
  const texts = inputs.map((i) => i.text);
  const records = inputs.map((i) => ({ text: i.text, path: i.path }));
  // The phrase already an identity here: no second one and no new PIN; the shards are its verified backups.
  const known = existsSync(vaultPath(ctx.vaultFile))
    ? await withVault(ctx, async (vault) => {
        const row = await identityOfPhrase(vault, phrase, texts);
        if (row !== undefined) identityShardsVerified(vault, row, records);
        return row;
      })
    : undefined;
  if (known !== undefined) {
    if (ctx.io.json) printJson(ctx.io, { id: known.id, name: known.name, title, shards: inputs.length, existing: true });
    else out(ctx.io, line`These shards open: they recover the identity "${known.name}" already in this vault.`);
    return 0;
  }
  const pin = await newPin(ctx.io, options.pinFile);
  const { identityRecover } = await import('../../../wallet/identity/create.js');
  const result = await withVault(ctx, (vault) => identityRecover(vault, { name: options.name ?? title, mnemonic: phrase, pin }), { mode: 'add' });
  await backupRecordOrSay(ctx, () => withVault(ctx, (vault) => identityShardsVerified(vault, identityById(vault, result.id)!, records)));
  if (ctx.io.json) printJson(ctx.io, { id: result.id, name: result.name, title, shards: inputs.length, existing: false });
  else
    out(
      ctx.io,
      line`Recovered identity ${result.id} "${result.name}" from ${inputs.length} shards. Pick a network for its first account: \`keepsake identity derive ${JSON.stringify(result.name)} --network polkadot\`.`,
    );
  return 0;
}
