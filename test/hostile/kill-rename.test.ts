/**
 * `account rename` killed with SIGKILL at random moments (issue 8, "Kill tests"; restore, export and
 * backup import have theirs in test/e2e/account/crash.test.ts and test/e2e/backup/crash.test.ts): the vault
 * always opens, passes SQLite's integrity check, and the account has either its old name or its new
 * one — never anything else — with the name in its stored file matching.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { BIN } from '../support/cli.js';

const PW = 'kill-rename-pw-3';
let dir: string;
let vault: string;
let address: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keepsake-kill-rename-'));
  vault = join(dir, 'vault.sqlite');
  const pair = await pairFromSuri('//Renamed', 'sr25519');
  const file = join(dir, 'a.json');
  writeFileSync(file, JSON.stringify(await polkadotJsWrite(pair, PW, { meta: { name: 'name-0' }, params: SCRYPT_COMPAT })));
  writeFileSync(join(dir, 'pw'), PW);
  const r = spawnSync('node', [BIN, '--vault', vault, 'restore', file, '--password-file', join(dir, 'pw'), '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  address = (JSON.parse(r.stdout) as { restored: { address: string }[] }).restored[0]!.address;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function state(): { name: string; fileName: string; integrity: string } {
  const db = new Database(vault, { readonly: true });
  try {
    const row = db.prepare('SELECT name, file_json FROM accounts').get() as { name: string; file_json: string };
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    return { name: row.name, fileName: (JSON.parse(row.file_json) as { meta: { name: string } }).meta.name, integrity };
  } finally {
    db.close();
  }
}

it('a rename killed at any moment leaves the old name or the new one, in the row and in its stored file', async () => {
  let current = 'name-0';
  for (let i = 1; i <= 12; i++) {
    const next = `name-${i}`;
    const child = spawn('node', [BIN, '--vault', vault, 'account', 'rename', address, next], { stdio: 'ignore' });
    // Listen before killing: a rename can finish before the kill, and its exit must not be missed.
    const exited = new Promise((r) => child.once('exit', r));
    // Spread the kills over start-up, the transaction and the exit (a rename takes ~100–200 ms).
    const delay = 40 + Math.floor(Math.random() * 220);
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await exited;
    const s = state();
    expect(s.integrity).toBe('ok');
    expect([current, next], `kill ${i} after ${delay} ms`).toContain(s.name);
    expect(s.fileName, 'the name inside the stored file follows the row').toBe(s.name);
    current = s.name;
  }
  // The vault still works normally afterwards.
  const r = spawnSync('node', [BIN, '--vault', vault, 'account', 'list', '--json'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect((JSON.parse(r.stdout) as { name: string }[])[0]!.name).toBe(current);
});
