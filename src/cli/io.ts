import { readFile } from 'node:fs/promises';
import { FileReadError, FileTooLargeError } from '../errors/file.js';
import { PasswordRequiredError } from '../errors/password.js';
import { UsageError } from '../errors/usage.js';

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
  /** The prompt shown on a terminal. */
  prompt: string;
  what?: string;
};

/**
 * A secret from its file (first line, line ending removed), from standard input (`-`), or from a
 * hidden prompt on a terminal. Never from argv.
 */
export async function readSecret(io: Io, request: SecretRequest): Promise<string> {
  if (request.file === '-') return firstLine(await readAll(io.stdin));
  if (request.file !== undefined) {
    let text: string;
    try {
      text = await readFile(request.file, 'utf8');
    } catch (err) {
      throw new FileReadError({ file: request.file, code: (err as NodeJS.ErrnoException).code }, err);
    }
    return firstLine(text);
  }
  if (io.stdin.isTTY && io.stderr.isTTY) return promptHidden(io, request.prompt);
  throw new PasswordRequiredError({ ...(request.what ? { what: request.what } : {}), flag: request.flag });
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
      if (short) throw new UsageError({ reason: `The ${what} must have at least ${min} character${min === 1 ? '' : 's'}.` });
      return value;
    }
    if (short) say(io, `The ${what} must have at least ${min} character${min === 1 ? '' : 's'}; try again.`);
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

/** Reads a line from the terminal without echoing it. */
function promptHidden(io: Io, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = io.stdin;
    // Echo off before the prompt appears, so nothing typed right after it is ever shown.
    stdin.setRawMode?.(true);
    io.stderr.write(prompt);
    let value = '';
    stdin.resume();
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

/** Asks a yes/no question on the terminal; false unless the answer starts with y. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return /^y/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** Notes, prompts and progress go to stderr, so stdout holds only the command's result. */
export function say(io: Io, line = ''): void {
  io.stderr.write(line + '\n');
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Colour for a terminal; `NO_COLOR` and pipes get plain text. */
export function color(io: Io, code: 'green' | 'red' | 'yellow' | 'dim', text: string): string {
  if (!io.stdout.isTTY || process.env['NO_COLOR'] !== undefined) return text;
  const codes = { green: 32, red: 31, yellow: 33, dim: 2 } as const;
  return `\u001b[${codes[code]}m${text}\u001b[0m`;
}

/** The command's human-readable result (stdout). */
export function out(io: Io, line = ''): void {
  io.stdout.write(line + '\n');
}
