/**
 * Storage that fails (issue 8, "Disk full / read-only"): a vault in a read-only folder, a read-only
 * vault file, output into a read-only folder, and a full disk (a small tmpfs mounted for the test).
 * Every refusal is one clear sentence with exit 1 — no stack trace, no SQLite text — nothing is lost
 * (the vault still opens afterwards with what it held before, or with everything a completed
 * command added, never half of it), and no half-written output or `*.tmp` file is left behind.
 *
 * Permissions do not apply to root, so the read-only cases run keepsake as the unprivileged user
 * `nobody` (setpriv, else runuser); the full-disk cases need root to mount a tmpfs. Each case that
 * cannot be set up here is skipped with the reason.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readFileSync, statfsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { ss58Encode } from '../../src/keys/address.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { vaultClose, vaultOpen } from '../../src/vault/open.js';
import { addressAdd } from '../../src/wallet/addressBook.js';
import { backupExport } from '../../src/wallet/backup/export.js';
import { restoreFiles } from '../../src/wallet/restore.js';
import { BIN, type CliResult } from '../support/cli.js';
import { spawnedResult } from './spawned.js';

const PW = 'storage-Secret-pw-5';
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const NOBODY = 65534;

type As = 'self' | 'nobody';

const IS_ROOT = process.getuid?.() === 0;
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));

/** How to run a command as an unprivileged user, or why that is not possible here. */
function unprivileged(): { prefix: string[] } | { reason: string } {
  if (!IS_ROOT) return { prefix: [] }; // already unprivileged: permissions apply as they are
  if (SETPRIV) return { prefix: [SETPRIV, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] };
  if (RUNUSER) return { prefix: [RUNUSER, '-u', 'nobody', '--'] };
  return { reason: 'running as root without setpriv or runuser: root ignores file permissions, so read-only storage cannot be tested' };
}

let dir: string;
let pwFile: string;
let files: { path: string; publicKey: string; address: string }[] = [];
let backupFile: string;
let backupAccounts: string[] = [];
let nobody: { prefix: string[] } | { reason: string } = unprivileged();

function run(args: string[], options: { as?: As; cwd?: string } = {}): Promise<CliResult> {
  const prefix = options.as === 'nobody' && 'prefix' in nobody ? nobody.prefix : [];
  const argv = [...prefix, process.execPath, BIN, ...args];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: options.cwd ?? dir,
    env: { ...process.env, HOME: dir, NO_COLOR: '1', KEEPSAKE_DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return spawnedResult(child);
}

/**
 * A refusal: exit 1, one sentence on stderr that says what is wrong, no stack, no SQLite text.
 * Returns that sentence. `notes`: the command may print notices before it (export-all explains what
 * its password locks before asking for it); the refusal is then the last line.
 */
function expectRefused(r: CliResult, reason: RegExp, options: { notes?: boolean } = {}): string {
  const what = `exit ${r.code}; stdout: ${r.stdout.slice(0, 300)}; stderr: ${r.stderr.slice(0, 600)}`;
  expect(r.signal, what).toBeNull();
  expect(r.code, what).toBe(1);
  for (const text of [r.stdout, r.stderr]) {
    expect(text, what).not.toMatch(/^\s+at /m);
    expect(text, what).not.toMatch(/SQLITE_|sqlite3?_|Unexpected error|InternalError|ENOSPC|EACCES|EROFS/);
  }
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  if (options.notes) expect(lines.length, what).toBeGreaterThanOrEqual(1);
  else expect(lines, what).toHaveLength(1);
  let line = lines[lines.length - 1]!;
  if (line.startsWith('{')) {
    // --json: the error document; its message is the sentence.
    const doc = JSON.parse(line) as { error: { name: string; message: string } };
    expect(doc.error.name, what).toMatch(/^(VaultUnavailableError|VaultBusyError|FileWriteError)$/);
    expect(r.stdout, what).toBe('');
    line = `keepsake: ${doc.error.message}`;
  }
  expect(line, what).toMatch(/^keepsake: /);
  expect(line, what).toMatch(reason);
  expect(line, what).toMatch(/nothing was changed/);
  return line;
}

/** The accounts (public keys, hex, sorted), the address count and SQLite's integrity verdict, read as root/owner straight from the file. */
function vaultState(vault: string): { integrity: string; accounts: string[]; addresses: number } {
  const db = new Database(vault, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      accounts: (db.prepare('SELECT public_key FROM accounts').all() as { public_key: Buffer }[]).map((r) => `0x${r.public_key.toString('hex')}`).sort(),
      addresses: (db.prepare('SELECT count(*) AS n FROM addresses').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** `account list --json` must work and show exactly these public keys. */
async function expectAccounts(vault: string, publicKeys: string[], as: As = 'self'): Promise<void> {
  const r = await run(['--vault', vault, 'account', 'list', '--json'], { as });
  expect(r.code, r.stderr).toBe(0);
  expect((JSON.parse(r.stdout) as { publicKey: string }[]).map((a) => a.publicKey).sort()).toEqual([...publicKeys].sort());
}

async function tempFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((n) => n.endsWith('.tmp'));
}

/** A folder the unprivileged user owns (root chowns it; an unprivileged run owns it already). */
async function userDir(name: string): Promise<string> {
  const d = join(dir, name);
  await mkdir(d);
  if (IS_ROOT) chownSync(d, NOBODY, NOBODY);
  chmodSync(d, 0o755);
  return d;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-hostile-storage-'));
  chmodSync(dir, 0o755); // the unprivileged user must reach the files inside
  pwFile = join(dir, 'pw.txt');
  await writeFile(pwFile, `${PW}\n`, { mode: 0o644 });
  for (let i = 0; i < 10; i++) {
    const pair = await pairFromSuri(`${PHRASE}//storage//${i}`, i % 3 === 2 ? 'ed25519' : 'sr25519');
    const json = await polkadotJsWrite(pair, PW, { meta: { name: `Storage ${i}` }, params: SCRYPT_COMPAT });
    const path = join(dir, `file-${i}.json`);
    await writeFile(path, JSON.stringify(json), { mode: 0o644 });
    files.push({ path, publicKey: bytesToHex(pair.publicKey), address: String(json['address']) });
  }
  // A whole-wallet backup of 4 of those accounts and 40 addresses (made with the library).
  const source = vaultOpen(join(dir, 'source.sqlite'));
  try {
    await restoreFiles(
      source,
      files.slice(6, 10).map((f, i) => ({ file: `f${i}`, text: readFileSync(f.path, 'utf8') })),
      PW,
    );
    for (let i = 0; i < 40; i++) addressAdd(source, { address: ss58Encode(new Uint8Array(32).fill(i + 1), 0), name: `Shop ${i}`, note: 'n'.repeat(200) });
    backupFile = join(dir, 'backup.json');
    await writeFile(backupFile, (await backupExport(source, PW)).json, { mode: 0o644 });
    backupAccounts = files.slice(6, 10).map((f) => f.publicKey);
  } finally {
    vaultClose(source);
  }
  if ('prefix' in nobody && IS_ROOT) {
    // The unprivileged user must be able to run node and read keepsake's files.
    try {
      execFileSync(nobody.prefix[0]!, [...nobody.prefix.slice(1), process.execPath, BIN, '--version'], { stdio: 'pipe' });
    } catch (err) {
      nobody = { reason: `the unprivileged user cannot run keepsake here (${(err as Error).message.split('\n')[0]})` };
    }
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('read-only storage (keepsake run as an unprivileged user)', () => {
  /** A vault owned by the unprivileged user, holding files 0 and 1. */
  async function userVault(name: string): Promise<{ folder: string; vault: string }> {
    const folder = await userDir(name);
    const vault = join(folder, 'vault.sqlite');
    const r = await run(['--vault', vault, 'restore', files[0]!.path, files[1]!.path, '--password-file', pwFile], { as: 'nobody' });
    expect(r.code, r.stderr).toBe(0);
    return { folder, vault };
  }
  const before = () => [files[0]!.publicKey, files[1]!.publicKey];

  it('vault in a read-only folder (0555): restore is refused with one sentence; the vault keeps its accounts', async (ctx) => {
    ctx.skip('reason' in nobody, 'reason' in nobody ? nobody.reason : '');
    const { folder, vault } = await userVault('ro-folder');
    chmodSync(folder, 0o555);
    try {
      expectRefused(await run(['--vault', vault, 'restore', files[2]!.path, '--password-file', pwFile], { as: 'nobody' }), /read-only|permission/);
      expectRefused(await run(['--vault', vault, 'restore', files[3]!.path, '--password-file', pwFile, '--json'], { as: 'nobody' }), /read-only|permission/);
      expect(vaultState(vault)).toEqual({ integrity: 'ok', accounts: before().sort(), addresses: 0 });
    } finally {
      chmodSync(folder, 0o755);
    }
    await expectAccounts(vault, before(), 'nobody');
    expect(await tempFiles(folder)).toEqual([]);
  });

  it('vault file read-only (0444): restore is refused with one sentence; the vault keeps its accounts', async (ctx) => {
    ctx.skip('reason' in nobody, 'reason' in nobody ? nobody.reason : '');
    const { vault } = await userVault('ro-file');
    chmodSync(vault, 0o444);
    expectRefused(await run(['--vault', vault, 'restore', files[2]!.path, '--password-file', pwFile], { as: 'nobody' }), /read-only|permission/);
    expectRefused(await run(['--vault', vault, 'account', 'rename', files[0]!.address, 'New name'], { as: 'nobody' }), /read-only|permission/);
    expect(vaultState(vault)).toEqual({ integrity: 'ok', accounts: before().sort(), addresses: 0 });
    chmodSync(vault, 0o600);
    await expectAccounts(vault, before(), 'nobody');
  });

  it('a new vault in a read-only folder: refused with one sentence, no vault file created', async (ctx) => {
    ctx.skip('reason' in nobody, 'reason' in nobody ? nobody.reason : '');
    const folder = await userDir('ro-new');
    chmodSync(folder, 0o555);
    try {
      expectRefused(
        await run(['--vault', join(folder, 'vault.sqlite'), 'restore', files[2]!.path, '--password-file', pwFile], { as: 'nobody' }),
        /permission|read-only/,
      );
      expect(await readdir(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('output into a read-only folder: account export, export-all and backup export say so; no file and no *.tmp is left', async (ctx) => {
    ctx.skip('reason' in nobody, 'reason' in nobody ? nobody.reason : '');
    const { vault } = await userVault('ro-out-vault');
    const out = await userDir('ro-out');
    chmodSync(out, 0o555);
    try {
      for (const args of [
        ['account', 'export', files[0]!.address, '--out', join(out, 'one.json'), '--password-file', pwFile, '--kdf', 'compat'],
        ['account', 'export-all', '--out', join(out, 'all.json'), '--password-file', pwFile, '--kdf', 'compat'],
        ['backup', 'export', '--out', join(out, 'backup.json'), '--password-file', pwFile],
      ]) {
        const line = expectRefused(await run(['--vault', vault, ...args], { as: 'nobody' }), /permission was denied|read-only/, { notes: true });
        expect(line).toContain(out);
        expect(await readdir(out)).toEqual([]);
      }
    } finally {
      chmodSync(out, 0o755);
    }
    expect(vaultState(vault)).toEqual({ integrity: 'ok', accounts: before().sort(), addresses: 0 });
  });
});

describe('a full disk (a small tmpfs mounted for the test)', () => {
  let mnt: string | undefined;
  let mountError = '';
  /** A vault holding files 0 and 1, made on the ordinary disk and copied onto the tmpfs for each case. */
  let template: string;

  beforeAll(async () => {
    template = join(dir, 'template.sqlite');
    const r = await run(['--vault', template, 'restore', files[0]!.path, files[1]!.path, '--password-file', pwFile]);
    expect(r.code, r.stderr).toBe(0);
    if (!IS_ROOT) {
      mountError = 'not running as root, so no file system can be mounted';
      return;
    }
    const target = join(dir, 'tmpfs');
    await mkdir(target);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0755', 'tmpfs', target], { stdio: 'pipe' });
      mnt = target;
    } catch (err) {
      mountError = `mount -t tmpfs is not permitted here (${
        String((err as { stderr?: unknown }).stderr ?? (err as Error).message)
          .trim()
          .split('\n')[0]
      })`;
    }
  });

  afterAll(() => {
    if (mnt) execFileSync('umount', ['-l', mnt], { stdio: 'pipe' });
  });

  /** Empties the tmpfs and puts a copy of the template vault on it. */
  async function freshVault(): Promise<string> {
    for (const name of await readdir(mnt!)) await rm(join(mnt!, name), { recursive: true, force: true });
    const vault = join(mnt!, 'vault.sqlite');
    await copyFile(template, vault);
    chmodSync(vault, 0o600);
    return vault;
  }

  /** Fills the tmpfs until only `leaveBytes` are free (in whole 4 KiB pages, as tmpfs counts). */
  async function fill(leaveBytes: number): Promise<string> {
    const s = statfsSync(mnt!);
    const free = s.bavail * s.bsize;
    const filler = join(mnt!, 'filler');
    const size = Math.max(0, free - leaveBytes);
    await writeFile(filler, Buffer.alloc(size));
    // A last partial page, if any, so that nothing but `leaveBytes` remains.
    if (leaveBytes === 0) {
      try {
        await writeFile(filler, Buffer.alloc(4096), { flag: 'a' });
      } catch {
        // ENOSPC: full, as wanted
      }
    }
    return filler;
  }

  const before = () => [files[0]!.publicKey, files[1]!.publicKey].sort();

  it('disk completely full: restore and backup import are refused with one sentence; once space is freed the vault has its accounts', async (ctx) => {
    ctx.skip(mnt === undefined, mountError);
    const vault = await freshVault();
    const filler = await fill(0);
    expectRefused(await run(['--vault', vault, 'restore', ...files.slice(2, 6).map((f) => f.path), '--password-file', pwFile]), /disk is full|failing/);
    expectRefused(await run(['--vault', vault, 'backup', 'import', backupFile, '--password-file', pwFile]), /disk is full|failing/);
    await rm(filler);
    expect(vaultState(vault)).toEqual({ integrity: 'ok', accounts: before(), addresses: 0 });
    await expectAccounts(vault, before());
  });

  it('disk nearly full (free space from 4 KiB to 160 KiB): restore and backup import complete or are refused; the vault holds before or after, never between', async (ctx) => {
    ctx.skip(mnt === undefined, mountError);
    const afterRestore = [...before(), ...files.slice(2, 6).map((f) => f.publicKey)].sort();
    const afterImport = [...new Set([...before(), ...backupAccounts])].sort();
    const outcomes: string[] = [];
    for (const kib of [4, 12, 20, 28, 36, 44, 52, 60, 72, 96, 128, 160]) {
      for (const command of ['restore', 'backup import'] as const) {
        const vault = await freshVault();
        const filler = await fill(kib * 1024);
        const args =
          command === 'restore'
            ? ['--vault', vault, 'restore', ...files.slice(2, 6).map((f) => f.path), '--password-file', pwFile]
            : ['--vault', vault, 'backup', 'import', backupFile, '--password-file', pwFile];
        const r = await run(args);
        if (r.code !== 0) expectRefused(r, /disk is full|failing/);
        await rm(filler);
        const state = vaultState(vault);
        expect(state.integrity, `${command} with ${kib} KiB free`).toBe('ok');
        const done = command === 'restore' ? { accounts: afterRestore, addresses: 0 } : { accounts: afterImport, addresses: 40 };
        const expected = r.code === 0 ? done : { accounts: before(), addresses: 0 };
        expect({ accounts: state.accounts, addresses: state.addresses }, `${command} with ${kib} KiB free: exit ${r.code}`).toEqual(expected);
        await expectAccounts(vault, expected.accounts);
        outcomes.push(`${command}@${kib}KiB:${r.code === 0 ? 'done' : 'refused'}`);
      }
    }
    if (process.env['HOSTILE_VERBOSE']) console.log(outcomes.join(' '));
    // The sizes must cover both outcomes, or the boundary was never crossed.
    expect(
      outcomes.some((o) => o.endsWith('refused')),
      outcomes.join(' '),
    ).toBe(true);
    expect(
      outcomes.some((o) => o.endsWith('done')),
      outcomes.join(' '),
    ).toBe(true);
  });

  it('output to a full disk: account export, export-all and backup export say the disk is full; no half-written file, no *.tmp', async (ctx) => {
    ctx.skip(mnt === undefined, mountError);
    const vault = join(dir, 'out-vault.sqlite');
    await copyFile(template, vault);
    for (const name of await readdir(mnt!)) await rm(join(mnt!, name), { recursive: true, force: true });
    for (const leave of [0, 2048]) {
      const filler = await fill(leave);
      for (const args of [
        ['account', 'export', files[0]!.address, '--out', join(mnt!, 'one.json'), '--password-file', pwFile, '--kdf', 'compat'],
        ['account', 'export-all', '--out', join(mnt!, 'all.json'), '--password-file', pwFile, '--kdf', 'compat'],
        ['backup', 'export', '--out', join(mnt!, 'backup.json'), '--password-file', pwFile],
      ]) {
        const r = await run(['--vault', vault, ...args]);
        if (r.code === 0) continue; // small enough to fit in what was left: it must then be whole
        const line = expectRefused(r, /disk is full/, { notes: true });
        expect(line).toContain(mnt!);
        expect((await readdir(mnt!)).filter((n) => n !== 'filler')).toEqual([]);
      }
      for (const name of (await readdir(mnt!)).filter((n) => n !== 'filler')) JSON.parse(readFileSync(join(mnt!, name), 'utf8'));
      expect(await tempFiles(mnt!)).toEqual([]);
      await rm(filler);
    }
    expect(vaultState(vault)).toEqual({ integrity: 'ok', accounts: before(), addresses: 0 });
  });
});
