/**
 * The one end-to-end CLI harness: runs the CLI — through its `main` in this process, or as the real
 * `node bin/keepsake.js` (the built `dist/`: `npm run build` first) where a run needs a process of its
 * own or KEEPSAKE_TEST_SPAWN=1 asks for it (see `run`) — in a fresh temporary folder with its own vault and HOME
 * (so ~/.keepsake is never touched), stdin a pipe (never a TTY) unless {@link Sandbox.tty} is used,
 * and the checks every command must pass (DESIGN.md "CLI contract" and "Non-negotiables"): its exit
 * code, one clear line on stderr, no stack trace, no secret echoed, and the vault exactly as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, onTestFinished } from 'vitest';
import { main } from '../../src/cli/main.js';
import { testIo } from '../../src/cli/testIo.js';
import { vaultClose, vaultOpen } from '../../src/vault/open.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/keepsake.js');

/**
 * Exit codes of DESIGN.md: 0 ok · 1 failed · 2 usage · 3 wrong password or PIN. Written out here
 * rather than imported from src/cli/exit.ts, so that a change to the code cannot move what the
 * tests pin.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';

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
  hasKey?: boolean;
  [extra: string]: unknown;
};

export const LIST_KEYS = ['address', 'name', 'type', 'publicKey', 'network', 'genesisHash', 'identity', 'path'] as const;

/** `identity list --json`. */
export type IdentityJson = {
  id: number;
  name: string;
  accounts: { address: string; name: string; path: string; network: string | null; type: string; signerQr: string | null }[];
  [extra: string]: unknown;
};

export type AddressJson = { address: string; kind: string; name: string; note: string | null; network: string | null };

export type RestoreJson = {
  restored: { address: string; name: string; verified?: boolean; replaced?: boolean; file?: string }[];
  skipped: { address: string; reason: string; file?: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

/** `backup import --json` (DESIGN.md: `restored`, `skipped`, `failed`; issue 5: a status per item). */
export type ImportJson = {
  format: string;
  items: { kind: string; name: string; address: string | null; status: 'imported' | 'present' | 'replaced'; presentAs: string | null }[];
  restored: { address: string | null; name: string }[];
  skipped: { address: string | null; reason: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

export type InspectJson = { format: string; kdf: Record<string, unknown> | null; accounts: { address: string; name: string | null; type: string | null }[] };

export type VerifyJson = {
  format: string;
  ok: boolean;
  accounts: {
    address: string;
    publicKey: string | null;
    type: string | null;
    name: string | null;
    ok: boolean;
    watchOnly?: boolean;
    error: { name: string } | null;
  }[];
};

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export type RunOptions = {
  /** Written to the child's stdin (which is a pipe, never a TTY); closed right away when absent. */
  stdin?: string;
  /** Leave out the global `--vault FILE` (to test `$KEEPSAKE_VAULT`). */
  noVaultFlag?: boolean;
  /** Another vault than the sandbox's own. */
  vault?: string;
  env?: Record<string, string>;
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

type Noun = 'account' | 'identity' | 'address';

export type Sandbox = {
  dir: string;
  /** The default vault of this folder. */
  vault: string;
  /** A path inside the sandbox. */
  path: (...parts: string[]) => string;
  /** Writes a file in the sandbox (objects as JSON) and returns its path. */
  write: (name: string, content: string | object) => Promise<string>;
  /** A one-line secret file, owner-only, with the trailing newline an editor writes. */
  secret: (name: string, value: string) => Promise<string>;
  /** A JSON file of the sandbox, parsed. */
  read: (name: string) => Promise<unknown>;
  exists: (name: string) => boolean;
  /** Runs the CLI with `--vault <vault>` (this folder's default vault unless given). */
  run: (args: readonly string[], options?: RunOptions) => Promise<CliResult>;
  /** Starts the CLI without waiting (for the crash tests). */
  start: (args: readonly string[], options?: RunOptions) => { child: ChildProcess; done: Promise<CliResult> };
  /** `run` with `--json`, which must succeed; the parsed stdout. */
  json: <T>(args: readonly string[]) => Promise<T>;
  /**
   * `account list --json [extra…]`, which must succeed with nothing on stderr ([] without running it
   * when there is no vault yet); or `<noun> list --json` of this or another vault.
   */
  list: {
    (extra?: readonly string[]): Promise<AccountJson[]>;
    <T = unknown>(noun: Noun, vault?: string): Promise<T[]>;
  };
  /** `identity list --json`, which must succeed. */
  identities: () => Promise<IdentityJson[]>;
  /** The three lists a user compares after a round trip. */
  lists: (vault?: string) => Promise<{ identities: unknown[]; accounts: unknown[]; addresses: AddressJson[] }>;
  /** A copy of `vault` (a template made once) as this folder's vault, or under `name`. */
  copyVault: (from: string, name?: string) => Promise<string>;
  /** Makes the (empty) vault, as the first command that adds something would. */
  init: () => void;
  /**
   * Runs the CLI on a pseudo-terminal (util-linux `script`), answering each prompt: when the output
   * since the last answer matches `wait`, `send` is typed followed by Enter. Returns the exit code
   * and everything the terminal showed (echoed input included).
   */
  tty: (args: readonly string[], steps: readonly TtyStep[]) => Promise<{ code: number | null; transcript: string }>;
  remove: () => Promise<void>;
};

export type SandboxOptions = {
  /** Removed by the caller (for a folder made in `beforeAll`) instead of after the test. */
  manual?: boolean;
  /** Files to write first, name → text. */
  files?: Record<string, string>;
  /** Name the vault by `$KEEPSAKE_VAULT` instead of `--vault` (as a script would). */
  vaultFromEnv?: boolean;
};

/** Every `run` spawns the built CLI (what the in-process runs stand for), not only those that need a process. */
const SPAWN_ALL = process.env['KEEPSAKE_TEST_SPAWN'] === '1';

let version: string | undefined;
let cwdHeld: Promise<unknown> = Promise.resolve();

/**
 * One CLI run through `main` in this process, in `dir` as its working folder (runs take turns: the
 * working folder is the process's), stdin a pipe holding `stdin` (never a TTY), stdout and stderr
 * buffers. The same result a spawned `node bin/keepsake.js` gives, minus Node's start-up.
 */
function runInProcess(dir: string, argv: readonly string[], stdin: string | undefined): Promise<CliResult> {
  const turn = cwdHeld.then(async (): Promise<CliResult> => {
    version ??= (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const io = testIo({ stdin: stdin ?? '' });
    const before = process.cwd();
    process.chdir(dir);
    try {
      const code = await main(argv, version, io.makeIo);
      return { code, signal: null, stdout: io.stdout(), stderr: io.stderr() };
    } finally {
      process.chdir(before);
    }
  });
  cwdHeld = turn.catch(() => undefined);
  return turn;
}

/** Whether util-linux `script` (a pseudo-terminal for the TTY tests) is installed. */
export const HAS_SCRIPT = ['/usr/bin/script', '/bin/script'].some((p) => existsSync(p));

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Fails early, with the fix, when `dist/` has not been built. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (or `npm test`, which builds first) before the CLI tests.');
  }
}

/** A fresh temporary folder with its own vault; removed after the test unless `manual`. */
export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  if (!options.manual) onTestFinished(remove);
  const vault = join(dir, 'vault.sqlite');
  const path = (...parts: string[]) => join(dir, ...parts);
  for (const [name, text] of Object.entries(options.files ?? {})) await writeFile(path(name), text);

  const argvOf = (args: readonly string[], o: RunOptions) => [BIN, ...(o.noVaultFlag || options.vaultFromEnv ? [] : ['--vault', o.vault ?? vault]), ...args];
  const envOf = (o: RunOptions): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, NO_COLOR: '1', ...o.env };
    delete env['KEEPSAKE_DEBUG'];
    delete env['FORCE_COLOR'];
    if (options.vaultFromEnv) env['KEEPSAKE_VAULT'] = o.vault ?? vault;
    else if (!o.env || !('KEEPSAKE_VAULT' in o.env)) delete env['KEEPSAKE_VAULT'];
    return env;
  };

  const start = (args: readonly string[], o: RunOptions = {}) => {
    const child = spawn(process.execPath, argvOf(args, o), { cwd: dir, env: envOf(o), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdin!.on('error', () => {}); // a child killed early closes its stdin
    child.stdin!.end(o.stdin ?? '');
    const done = new Promise<CliResult>((resolvePromise, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    });
    return { child, done };
  };

  // Most runs go through the CLI's own `main` in this process (as `keepsake` would run them, with
  // its stdin, stdout and stderr as buffers): no Node start-up per command. A run that needs the
  // process itself — another environment, `$KEEPSAKE_VAULT` or no `--vault` — is spawned, as are
  // `start` (crash tests), `tty` and every run when KEEPSAKE_TEST_SPAWN=1.
  const run = (args: readonly string[], o: RunOptions = {}) =>
    SPAWN_ALL || o.env !== undefined || o.noVaultFlag || options.vaultFromEnv ? start(args, o).done : runInProcess(dir, argvOf(args, o).slice(1), o.stdin);

  // A reading command never creates a vault (issue 12 #17): no vault lists nothing.
  const accountList = async (extra: readonly string[] = []) => {
    if (extra.length === 0 && !existsSync(vault)) return [];
    const r = await run(['account', 'list', '--json', ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    return JSON.parse(r.stdout) as AccountJson[];
  };
  const nounList = async <T>(noun: Noun, v?: string): Promise<T[]> =>
    existsSync(v ?? vault) ? okJson<T[]>(await run([noun, 'list', '--json'], v === undefined ? {} : { vault: v })) : [];
  const list = ((first?: readonly string[] | Noun, v?: string) => (typeof first === 'string' ? nounList(first, v) : accountList(first))) as Sandbox['list'];

  const tty = (args: readonly string[], steps: readonly TtyStep[]) =>
    new Promise<{ code: number | null; transcript: string }>((resolvePromise, reject) => {
      const command = [process.execPath, ...argvOf(args, {})].map(shellQuote).join(' ');
      const child = spawn('script', ['-qec', command, '/dev/null'], {
        cwd: dir,
        env: { ...envOf({}), SHELL: '/bin/sh', TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
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
    path,
    write: async (name, content) => {
      const file = path(name);
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
    secret: async (name, value) => {
      const file = path(name);
      await writeFile(file, value + '\n', { mode: 0o600 });
      return file;
    },
    read: async (name) => JSON.parse(await readFile(path(name), 'utf8')) as unknown,
    exists: (name) => existsSync(path(name)),
    run,
    start,
    json: async <T>(args: readonly string[]) => {
      const r = await run(['--json', ...args]);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(EXIT.ok);
      return JSON.parse(r.stdout) as T;
    },
    list,
    identities: () => nounList<IdentityJson>('identity'),
    lists: async (v) => {
      const [identities, accounts, addresses] = await Promise.all([nounList('identity', v), nounList('account', v), nounList<AddressJson>('address', v)]);
      return { identities, accounts, addresses };
    },
    copyVault: async (from, name) => {
      const target = name === undefined ? vault : path(name);
      await copyFile(from, target);
      return target;
    },
    init: () => vaultClose(vaultOpen(vault)),
    tty,
  };
}

export type Template = Sandbox & { accounts: AccountJson[] };

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

/**
 * `account create|add --name NAME [args…] --password-file PW --kdf compat --json` in `box`: the run, not yet checked.
 * `--kdf compat` (scrypt N=2^15) keeps the tests quick where they do not look at the KDF.
 */
export function runAccount(box: Sandbox, verb: 'create' | 'add', pw: string, name: string, ...args: string[]): Promise<CliResult> {
  return box.run(['account', verb, '--name', name, ...args, '--password-file', pw, '--kdf', 'compat', '--json']);
}

let restorePasswords = 0;

/**
 * `restore FILE… --password-file PW --json` of files already in the sandbox, with `password` written to
 * a private file of its own, which must succeed: the report. (A test of the restore run itself, its exit
 * code or its output, calls `run`.)
 */
export async function restoreFiles(box: Sandbox, files: readonly string[], password: string): Promise<RestoreJson> {
  const pw = await box.secret(`restore-${++restorePasswords}.pw`, password);
  return okJson<RestoreJson>(await box.run(['restore', ...files, '--password-file', pw, '--json']));
}

/**
 * Recovers `phrase` as the identity `name` under `pin` (`identity recover --json`, which must succeed),
 * each written to a private file of the sandbox first. Returns the PIN file, for the `--pin-file` of
 * the commands that follow.
 */
export async function recoverIdentity(box: Sandbox, name: string, phrase: string, pin: string): Promise<string> {
  const file = name.replace(/\W+/g, '-');
  const pinFile = await box.secret(`identity-${file}.pin`, pin);
  const phraseFile = await box.secret(`identity-${file}.phrase`, phrase);
  okJson(await box.run(['identity', 'recover', '--name', name, '--mnemonic-file', phraseFile, '--pin-file', pinFile, '--json']));
  return pinFile;
}

/** The parsed stdout of a `--json` run that must have succeeded. */
export function okJson<T>(r: CliResult): T {
  expect(r.code, `exit ${r.code}; stderr: ${r.stderr}`).toBe(EXIT.ok);
  expectNoStack(r);
  return JSON.parse(r.stdout) as T;
}

export function expectNoStack(r: CliResult): void {
  expect(r.stderr, 'a stack trace on stderr').not.toMatch(/^\s+at /m);
  expect(r.stdout, 'a stack trace on stdout').not.toMatch(/^\s+at /m);
}

/** Neither output stream shows any of `secrets`. */
export function expectNoSecrets(r: CliResult, secrets: readonly string[]): void {
  for (const s of secrets) {
    expect(r.stdout.includes(s), `stdout shows a secret: ${JSON.stringify(s)}`).toBe(false);
    expect(r.stderr.includes(s), `stderr shows a secret: ${JSON.stringify(s)}`).toBe(false);
  }
}

export type RefusedOptions = {
  /** Strings neither stream may show. */
  secrets?: readonly string[];
  /** The run had `--json`: stderr is the `{"error":{"name","message"}}` document. */
  json?: boolean;
  /** The error's class (with `json`). */
  name?: string;
  /** What the message must say. */
  match?: RegExp;
  /** The message is longer than this (default: 10 with `json`; a human line, `keepsake: ` included, always longer than 20). */
  longerThan?: number;
  /**
   * A command that reports per file (`restore`): its summary goes to stdout and its stderr line is the
   * file's `failed …` line, so neither "nothing on stdout" nor the `keepsake: ` prefix applies.
   */
  report?: true;
};

/**
 * A refused command, as the CLI contract puts it: the documented exit code, nothing on stdout, one
 * clear line on stderr (`keepsake: …`, commander's usage errors too; with `json`, exactly the
 * `{"error":{"name","message"}}` document), no stack trace, no secret. Returns the message (with
 * `json`) or the whole line. See {@link RefusedOptions.report} for `restore`.
 */
export function expectRefused(r: CliResult, code: number, options: RefusedOptions = {}): string {
  expect(r.signal).toBeNull();
  const quiet = options.json || !options.report;
  expect({ code: r.code, ...(quiet ? { stdout: r.stdout } : {}) }, `expected exit ${code}; stderr: ${r.stderr}`).toEqual({
    code,
    ...(quiet ? { stdout: '' } : {}),
  });
  expectNoStack(r);
  expectNoSecrets(r, options.secrets ?? []);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, `stderr should be one line: ${r.stderr}`).toHaveLength(1);
  const line = lines[0]!;
  let message = line;
  if (options.json) {
    const doc = JSON.parse(line) as { error: { name: string; message: string } };
    expect(Object.keys(doc)).toEqual(['error']);
    expect(Object.keys(doc.error).sort()).toEqual(['message', 'name']);
    expect(typeof doc.error.name).toBe('string');
    if (options.name !== undefined) expect(doc.error.name, doc.error.message).toBe(options.name);
    message = doc.error.message;
    expect(message.length).toBeGreaterThan(options.longerThan ?? 10);
  } else {
    if (!options.report) expect(line).toMatch(/^keepsake: /);
    expect(line.length).toBeGreaterThan(20);
    if (options.longerThan !== undefined) expect(line.length).toBeGreaterThan(options.longerThan);
  }
  expect(message).not.toMatch(/undefined|\[object Object\]|Unexpected error/);
  // A human line is matched after its `keepsake: ` prefix, so a pattern can anchor on the sentence.
  if (options.match) expect(options.json ? message : line.replace(/^keepsake: /, '')).toMatch(options.match);
  return message;
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

/** A read-only connection straight to a vault file; a locked one (SQLCipher 4) keyed with its `password`. */
function vaultRead(file: string, password: string | undefined): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (password !== undefined) {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(Buffer.from(password, 'utf8'));
  }
  return db;
}

/**
 * Every row of every table of a vault, read straight from the file (what a later process would
 * see); a locked vault with its `password`. Two equal dumps mean the command changed nothing at all.
 */
export function vaultDump(file: string, password?: string): Record<string, unknown[]> {
  if (!existsSync(file)) return {};
  const db = vaultRead(file, password);
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      out[t] = (db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : v])),
      );
    }
    out['user_version'] = [db.pragma('user_version', { simple: true })];
    return out;
  } finally {
    db.close();
  }
}

/** Integrity as SQLite sees it (a locked vault with its `password`). */
export function vaultIntegrity(file: string, password?: string): string {
  const db = vaultRead(file, password);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Every run of three consecutive words of `phrase` (and the phrase itself). */
export function wordRuns(phrase: string, run = 3): string[] {
  const words = phrase.split(' ');
  const runs = [phrase];
  for (let i = 0; i + run <= words.length; i++) runs.push(words.slice(i, i + run).join(' '));
  return runs;
}

/** Neither output stream shows the phrase nor any three consecutive words of it. */
export function expectNoPhrase(r: Pick<CliResult, 'stdout' | 'stderr'>, phrase: string): void {
  for (const s of wordRuns(phrase)) {
    expect(r.stdout.includes(s), `stdout shows words of the phrase: ${JSON.stringify(s)}`).toBe(false);
    expect(r.stderr.includes(s), `stderr shows words of the phrase: ${JSON.stringify(s)}`).toBe(false);
  }
}

/** Runs `fn` over `items`, at most `limit` at a time (the machine has two cores), keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
