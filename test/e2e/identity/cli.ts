/**
 * The identity CLI tests run the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`) as a child
 * process, each test against a vault in its own temporary folder, with secrets only in files.
 * Every call opens the identity with the real PIN KDF (scrypt N=2^18), about a second here, so the
 * tests keep the number of calls small.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const BIN = join(ROOT, 'bin/keepsake.js');

/** DESIGN.md exit codes: 0 ok · 1 failed · 2 usage · 3 wrong password or PIN. */
export const EXIT = { ok: 0, failed: 1, usage: 2, wrongPassword: 3 } as const;

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';

export type SuriVector = { type: KeyType; suri: string; publicKey: string; address42?: string; address0?: string; address2?: string };
export type Vectors = { devPhrase: string; suri: SuriVector[] };

export const VECTORS = JSON.parse(readFileSync(join(ROOT, 'test/vectors/polkadot-js.json'), 'utf8')) as Vectors;
export const DEV_PHRASE = VECTORS.devPhrase;

/** The phrases of the vectors; each vector's suri is one of them followed by its path. */
export const PHRASES = [...new Set(VECTORS.suri.map((v) => v.suri.split('/')[0]!))];

/** A vector's path: its suri without the phrase ('' = the root key). */
export function vectorPath(v: SuriVector): { phrase: string; path: string } {
  const phrase = PHRASES.find((p) => v.suri.startsWith(p))!;
  return { phrase, path: v.suri.slice(phrase.length) };
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

export type IdentityJson = {
  id: number;
  name: string;
  accounts: { address: string; name: string; path: string; network: string | null; type: string; signerQr: string | null }[];
  [extra: string]: unknown;
};

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

export type Sandbox = {
  dir: string;
  vault: string;
  path: (name: string) => string;
  /** A one-line secret file (with a trailing newline, as an editor writes it). */
  secret: (name: string, value: string) => Promise<string>;
  run: (args: readonly string[]) => Promise<CliResult>;
  /** `identity list --json` and `account list --json`, which must succeed. */
  identities: () => Promise<IdentityJson[]>;
  accounts: () => Promise<AccountJson[]>;
};

export async function sandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-identity-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const vault = join(dir, 'vault.sqlite');
  const path = (name: string) => join(dir, name);
  const run = (args: readonly string[]) =>
    new Promise<CliResult>((resolvePromise, reject) => {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, NO_COLOR: '1' };
      delete env['KEEPSAKE_VAULT'];
      delete env['KEEPSAKE_DEBUG'];
      const child = spawn(process.execPath, [BIN, '--vault', vault, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      child.stdin.end();
      child.on('error', reject);
      child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    });
  // A reading command never creates a vault (issue 12 #17): no vault lists nothing.
  const listOf = async <T>(args: readonly string[]): Promise<T> => (existsSync(vault) ? okJson<T>(await run(args)) : ([] as T));
  return {
    dir,
    vault,
    path,
    secret: async (name, value) => {
      const file = path(name);
      await writeFile(file, value + '\n', { mode: 0o600 });
      return file;
    },
    run,
    identities: () => listOf<IdentityJson[]>(['identity', 'list', '--json']),
    accounts: () => listOf<AccountJson[]>(['account', 'list', '--json']),
  };
}

/** The parsed stdout of a `--json` command that must have succeeded. */
export function okJson<T>(r: CliResult): T {
  expect(r.code, `exit ${r.code}; stderr: ${r.stderr}`).toBe(EXIT.ok);
  return JSON.parse(r.stdout) as T;
}

/** The `{"error":{"name","message"}}` document a `--json` command prints on stderr when it fails with `code`. */
export function jsonError(r: CliResult, code: number): { name: string; message: string } {
  expect(r.code, `expected exit ${code}; stdout: ${r.stdout}; stderr: ${r.stderr}`).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return (JSON.parse(r.stderr.trim()) as { error: { name: string; message: string } }).error;
}

/** Every run of three consecutive words of `phrase` (and the phrase itself). */
export function wordRuns(phrase: string, run = 3): string[] {
  const words = phrase.split(' ');
  const runs = [phrase];
  for (let i = 0; i + run <= words.length; i++) runs.push(words.slice(i, i + run).join(' '));
  return runs;
}

/** Neither output stream shows the phrase nor any three consecutive words of it. */
export function expectNoPhrase(r: CliResult, phrase: string): void {
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
