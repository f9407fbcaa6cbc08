/**
 * Several keepsake processes on one vault at once (issue 8, "Concurrency"): 2 and 8
 * `keepsake --vault SAME restore …` processes — each restoring its own N=2^15 files, some of them
 * the same files — while `account export` and `account list` run beside them, and 8 restores on a
 * vault that does not exist yet (first use). Every process either succeeds or fails cleanly (exit 1,
 * one line saying the vault is busy — never a stack trace, never SQLite's own text); afterwards the
 * vault passes `PRAGMA integrity_check` and holds exactly the accounts it held before plus every
 * distinct account restored by the processes that succeeded.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { BIN, type CliResult } from '../support/cli.js';
import { spawnedResult } from './spawned.js';

const PW = 'concurrency-Secret-pw-8';
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const FILES = 20;

type Result = CliResult & { args: string[] };

let dir: string;
let pwFile: string;
/** The files to restore and the public key (hex) of the account each holds. */
const files: { path: string; publicKey: string; address: string }[] = [];
/** Two accounts every scenario's vault holds before it starts (export and list work on them). */
let base: { path: string; publicKey: string; address: string }[];

async function run(args: string[], cwd: string): Promise<Result> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, HOME: cwd, NO_COLOR: '1', KEEPSAKE_DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { args, ...(await spawnedResult(child)) };
}

/**
 * A process that failed must have failed cleanly: exit 1, one line saying the vault is busy, no
 * stack, no SQLite text. Checked softly, so one run reports every process that misbehaved and still
 * checks the vault; anything but a success counts as "changed nothing".
 */
function expectSuccessOrBusy(r: Result): 'ok' | 'failed' {
  const what = `${r.args.filter((a) => !a.startsWith('/')).join(' ')} → exit ${r.code}\nstdout: ${r.stdout.slice(0, 300)}\nstderr: ${r.stderr.slice(0, 600)}`;
  expect.soft(r.signal, what).toBeNull();
  for (const text of [r.stdout, r.stderr]) {
    expect.soft(text, what).not.toMatch(/^\s+at /m);
    expect.soft(text, what).not.toMatch(/SQLITE_|sqlite3?_|database is locked|Unexpected error|InternalError/i);
  }
  if (r.code === 0) return 'ok';
  expect.soft(r.code, what).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect.soft(lines, what).toHaveLength(1);
  expect.soft(lines[0], what).toMatch(/busy/i);
  return 'failed';
}

/** Integrity and the accounts (public keys, hex) of a vault, read straight from the file after every process ended. */
function vaultState(vault: string): { integrity: string; publicKeys: string[] } {
  const db = new Database(vault, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const rows = db.prepare('SELECT public_key FROM accounts').all() as { public_key: Buffer }[];
    return { integrity, publicKeys: rows.map((r) => `0x${r.public_key.toString('hex')}`).sort() };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-hostile-concurrency-'));
  pwFile = join(dir, 'pw.txt');
  await writeFile(pwFile, `${PW}\n`);
  for (let i = 0; i < FILES + 2; i++) {
    const type = i % 4 === 3 ? 'ed25519' : 'sr25519';
    const pair = await pairFromSuri(`${PHRASE}//hostile//${i}`, type);
    const json = await polkadotJsWrite(pair, PW, { meta: { name: `Concurrent ${i}` }, params: SCRYPT_COMPAT });
    const path = join(dir, `file-${String(i).padStart(2, '0')}.json`);
    await writeFile(path, JSON.stringify(json));
    files.push({ path, publicKey: bytesToHex(pair.publicKey), address: String(json['address']) });
  }
  base = files.splice(FILES, 2);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A folder with a vault that already holds the two base accounts (restored undisturbed). */
async function scenarioDir(name: string, withBase: boolean): Promise<{ cwd: string; vault: string }> {
  const cwd = join(dir, name);
  await (await import('node:fs/promises')).mkdir(cwd);
  const vault = join(cwd, 'vault.sqlite');
  if (withBase) {
    const r = await run(['--vault', vault, 'restore', ...base.map((b) => b.path), '--password-file', pwFile, '--json'], cwd);
    expect(r.code, r.stderr).toBe(0);
  }
  return { cwd, vault };
}

/**
 * Starts every command at once, waits for all, and checks: each succeeded or failed cleanly; the
 * vault is intact and holds the base accounts plus exactly the distinct accounts of the restores that succeeded;
 * every export that succeeded wrote a whole file, and none left a temporary file.
 */
async function scenario(
  name: string,
  restoreSets: number[][],
  extra: { exports: number; lists: number },
  withBase = true,
): Promise<{ outcomes: ('ok' | 'failed')[]; accounts: number }> {
  const { cwd, vault } = await scenarioDir(name, withBase);
  const restores = restoreSets.map((set) => ['--vault', vault, 'restore', ...set.map((i) => files[i]!.path), '--password-file', pwFile, '--json']);
  const exports = Array.from({ length: extra.exports }, (_, i) => [
    '--vault',
    vault,
    'account',
    'export',
    base[i % base.length]!.address,
    '--out',
    join(cwd, `export-${i}.json`),
    '--password-file',
    pwFile,
    '--kdf',
    'compat',
    '--json',
  ]);
  const lists = Array.from({ length: extra.lists }, () => ['--vault', vault, 'account', 'list', '--json']);
  const all = [...restores, ...exports, ...lists];
  // Interleave the kinds, so exports and lists start among the restores.
  const order = all.map((_, i) => i).sort((a, b) => ((a * 7919) % all.length) - ((b * 7919) % all.length));
  const results = new Array<Result>(all.length);
  await Promise.all(order.map(async (i) => (results[i] = await run(all[i]!, cwd))));

  const outcomes = results.map(expectSuccessOrBusy);
  const expected = new Set(withBase ? base.map((b) => b.publicKey) : []);
  restoreSets.forEach((set, i) => {
    if (outcomes[i] !== 'ok') return;
    const report = JSON.parse(results[i]!.stdout) as { restored: { address: string }[]; skipped: { address: string }[]; failed: unknown[] };
    expect(report.failed, results[i]!.stdout).toEqual([]);
    // Every file of a restore that succeeded is in the vault: restored by it, or skipped because another process had restored it.
    expect(report.restored.length + report.skipped.length).toBe(set.length);
    for (const f of set) expected.add(files[f]!.publicKey);
  });

  const state = vaultState(vault);
  expect(state.integrity).toBe('ok');
  expect(state.publicKeys).toEqual([...expected].sort());

  for (let i = 0; i < extra.exports; i++) {
    const r = results[restores.length + i]!;
    const out = join(cwd, `export-${i}.json`);
    if (outcomes[restores.length + i] === 'ok') {
      const json = JSON.parse(await readFile(out, 'utf8')) as { address: string; encoded: string };
      expect(json.address, r.stdout).toBe(base[i % base.length]!.address);
      expect(typeof json.encoded).toBe('string');
    } else expect(existsSync(out)).toBe(false);
  }
  for (let i = 0; i < extra.lists; i++) {
    const k = restores.length + extra.exports + i;
    if (outcomes[k] !== 'ok') continue;
    const listed = JSON.parse(results[k]!.stdout) as { publicKey: string }[];
    // A reader sees the vault before or after each restore's transaction: a subset of the final accounts, never a partial file.
    for (const a of listed) expect(expected.has(a.publicKey), a.publicKey).toBe(true);
    if (withBase) expect(listed.length).toBeGreaterThanOrEqual(base.length);
  }
  expect((await readdir(cwd)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  return { outcomes, accounts: state.publicKeys.length };
}

describe('several keepsake processes on one vault', () => {
  it('2 restores (sharing two files) with an export and a list at the same time', async () => {
    const { outcomes, accounts } = await scenario(
      'two',
      [
        [0, 1, 2, 3],
        [2, 3, 4, 5],
      ],
      { exports: 1, lists: 1 },
    );
    expect(outcomes.length).toBe(4);
    expect(accounts).toBeGreaterThanOrEqual(2);
  });

  it('8 restores (overlapping sets of 3–4 files) with 2 exports and 2 lists at the same time', async () => {
    const sets = Array.from({ length: 8 }, (_, i) => [(2 * i) % FILES, (2 * i + 1) % FILES, (2 * i + 2) % FILES, ...(i % 2 === 0 ? [(i + 10) % FILES] : [])]);
    const { outcomes } = await scenario('eight', sets, { exports: 2, lists: 2 });
    // At least one writer gets through (they wait for each other up to keepsake's busy timeout).
    expect(outcomes.slice(0, 8).filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(1);
  });

  it('a writer holding the vault longer than the busy timeout: restores fail with "vault busy" and change nothing, readers still list', async () => {
    const { cwd, vault } = await scenarioDir('held', true);
    const holder = new Database(vault);
    holder.pragma('busy_timeout = 1000');
    holder.exec('BEGIN IMMEDIATE');
    let results: Result[];
    try {
      results = await Promise.all([
        run(['--vault', vault, 'restore', files[0]!.path, files[1]!.path, '--password-file', pwFile], cwd),
        run(['--vault', vault, 'restore', files[2]!.path, '--password-file', pwFile, '--json'], cwd),
        run(['--vault', vault, 'account', 'list', '--json'], cwd),
      ]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const [a, b, list] = results;
    expect(expectSuccessOrBusy(a!)).toBe('failed');
    expect(a!.stderr).toMatch(/^keepsake: The vault .* is busy/);
    expect(expectSuccessOrBusy(b!)).toBe('failed');
    expect((JSON.parse(b!.stderr) as { error: { name: string } }).error.name).toBe('VaultBusyError');
    expect(expectSuccessOrBusy(list!)).toBe('ok');
    expect((JSON.parse(list!.stdout) as unknown[]).length).toBe(base.length);
    const state = vaultState(vault);
    expect(state.integrity).toBe('ok');
    expect(state.publicKeys).toEqual(base.map((x) => x.publicKey).sort());
  });

  // Found failing against 0d0b8eb: vaultMigrate (src/vault/migrate.ts) read `user_version` before its
  // IMMEDIATE transaction, so a process that had waited for another one's migration ran it again and got
  // SQLITE_ERROR "table accounts already exists", reported as VaultUnavailableError "an unexpected
  // storage error occurred" (exit 1) instead of succeeding or saying the vault is busy. The fix reads
  // the version again under the write lock.
  it('8 restores at once on a vault that does not exist yet (first use: creating and migrating it races)', async () => {
    const sets = Array.from({ length: 8 }, (_, i) => [i, (i + 1) % 8, 8 + i]);
    const { outcomes } = await scenario('first-use', sets, { exports: 0, lists: 0 }, false);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(1);
  });
});
