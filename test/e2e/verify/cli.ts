/**
 * Helpers for the end-to-end CLI tests: run `node bin/keepsake.js …` as a user would, in a
 * scratch folder, with no terminal (stdin is a pipe), and check what a person would see.
 * The build in dist/ must exist (`npm test` builds it first).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'bin', 'keepsake.js');

export type JsonObject = { [key: string]: unknown };
export type JsonVector = { password: string; keyType: string; expectedPublicKey: string; expectedAddress: string; ss58Prefix: number; file: JsonObject };
export const polkadotVectors = JSON.parse(readFileSync(new URL('../../vectors/polkadot-js.json', import.meta.url), 'utf8')) as { json: JsonVector[] };
export const keystoreVector = JSON.parse(readFileSync(new URL('../../vectors/ethereum-keystore.json', import.meta.url), 'utf8')) as { file: JsonObject };

/** The four json vectors, by a short name used for their files. */
export const VECTOR_FILES = polkadotVectors.json.map((v) => {
  const version = (v.file['encoding'] as JsonObject)['version'] as string;
  return { ...v, name: `${v.keyType}-v${version}`, json: `${v.keyType}-v${version}.json`, pw: `${v.keyType}-v${version}.pw` };
});

/** A password found in no file and no message, to prove it never shows. */
export const WRONG_PASSWORD = 'Hunter2-wrong-pässword';
/** //Alice: a valid address that is not the key's. */
export const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/**
 * Every input the tests need, as file name → text. Damaged files start from the sr25519 version 3
 * vector with its name changed (the vector's name is its password, which must then never be printed).
 */
export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const v of VECTOR_FILES) {
    files[v.json] = JSON.stringify(v.file, null, 2);
    files[v.pw] = `${v.password}\n`;
  }
  const base = VECTOR_FILES.find((v) => v.name === 'sr25519-v3')!;
  const good: JsonObject = { ...base.file, meta: { ...(base.file['meta'] as JsonObject), name: 'e2e account' } };
  const encoded = Buffer.from(good['encoded'] as string, 'base64');
  const withEncoded = (bytes: Buffer) => JSON.stringify({ ...good, encoded: bytes.toString('base64') });
  const withParams = (N: number, p: number, r: number) => {
    const b = Buffer.from(encoded);
    b.writeUInt32LE(N, 32);
    b.writeUInt32LE(p, 36);
    b.writeUInt32LE(r, 40);
    return withEncoded(b);
  };
  const altered = Buffer.from(encoded);
  altered[altered.length - 3]! ^= 0x10;
  const text = JSON.stringify(good);

  files['good.json'] = text;
  files['good.pw'] = `${base.password}\n`;
  files['good-crlf.pw'] = `${base.password}\r\nsecond line is not read\r\n`;
  files['wrong.pw'] = `${WRONG_PASSWORD}\n`;
  files['tampered-ciphertext.json'] = withEncoded(altered);
  files['truncated-encoded.json'] = withEncoded(encoded.subarray(0, 100));
  files['truncated-header.json'] = withEncoded(encoded.subarray(0, 40));
  files['truncated-text.json'] = text.slice(0, Math.floor(text.length / 2));
  files['kdf-n21.json'] = withParams(1 << 21, 1, 8);
  files['kdf-r17.json'] = withParams(1 << 15, 1, 17);
  files['kdf-p5.json'] = withParams(1 << 15, 5, 8);
  files['kdf-unsupported.json'] = withParams(1 << 14, 1, 8);
  files['address-mismatch.json'] = JSON.stringify({ ...good, address: ALICE });
  files['address-invalid.json'] = JSON.stringify({ ...good, address: ALICE.slice(0, -1) + 'Z' });
  files['encoded-number.json'] = JSON.stringify({ ...good, encoded: 12345 });
  files['meta-string.json'] = JSON.stringify({ ...good, meta: 'e2e account' });
  files['content-number.json'] = JSON.stringify({ ...good, encoding: { ...(good['encoding'] as JsonObject), content: 3 } });
  files['unknown.json'] = JSON.stringify({ hello: 'world', accounts: [] });
  files['empty-list.json'] = '[]';
  files['not-json.txt'] = 'this is a text file, not a wallet backup\n';
  files['binary.bin'] = '\u0000\u0001PK\u0003\u0004\u00ff garbage';
  files['keystore.json'] = JSON.stringify(keystoreVector.file);
  return files;
}

export function assertBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (or `npm test`, which builds first) before the CLI tests.');
  }
}

export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs keepsake in `cwd` with `args`; `stdin` is written to its standard input, which is then closed (never a TTY). */
export function keepsake(cwd: string, args: readonly string[], stdin = ''): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', KEEPSAKE_VAULT: join(cwd, 'vault.sqlite') };
  delete env['KEEPSAKE_DEBUG'];
  delete env['FORCE_COLOR'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the CLI may exit before reading stdin
    child.stdin.end(stdin);
  });
}

/** A scratch folder with the given files; `cleanup` removes it. */
export async function workspace(files: Record<string, string>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const STACK_LINE = /^\s+at /m;

/** Output a person can trust: no stack trace, and none of `secrets` anywhere. */
export function expectNoLeak(run: Run, secrets: readonly string[]): void {
  expect(run.stdout, 'a stack trace on stdout').not.toMatch(STACK_LINE);
  expect(run.stderr, 'a stack trace on stderr').not.toMatch(STACK_LINE);
  for (const secret of secrets) {
    expect(run.stdout.includes(secret), `secret ${JSON.stringify(secret)} on stdout`).toBe(false);
    expect(run.stderr.includes(secret), `secret ${JSON.stringify(secret)} on stderr`).toBe(false);
  }
}

/**
 * A refusal as the CLI contract puts it: the exit code, nothing on stdout, exactly one line on stderr
 * (`keepsake: …`, commander's usage errors too; with --json, `{"error":{"name","message"}}`).
 * Returns that line (or the parsed error).
 */
export function expectRefusal(run: Run, { code, name, json, message, secrets = [] }: { code: number; name: string; json: boolean; message?: RegExp; secrets?: readonly string[] }): { name: string; message: string } {
  expect({ code: run.code, stdout: run.stdout }, run.stderr).toEqual({ code, stdout: '' });
  expectNoLeak(run, secrets);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, 'stderr should hold one line').toHaveLength(1);
  const line = lines[0]!;
  let error: { name: string; message: string };
  if (json) {
    const parsed = JSON.parse(line) as { error: { name: string; message: string } };
    expect(Object.keys(parsed)).toEqual(['error']);
    expect(Object.keys(parsed.error).sort()).toEqual(['message', 'name']);
    error = parsed.error;
    expect(error.name).toBe(name);
  } else {
    expect(line).toMatch(/^keepsake: /);
    error = { name, message: line.replace(/^keepsake: /, '') };
  }
  expect(error.message.length).toBeGreaterThan(10);
  if (message) expect(error.message).toMatch(message);
  return error;
}
