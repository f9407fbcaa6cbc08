import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { Io } from './io.js';
import { main } from './main.js';

/**
 * A terminal for in-process command tests (gh's `iostreams.Test()`): stdout and stderr are buffers,
 * standard input is a script. Nothing here is used by keepsake itself.
 *
 * - `tty`: whether stdin and stderr are terminals. A terminal gets hidden prompts (each answered
 *   with the next of `answers`) and confirmations; a script gets neither (`--…-file` is required).
 *   `tty: 'stdin'`: only stdin is one — enough for a confirmation (a line read without a raw-mode
 *   terminal), not for a hidden prompt. stdout is never a terminal, so output has no colour.
 * - `answers`: typed in turn, one per prompt, after the prompt is shown (as a person would; text
 *   typed before a hidden prompt is discarded by it). A prompt with no answer left is cancelled
 *   (Ctrl+C: a hidden prompt reports a missing secret, a confirmation takes it as no) and is
 *   counted in `unanswered`.
 * - `stdin`: what standard input holds (for `--password-file -`); it ends there.
 */
export type TestIoOptions = { tty?: boolean | 'stdin'; answers?: readonly string[]; stdin?: string };

export type TestIo = {
  makeIo: (json: boolean) => Io;
  stdout: () => string;
  stderr: () => string;
  /** Prompts shown (hidden ones and confirmations), in order. */
  prompts: () => string[];
  /** Prompts that found no scripted answer. */
  unanswered: () => number;
};

/** A scripted terminal: give `makeIo` to `main`, read what the command wrote afterwards. */
export function testIo(options: TestIoOptions = {}): TestIo {
  const tty = options.tty === true || options.tty === 'stdin';
  const stderrTty = options.tty === true;
  const answers = [...(options.answers ?? [])];
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  let unanswered = 0;

  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  if (tty) {
    stdin.isTTY = true;
    stdin.setRawMode = () => stdin;
  } else stdin.end(options.stdin ?? '');

  const sink = (append: (s: string) => void, isTTY: boolean) => {
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(String(chunk));
        done();
      },
    }) as Writable & { isTTY?: boolean };
    if (isTTY) stream.isTTY = true;
    return stream;
  };
  const out = sink((s) => (stdout += s), false);
  const err = sink((s) => {
    stderr += s;
    // A prompt is the one write that does not end a line ("Password for x: ", "Remove …? [y/N] ").
    if (tty && s !== '' && !s.endsWith('\n')) {
      prompts.push(s);
      const answer = answers.shift();
      if (answer === undefined) unanswered++;
      // After the prompt's own listener is attached (it is, in the same tick as this write).
      // No answer left: Ctrl+C, then Enter, so a confirmation (a line read) ends too — as no.
      setImmediate(() => stdin.write(answer === undefined ? '\u0003\n' : `${answer}\n`));
    }
  }, stderrTty);

  return {
    makeIo: (json) => ({ stdout: out, stderr: err, stdin, json }),
    stdout: () => stdout,
    stderr: () => stderr,
    prompts: () => [...prompts],
    unanswered: () => unanswered,
  };
}

/** What one in-process run of the CLI gave: its exit code and its output. */
export type CliRun = { code: number; stdout: string; stderr: string; prompts: string[]; unanswered: number };

/**
 * Runs `keepsake ARGV` in this process (no spawned node) against a scripted terminal.
 *
 * @example
 * const r = await cliRun(['--vault', vault, 'account', 'list', '--json'])
 * expect(r.code).toBe(0)
 */
export async function cliRun(argv: readonly string[], options: TestIoOptions = {}): Promise<CliRun> {
  const io = testIo(options);
  const code = await main(argv, '0.0.0-test', io.makeIo);
  return { code, stdout: io.stdout(), stderr: io.stderr(), prompts: io.prompts(), unanswered: io.unanswered() };
}

/** A temporary folder with its own vault for in-process command tests; `remove` deletes it. */
export type CliSandbox = {
  dir: string;
  path: (name: string) => string;
  /** Writes `text` to a file in the sandbox (mode 0600, as a secret file should be) and returns its path. */
  file: (name: string, text: string) => string;
  /** `keepsake --vault <sandbox vault> ARGV`, in process. */
  run: (argv: readonly string[], options?: TestIoOptions) => Promise<CliRun>;
  /** `run` with --json, expecting exit 0: the JSON document on stdout. */
  json: <T = Record<string, unknown>>(argv: readonly string[], options?: TestIoOptions) => Promise<T>;
  remove: () => void;
};

/** A fresh sandbox under the system's temporary folder; no vault yet (the first command that adds makes it). */
export function cliSandbox(): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-cli-'));
  const path = (name: string) => join(dir, name);
  const run = (argv: readonly string[], options: TestIoOptions = {}) => cliRun(['--vault', path('vault.sqlite'), ...argv], options);
  return {
    dir,
    path,
    file: (name, text) => {
      writeFileSync(path(name), text, { mode: 0o600 });
      return path(name);
    },
    run,
    json: async <T>(argv: readonly string[], options: TestIoOptions = {}) => {
      const r = await run([...argv, '--json'], options);
      if (r.code !== 0) throw new Error(`keepsake ${argv.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The `{"error":{"name","message"}}` a `--json` run printed on stderr (its last line). */
export function jsonErrorOf(run: CliRun): { name: string; message: string } {
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  return (JSON.parse(last) as { error: { name: string; message: string } }).error;
}

/** Substrate's dev phrase (test/vectors/polkadot-js.json): a key anyone may use in a test. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
/** `DEV_PHRASE//Alice`, sr25519, in the generic Substrate format (the same vectors). */
export const DEV_ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
