import { readFile } from 'node:fs/promises';
import { FileReadError, FileTooLargeError } from '../errors/file.js';
import { PasswordRequiredError } from '../errors/password.js';
import { UsageError } from '../errors/usage.js';
import { jsonText, Line, lineText, printable } from './printable.js';
import { plural } from '../text/plural.js';

/** Where a command reads and writes; tests pass their own. */
export type Io = {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  json: boolean;
};

export function processIo(json: boolean): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, json };
}

/** Larger than any wallet file; a bigger input is refused before it is read. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a wallet file as text (UTF-8), refusing missing, unreadable or oversized files with a clear message. */
export async function readInputFile(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_INPUT_BYTES) throw new FileTooLargeError({ file: path, size: bytes.length, limit: MAX_INPUT_BYTES });
    return bytes.toString('utf8');
  } catch (err) {
    if (err instanceof FileTooLargeError) throw err;
    throw new FileReadError({ file: path, code: (err as NodeJS.ErrnoException).code }, err);
  }
}

export type SecretRequest = {
  /** Value of the `--…-file` option, if given (`-` = standard input). */
  file: string | undefined;
  flag: string;
  /** The prompt shown on a terminal (a plain string is escaped: it may quote a name or a file name). */
  prompt: string | Line;
  what?: string;
};

/**
 * A secret from its file (first line, line ending removed), from standard input (`-`), or from a
 * hidden prompt on a terminal. Never from argv.
 */
export async function readSecret(io: Io, request: SecretRequest): Promise<string> {
  if (request.file !== undefined) return firstLine(await secretFileText(io, request.file));
  if (io.stdin.isTTY && io.stderr.isTTY) return promptHidden(io, request.prompt);
  throw new PasswordRequiredError({ ...(request.what ? { what: request.what } : {}), flag: request.flag });
}

/**
 * Every password a source holds, for commands that try several (files or batch entries each under
 * their own password): from a file or standard input, its first line exactly as {@link readSecret}
 * reads it, then every further non-empty line; from a prompt, the one typed (see {@link canPrompt} to ask for more).
 */
export async function readSecretLines(io: Io, request: SecretRequest): Promise<string[]> {
  if (request.file === undefined) return [await readSecret(io, request)];
  const lines = (await secretFileText(io, request.file)).split(/\r?\n/);
  return [lines[0]!, ...lines.slice(1).filter((l) => l !== '')];
}

/** Whether a secret that no file gives can be asked for on the terminal. */
export function canPrompt(io: Io, request: Pick<SecretRequest, 'file'>): boolean {
  return request.file === undefined && io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/** The text of a secret file (`-` = standard input), a read error named as such. */
async function secretFileText(io: Io, file: string): Promise<string> {
  if (file === '-') return readAll(io.stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new FileReadError({ file, code: (err as NodeJS.ErrnoException).code }, err);
  }
}

/**
 * A new secret: like {@link readSecret}, but on a terminal it is asked twice and must match, and it
 * must have at least `minLength` characters.
 */
export async function readNewSecret(io: Io, request: SecretRequest & { minLength?: number }): Promise<string> {
  const min = request.minLength ?? 1;
  const what = request.what ?? 'password';
  const interactive = request.file === undefined && io.stdin.isTTY && io.stderr.isTTY;
  for (let attempt = 0; ; attempt++) {
    const value = await readSecret(io, request);
    const short = [...value].length < min;
    if (!interactive) {
      if (short) throw new UsageError({ reason: `The ${what} must have at least ${plural(min, 'character')}.` });
      return value;
    }
    if (short) say(io, `The ${what} must have at least ${plural(min, 'character')}; try again.`);
    else if ((await promptHidden(io, 'Repeat it: ')) === value) return value;
    else say(io, `The two entries differ; try again.`);
    if (attempt >= 2) throw new UsageError({ reason: `No ${what} was set: the entries did not match or were too short.` });
  }
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Quiet time after raw mode is on that ends the discarding of type-ahead (see {@link promptHidden}). */
const TYPE_AHEAD_SETTLE_MS = 80;
/** However fast input keeps coming, the prompt is shown after this long. */
const TYPE_AHEAD_MAX_MS = 1000;

/**
 * Reads a line from the terminal without echoing it.
 *
 * Echo goes off (raw mode) before the prompt appears, so nothing typed after it is shown. Input
 * typed earlier — during Node's start-up, or between two prompts — was echoed by the terminal as it
 * was typed and is still queued, so it would be taken as the secret although it sat on the screen
 * (security review #15). Node has no tcflush: whatever arrives before the prompt is written (until
 * the input has been quiet for a moment after raw mode went on) is read and dropped, and the user is
 * told so and asked again.
 */
async function promptHidden(io: Io, prompt: string | Line): Promise<string> {
  const stdin = io.stdin;
  stdin.setRawMode?.(true);
  stdin.resume();
  if (await typeAheadDiscard(stdin)) {
    say(
      io,
      'keepsake: what was typed before this prompt appeared was discarded: it may have been shown on the screen (clear it if it was a secret). Type it again now.',
    );
  }
  return new Promise((resolve, reject) => {
    io.stderr.write(lineText(prompt));
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (data: Buffer | string) => {
      for (const ch of data.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new PasswordRequiredError({ what: 'password (cancelled)' }));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * Reads and drops input until none has come for {@link TYPE_AHEAD_SETTLE_MS} (at most
 * {@link TYPE_AHEAD_MAX_MS}); true if anything was dropped. The stream is flowing: the caller must
 * add its own 'data' listener in the same tick it resolves in (a promise continuation), or input is lost.
 */
function typeAheadDiscard(stdin: Io['stdin']): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    let dropped = false;
    const finish = () => {
      stdin.removeListener('data', onData);
      resolve(dropped);
    };
    let timer = setTimeout(finish, TYPE_AHEAD_SETTLE_MS);
    const onData = () => {
      dropped = true;
      clearTimeout(timer);
      timer = setTimeout(finish, Date.now() - started >= TYPE_AHEAD_MAX_MS ? 0 : TYPE_AHEAD_SETTLE_MS);
    };
    stdin.on('data', onData);
  });
}

/** Asks a yes/no question on the terminal; false unless the answer starts with y. */
export async function confirm(io: Io, question: string | Line): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return /^y/i.test((await rl.question(`${lineText(question)} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/*
 * Human output: `out` (the result, stdout) and `say` (notes, stderr) take a Line made by the `line`
 * tagged template (cli/printable.ts), whose interpolated values are escaped, or a plain string,
 * which is escaped too except for its line breaks. So a name from a file reaches the terminal inert
 * however a command builds its message; only keepsake's own layout and colour pass as they are.
 */

/** Notes, prompts and progress go to stderr, so stdout holds only the command's result. */
export function say(io: Io, text: string | Line = ''): void {
  io.stderr.write(lineText(text) + '\n');
}

/** One JSON document on stdout (characters that act on a terminal are \u-escaped; the data is the same). */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(jsonText(value, 2) + '\n');
}

/** The `{"error":{"name","message",…}}` line of `--json` mode, on stderr. */
export function printJsonError(io: Io, error: { name: string; message: string; [extra: string]: unknown }): void {
  io.stderr.write(jsonText({ error }) + '\n');
}

/** Colour for a terminal (the text itself escaped); `NO_COLOR` and pipes get plain text. */
export function color(io: Io, code: 'green' | 'red' | 'yellow' | 'dim', text: string): Line {
  const safe = printable(text);
  if (!io.stdout.isTTY || process.env['NO_COLOR'] !== undefined) return new Line(safe);
  const codes = { green: 32, red: 31, yellow: 33, dim: 2 } as const;
  return new Line(`\u001b[${codes[code]}m${safe}\u001b[0m`);
}

/** The command's human-readable result (stdout). */
export function out(io: Io, text: string | Line = ''): void {
  io.stdout.write(lineText(text) + '\n');
}
