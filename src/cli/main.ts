import { Command, CommanderError } from 'commander';
import { BaseError } from '../errors/base.js';
import { EXIT, exitCodeOf } from './exit.js';
import type { Runner } from './context.js';
import { type Io, processIo } from './io.js';
import { inspectCommand } from './commands/inspect.js';
import { verifyCommand } from './commands/verify.js';
import { restoreCommand } from './commands/restore.js';
import { accountCommand } from './commands/account/index.js';
import { identityCommand } from './commands/identity/index.js';

const HELP_FOOTER = `
Secrets (passwords, PINs, phrases) are never taken as option values: keepsake asks for them on the
terminal without echo, or reads the first line of the file given with --password-file (- = stdin).

Exit status: 0 ok · 1 failed (bad or corrupt input, conflict) · 2 usage · 3 wrong password or PIN.
`;

/**
 * Runs the CLI and resolves to the process exit code. Errors are printed as one sentence (with
 * `--json`: `{"error":{"name","message"}}` on stderr) — never a stack trace, never a secret.
 */
export async function main(argv: readonly string[], version: string, makeIo: (json: boolean) => Io = processIo): Promise<number> {
  const json = argv.includes('--json');
  const io = makeIo(json);
  let code: number = EXIT.ok;
  let program: Command;
  const run: Runner = async (f) => {
    code = await f({ io, vaultFile: (program.opts() as { vault?: string }).vault });
  };

  program = new Command('keepsake')
    .description('Back up, verify and restore wallet accounts (Polkadot{.js}, Parity Signer, Ethereum, Concordium) on one local vault.')
    .version(version, '-V, --version', 'print the version')
    .option('--json', 'print one JSON document on stdout (messages go to stderr)')
    .option('--vault <file>', 'the vault file (default: $KEEPSAKE_VAULT, else ~/.keepsake/vault.sqlite)')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .addHelpText('after', HELP_FOOTER)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(json ? JSON.stringify({ error: { name: 'UsageError', message: s.replace(/^error: /, '').trim() } }) + '\n' : s),
    });
  program.enablePositionalOptions(false);
  for (const register of [inspectCommand, verifyCommand, restoreCommand, accountCommand, identityCommand]) register(program, run);
  addJsonEverywhere(program);

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    reportError(io, err);
    return exitCodeOf(err);
  }
}

/** Every command accepts --json after its name too, and reports usage errors through the same path. */
function addJsonEverywhere(cmd: Command): void {
  for (const sub of cmd.commands) {
    if (sub.commands.length > 0) addJsonEverywhere(sub);
    else sub.option('--json', 'print one JSON document on stdout');
    sub.exitOverride();
  }
}

function reportError(io: Io, err: unknown): void {
  const known = err instanceof BaseError;
  const message = known ? err.fullMessage : `Unexpected error (${(err as Error)?.name ?? 'unknown'}): this is a bug in keepsake; nothing was changed. Please report it.`;
  if (io.json) io.stderr.write(JSON.stringify({ error: { name: known ? err.name : 'InternalError', message } }) + '\n');
  else io.stderr.write(`keepsake: ${message}\n`);
  if (process.env['KEEPSAKE_DEBUG'] && err instanceof Error) io.stderr.write(`${err.stack ?? ''}\n`);
}
