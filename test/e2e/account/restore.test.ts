/**
 * `keepsake restore FILE…` end to end (issue 3): single files, several files, a folder, the
 * extension's batch file, duplicates, partial failure, and every refusal leaving the vault as it was.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXIT,
  expectListShape,
  expectNoSecrets,
  expectRefused,
  expectVaultPrivate,
  okJson,
  type RefusedOptions,
  type RestoreJson,
  restoreFiles,
  sandbox,
  sandboxFrom,
  type Sandbox,
  type Template,
  template,
} from '../../support/cli.js';
import { hex, KEY_TYPES, labelledPair, oracleBatch, oracleFile, oracleReady } from '../../support/oracle.js';
import { testSecrets } from '../../support/secrets.js';

/** The password of the files, another one of a file's own, and the batch file's. */
const S = testSecrets('restore', ['pw', 'other', 'batch']);

let pairs: Record<(typeof KEY_TYPES)[number], KeyringPair>;
let files: Record<(typeof KEY_TYPES)[number], KeyringPair$Json>;

/** A vault holding two accounts (Savings, sr25519; Moonbeam, ethereum), so "unchanged" is checked against a vault that holds something. */
let seeded: Template;

beforeAll(async () => {
  await oracleReady();
  pairs = {
    sr25519: labelledPair('sr25519', 'restore-sr', { name: 'Savings' }),
    ed25519: labelledPair('ed25519', 'restore-ed', { name: 'Daily' }),
    ecdsa: labelledPair('ecdsa', 'restore-ec', { name: 'Bridge' }),
    ethereum: labelledPair('ethereum', 7, { name: 'Moonbeam' }),
  };
  files = {
    sr25519: oracleFile(pairs.sr25519, S.pw),
    ed25519: oracleFile(pairs.ed25519, S.pw),
    ecdsa: oracleFile(pairs.ecdsa, S.pw),
    ethereum: oracleFile(pairs.ethereum, S.pw),
  };
  seeded = await template(async (box) => {
    const report = await restoreFiles(box, [await box.write('sr.json', files.sr25519), await box.write('eth.json', files.ethereum)], S.pw);
    expect(report.restored).toHaveLength(2);
  });
});

afterAll(async () => {
  await seeded?.remove();
});

async function restoreJson(box: Sandbox, args: string[]): Promise<RestoreJson> {
  const r = await box.run(['restore', ...args, '--json']);
  expectNoSecrets(r, S.all);
  return okJson<RestoreJson>(r);
}

/** `restore ARGS…` in `box`, a copy of the seeded vault, is refused with `code`; the vault lists what the seeded vault did. */
async function expectRestoreRefused(box: Sandbox, args: string[], code: number, options: RefusedOptions): Promise<void> {
  expectRefused(await box.run(['restore', ...args]), code, options);
  expect(await box.list()).toEqual(seeded.accounts);
}

describe('restore: what it takes in', () => {
  it('restores a single Polkadot{.js} file; the vault is created with mode 0600 and lists it', async () => {
    const box = await sandbox();
    const file = await box.write('savings.json', files.sr25519);
    const pw = await box.secret('pw.txt', S.pw);
    const report = await restoreJson(box, [file, '--password-file', pw]);
    expect(report.restored).toEqual([expect.objectContaining({ address: pairs.sr25519.address, name: 'Savings' })]);
    expect(report.skipped).toEqual([]);
    expect(report.failed).toEqual([]);
    expectVaultPrivate(box.vault);
    const accounts = await box.list();
    expectListShape(accounts);
    expect(accounts).toEqual([
      expect.objectContaining({ address: pairs.sr25519.address, name: 'Savings', type: 'sr25519', publicKey: hex(pairs.sr25519.publicKey) }),
    ]);
  });

  it('restores several files of all four key types in one run', async () => {
    const box = await sandbox();
    const paths = await Promise.all(KEY_TYPES.map((t) => box.write(`${t}.json`, files[t])));
    const pw = await box.secret('pw.txt', S.pw);
    const report = await restoreJson(box, [...paths, '--password-file', pw]);
    expect(report.failed).toEqual([]);
    expect(report.restored.map((r) => r.name).sort()).toEqual(['Bridge', 'Daily', 'Moonbeam', 'Savings']);
    const accounts = await box.list();
    expectListShape(accounts);
    expect(accounts).toHaveLength(4);
    for (const t of KEY_TYPES) {
      const a = accounts.find((x) => x.publicKey === hex(pairs[t].publicKey));
      expect(a, `${t} account missing`).toBeDefined();
      expect(a!.type).toBe(t);
      // keyring's `pair.address` is the SS58 address (ecdsa: of the blake2 hash) or the EIP-55 address (ethereum).
      expect(a!.address).toBe(pairs[t].address);
    }
  });

  it('restores a folder of files (its *.json files; other files are ignored)', async () => {
    const box = await sandbox();
    await mkdir(box.path('backups'));
    await writeFile(box.path('backups', 'a.json'), JSON.stringify(files.sr25519));
    await writeFile(box.path('backups', 'b.json'), JSON.stringify(files.ed25519));
    await writeFile(box.path('backups', 'README.txt'), 'these are my backups\n');
    const pw = await box.secret('pw.txt', S.pw);
    const report = await restoreJson(box, [box.path('backups'), '--password-file', pw]);
    expect(report.failed).toEqual([]);
    expect(report.restored).toHaveLength(2);
    expect((await box.list()).map((a) => a.publicKey).sort()).toEqual([hex(pairs.sr25519.publicKey), hex(pairs.ed25519.publicKey)].sort());
  });

  it('takes the vault from $KEEPSAKE_VAULT when --vault is not given', async () => {
    const box = await sandbox();
    const file = await box.write('a.json', files.ed25519);
    const pw = await box.secret('pw.txt', S.pw);
    const r = await box.run(['restore', file, '--password-file', pw, '--json'], { noVaultFlag: true, env: { KEEPSAKE_VAULT: box.vault } });
    expect(okJson<RestoreJson>(r).restored).toHaveLength(1);
    expectVaultPrivate(box.vault);
    expect(await box.list()).toHaveLength(1);
  });

  it('reads the password from standard input with --password-file -', async () => {
    const box = await sandbox();
    const file = await box.write('a.json', files.sr25519);
    const r = await box.run(['restore', file, '--password-file', '-', '--json'], { stdin: `${S.pw}\n` });
    expectNoSecrets(r, S.all);
    expect(okJson<RestoreJson>(r).restored).toHaveLength(1);
  });
});

describe('restore: details', () => {
  it('a password file with a Windows line ending (CRLF) gives the password without it', async () => {
    const box = await sandbox();
    const pw = box.path('pw-crlf.txt');
    await writeFile(pw, `${S.pw}\r\n`);
    const report = await restoreJson(box, [await box.write('a.json', files.sr25519), '--password-file', pw]);
    expect(report.restored).toHaveLength(1);
  });

  it('a file carrying the Polkadot genesis hash is listed as a Polkadot account (address starting with 1)', async () => {
    const box = await sandbox();
    const polkadot = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
    const file = oracleFile(pairs.ed25519, S.pw, undefined, { name: 'On Polkadot', genesisHash: polkadot });
    const pw = await box.secret('pw.txt', S.pw);
    const report = await restoreJson(box, [await box.write('dot.json', file), '--password-file', pw]);
    expect(report.restored[0]!.address).toMatch(/^1/);
    expect(await box.list()).toEqual([expect.objectContaining({ network: 'polkadot', genesisHash: polkadot, address: report.restored[0]!.address })]);
  });

  it('the vault holds the file still locked: neither the password nor the plaintext key is in it', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', S.pw);
    await restoreJson(box, [await box.write('a.json', files.ed25519), '--password-file', pw]);
    const bytes = await readFile(box.vault);
    expect(bytes.includes(Buffer.from(S.pw))).toBe(false);
    // The ed25519 seed (pkcs8 bytes 16..48) must not appear anywhere in the vault.
    expect(bytes.includes(Buffer.from(pairs.ed25519.encodePkcs8().subarray(16, 48)))).toBe(false);
  });

  it('two restores of the same files at the same time: both succeed, each account once', async () => {
    const box = await sandbox();
    await box.list();
    const paths = await Promise.all((['sr25519', 'ed25519', 'ecdsa'] as const).map((t) => box.write(`${t}.json`, files[t])));
    const pw = await box.secret('pw.txt', S.pw);
    const [one, two] = await Promise.all([0, 1].map(() => box.run(['restore', ...paths, '--password-file', pw, '--json'])));
    const reports = [okJson<RestoreJson>(one!), okJson<RestoreJson>(two!)];
    expect(reports.map((r) => r.restored.length).sort()).toEqual([0, 3]);
    expect(reports.map((r) => r.skipped.length).sort()).toEqual([0, 3]);
    expect(await box.list()).toHaveLength(3);
  });
});

describe('restore: the extension batch file ("Export all accounts")', () => {
  it('restores every entry: those under the batch password verified, one under its own password kept unchecked', async () => {
    const box = await sandbox();
    const entries = [oracleFile(pairs.sr25519, S.batch), oracleFile(pairs.ecdsa, S.batch), oracleFile(pairs.ed25519, S.other)];
    const batch = await box.write('batch.json', oracleBatch(entries, S.batch));
    const pw = await box.secret('batch-pw.txt', S.batch);
    const report = await restoreJson(box, [batch, '--password-file', pw]);
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.restored).toHaveLength(3);
    const byAddress = new Map(report.restored.map((r) => [r.address, r]));
    expect(byAddress.get(pairs.sr25519.address)?.verified).toBe(true);
    expect(byAddress.get(pairs.ecdsa.address)?.verified).toBe(true);
    expect(byAddress.get(pairs.ed25519.address)?.verified).toBe(false);
    const accounts = await box.list();
    expect(accounts.map((a) => a.publicKey).sort()).toEqual([pairs.sr25519, pairs.ecdsa, pairs.ed25519].map((p) => hex(p.publicKey)).sort());
    expect(accounts.find((a) => a.publicKey === hex(pairs.ed25519.publicKey))).toMatchObject({ name: 'Daily', type: 'ed25519', verified: false });
  });

  it('a malformed entry is reported in "failed" with its position; the other entries are restored', async () => {
    const box = await sandbox();
    // Damaged (an entry of a key type keepsake does not keep is skipped instead: test/e2e/account/subwallet.test.ts).
    const broken = { ...oracleFile(pairs.ecdsa, S.batch), encoded: '%% not base64 %%' };
    const entries = [oracleFile(pairs.sr25519, S.batch), broken as unknown as KeyringPair$Json, oracleFile(pairs.ed25519, S.batch)];
    const batch = await box.write('batch.json', oracleBatch(entries, S.batch));
    const pw = await box.secret('batch-pw.txt', S.batch);
    const report = await restoreJson(box, [batch, '--password-file', pw]);
    expect(report.restored.map((r) => r.address).sort()).toEqual([pairs.sr25519.address, pairs.ed25519.address].sort());
    expect(report.failed).toEqual([{ file: expect.stringMatching(/batch\.json.*2/), error: expect.objectContaining({ name: expect.any(String) }) }]);
    expect(await box.list()).toHaveLength(2);
  });

  it('an entry already in the vault is skipped, the others restored', async () => {
    const box = await sandboxFrom(seeded);
    const batch = await box.write('batch.json', oracleBatch([oracleFile(pairs.sr25519, S.batch), oracleFile(pairs.ecdsa, S.batch)], S.batch));
    const pw = await box.secret('batch-pw.txt', S.batch);
    const report = await restoreJson(box, [batch, '--password-file', pw]);
    expect(report.restored).toEqual([expect.objectContaining({ address: pairs.ecdsa.address })]);
    expect(report.skipped).toEqual([expect.objectContaining({ address: pairs.sr25519.address, reason: expect.stringMatching(/already/) })]);
    expect((await box.list()).find((a) => a.publicKey === hex(pairs.sr25519.publicKey))?.name).toBe('Savings');
  });

  it('refuses a wrong batch password: exit 3 and the vault unchanged', async () => {
    const box = await sandboxFrom(seeded);
    const batch = await box.write('batch.json', oracleBatch([oracleFile(pairs.sr25519, S.batch)], S.batch));
    const wrong = await box.secret('wrong.txt', 'not-the-batch-password');
    await expectRestoreRefused(box, [batch, '--password-file', wrong], EXIT.wrongPassword, { report: true, secrets: [...S.all, 'not-the-batch-password'] });
  });
});

describe('restore: duplicates', () => {
  it('skips an account already in the vault and says why', async () => {
    const box = await sandbox();
    const file = await box.write('a.json', files.sr25519);
    const pw = await box.secret('pw.txt', S.pw);
    await restoreJson(box, [file, '--password-file', pw]);
    const before = await box.list();
    const again = await box.write('a-renamed.json', oracleFile(pairs.sr25519, S.pw, undefined, { name: 'Savings (copy)' }));
    const report = await restoreJson(box, [again, '--password-file', pw]);
    expect(report.restored).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ address: pairs.sr25519.address, reason: expect.stringMatching(/already in the vault/) })]);
    expect(await box.list()).toEqual(before);
  });

  it('skips the second copy of an account given twice in one run', async () => {
    const box = await sandbox();
    const a = await box.write('a.json', files.ed25519);
    const b = await box.write('b.json', oracleFile(pairs.ed25519, S.pw));
    const pw = await box.secret('pw.txt', S.pw);
    const report = await restoreJson(box, [a, b, '--password-file', pw]);
    expect(report.restored).toHaveLength(1);
    expect(report.skipped).toEqual([expect.objectContaining({ address: pairs.ed25519.address, reason: expect.any(String) })]);
    expect(await box.list()).toHaveLength(1);
  });

  it('replaces it with --on-duplicate replace', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', S.pw);
    await restoreJson(box, [await box.write('a.json', files.sr25519), '--password-file', pw]);
    const newer = await box.write('newer.json', oracleFile(pairs.sr25519, S.pw, undefined, { name: 'Savings 2025' }));
    const report = await restoreJson(box, [newer, '--password-file', pw, '--on-duplicate', 'replace']);
    expect(report.skipped).toEqual([]);
    expect(report.restored).toEqual([expect.objectContaining({ address: pairs.sr25519.address, name: 'Savings 2025' })]);
    const accounts = await box.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ name: 'Savings 2025', publicKey: hex(pairs.sr25519.publicKey) });
  });

  it('refuses an unknown --on-duplicate mode as a usage error', async () => {
    const box = await sandboxFrom(seeded);
    const pw = await box.secret('pw.txt', S.pw);
    await expectRestoreRefused(box, [await box.write('b.json', files.ed25519), '--password-file', pw, '--on-duplicate', 'merge'], EXIT.usage, {
      secrets: S.all,
    });
  });
});

describe('restore: bad input', () => {
  it('restores the good files and reports the bad one in "failed" (exit 0)', async () => {
    const box = await sandbox();
    const good1 = await box.write('1-good.json', files.sr25519);
    const bad = await box.write('2-bad.json', { ...files.ed25519, encoded: files.ed25519.encoded.slice(0, 80) });
    const good2 = await box.write('3-good.json', files.ecdsa);
    const pw = await box.secret('pw.txt', S.pw);
    const r = await box.run(['restore', good1, bad, good2, '--password-file', pw, '--json']);
    expectNoSecrets(r, S.all);
    const report = okJson<RestoreJson>(r);
    expect(report.restored.map((x) => x.address).sort()).toEqual([pairs.sr25519.address, pairs.ecdsa.address].sort());
    expect(report.failed).toEqual([{ file: expect.stringContaining('2-bad.json'), error: { name: expect.any(String), message: expect.any(String) } }]);
    expect(report.failed[0]!.error.message.length).toBeGreaterThan(20);
    expect((await box.list()).map((a) => a.address).sort()).toEqual([pairs.sr25519.address, pairs.ecdsa.address].sort());
  });

  it('without --json, says in one line on stderr which file failed and why', async () => {
    const box = await sandbox();
    const good = await box.write('good.json', files.sr25519);
    const wrong = await box.write('other-password.json', oracleFile(pairs.ed25519, S.other));
    const pw = await box.secret('pw.txt', S.pw);
    const r = await box.run(['restore', good, wrong, '--password-file', pw]);
    expect(r.code).toBe(EXIT.ok);
    expectNoSecrets(r, S.all);
    // Besides backup health's line after a command that added an account (issue 16).
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && l !== '1 account has no backup yet: keepsake backup export');
    expect(r.stderr).toContain('1 account has no backup yet');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/other-password\.json/);
    expect(lines[0]).toMatch(/password/i);
    expect(await box.list()).toHaveLength(1);
  });

  it('a wrong password on the only file: exit 3, one line, and the vault unchanged', async () => {
    const box = await sandboxFrom(seeded);
    const file = await box.write('savings.json', files.sr25519);
    const wrong = await box.secret('wrong.txt', 'Wrong-Secret-Guess');
    await expectRestoreRefused(box, [file, '--password-file', wrong], EXIT.wrongPassword, {
      report: true,
      secrets: [...S.all, 'Wrong-Secret-Guess'],
      match: /password/i,
    });
    expectVaultPrivate(box.vault);
  });

  it('a wrong password with --json: exit 3 and the report names WrongPasswordError', async () => {
    const box = await sandbox();
    const file = await box.write('savings.json', files.sr25519);
    const wrong = await box.secret('wrong.txt', 'Wrong-Secret-Guess');
    const r = await box.run(['restore', file, '--password-file', wrong, '--json']);
    expect(r.code).toBe(EXIT.wrongPassword);
    expectNoSecrets(r, [...S.all, 'Wrong-Secret-Guess']);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const report = JSON.parse(r.stdout) as RestoreJson;
    expect(report.restored).toEqual([]);
    expect(report.failed).toEqual([{ file: expect.stringContaining('savings.json'), error: expect.objectContaining({ name: 'WrongPasswordError' }) }]);
    expect(await box.list()).toEqual([]);
  });

  it('refuses a file whose key does not match its address (exit 1, vault unchanged)', async () => {
    const box = await sandboxFrom(seeded);
    // A real file with another account's address written over its own: Polkadot{.js} would not notice.
    const tampered = await box.write('tampered.json', { ...files.sr25519, address: labelledPair('sr25519', 'someone-else').address });
    const pw = await box.secret('pw.txt', S.pw);
    await expectRestoreRefused(box, [tampered, '--password-file', pw], EXIT.failed, { report: true, secrets: S.all });
  });

  it('refuses a file that is not a wallet file (exit 1, vault unchanged)', async () => {
    const box = await sandboxFrom(seeded);
    const notes = await box.write('notes.json', { shopping: ['milk', 'bread'] });
    const pw = await box.secret('pw.txt', S.pw);
    await expectRestoreRefused(box, [notes, '--password-file', pw], EXIT.failed, { secrets: S.all });
  });

  it('refuses a file that is not JSON at all (exit 1, vault unchanged)', async () => {
    const box = await sandboxFrom(seeded);
    const truncated = await box.write('cut.json', JSON.stringify(files.ed25519).slice(0, 120));
    const pw = await box.secret('pw.txt', S.pw);
    await expectRestoreRefused(box, [truncated, '--password-file', pw], EXIT.failed, { secrets: S.all });
  });

  it('refuses a missing file (exit 1, vault unchanged)', async () => {
    const box = await sandboxFrom(seeded);
    const pw = await box.secret('pw.txt', S.pw);
    await expectRestoreRefused(box, [box.path('no-such-file.json'), '--password-file', pw], EXIT.failed, { secrets: S.all, match: /no-such-file\.json/ });
  });

  it('without a password source and no terminal: a usage error (exit 2), the vault unchanged', async () => {
    const box = await sandboxFrom(seeded);
    await expectRestoreRefused(box, [await box.write('b.json', files.ed25519)], EXIT.usage, { match: /--password-file/ });
  });

  it('reports the --json error document on stderr for a refused command', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', S.pw);
    const r = await box.run(['restore', box.path('missing.json'), '--password-file', pw, '--json']);
    expectRefused(r, EXIT.failed, { json: true, secrets: S.all });
  });
});
