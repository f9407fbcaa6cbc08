/**
 * A killed import leaves the vault as before or as after, never between (DESIGN.md
 * "Non-negotiables"; issue 5 "How it is checked": "an import killed mid-way leaves the vault as
 * before"). A large backup — 2 identities, 300 accounts, 300 addresses, built once with the library
 * functions of `src/wallet` — is imported with the CLI into a vault that already holds a few
 * entries, and the process is SIGKILLed at moments spread over its run. Every time, the vault must
 * open, pass SQLite's integrity check, and hold exactly what it held before or exactly what an
 * undisturbed import gives.
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ss58Encode } from '../../../src/keys/address.js';
import { vaultClose, vaultOpen } from '../../../src/vault/open.js';
import { addressAdd } from '../../../src/wallet/addressBook.js';
import { backupExport } from '../../../src/wallet/backup/export.js';
import { identityDerive } from '../../../src/wallet/identity/derive.js';
import { identityRecover } from '../../../src/wallet/identity/create.js';
import { sandbox, type Sandbox, type CliResult, EXIT, type ImportJson, okJson, vaultIntegrity } from '../../support/cli.js';
import { concordiumAddress } from '../../support/concordium.js';

const BACKUP_PW = 'crash-Backup-pw-1';
const PIN = 'crash-pin-22';
const ACCOUNTS = 300;
const ADDRESSES = 300;
const KILLS = 8;
/** A cheap PIN KDF for building the source vault quickly (IdentityTuning); the import does not derive it. */
const FAST_PIN = { N: 1 << 10, r: 8, p: 1 };

let t: Sandbox & { remove: () => Promise<void> };
let backupFile: string;
let pwFile: string;
/** The target vault before any import (a template), and what it holds then and after a whole import. */
let targetTemplate: string;
let before: Snapshot;
let after: Snapshot;
let fullRunMs = 0;
/** When, in the undisturbed run, SQLite first wrote to the vault's write-ahead log (the import's transaction). */
let firstWriteMs = 0;

type Snapshot = { identities: unknown[]; accounts: unknown[]; addresses: unknown[]; concordium: unknown[]; settings: unknown[] };

/**
 * What the vault holds, read straight from the file, without the columns that record when a row
 * was written (a whole import done twice writes the same rows at different times).
 */
function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = (table: string) =>
      (db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => !k.endsWith('_at'))
            .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v]),
        ),
      );
    return {
      identities: rows('identities'),
      accounts: rows('accounts'),
      addresses: rows('addresses'),
      concordium: rows('concordium_items'),
      settings: db.prepare('SELECT * FROM settings ORDER BY key').all(),
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  t = await sandbox({ manual: true });
  pwFile = await t.secret('pw.txt', BACKUP_PW);

  // The source vault, built with the library (what the CLI calls).
  const source = vaultOpen(t.path('source.sqlite'));
  try {
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    await identityRecover(source, { name: 'Main', mnemonic: phrase, pin: PIN, pinKdf: FAST_PIN });
    await identityRecover(source, {
      name: 'Second',
      mnemonic: 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above',
      pin: PIN,
      pinKdf: FAST_PIN,
    });
    for (let i = 0; i < ACCOUNTS; i++) {
      await identityDerive(source, i % 2 === 0 ? 'Main' : 'Second', {
        pin: PIN,
        network: i % 3 === 0 ? 'kusama' : 'polkadot',
        path: `//crash//${i}`,
        type: i % 5 === 0 ? 'ed25519' : 'sr25519',
        name: `Crash account ${i}`,
      });
    }
    for (let i = 0; i < ADDRESSES; i++) {
      const address = i % 10 === 0 ? concordiumAddress() : ss58Encode(randomBytes(32), i % 2 === 0 ? 0 : 2);
      addressAdd(source, { address, name: `Crash address ${i}`, note: `note ${i}` });
    }
    const { json, counts } = await backupExport(source, BACKUP_PW);
    expect(counts).toEqual({ identities: 2, accounts: ACCOUNTS, addresses: ADDRESSES });
    backupFile = t.path('large-backup.json');
    await writeFile(backupFile, json);
  } finally {
    vaultClose(source);
  }

  // The target already holds something of its own.
  targetTemplate = t.path('target.sqlite');
  const target = vaultOpen(targetTemplate);
  try {
    addressAdd(target, { address: ss58Encode(randomBytes(32), 42), name: 'Already here' });
    addressAdd(target, { address: concordiumAddress(), name: 'Also here' });
  } finally {
    vaultClose(target);
  }
  before = snapshot(targetTemplate);

  // One undisturbed import: what "after" is, and how long a whole run takes here.
  const whole = t.path('whole.sqlite');
  await t.copyVault(targetTemplate, 'whole.sqlite');
  const started = Date.now();
  const { child, done } = t.start(['backup', 'import', backupFile, '--password-file', pwFile, '--json'], { vault: whole });
  const watch = watchWal(whole, () => (firstWriteMs = Date.now() - started));
  const report = okJson<ImportJson>(await done);
  watch.stop();
  fullRunMs = Date.now() - started;
  expect(child.exitCode).toBe(0);
  if (firstWriteMs === 0) firstWriteMs = fullRunMs * 0.8;
  expect(report.items.filter((i) => i.status === 'imported')).toHaveLength(2 + ACCOUNTS + ADDRESSES);
  after = snapshot(whole);
  expect(after.accounts).toHaveLength(ACCOUNTS);
  expect(after.addresses).toHaveLength(ADDRESSES + 2);
});

afterAll(async () => {
  await t?.remove();
});

/** Size of `<vault>-wal` (-1 when absent). */
function walSize(vault: string): number {
  try {
    return statSync(`${vault}-wal`).size;
  } catch {
    return -1;
  }
}

/**
 * Calls `onWrite` once, as soon as the vault's write-ahead log holds a frame (past its 32-byte
 * header): SQLite is writing the import's transaction (opening the vault writes nothing).
 */
function watchWal(vault: string, onWrite: () => void): { stop: () => void } {
  const timer = setInterval(() => {
    if (walSize(vault) > 32) {
      clearInterval(timer);
      onWrite();
    }
  }, 1);
  return { stop: () => clearInterval(timer) };
}

/**
 * Starts an import and SIGKILLs it: after `delayMs`, or (`onWrite`) a random 0–5 ms after SQLite
 * starts writing the import's transaction to the log — the moment that matters most.
 */
async function killDuring(
  b: Sandbox,
  vault: string,
  when: { delayMs: number } | { onWrite: true },
): Promise<{ killed: boolean; result: CliResult; label: string }> {
  const { child, done } = b.start(['backup', 'import', backupFile, '--password-file', pwFile, '--json'], { vault });
  let label: string;
  let timer: NodeJS.Timeout | undefined;
  let watch: { stop: () => void } | undefined;
  if ('delayMs' in when) {
    label = `${when.delayMs}ms`;
    timer = setTimeout(() => child.kill('SIGKILL'), when.delayMs);
  } else {
    const extra = Math.floor(Math.random() * 6);
    label = `write+${extra}ms`;
    watch = watchWal(vault, () => (timer = setTimeout(() => child.kill('SIGKILL'), extra)));
  }
  const result = await done;
  clearTimeout(timer);
  watch?.stop();
  return { killed: result.signal === 'SIGKILL', result, label };
}

describe('crash safety of backup import', () => {
  it(`an import of ${ACCOUNTS} accounts and ${ADDRESSES} addresses SIGKILLed at ${KILLS} moments leaves the vault as before or as after`, async () => {
    const outcomes: string[] = [];
    let reran = false;
    for (let i = 0; i < KILLS; i++) {
      const b = await sandbox();
      const vault = await b.copyVault(targetTemplate);
      // Half the kills at moments spread around the transaction of the undisturbed run, half triggered by the writes themselves.
      const when = i % 2 === 1 ? { onWrite: true as const } : { delayMs: Math.round(firstWriteMs * (0.5 + ((i / 2 + Math.random()) / (KILLS / 2)) * 0.7)) };
      const { killed, result, label: delay } = await killDuring(b, vault, when);
      if (!killed) expect(result.code, result.stderr).toBe(EXIT.ok);
      expect(vaultIntegrity(vault)).toBe('ok');
      const now = snapshot(vault);
      const state = JSON.stringify(now) === JSON.stringify(before) ? 'before' : JSON.stringify(now) === JSON.stringify(after) ? 'after' : 'between';
      outcomes.push(`${delay}:${killed ? 'killed' : 'finished'}:${state}(${now.accounts.length}/${now.addresses.length})`);
      expect(state, `killed at ${delay}: ${now.accounts.length} accounts, ${now.addresses.length} addresses, ${now.identities.length} identities`).not.toBe(
        'between',
      );
      if (!killed) expect(state).toBe('after');
      // The vault opens for the next command; once, the import is run again to the end.
      const list = okJson<unknown[]>(await b.run(['address', 'list', '--json'], { vault }));
      expect(list).toHaveLength(now.addresses.length);
      if (!reran && (state === 'before' || i === KILLS - 1)) {
        reran = true;
        const again = okJson<ImportJson>(await b.run(['backup', 'import', backupFile, '--password-file', pwFile, '--json'], { vault }));
        expect(again.items).toHaveLength(2 + ACCOUNTS + ADDRESSES);
        expect(snapshot(vault)).toEqual(after);
      }
    }
    if (process.env['E2E_BACKUP_VERBOSE']) console.log(`first write at ${firstWriteMs} ms of ${fullRunMs} ms: ${outcomes.join(' ')}`);
    // Most runs must really have been interrupted, or the test proves nothing.
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(KILLS / 2);
  });
});
