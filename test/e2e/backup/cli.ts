/**
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`) as a child process against
 * vaults in a fresh temporary folder, and the checks issue 5's tests share: the exit code, one clear
 * line on stderr, no stack trace, no secret echoed, and — for every refused command — the vault
 * exactly as before (compared table by table, read straight from the SQLite file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const BIN = join(ROOT, 'bin/keepsake.js');

/** Exit codes of DESIGN.md: 0 ok · 1 failed · 2 usage · 3 wrong password or PIN. */
export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** `backup import --json` (DESIGN.md: `restored`, `skipped`, `failed`; issue 5: a status per item). */
export type ImportJson = {
  format: string;
  items: { kind: string; name: string; address: string | null; status: 'imported' | 'present' | 'replaced'; presentAs: string | null }[];
  restored: { address: string | null; name: string }[];
  skipped: { address: string | null; reason: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

export type AddressJson = { address: string; kind: string; name: string; note: string | null; network: string | null };

export type Box = {
  dir: string;
  /** The default vault of this folder. */
  vault: string;
  path: (...parts: string[]) => string;
  /** Writes a file (objects as JSON) and returns its path. */
  write: (name: string, content: string | object) => Promise<string>;
  /** A one-line secret file, with the trailing newline an editor writes. */
  secret: (name: string, value: string) => Promise<string>;
  /** Runs the CLI with `--vault <vault>` (this folder's default vault unless given). */
  run: (args: readonly string[], options?: { vault?: string; stdin?: string }) => Promise<CliResult>;
  start: (args: readonly string[], options?: { vault?: string; stdin?: string }) => { child: ChildProcess; done: Promise<CliResult> };
  /** `<noun> list --json`, which must succeed. */
  list: <T = unknown>(noun: 'account' | 'identity' | 'address', vault?: string) => Promise<T[]>;
  /** The three lists a user compares after a round trip. */
  lists: (vault?: string) => Promise<{ identities: unknown[]; accounts: unknown[]; addresses: AddressJson[] }>;
  /** A copy of `vault` (a template made once) as this folder's vault, or under `name`. */
  copyVault: (from: string, name?: string) => Promise<string>;
};

/** A temporary folder (its own HOME, so ~/.keepsake is never touched), removed after the test unless `manual`. */
export async function box(options: { manual?: boolean } = {}): Promise<Box & { remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-backup-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  if (!options.manual) onTestFinished(remove);
  const vault = join(dir, 'vault.sqlite');
  const path = (...parts: string[]) => join(dir, ...parts);

  const start = (args: readonly string[], o: { vault?: string; stdin?: string } = {}) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, NO_COLOR: '1' };
    delete env['KEEPSAKE_VAULT'];
    delete env['KEEPSAKE_DEBUG'];
    const child = spawn(process.execPath, [BIN, '--vault', o.vault ?? vault, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
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
  const run = (args: readonly string[], o: { vault?: string; stdin?: string } = {}) => start(args, o).done;

  // A reading command never creates a vault (issue 12 #17): no vault lists nothing.
  const list = async <T>(noun: 'account' | 'identity' | 'address', v?: string): Promise<T[]> =>
    existsSync(v ?? vault) ? okJson<T[]>(await run([noun, 'list', '--json'], v === undefined ? {} : { vault: v })) : [];

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
      await writeFile(file, value + '\n');
      return file;
    },
    run,
    start,
    list,
    lists: async (v) => {
      const [identities, accounts, addresses] = await Promise.all([list('identity', v), list('account', v), list<AddressJson>('address', v)]);
      return { identities, accounts, addresses };
    },
    copyVault: async (from, name) => {
      const target = name === undefined ? vault : path(name);
      await copyFile(from, target);
      return target;
    },
  };
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

/**
 * A refused command: the documented exit code, one clear line on stderr (with `json`, the
 * `{"error":{"name","message"}}` document), no stack trace, no secret. Returns the message.
 */
export function expectRefused(r: CliResult, code: number, options: { secrets?: readonly string[]; json?: boolean; match?: RegExp } = {}): string {
  expect(r.signal).toBeNull();
  expect(r.code, `expected exit ${code}; stdout: ${r.stdout}; stderr: ${r.stderr}`).toBe(code);
  expectNoStack(r);
  for (const s of options.secrets ?? []) {
    expect(r.stdout.includes(s), `stdout shows a secret: ${JSON.stringify(s)}`).toBe(false);
    expect(r.stderr.includes(s), `stderr shows a secret: ${JSON.stringify(s)}`).toBe(false);
  }
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, `stderr should be one line: ${r.stderr}`).toBe(1);
  const line = lines[0]!;
  let message = line;
  if (options.json) {
    const doc = JSON.parse(line) as { error: { name: string; message: string } };
    expect(typeof doc.error.name).toBe('string');
    expect(r.stdout).toBe('');
    message = doc.error.message;
  }
  expect(message.length).toBeGreaterThan(20);
  expect(message).not.toMatch(/undefined|\[object Object\]|Unexpected error/);
  if (options.match) expect(message).toMatch(options.match);
  return message;
}

/**
 * Every row of every table of a vault, read straight from the file (what a later process would
 * see). Two equal dumps mean the command changed nothing at all.
 */
export function vaultDump(file: string): Record<string, unknown[]> {
  if (!existsSync(file)) return {};
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
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

/** Integrity as SQLite sees it. */
export function vaultIntegrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
