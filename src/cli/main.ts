import { Command, CommanderError } from 'commander';
import { BaseError } from '../errors/base.js';
import { EXIT, exitCodeOf } from './exit.js';
import { type Runner, unbackedAfter } from './context.js';
import { type Io, printJsonError, processIo, say } from './io.js';
import { errorTextCli } from './nextStep.js';
import { helpExamples, helpParagraphs, optionDescriptionPlain } from './help.js';
import { line } from './printable.js';
import { usageErrorText } from './usageError.js';

type Register = (program: Command, run: Runner) => void;

/**
 * Commands, loaded on demand: a run of `keepsake verify` parses only verify's module, so every
 * command added later costs nothing at the start-up of the others. Help and unknown commands load all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  inspect: async () => (await import('./commands/inspect.js')).inspectCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  restore: async () => (await import('./commands/restore.js')).restoreCommand,
  account: async () => (await import('./commands/account/index.js')).accountCommand,
  identity: async () => (await import('./commands/identity/index.js')).identityCommand,
  address: async () => (await import('./commands/address/index.js')).addressCommand,
  backup: async () => (await import('./commands/backup/index.js')).backupCommand,
  convert: async () => (await import('./commands/convert.js')).convertCommand,
  concordium: async () => (await import('./commands/concordium/index.js')).concordiumCommand,
  vault: async () => (await import('./commands/vault/index.js')).vaultCommand,
  rescue: async () => (await import('./commands/rescue/index.js')).rescueCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  ui: async () => (await import('./commands/ui.js')).uiCommand,
};

/** After the program's own help: how secrets are read, and the exit statuses (wrapped at the help width). */
const HELP_FOOTER = [
  'Secrets (passwords, PINs, phrases) are never taken as option values: keepsake asks for them on the terminal without echo, or reads the first line of the file given with --password-file (- = stdin).',
  'A locked vault (`keepsake vault lock`) asks for its password once per command, or reads it from --vault-password-file, else from the file $KEEPSAKE_VAULT_PASSWORD_FILE names.',
  'Exit status: 0 ok · 1 failed (bad or corrupt input, conflict) · 2 usage · 3 wrong password or PIN.',
];

/**
 * Runs the CLI and resolves to the process exit code. Errors are printed as one sentence (with
 * `--json`: `{"error":{"name","message"}}` on stderr) — never a stack trace, never a secret.
 */
export async function main(argv: readonly string[], version: string, makeIo: (json: boolean) => Io = processIo): Promise<number> {
  const io = makeIo(argv.includes('--json'));
  let code: number = EXIT.ok;
  let program: Command | undefined;
  const run: Runner = async (f) => {
    const opts = program!.opts() as { vault?: string; vaultPasswordFile?: string };
    const ctx = { io, vaultFile: opts.vault, vaultPasswordFile: opts.vaultPasswordFile ?? process.env['KEEPSAKE_VAULT_PASSWORD_FILE'] };
    code = await f(ctx);
    unbackedSay(io, await unbackedAfter(ctx));
  };
  const chosen = commandName(argv);
  program = await programCreate(io, run, version, chosen === undefined ? {} : { only: chosen });

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

/**
 * The whole program, nothing parsed yet: every command (or only the one `only` names, which is all
 * a run needs), each writing to `io` and running its action through `run`. Usage errors and help
 * go to `io`; commander never exits the process.
 */
export async function programCreate(io: Io, run: Runner, version: string, options: { only?: string } = {}): Promise<Command> {
  const program = new Command('keepsake')
    .description(
      'Back up, verify and restore wallet accounts (Polkadot{.js}, Parity Signer, Ethereum, Concordium) on one local vault.\n\n' +
        'Give a command, then --help after it to see what it does, what it asks for and an example.',
    )
    .version(version, '-V, --version', 'print the version')
    .option('--json', 'print one JSON document on stdout (messages go to stderr)')
    .option('--vault <file>', 'the vault file (default: $KEEPSAKE_VAULT, else ~/.keepsake/vault.sqlite)')
    .option('--vault-password-file <file>', "read a locked vault's password from <file> (else asked)")
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    // On a narrow terminal, wrap an option's description in the room its name leaves rather than not at all.
    .configureHelp({ minWidthToWrap: 20, optionDescription: optionDescriptionPlain })
    .addHelpText('after', helpExamples(['keepsake inspect backup.json', 'keepsake verify backup.json', 'keepsake account list']))
    .addHelpText('after', helpParagraphs(HELP_FOOTER))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  program.enablePositionalOptions(false);
  const loaders = options.only === undefined ? Object.values(COMMANDS) : [COMMANDS[options.only]!];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, run);
  usageEverywhere(program, io);
  return program;
}

/** The command argv names (skipping global options and their values), if it is a known one. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--vault' || arg === '--vault-password-file') i++;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

/**
 * Every command accepts --json after its name too, and reports commander's usage errors in keepsake's
 * words (one sentence pointing to that command's --help; `--json`: the JSON error), exit 2.
 */
function usageEverywhere(cmd: Command, io: Io): void {
  cmd.configureOutput({
    // Commander quotes argv back (an unknown option, a bad value): escaped like every other message.
    outputError: (s) => {
      const message = usageErrorText(s, cmd);
      if (io.json) printJsonError(io, { name: 'UsageError', message });
      else say(io, line`keepsake: ${message}`);
    },
  });
  cmd.exitOverride();
  for (const sub of cmd.commands) {
    if (sub.commands.length === 0) sub.option('--json', 'print one JSON document on stdout');
    usageEverywhere(sub, io);
  }
}

/**
 * After a command that added an account or identity, one line on stderr (never in --json's stdout):
 * how many accounts and identities have no backup yet (issue 16), and the command that makes one.
 */
function unbackedSay(io: Io, n: { accounts: number; identities: number } | undefined): void {
  if (n === undefined || n.accounts + n.identities === 0) return;
  const accounts = n.accounts === 1 ? '1 account' : `${n.accounts} accounts`;
  const identities = n.identities === 1 ? '1 identity' : `${n.identities} identities`;
  const what = n.identities === 0 ? accounts : n.accounts === 0 ? identities : `${accounts} and ${identities}`;
  say(io, `${what} ${n.accounts + n.identities === 1 ? 'has' : 'have'} no backup yet: keepsake backup export`);
}

/**
 * One sentence on stderr, its next step worded for the terminal (the same words in `--json`'s
 * `message`). Messages quote file names, names from files and vault rows: escaped (printJsonError, line).
 */
function reportError(io: Io, err: unknown): void {
  const known = err instanceof BaseError;
  const message = known
    ? errorTextCli(err.report)
    : `Unexpected error (${(err as Error)?.name ?? 'unknown'}): this is a bug in keepsake; nothing was changed. Please report it.`;
  if (io.json) printJsonError(io, { name: known ? err.name : 'InternalError', message });
  else say(io, line`keepsake: ${message}`);
  if (process.env['KEEPSAKE_DEBUG'] && err instanceof Error) say(io, err.stack ?? '');
}
