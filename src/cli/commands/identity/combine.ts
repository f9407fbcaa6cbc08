import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FileReadError, FileTooLargeError } from '../../../errors/file.js';
import { UsageError } from '../../../errors/usage.js';
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
        'The shards are checked first (one set, none twice, enough of them); then the passphrase is asked (four words; spaces are read as "-") or read from --passphrase-file, and the new PIN asked twice or read from --pin-file. The phrase they hold must be a BIP-39 recovery phrase; it is kept as a new identity named after the shards\' title (or --name). A wrong passphrase exits 3 and changes nothing.',
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

/** Each shard argument's text with the name messages give it: a file's text or QR code, or each line of standard input. */
async function shardInputs(ctx: Context, args: readonly string[]): Promise<{ text: string; label: string }[]> {
  const { isPng, qrPngDecode } = await import('../../../formats/qr-image.js');
  const inputs: { text: string; label: string }[] = [];
  for (const arg of args) {
    if (arg === '-') {
      const text = await readStdin(ctx);
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
      lines.forEach((l, i) => inputs.push({ text: l, label: `Line ${i + 1} of standard input` }));
      continue;
    }
    const bytes = await readBytes(arg);
    inputs.push({ text: isPng(bytes) ? qrPngDecode(bytes, arg) : Buffer.from(bytes).toString('utf8'), label: arg });
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
  const pin = await newPin(ctx.io, options.pinFile);
  const { identityRecover } = await import('../../../wallet/identity/create.js');
  const result = await withVault(ctx, (vault) => identityRecover(vault, { name: options.name ?? title, mnemonic: phrase, pin }), { mode: 'add' });
  if (ctx.io.json) printJson(ctx.io, { id: result.id, name: result.name, title, shards: inputs.length });
  else
    out(
      ctx.io,
      line`Recovered identity ${result.id} "${result.name}" from ${inputs.length} shards. Pick a network for its first account: \`keepsake identity derive ${JSON.stringify(result.name)} --network polkadot\`.`,
    );
  return 0;
}
