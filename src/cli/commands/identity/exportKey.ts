import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { FileWriteError } from '../../../errors/file.js';
import { UsageError } from '../../../errors/usage.js';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, say } from '../../io.js';
import { outputCheck, outputWrite } from '../../output.js';
import { line } from '../../printable.js';
import { askPin, PIN_HELP } from './pin.js';

export type IdentityExportKeyOptions = { account: string; pinFile: string | undefined; out: string | undefined; qr?: string | undefined; force: boolean };

/** Registers `keepsake identity export-key`: its options and help; the action calls {@link identityExportKeyRun}. */
export function identityExportKeyCommand(identity: Command, run: Runner): void {
  identity
    .command('export-key')
    .argument('<account>', 'an account of an identity: its address or name')
    .option('--pin-file <file>', PIN_HELP)
    .option('--out <file>', 'write the text to <file> (owner-only) instead of the terminal')
    .option('--qr <file>', 'also write the text as a QR code image (a .png, owner-only), as Vault shows it')
    .option('--force', 'overwrite <file> if it exists')
    .summary('show an identity account\'s private key as Polkadot Vault\'s "Export private key" text, after the PIN')
    .description(
      [
        'Write the text Polkadot Vault\'s "Export private key" QR code holds for an identity account — secret:0x<key>:<genesis hash> — after the identity\'s PIN (asked on the terminal or read from --pin-file; a wrong PIN shows nothing and is counted, exit 3). It goes to --out, or to the terminal; never into a pipe or a redirected output.',
        'The key is exposed by it: anyone who sees the text controls that account (and, for a key with soft junctions, can find its other soft-derived keys). A root sr25519 key and every ed25519, ecdsa and Ethereum key go out as their 32-byte seed, as Vault shows them; a derived sr25519 key as its 64-byte secret, the form Vault uses for a key it has no seed for. `keepsake account add --vault-secret-file FILE` reads it back.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake identity export-key "Phone polkadot"', 'keepsake identity export-key 15oF4u… --out vault-key.txt --pin-file pin.txt']),
    )
    .action((account: string, opts: { pinFile?: string; out?: string; qr?: string; force?: boolean }) =>
      run((ctx) => identityExportKeyRun({ account, pinFile: opts.pinFile, out: opts.out, qr: opts.qr, force: opts.force === true }, ctx)),
    );
}

/** Runs `keepsake identity export-key` with its parsed options; resolves to the exit code. */
export async function identityExportKeyRun(options: IdentityExportKeyOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  // The key goes to a file or a person at a terminal: refused before the PIN is asked when it would go elsewhere.
  if (options.out === undefined && options.qr === undefined && io.stdout.isTTY !== true)
    throw new UsageError({ reason: 'The private key text is shown only on a terminal; to keep it, write it to a file.', hint: 'Name a file to write it to.' });
  if (options.out !== undefined) outputCheck(options.out, options.force);
  if (options.qr !== undefined) {
    if (!options.qr.toLowerCase().endsWith('.png')) throw new UsageError({ reason: 'The QR code image file name must end in .png.' });
    outputCheck(options.qr, options.force);
  }
  const pin = await askPin(ctx, options.pinFile, options.account);
  const { vaultSecretExport } = await import('../../../wallet/vaultText.js');
  const result = await withVault(ctx, (vault) => vaultSecretExport(vault, options.account, pin));
  if (options.qr !== undefined) {
    const { qrPngEncode } = await import('../../../formats/qr-image.js');
    const png = await qrPngEncode(result.text);
    try {
      writeFileSync(options.qr, png, { mode: 0o600, flag: options.force ? 'w' : 'wx' });
    } catch (err) {
      throw new FileWriteError({ file: options.qr, code: (err as NodeJS.ErrnoException).code }, err);
    }
  }
  const warning = line`The private key of ${result.address} "${result.name}" is now exposed: anyone who sees or copies this text controls the account.`;
  if (options.out !== undefined || options.qr !== undefined) {
    if (options.out !== undefined) outputWrite(options.out, `${result.text}\n`, options.force);
    const files = [options.out, options.qr].filter((f): f is string => f !== undefined);
    if (io.json) printJson(io, { address: result.address, name: result.name, out: options.out ?? null, qr: options.qr ?? null });
    else out(io, line`Wrote the key text of ${result.address} to ${files.join(' and ')}.`);
    say(io, warning);
    return 0;
  }
  say(io, warning);
  if (io.json) printJson(io, { address: result.address, name: result.name, text: result.text });
  else out(io, result.text);
  return 0;
}
