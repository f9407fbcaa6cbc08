/**
 * The wrong-PIN count cannot be got around (issue 11 items 5 and 6).
 *
 * Security review #3 / item 5: wrong PINs tried in parallel must not get past the PIN delay.
 *
 * Ten `identity show-phrase` processes with wrong PINs and one with the right PIN start on one vault
 * at the same moment. Each reads its PIN from its own named pipe, and the test writes the PINs only
 * once all eleven processes hold their pipe open, so all of them reach the PIN check together (a
 * burst, as the review ran it). A sequential guesser gets three free tries and a fourth that starts
 * the first delay (src/wallet/identity.ts pinDelaySeconds), so at most ALLOWED = 4 PINs may be
 * checked; every other process must be refused before its KDF with PinLockedError (exit 1, as in
 * test/e2e/identity/pin.test.ts), and the right PIN shows the phrase only if it was one of the four.
 *
 * Security review #4(b) / item 6: a backup whose sealed identity differs only in JSON key order (or
 * that leaves out the count) is recognised as the identity already in the vault, which keeps its
 * count and delay; a restored identity brings its count along.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/formats/json.js';
import { keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupWrite } from '../../src/formats/keepsake-backup.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { EXIT, sandbox, type CliResult } from '../support/cli.js';

const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const PIN = '135790';
const WRONG = Array.from({ length: 10 }, (_, i) => `99999${i}`);
/** Three free wrong PINs, and the fourth, which starts the first delay: what a sequential user gets before a wait. */
const ALLOWED = 4;

/** Opens the pipe for writing once its reader (the CLI reading --pin-file) has opened it. */
async function whenRead(fifo: string): Promise<number> {
  for (let i = 0; i < 6000; i++) {
    try {
      return openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENXIO') throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  throw new Error(`no process opened ${fifo}`);
}

type Outcome = { pin: string; kind: 'shown' | 'wrong' | 'locked'; attempt: number | null; result: CliResult };

function outcomeOf(pin: string, result: CliResult): Outcome {
  const what = `PIN ${pin === PIN ? 'right' : 'wrong'} → exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  expect(result.stderr, what).not.toMatch(/^\s+at /m);
  expect(result.stderr, what).not.toContain(pin);
  if (result.code === EXIT.ok) return { pin, kind: 'shown', attempt: null, result };
  expect(result.stdout, what).toBe('');
  expect(result.stdout + result.stderr, what).not.toContain('legal winner thank');
  const error = (JSON.parse(result.stderr.trim()) as { error: { name: string; message: string } }).error;
  if (error.name === 'PinLockedError') {
    expect(result.code, what).toBe(EXIT.failed);
    return { pin, kind: 'locked', attempt: null, result };
  }
  expect(error.name, what).toBe('WrongPinError');
  expect(result.code, what).toBe(EXIT.wrongPassword);
  // The message says where in the row of wrong PINs this try was counted.
  const free = /after (\d+) more wrong PIN/.exec(error.message);
  const counted = /wrong PIN number (\d+) in a row/.exec(error.message);
  expect(free ?? counted, what).not.toBeNull();
  return { pin, kind: 'wrong', attempt: counted ? Number(counted[1]) : ALLOWED - Number(free![1]), result };
}

describe('wrong PINs in parallel (security review #3)', () => {
  it(`10 wrong PINs and the right one at once: at most ${ALLOWED} are checked, the rest refused as locked, and the count in the vault is right`, async () => {
    const box = await sandbox();
    const pin = await box.secret('pin', PIN);
    const phrase = await box.secret('phrase', PHRASE);
    const created = await box.run(['identity', 'recover', '--name', 'Race', '--mnemonic-file', phrase, '--pin-file', pin, '--json']);
    expect(created.code, created.stderr).toBe(EXIT.ok);

    const pins = [...WRONG.slice(0, 5), PIN, ...WRONG.slice(5)];
    const fifos = pins.map((_, i) => box.path(`pin-${i}.fifo`));
    execFileSync('mkfifo', ['-m', '600', ...fifos]);
    const runs = fifos.map((fifo) => box.start(['identity', 'show-phrase', 'Race', '--pin-file', fifo, '--json']).done);
    // Every process is waiting for its PIN: hand them out together.
    const fds = [];
    for (const fifo of fifos) fds.push(await whenRead(fifo));
    fds.forEach((fd, i) => {
      writeSync(fd, `${pins[i]}\n`);
      closeSync(fd);
    });
    const outcomes = (await Promise.all(runs)).map((r, i) => outcomeOf(pins[i]!, r));

    const checked = outcomes.filter((o) => o.kind !== 'locked');
    const report = outcomes.map((o) => `${o.pin === PIN ? 'right' : 'wrong'}:${o.kind}${o.attempt === null ? '' : `#${o.attempt}`}`).join(' ');
    expect(checked.length, `PINs checked in one burst: ${report}`).toBe(ALLOWED);
    expect(outcomes.filter((o) => o.kind === 'locked')).toHaveLength(pins.length - ALLOWED);
    const right = outcomes.find((o) => o.pin === PIN)!;
    expect(right.kind, report).not.toBe('wrong');
    for (const o of outcomes) if (o.pin !== PIN) expect(o.kind, report).not.toBe('shown');
    if (right.kind === 'shown') expect((JSON.parse(right.result.stdout) as { mnemonic: string }).mnemonic).toBe(PHRASE);

    // The counted tries are distinct places in one row of tries 1…ALLOWED (the right one takes the place left over).
    const wrongAttempts = checked.filter((o) => o.kind === 'wrong').map((o) => o.attempt!);
    expect(new Set(wrongAttempts).size, report).toBe(wrongAttempts.length);
    for (const n of wrongAttempts) expect(n, report).toBeLessThanOrEqual(ALLOWED);

    const db = new Database(box.vault, { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT failed_attempts, locked_until FROM identities').get() as { failed_attempts: number; locked_until: number };
    db.close();
    if (right.kind === 'shown') {
      // The right PIN undid the tries counted up to its own; the wrong ones counted after it stay, below the delay.
      const own = [1, 2, 3, 4].find((n) => !wrongAttempts.includes(n))!;
      expect(row, report).toEqual({ failed_attempts: wrongAttempts.filter((n) => n > own).length, locked_until: 0 });
    } else {
      expect(row.failed_attempts, report).toBe(ALLOWED);
      expect(row.locked_until, 'the fourth wrong PIN starts a delay').toBeGreaterThan(0);
      // Locked: even the right PIN is refused now, and the refusal is not counted.
      const again = await box.run(['identity', 'show-phrase', 'Race', '--pin-file', pin, '--json']);
      expect(outcomeOf(PIN, again).kind).toBe('locked');
    }
  });
});

describe('the wrong-PIN count survives a re-import (security review #4(b))', () => {
  type Row = { name: string; failed_attempts: number; locked_until: number };
  const rows = (vault: string): Row[] => {
    const db = new Database(vault, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT name, failed_attempts, locked_until FROM identities ORDER BY id').all() as Row[];
    } finally {
      db.close();
    }
  };
  /** The same object with its keys in reverse order, all the way down. */
  const reordered = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reordered(x)]),
        )
      : v;

  /** A vault with "Main" at nine wrong PINs and locked for an hour (the state the review prepared), and its backup. */
  async function lockedMain() {
    const box = await sandbox();
    const pin = await box.secret('pin', PIN);
    const backupPw = await box.secret('backup-pw', 'backup-pw-123');
    const created = await box.run([
      'identity',
      'recover',
      '--name',
      'Main',
      '--mnemonic-file',
      await box.secret('phrase', PHRASE),
      '--pin-file',
      pin,
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(EXIT.ok);
    const lockedUntil = Date.now() + 3_600_000;
    const db = new Database(box.vault);
    db.prepare('UPDATE identities SET failed_attempts = 9, locked_until = ?').run(lockedUntil);
    db.close();
    const out = box.path('backup.json');
    const exported = await box.run(['backup', 'export', '--out', out, '--password-file', backupPw, '--json']);
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    return { box, pin, backupPw, out, lockedUntil };
  }

  it('a backup whose sealed identity differs only in key order is reported present: no second identity, the count and delay kept', async () => {
    const { box, pin, backupPw, out } = await lockedMain();
    const before = rows(box.vault);
    const payload = await keepsakeBackupOpen(keepsakeBackupParse(JSON.parse(await readFile(out, 'utf8')) as JsonObject), 'backup-pw-123');
    const identity = (payload['identities'] as JsonObject[])[0]!;
    // The review's clone: the same sealed box with its keys reordered (and, as an older backup, no count).
    const clone = { name: identity['name'], sealed: reordered(identity['sealed']), createdAt: identity['createdAt'] };
    expect(JSON.stringify(clone.sealed)).not.toBe(JSON.stringify(identity['sealed']));
    const reimport = await box.write(
      'reimport.json',
      await keepsakeBackupWrite({ ...payload, identities: [clone] }, 'backup-pw-123', { params: SCRYPT_COMPAT }),
    );

    const imported = await box.run(['backup', 'import', reimport, '--password-file', backupPw, '--json']);
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    const report = JSON.parse(imported.stdout) as { items: { kind: string; status: string; presentAs: string | null }[] };
    expect(report.items).toEqual([expect.objectContaining({ kind: 'identity', status: 'present', presentAs: 'Main' })]);
    expect(rows(box.vault)).toEqual(before);
    const locked = await box.run(['identity', 'show-phrase', 'Main', '--pin-file', pin, '--json']);
    expect(outcomeOf(PIN, locked).kind).toBe('locked');
  });

  it('restored into a fresh vault, an identity brings its count and delay along (it does not start fresh)', async () => {
    const { box, backupPw, out, lockedUntil } = await lockedMain();
    const fresh = box.path('fresh.sqlite');
    const restored = await box.run(['--vault', fresh, 'backup', 'import', out, '--password-file', backupPw, '--json'], { noVaultFlag: true });
    expect(restored.code, restored.stderr).toBe(EXIT.ok);
    expect(rows(fresh)).toEqual([{ name: 'Main', failed_attempts: 9, locked_until: lockedUntil }]);
  });
});
