import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, readSecret } from '../../io.js';
import { line } from '../../printable.js';
import { newPin } from './pin.js';
import { MIN_SECRET_LENGTH } from '../../../wallet/secrets.js';

export type IdentityRecoverOptions = { name: string; mnemonicFile: string | undefined; pinFile: string | undefined };

/** Registers `keepsake identity recover`: its options and help; the action calls {@link identityRecoverRun}. */
export function identityRecoverCommand(identity: Command, run: Runner): void {
  identity
    .command('recover')
    .requiredOption('--name <name>', 'a name for the identity')
    .option('--mnemonic-file <file>', 'read the recovery phrase from <file> (- = standard input)')
    .option('--pin-file <file>', 'read the new PIN from <file> (asked twice on a terminal)')
    .summary('recover an identity from its recovery phrase')
    .description(
      [
        'Keep a recovery phrase you already have (from Parity Signer, Polkadot{.js} or any BIP-39 wallet) as an identity, sealed under a new PIN. The vault is made on first use; no account is derived yet (`identity derive` or `identity find` does that).',
        `The phrase is read from --mnemonic-file or asked on the terminal — never given as an option value — and checked (words and checksum) before the new PIN is asked twice (at least ${MIN_SECRET_LENGTH} characters) or read from --pin-file. A name already used by another identity is refused.`,
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples(['keepsake identity recover --name Phone', 'keepsake identity recover --name "Old Signer" --mnemonic-file phrase.txt --pin-file pin.txt']),
    )
    .action((opts: { name: string; mnemonicFile?: string; pinFile?: string }) =>
      run((ctx) => identityRecoverRun({ name: opts.name, mnemonicFile: opts.mnemonicFile, pinFile: opts.pinFile }, ctx)),
    );
}

/** Runs `keepsake identity recover` with its parsed options; resolves to the exit code. */
export async function identityRecoverRun(options: IdentityRecoverOptions, ctx: Context): Promise<number> {
  const mnemonic = await readSecret(ctx.io, { file: options.mnemonicFile, flag: '--mnemonic-file', prompt: 'Recovery phrase: ', what: 'recovery phrase' });
  // The phrase and the name are checked before the new PIN is asked for.
  const { identityRecoverCheck } = await import('../../../wallet/identity/checks.js');
  identityRecoverCheck({ name: options.name, mnemonic });
  const pin = await newPin(ctx.io, options.pinFile);
  const { identityRecover } = await import('../../../wallet/identity/create.js');
  const result = await withVault(ctx, (vault) => identityRecover(vault, { name: options.name, mnemonic, pin }), { mode: 'add' });
  if (ctx.io.json) printJson(ctx.io, { id: result.id, name: result.name });
  else
    out(
      ctx.io,
      line`Recovered identity ${result.id} "${result.name}". Pick a network for its first account: \`keepsake identity derive ${JSON.stringify(result.name)} --network polkadot\`.`,
    );
  return 0;
}
