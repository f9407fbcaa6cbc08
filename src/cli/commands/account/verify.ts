import type { Command } from 'commander';
import { type Context, type Runner, withVault } from '../../context.js';
import { helpExamples } from '../../help.js';
import { out, printJson, readSecret } from '../../io.js';
import { line } from '../../printable.js';

export type AccountVerifyOptions = { query: string; passwordFile: string | undefined };

/** Registers `keepsake account verify`: its options and help; the action calls {@link accountVerifyRun}. */
export function accountVerifyCommand(parent: Command, run: Runner): void {
  parent
    .command('verify')
    .argument('<account>', 'address (any network format), 0x public key, or name')
    .option('--password-file <file>', "read the account's password from the first line of <file> (- = standard input)")
    .summary("check an account's key with its password and record it as checked")
    .description(
      [
        'Open the key file the vault holds for an account with its password, check that the key gives the account\'s address, and record the account as checked. This is how an account restored "unchecked" (an entry of an extension batch that kept its own password) becomes checked.',
        'The password is asked on the terminal or read from --password-file. A wrong password changes nothing (exit 3). Accounts derived from an identity, and watch-only ones, have no password of their own to check: they are refused before any password is asked.',
      ].join('\n\n'),
    )
    .addHelpText(
      'after',
      helpExamples([
        'keepsake account verify 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
        'keepsake account verify Savings --password-file pw.txt --json',
      ]),
    )
    .action((query: string, opts: { passwordFile?: string }) => run((ctx) => accountVerifyRun({ query, passwordFile: opts.passwordFile }, ctx)));
}

/** Runs `keepsake account verify` with its parsed options; resolves to the exit code. */
export async function accountVerifyRun(options: AccountVerifyOptions, ctx: Context): Promise<number> {
  const { query } = options;
  const { accountVerify, accountVerifyTarget } = await import('../../../wallet/accountVerify.js');
  const result = await withVault(ctx, async (vault) => {
    // An account that is not there, or has no password of its own, is refused before any password is asked.
    const { view } = accountVerifyTarget(vault, query);
    const password = await readSecret(ctx.io, {
      file: options.passwordFile,
      flag: '--password-file',
      prompt: line`Password of ${view.name} (${view.address}): `,
    });
    return accountVerify(vault, query, password);
  });
  if (ctx.io.json) printJson(ctx.io, result);
  else if (result.wasVerified)
    out(ctx.io, line`${result.address} "${result.name}": the key opens with this password and matches the address (it was already recorded as checked).`);
  else out(ctx.io, line`${result.address} "${result.name}": the key opens with this password and matches the address; it is now recorded as checked.`);
  return 0;
}
