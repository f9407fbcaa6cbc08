/**
 * Runs the built CLI (`node bin/keepsake.js`, i.e. dist/: `npm run build` first) in a scratch folder
 * with its own vault path and HOME, stdin a pipe (never a TTY), as a script would.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'keepsake.js');

export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

export type Run = { code: number | null; stdout: string; stderr: string };

export type Box = {
  dir: string;
  vault: string;
  path: (name: string) => string;
  /** Writes a file (objects as JSON) and returns its path. */
  write: (name: string, content: string | object) => Promise<string>;
  /** A password file (one line, newline-terminated). */
  secret: (name: string, value: string) => Promise<string>;
  read: (name: string) => Promise<unknown>;
  exists: (name: string) => boolean;
  /** `node bin/keepsake.js --vault <vault> …args` */
  run: (args: readonly string[]) => Promise<Run>;
  /** `run` with `--json`, expecting success; the parsed stdout. */
  json: <T>(args: readonly string[]) => Promise<T>;
  remove: () => Promise<void>;
};

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests.');
}

export async function box(): Promise<Box> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-convert-'));
  const vault = join(dir, 'vault.sqlite');
  const path = (name: string) => join(dir, name);
  const run = (args: readonly string[]): Promise<Run> => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, NO_COLOR: '1' };
    delete env['KEEPSAKE_VAULT'];
    delete env['KEEPSAKE_DEBUG'];
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--vault', vault, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.on('error', () => {});
      child.stdin.end('');
    });
  };
  return {
    dir,
    vault,
    path,
    write: async (name, content) => {
      await writeFile(path(name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path(name);
    },
    secret: async (name, value) => {
      await writeFile(path(name), `${value}\n`);
      return path(name);
    },
    read: async (name) => JSON.parse(await readFile(path(name), 'utf8')) as unknown,
    exists: (name) => existsSync(path(name)),
    run,
    json: async <T>(args: readonly string[]) => {
      const r = await run(['--json', ...args]);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout) as T;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A failure as the CLI contract puts it: the exit code, nothing on stdout, `{"error":{name,message}}` on stderr (with --json), no stack, no secret. */
export function expectError(r: Run, code: number, name: string, secrets: readonly string[] = []): { name: string; message: string } {
  expect({ code: r.code, stdout: r.stdout }, r.stderr).toEqual({ code, stdout: '' });
  expect(r.stderr).not.toMatch(/^\s+at /m);
  for (const s of secrets) expect(r.stderr.includes(s), `secret ${JSON.stringify(s)} on stderr`).toBe(false);
  const line = r.stderr.split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
  const error = (JSON.parse(line) as { error: { name: string; message: string } }).error;
  expect(error.name, error.message).toBe(name);
  return error;
}

export type AccountJson = { address: string; name: string; type: string; publicKey: string; hasKey?: boolean; [k: string]: unknown };
export type InspectJson = { format: string; kdf: Record<string, unknown> | null; accounts: { address: string; name: string | null; type: string | null }[] };
export type VerifyJson = { format: string; ok: boolean; accounts: { address: string; publicKey: string | null; type: string | null; name: string | null; ok: boolean; watchOnly?: boolean; error: { name: string } | null }[] };
export type RestoreJson = { restored: { address: string; name: string }[]; skipped: { address: string; reason: string }[]; failed: { file: string; error: { name: string; message: string } }[] };
