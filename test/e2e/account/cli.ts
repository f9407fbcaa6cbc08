/**
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`) as a child process against a
 * vault in a fresh temporary folder, and the checks every failing command must pass (DESIGN.md
 * "CLI contract" and "Non-negotiables"): its exit code, one clear line on stderr, no stack trace,
 * no secret echoed, and the vault exactly as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';
import { vaultClose, vaultOpen } from '../../../src/vault/open.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const BIN = join(ROOT, 'bin/keepsake.js');

/** Exit codes of DESIGN.md: 0 ok · 1 failed · 2 usage · 3 wrong password or PIN. */
export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

/** The `account list --json` shape DESIGN.md pins (more fields may be added, none renamed). */
export type AccountJson = {
  address: string;
  name: string;
  type: string;
  publicKey: string;
  network: string | null;
  genesisHash: string | null;
  identity: string | null;
  path: string | null;
  [extra: string]: unknown;
};

export const LIST_KEYS = ['address', 'name', 'type', 'publicKey', 'network', 'genesisHash', 'identity', 'path'] as const;

export type RestoreJson = {
  restored: { address: string; name: string; verified?: boolean; replaced?: boolean; file?: string }[];
  skipped: { address: string; reason: string; file?: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export type RunOptions = {
  /** Written to the child's stdin (which is a pipe, never a TTY); closed right away when absent. */
  stdin?: string;
  /** Leave out the global `--vault FILE` (to test `$KEEPSAKE_VAULT`). */
  noVaultFlag?: boolean;
  env?: Record<string, string>;
};

export type Sandbox = {
  dir: string;
  vault: string;
  /** A path inside the sandbox. */
  path: (...parts: string[]) => string;
  /** Writes a file in the sandbox (objects as JSON) and returns its path. */
  write: (name: string, content: string | object) => Promise<string>;
  /** A one-line secret file (with a trailing newline, as an editor writes it). */
  secret: (name: string, value: string) => Promise<string>;
  run: (args: readonly string[], options?: RunOptions) => Promise<CliResult>;
  /** Starts the CLI without waiting (for the crash test). */
  start: (args: readonly string[], options?: RunOptions) => { child: ChildProcess; done: Promise<CliResult> };
  /** `account list --json`, which must succeed ([] without running it when there is no vault yet). */
  list: (extra?: readonly string[]) => Promise<AccountJson[]>;
  /** Makes the (empty) vault, as the first command that adds something would. */
  init: () => void;
  /**
   * Runs the CLI on a pseudo-terminal (util-linux `script`), answering each prompt: when the output
   * since the last answer matches `wait`, `send` is typed followed by Enter. Returns the exit code
   * and everything the terminal showed (echoed input included).
   */
  tty: (args: readonly string[], steps: readonly TtyStep[]) => Promise<{ code: number | null; transcript: string }>;
};

/**
 * `delayMs` (default 250): how long after the prompt the answer is typed. keepsake writes a hidden
 * prompt before it turns the terminal's echo off, so an answer typed within microseconds of the
 * prompt can be echoed (reported separately); the TTY tests type like a person.
 */
export type TtyStep = {
  /** The output (since the last answer) to wait for; null types at once, before any output (type-ahead during start-up). */
  wait: RegExp | null;
  send: string;
  delayMs?: number;
};

/** Whether util-linux `script` (a pseudo-terminal for the TTY tests) is installed. */
export const HAS_SCRIPT = ['/usr/bin/script', '/bin/script'].some((p) => existsSync(p));

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A fresh temporary folder with its own vault (and HOME, so ~/.keepsake is never touched); removed
 * after the test — or, with `manual`, by the caller (for a template made in `beforeAll`).
 */
export async function sandbox(options: { manual?: boolean } = {}): Promise<Sandbox & { remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-vault-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  if (!options.manual) onTestFinished(remove);
  const vault = join(dir, 'vault.sqlite');
  const path = (...parts: string[]) => join(dir, ...parts);

  const argvOf = (args: readonly string[], options: RunOptions) => [BIN, ...(options.noVaultFlag ? [] : ['--vault', vault]), ...args];
  const envOf = (options: RunOptions): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, NO_COLOR: '1', ...options.env };
    delete env['KEEPSAKE_DEBUG'];
    if (!options.env || !('KEEPSAKE_VAULT' in options.env)) delete env['KEEPSAKE_VAULT'];
    return env;
  };

  const start = (args: readonly string[], options: RunOptions = {}) => {
    const child = spawn(process.execPath, argvOf(args, options), { cwd: dir, env: envOf(options), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdin!.on('error', () => {}); // a child killed early closes its stdin
    child.stdin!.end(options.stdin ?? '');
    const done = new Promise<CliResult>((resolvePromise, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    });
    return { child, done };
  };

  const run = (args: readonly string[], options: RunOptions = {}) => start(args, options).done;

  const list = async (extra: readonly string[] = []) => {
    // A reading command never creates a vault (issue 12 #17): no vault holds no accounts.
    if (extra.length === 0 && !existsSync(vault)) return [];
    const r = await run(['account', 'list', '--json', ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    return JSON.parse(r.stdout) as AccountJson[];
  };

  const tty = (args: readonly string[], steps: readonly TtyStep[]) =>
    new Promise<{ code: number | null; transcript: string }>((resolvePromise, reject) => {
      const command = [process.execPath, ...argvOf(args, {})].map(shellQuote).join(' ');
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...envOf({}), SHELL: '/bin/sh', TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let transcript = '';
      let from = 0;
      let step = 0;
      let typing = false;
      const answer = () => {
        const wait = steps[step]?.wait;
        if (typing || step >= steps.length || (wait !== null && !wait!.test(transcript.slice(from)))) return;
        // Type like a person, a moment after the prompt shows (see TtyStep.delayMs).
        typing = true;
        from = transcript.length;
        const { send, delayMs = 250 } = steps[step]!;
        step++;
        setTimeout(() => {
          child.stdin!.write(send + '\r');
          typing = false;
          answer();
        }, delayMs);
      };
      child.stdout!.setEncoding('utf8').on('data', (s: string) => {
        transcript += s;
        answer();
      });
      child.stderr!.setEncoding('utf8').on('data', (s: string) => (transcript += s));
      child.stdin!.on('error', () => {});
      answer(); // a first step with `wait: null` is typed now
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (step < steps.length) transcript += `\n[tty helper: prompt ${step + 1} never came: ${steps[step]!.wait}]`;
        resolvePromise({ code, transcript });
      });
    });

  return {
    dir,
    vault,
    remove,
    tty,
    path,
    write: async (name, content) => {
      const file = path(name);
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
    secret: async (name, value) => {
      const file = path(name);
      await writeFile(file, value + '\n');
      return file;
    },
    run,
    start,
    list,
    init: () => vaultClose(vaultOpen(vault)),
  };
}

export type Template = Sandbox & { remove: () => Promise<void>; accounts: AccountJson[] };

/**
 * A vault prepared once (in `beforeAll`) by `fill`, with its `account list --json` as it stands;
 * {@link sandboxFrom} copies it into each test's own folder. Remove it in `afterAll`.
 */
export async function template(fill: (box: Sandbox) => Promise<void>): Promise<Template> {
  const box = await sandbox({ manual: true });
  await fill(box);
  return Object.assign(box, { accounts: await box.list() });
}

/** A fresh sandbox whose vault is a copy of `from`'s. */
export async function sandboxFrom(from: Sandbox): Promise<Sandbox> {
  const box = await sandbox();
  await copyFile(from.vault, box.vault);
  return box;
}

/** The parsed stdout of a `--json` run that must have succeeded. */
export function okJson<T>(r: CliResult): T {
  expect(r.code, `exit ${r.code}; stderr: ${r.stderr}`).toBe(EXIT.ok);
  expectNoStack(r);
  return JSON.parse(r.stdout) as T;
}

export function expectNoStack(r: CliResult): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
}

/** Neither output stream shows any of `secrets`. */
export function expectNoSecrets(r: CliResult, secrets: readonly string[]): void {
  for (const s of secrets) {
    expect(r.stdout.includes(s), `stdout shows a secret: ${JSON.stringify(s)}`).toBe(false);
    expect(r.stderr.includes(s), `stderr shows a secret: ${JSON.stringify(s)}`).toBe(false);
  }
}

/**
 * A refused command: the documented exit code, one clear line on stderr (in `--json` mode the
 * `{"error":{"name","message"}}` document), no stack trace, no secret. Returns that line.
 */
export function expectRefused(r: CliResult, code: number, options: { secrets?: readonly string[]; json?: boolean; match?: RegExp } = {}): string {
  expect(r.signal).toBeNull();
  expect(r.code, `expected exit ${code}; stdout: ${r.stdout}; stderr: ${r.stderr}`).toBe(code);
  expectNoStack(r);
  expectNoSecrets(r, options.secrets ?? []);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, `stderr should be one line: ${r.stderr}`).toHaveLength(1);
  const line = lines[0]!;
  if (options.json) {
    const doc = JSON.parse(line) as { error: { name: string; message: string } };
    expect(typeof doc.error.name).toBe('string');
    expect(doc.error.message.length).toBeGreaterThan(10);
    expect(r.stdout).toBe('');
    if (options.match) expect(doc.error.message).toMatch(options.match);
    return doc.error.message;
  }
  expect(line.length).toBeGreaterThan(20);
  expect(line).not.toMatch(/undefined|\[object Object\]|Unexpected error/);
  if (options.match) expect(line).toMatch(options.match);
  return line;
}

/** Exactly the 8 pinned keys are present (extra fields are allowed by DESIGN.md). */
export function expectListShape(accounts: readonly AccountJson[]): void {
  expect(Array.isArray(accounts)).toBe(true);
  for (const a of accounts) {
    for (const k of LIST_KEYS) expect(a, `account list entry lacks "${k}"`).toHaveProperty(k);
    expect(typeof a.address).toBe('string');
    expect(typeof a.name).toBe('string');
    expect(['sr25519', 'ed25519', 'ecdsa', 'ethereum']).toContain(a.type);
    expect(a.publicKey).toMatch(/^0x[0-9a-f]{64}([0-9a-f]{2})?$/);
    for (const k of ['network', 'genesisHash', 'identity', 'path'] as const) expect(a[k] === null || typeof a[k] === 'string').toBe(true);
  }
}

/** The vault file exists and is readable by its owner only. */
export function expectVaultPrivate(vault: string): void {
  expect(existsSync(vault)).toBe(true);
  expect(statSync(vault).mode & 0o777).toBe(0o600);
}

export function fileMode(file: string): number {
  return statSync(file).mode & 0o777;
}

/** Leftover temporary files (`*.tmp`) in a folder. */
export async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
