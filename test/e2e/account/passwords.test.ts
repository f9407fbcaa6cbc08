/**
 * Issue 12 items 2 and 3: files and batch entries under passwords of their own.
 *
 * - `verify` of an extension batch whose entry keeps its own password reports that entry as locked
 *   and exits 0 (it restores, unchecked); further lines of `--password-file` are tried on it.
 * - `restore` of several files with different passwords: each line of the password file is tried on
 *   every file the lines before did not open; on a terminal keepsake asks again, naming what is still
 *   locked, until it opens or the answer is empty. One line still behaves exactly as before.
 * - `account verify ADDR` opens an account restored unchecked with its password and records it checked;
 *   a wrong password exits 3 and changes nothing.
 *
 * Every file is written by @polkadot/keyring / util-crypto (./fixtures.ts), never by keepsake.
 */
import type { KeyringPair } from '@polkadot/keyring/types';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  vaultDump,
  EXIT,
  expectNoSecrets,
  expectRefused,
  HAS_SCRIPT,
  okJson,
  recoverIdentity,
  restoreFiles,
  type RestoreJson,
  sandbox,
  type Sandbox,
} from '../../support/cli.js';
import { labelledPair, oracleBatch, oracleFile, oracleReady } from '../../support/oracle.js';
import { LEGAL_WINNER, testSecrets } from '../../support/secrets.js';

/** The batch's outer password, each account's own, and one that opens nothing. */
const S = testSecrets('passwords', ['batch', 'alpha', 'beta', 'gamma', 'wrong']);

type VerifyJson = {
  format: string;
  ok: boolean;
  restorable: boolean;
  accounts: { address: string; name: string | null; ok: boolean; check: string; error: { name: string; message: string } | null }[];
};
type ListJson = { address: string; name: string; verified: boolean };

let alpha: KeyringPair;
let beta: KeyringPair;
let gamma: KeyringPair;
/** Alpha under the batch password and Beta under its own, in one extension "Export all" file. */
let batch: object;

beforeAll(async () => {
  await oracleReady();
  alpha = labelledPair('sr25519', 'pw-alpha', { name: 'Alpha' });
  beta = labelledPair('ed25519', 'pw-beta', { name: 'Beta' });
  gamma = labelledPair('sr25519', 'pw-gamma', { name: 'Gamma' });
  batch = oracleBatch([oracleFile(alpha, S.batch), oracleFile(beta, S.beta)], S.batch);
});

/** A password file with one password a line, as a script writes it. */
const lines = (box: Sandbox, name: string, ...passwords: string[]) => box.write(name, passwords.map((p) => `${p}\n`).join(''));

describe('verify: a batch entry under its own password (item 2)', () => {
  it('is reported locked and the batch would restore: exit 0, nothing on stderr', async () => {
    const box = await sandbox();
    const file = await box.write('batch.json', batch);
    const pw = await lines(box, 'pw.txt', S.batch);
    const json = await box.run(['verify', file, '--password-file', pw, '--json']);
    const report = okJson<VerifyJson>(json);
    expect(json.stderr).toBe('');
    expect(report.restorable).toBe(true);
    expect(report.accounts.map((a) => [a.address, a.check])).toEqual([
      [alpha.address, 'checked'],
      [beta.address, 'locked'],
    ]);
    // The DESIGN shape is kept: `ok` says whose key was checked.
    expect(report.accounts.map((a) => a.ok)).toEqual([true, false]);

    const text = await box.run(['verify', file, '--password-file', pw]);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(
      /locked +5\S+ "Beta" \(ed25519\): locked with its own password \(not given\), so its key was not checked; it would restore unchecked/,
    );
    expect(text.stdout).toMatch(/Every account in this file would restore; 1 is locked with its own password/);
    expect(text.stdout).not.toMatch(/FAIL|would NOT restore/);
    expectNoSecrets(text, S.all);
    expect(vaultDump(box.vault)).toEqual({});
  });

  it('a second line of --password-file checks that entry; a line that opens nothing leaves it locked', async () => {
    const box = await sandbox();
    const file = await box.write('batch.json', batch);
    const checked = okJson<VerifyJson>(await box.run(['verify', file, '--password-file', await lines(box, 'two.txt', S.batch, S.beta), '--json']));
    expect(checked.accounts.map((a) => [a.name, a.check, a.ok])).toEqual([
      ['Alpha', 'checked', true],
      ['Beta', 'checked', true],
    ]);
    expect(checked.ok).toBe(true);

    const still = okJson<VerifyJson>(await box.run(['verify', file, '--password-file', await lines(box, 'wrong.txt', S.batch, S.wrong, ''), '--json']));
    expect(still.accounts.map((a) => a.check)).toEqual(['checked', 'locked']);
    expect(still.restorable).toBe(true);
    // The first line still opens the file: a wrong one is a wrong password (exit 3), whatever follows.
    expectRefused(await box.run(['verify', file, '--password-file', await lines(box, 'first-wrong.txt', S.wrong, S.batch)]), EXIT.wrongPassword, {
      secrets: S.all,
    });
  });
});

describe('restore of files under different passwords (item 2)', () => {
  it('a two-line password file restores both files; one line keeps today’s report (1 restored, 1 failed, exit 0)', async () => {
    const box = await sandbox();
    const a = await box.write('alpha.json', oracleFile(alpha, S.alpha));
    const g = await box.write('gamma.json', oracleFile(gamma, S.gamma));

    const one = await box.run(['restore', a, g, '--password-file', await lines(box, 'one.txt', S.alpha), '--json']);
    const oneReport = okJson<RestoreJson>(one);
    expect(oneReport.restored.map((r) => r.name)).toEqual(['Alpha']);
    expect(oneReport.failed.map((f) => [f.file, f.error.name])).toEqual([[g, 'WrongPasswordError']]);
    expect(Object.keys(oneReport).sort()).toEqual(['failed', 'notes', 'restored', 'skipped']);

    const box2 = await sandbox();
    const both = okJson<RestoreJson>(await box2.run(['restore', a, g, '--password-file', await lines(box2, 'two.txt', S.alpha, S.gamma), '--json']));
    expect(both.restored.map((r) => [r.name, r.verified])).toEqual([
      ['Alpha', true],
      ['Gamma', true],
    ]);
    expect(both.failed).toEqual([]);
    expect((await box2.list()).map((x) => x.address).sort()).toEqual([alpha.address, gamma.address].sort());

    // Order does not matter: the second line may open the first file.
    const box3 = await sandbox();
    const reversed = okJson<RestoreJson>(await box3.run(['restore', a, g, '--password-file', await lines(box3, 'rev.txt', S.gamma, S.alpha), '--json']));
    expect(reversed.restored.map((r) => r.name).sort()).toEqual(['Alpha', 'Gamma']);
  });

  it('a batch entry under its own password is restored checked when a further line opens it', async () => {
    const box = await sandbox();
    const file = await box.write('batch.json', batch);
    const report = okJson<RestoreJson>(await box.run(['restore', file, '--password-file', await lines(box, 'pw.txt', S.batch, S.beta), '--json']));
    expect(report.restored.map((r) => [r.name, r.verified])).toEqual([
      ['Alpha', true],
      ['Beta', true],
    ]);
    expect(((await box.list()) as unknown as ListJson[]).map((x) => x.verified)).toEqual([true, true]);
  });
});

describe.skipIf(!HAS_SCRIPT)('on a terminal, keepsake asks again for what is still locked (item 2)', () => {
  it('restore of two files: the second password is asked for naming the file the first did not open', async () => {
    const box = await sandbox();
    const a = await box.write('alpha.json', oracleFile(alpha, S.alpha));
    await box.write('gamma.json', oracleFile(gamma, S.gamma));
    const r = await box.tty(
      ['restore', a, box.path('gamma.json')],
      [
        { wait: /Password for the 2 files/, send: S.alpha },
        { wait: /still locked[\s\S]*gamma\.json[\s\S]*Another password/, send: S.gamma },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).toMatch(/2 restored, 0 skipped, 0 failed/);
    for (const s of S.all) expect(r.transcript.includes(s), 'a password was echoed').toBe(false);
    expect((await box.list()).map((x) => x.name).sort()).toEqual(['Alpha', 'Gamma']);
  });

  it('restore: an empty answer stops asking; what opened is restored and the rest reported as before', async () => {
    const box = await sandbox();
    const a = await box.write('alpha.json', oracleFile(alpha, S.alpha));
    const g = await box.write('gamma.json', oracleFile(gamma, S.gamma));
    const r = await box.tty(
      ['restore', a, g],
      [
        { wait: /Password for the 2 files/, send: S.alpha },
        { wait: /Another password/, send: S.wrong },
        { wait: /still locked[\s\S]*gamma\.json[\s\S]*Another password/, send: '' },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).not.toMatch(/never came/);
    expect(r.transcript).toMatch(/That password opened none of them\./);
    expect(r.transcript).toMatch(/1 restored, 0 skipped, 1 failed/);
    expect((await box.list()).map((x) => x.name)).toEqual(['Alpha']);
  });

  it('verify of a batch: the locked entry is named and its password asked; then every key is checked', async () => {
    const box = await sandbox();
    const file = await box.write('batch.json', batch);
    const r = await box.tty(
      ['verify', file],
      [
        { wait: /Password for/, send: S.batch },
        { wait: /still locked[\s\S]*"Beta"[\s\S]*Another password/, send: S.beta },
      ],
    );
    expect(r.code, r.transcript).toBe(EXIT.ok);
    expect(r.transcript).toMatch(/ok +5\S+ "Beta" \(ed25519\): the key matches the address/);
    expect(r.transcript).toMatch(/Every account in this file would restore\./);
    for (const s of S.all) expect(r.transcript.includes(s), 'a password was echoed').toBe(false);
  });
});

describe('account verify (item 3)', () => {
  it('turns an account restored unchecked into a checked one; a wrong password exits 3 and changes nothing', async () => {
    const box = await sandbox();
    const file = await box.write('batch.json', batch);
    await restoreFiles(box, [file], S.batch);
    const before = (await box.list()) as unknown as ListJson[];
    expect(before.map((x) => [x.name, x.verified])).toEqual([
      ['Alpha', true],
      ['Beta', false],
    ]);
    expect((await box.run(['account', 'list'])).stdout).toMatch(/"Beta" +\(ed25519, substrate, unchecked\)/);

    const dump = vaultDump(box.vault);
    expectRefused(await box.run(['account', 'verify', beta.address, '--password-file', await lines(box, 'wrong.txt', S.wrong)]), EXIT.wrongPassword, {
      secrets: S.all,
      match: /Wrong password/,
    });
    expect(vaultDump(box.vault)).toEqual(dump);

    const ok = await box.run(['account', 'verify', beta.address, '--password-file', await lines(box, 'beta.txt', S.beta)]);
    expect(ok.code, ok.stderr).toBe(EXIT.ok);
    expect(ok.stdout).toMatch(/"Beta": the key opens with this password and matches the address; it is now recorded as checked\./);
    expectNoSecrets(ok, S.all);
    expect(((await box.list()) as unknown as ListJson[]).map((x) => [x.name, x.verified])).toEqual([
      ['Alpha', true],
      ['Beta', true],
    ]);
    expect((await box.run(['account', 'list'])).stdout).not.toMatch(/unchecked/);

    // Again, by name and with --json: already checked, still opened and checked.
    const again = okJson<{ address: string; verified: boolean; wasVerified: boolean }>(
      await box.run(['account', 'verify', 'Beta', '--password-file', await lines(box, 'beta2.txt', S.beta), '--json']),
    );
    expect(again).toMatchObject({ address: beta.address, verified: true, wasVerified: true });
  });

  it('an identity account or a watch-only account gets a clear sentence (exit 1), before any password is asked', async () => {
    const box = await sandbox();
    const pin = await recoverIdentity(box, 'Phone', LEGAL_WINNER, '135790');
    const derived = okJson<{ address: string }>(await box.run(['identity', 'derive', 'Phone', '--network', 'polkadot', '--pin-file', pin, '--json']));
    const dump = vaultDump(box.vault);
    expectRefused(await box.run(['account', 'verify', derived.address]), EXIT.failed, {
      match: /derived from the identity "Phone".*no password of its own to verify/,
    });

    const watch = await box.write('apps.json', [{ address: gamma.address, meta: { name: 'Watched' } }]);
    await restoreFiles(box, [watch], 'anything');
    expectRefused(await box.run(['account', 'verify', 'Watched']), EXIT.failed, { match: /watch-only: keepsake holds its address but not its key/ });
    expect(vaultDump(box.vault).identities).toEqual(dump.identities);
  });
});
