import type { Command } from 'commander';
import type { Runner } from '../context.js';
import { EXIT } from '../exit.js';
import { color, type Io, out, printJson, printJsonError, readInputFile, readSecret, say } from '../io.js';
import { plural } from '../../text/plural.js';
import { errorTextCli } from '../nextStep.js';
import { line } from '../printable.js';

export type VerifyOptions = { file: string; passwordFile: string | undefined };

export function verifyCommand(program: Command, run: Runner): void {
  program
    .command('verify')
    .argument('<file>', 'the backup file to check')
    .option('--password-file <file>', "read the file's password from the first line of <file> (- = standard input)")
    .summary('check that a backup opens with its password and holds the right keys')
    .description(
      'Check a backup before you need it: decrypt it without importing anything, check every key\n' +
        'against the address the file names, and say per account whether it would restore.\n' +
        'The password is asked on the terminal (hidden), or read with --password-file; never given as a flag value.\n\n' +
        'Exit status: 0 every account would restore · 1 a problem was found · 2 usage · 3 wrong password.',
    )
    .addHelpText('after', '\nExamples:\n  keepsake verify backup.json\n  keepsake verify backup.json --password-file pw.txt --json')
    .action((file: string, opts: { passwordFile?: string }) => run(({ io }) => verifyRun({ file, passwordFile: opts.passwordFile }, io)));
}

export async function verifyRun(options: VerifyOptions, io: Io): Promise<number> {
  const text = await readInputFile(options.file);
  // Say what the file is (and refuse what cannot be opened: unknown format, KDF over the caps) before asking for a password.
  const [{ verifyFile }, { inspectFile }] = await Promise.all([import('../../wallet/verify.js'), import('../../wallet/inspect.js')]);
  await inspectFile(text, { file: options.file });
  const password = await readSecret(io, { file: options.passwordFile, flag: '--password-file', prompt: line`Password for ${options.file}: ` });
  const report = await verifyFile(text, password, { file: options.file });
  if (io.json) printJson(io, report);
  else {
    out(io, line`${report.label}: ${plural(report.accounts.length, 'account')}`);
    for (const a of report.accounts) {
      const label = line`${a.address}${a.name === null ? '' : line` ${JSON.stringify(a.name)}`}${a.type === null ? '' : line` (${a.type})`}`;
      if (a.ok) out(io, line`  ${color(io, 'green', 'ok')}    ${label}: the key matches the address; it would restore`);
      else out(io, line`  ${color(io, 'red', 'FAIL')}  ${label}: ${a.error ? errorTextCli(a.error) : 'unknown problem'}`);
    }
    out(io, report.ok ? 'Every account in this file would restore.' : 'Some accounts in this file would NOT restore; see above.');
  }
  // Problems also go to stderr, one line each, so they are seen when stdout is piped.
  for (const a of report.accounts) {
    if (a.ok || !a.error) continue;
    if (io.json) printJsonError(io, { ...a.error, address: a.address });
    else say(io, line`keepsake: ${errorTextCli(a.error)}`);
  }
  return report.ok ? EXIT.ok : EXIT.failed;
}
