/**
 * `keepsake account export` and `keepsake account export-all` end to end (issue 3): the account's
 * password is checked before anything is written, the file opens in Polkadot{.js}, `--kdf compat`
 * writes N=2^15, outputs are never overwritten without `--force`, and the batch file is the
 * extension's format (outer layer readable by util-crypto's `jsonDecrypt`).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXIT,
  expectNoSecrets,
  expectRefused,
  expectVaultPrivate,
  okJson,
  readJson,
  restoreFiles,
  sandbox,
  sandboxFrom,
  type Sandbox,
  tempFiles,
  type Template,
  template,
} from '../../support/cli.js';
import { hex, labelledPair, oracleBatch, oracleBatchOpen, oracleFile, oracleOpen, oracleReady, scryptNOf } from '../../support/oracle.js';
import { testSecrets } from '../../support/secrets.js';

/** The passwords of a, b and c, of the batch file c came in, and a wrong guess. */
const S = testSecrets('export', ['a', 'b', 'c', 'batch', 'wrong']);

type Inspect = { format: string; kdf?: { name: string; N: number; r: number; p: number }; accounts: { address: string; name?: string; type?: string }[] };
type ExportAllJson = { out: string; accounts: number; rekeyed?: boolean };

let a: KeyringPair; // sr25519, restored with S.a
let b: KeyringPair; // ecdsa, restored with S.b
let c: KeyringPair; // ed25519, a batch entry under S.c restored with the batch password: kept unchecked
let e: KeyringPair; // ethereum, all under S.a (for --rekey)
/** Vaults made once and copied into each test's sandbox. */
let mixed: Template;
let samePassword: Template;

beforeAll(async () => {
  await oracleReady();
  a = labelledPair('sr25519', 'export-a', { name: 'Alpha' });
  b = labelledPair('ecdsa', 'export-b', { name: 'Beta' });
  c = labelledPair('ed25519', 'export-c', { name: 'Gamma' });
  e = labelledPair('ethereum', 11, { name: 'Epsilon' });

  const restore = async (box: Sandbox, files: string[], password: string, count: number) => {
    expect((await restoreFiles(box, files, password)).restored).toHaveLength(count);
  };
  mixed = await template(async (box) => {
    await restore(box, [await box.write('a.json', oracleFile(a, S.a))], S.a, 1);
    await restore(box, [await box.write('b.json', oracleFile(b, S.b))], S.b, 1);
    await restore(box, [await box.write('batch.json', oracleBatch([oracleFile(c, S.c)], S.batch))], S.batch, 1);
  });
  samePassword = await template(async (box) => {
    await restore(box, await Promise.all([a, b, e].map((p, i) => box.write(`${i}.json`, oracleFile(p, S.a)))), S.a, 3);
  });
});

afterAll(async () => {
  await mixed?.remove();
  await samePassword?.remove();
});

/** The vault lists exactly what `mixed` did: the command changed no account. */
async function expectUnchanged(box: Sandbox): Promise<void> {
  expect(await box.list()).toEqual(mixed.accounts);
}

/** No temporary file is left in the folder, and the vault lists what `mixed` did: an export changes nothing but its output. */
async function expectNothingLeft(box: Sandbox): Promise<void> {
  expect(await tempFiles(box.dir)).toEqual([]);
  await expectUnchanged(box);
}

async function inspect(box: Sandbox, file: string): Promise<Inspect> {
  return okJson<Inspect>(await box.run(['inspect', file, '--json']));
}

describe('account export', () => {
  it('a wrong password → exit 3, no output file (nor a temporary one), vault unchanged', async () => {
    const box = await sandboxFrom(mixed);
    const wrong = await box.secret('wrong.txt', S.wrong);
    const out = box.path('alpha.json');
    const r = await box.run(['account', 'export', a.address, '--out', out, '--password-file', wrong]);
    expectRefused(r, EXIT.wrongPassword, { secrets: S.all, match: /password/i });
    await expect(stat(out)).rejects.toThrow();
    await expectNothingLeft(box);
    const j = await box.run(['account', 'export', a.address, '--out', out, '--password-file', wrong, '--json']);
    expect(expectRefused(j, EXIT.wrongPassword, { secrets: S.all, json: true })).toMatch(/password/i);
    await expect(stat(out)).rejects.toThrow();
  });

  it('the right password → a file @polkadot/keyring opens with it, same key, N=2^17 by default', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.a);
    const out = box.path('alpha.json');
    const r = await box.run(['account', 'export', a.address, '--out', out, '--password-file', pw, '--json']);
    expectNoSecrets(r, S.all);
    expect(okJson<{ address: string }>(r).address).toBe(a.address);
    const file = await readJson<KeyringPair$Json>(out);
    expect(file.meta.name).toBe('Alpha');
    const pair = oracleOpen(file, S.a);
    expect(hex(pair.encodePkcs8())).toBe(hex(a.encodePkcs8()));
    expect(() => oracleOpen(file, S.wrong)).toThrow();
    const info = await inspect(box, out);
    expect(info.format).toBe('polkadot-js');
    expect(info.kdf).toMatchObject({ name: 'scrypt', N: 1 << 17, r: 8, p: 1 });
    expect(scryptNOf(file)).toBe(1 << 17);
    await expectNothingLeft(box);
  });

  it('--kdf compat writes N=2^15 (older wallets); keyring opens it; the ecdsa account by its address', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.b);
    const out = box.path('beta.json');
    okJson(await box.run(['account', 'export', b.address, '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
    expect((await inspect(box, out)).kdf).toMatchObject({ name: 'scrypt', N: 1 << 15, r: 8, p: 1 });
    const file = await readJson<KeyringPair$Json>(out);
    expect(file.encoding.content).toEqual(['pkcs8', 'ecdsa']);
    expect(hex(oracleOpen(file, S.b).encodePkcs8())).toBe(hex(b.encodePkcs8()));
  });

  it('an account kept unchecked from a batch exports with its own password (and refuses the batch one)', async () => {
    const box = await sandboxFrom(mixed);
    const out = box.path('gamma.json');
    const batchPw = await box.secret('batch-pw.txt', S.batch);
    expectRefused(await box.run(['account', 'export', 'Gamma', '--out', out, '--password-file', batchPw]), EXIT.wrongPassword, { secrets: S.all });
    await expect(stat(out)).rejects.toThrow();
    const pw = await box.secret('pw.txt', S.c);
    okJson(await box.run(['account', 'export', 'Gamma', '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
    expect(hex(oracleOpen(await readJson<KeyringPair$Json>(out), S.c).encodePkcs8())).toBe(hex(c.encodePkcs8()));
  });

  it('an existing output without --force → exit 1 and the file unchanged; with --force it is replaced', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.a);
    const out = await box.write('alpha.json', 'an older backup I want to keep\n');
    const r = await box.run(['account', 'export', a.address, '--out', out, '--password-file', pw]);
    expectRefused(r, EXIT.failed, { secrets: S.all, match: /alpha\.json/ });
    expect(await readFile(out, 'utf8')).toBe('an older backup I want to keep\n');
    await expectUnchanged(box);
    okJson(await box.run(['account', 'export', a.address, '--out', out, '--password-file', pw, '--kdf', 'compat', '--force', '--json']));
    expect(hex(oracleOpen(await readJson<KeyringPair$Json>(out), S.a).publicKey)).toBe(hex(a.publicKey));
    expect(await tempFiles(box.dir)).toEqual([]);
  });

  it('an unknown account → exit 1 and no file', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.a);
    const out = box.path('nobody.json');
    const r = await box.run(['account', 'export', labelledPair('sr25519', 'nobody').address, '--out', out, '--password-file', pw]);
    expectRefused(r, EXIT.failed, { secrets: S.all });
    await expect(stat(out)).rejects.toThrow();
  });

  it('an output folder that does not exist → exit 1', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.a);
    const r = await box.run(['account', 'export', a.address, '--out', box.path('no-such-dir', 'alpha.json'), '--password-file', pw]);
    expectRefused(r, EXIT.failed, { secrets: S.all });
  });

  it('no password source and no terminal → exit 2 and no file; no --out → exit 2', async () => {
    const box = await sandboxFrom(mixed);
    const out = box.path('alpha.json');
    expectRefused(await box.run(['account', 'export', a.address, '--out', out]), EXIT.usage);
    await expect(stat(out)).rejects.toThrow();
    const pw = await box.secret('pw.txt', S.a);
    expectRefused(await box.run(['account', 'export', a.address, '--password-file', pw]), EXIT.usage, { secrets: S.all });
    expectRefused(await box.run(['account', 'export', a.address, '--out', out, '--password-file', pw, '--kdf', 'weak']), EXIT.usage, { secrets: S.all });
    await expect(stat(out)).rejects.toThrow();
    await expectUnchanged(box);
  });
});

describe('account export-all', () => {
  it('writes the extension batch format: jsonDecrypt opens it with the batch password and it lists every account', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('batch-pw.txt', S.batch);
    const out = box.path('all.json');
    const r = await box.run(['account', 'export-all', '--out', out, '--password-file', pw]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expectNoSecrets(r, S.all);
    // The issue: say plainly that the batch password only locks the outer layer.
    expect(r.stderr).toMatch(/own password/i);
    const batch = await readJson<EncryptedJson & { accounts: { address: string; meta: { name?: string } }[] }>(out);
    expect(batch.encoding.content).toEqual(['batch-pkcs8']);
    expect(batch.encoding.type).toEqual(['scrypt', 'xsalsa20-poly1305']);
    expect(batch.encoding.version).toBe('3');
    const entries = oracleBatchOpen(batch, S.batch);
    expect(() => oracleBatchOpen(batch, S.wrong)).toThrow();
    expect(entries).toHaveLength(3);
    expect(batch.accounts.map((x) => x.address)).toEqual(entries.map((x) => x.address));
    expect(entries.map((x) => x.meta.name).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    // Each entry keeps its own password.
    const byName = new Map(entries.map((x) => [x.meta.name, x]));
    expect(hex(oracleOpen(byName.get('Alpha')!, S.a).encodePkcs8())).toBe(hex(a.encodePkcs8()));
    expect(hex(oracleOpen(byName.get('Beta')!, S.b).encodePkcs8())).toBe(hex(b.encodePkcs8()));
    expect(hex(oracleOpen(byName.get('Gamma')!, S.c).encodePkcs8())).toBe(hex(c.encodePkcs8()));
    const info = await inspect(box, out);
    expect(info.accounts).toHaveLength(3);
    await expectNothingLeft(box);
  });

  it('its output restores into an empty vault (entries under other passwords kept unchecked)', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('batch-pw.txt', S.batch);
    const out = box.path('all.json');
    okJson<ExportAllJson>(await box.run(['account', 'export-all', '--out', out, '--password-file', pw, '--kdf', 'compat', '--json']));
    const fresh = await sandbox();
    const report = await restoreFiles(fresh, [out], S.batch);
    expect(report.failed).toEqual([]);
    expect(report.restored).toHaveLength(3);
    expect(report.restored.every((x) => x.verified === false)).toBe(true);
    expect((await fresh.list()).map((x) => x.publicKey).sort()).toEqual([a, b, c].map((p) => hex(p.publicKey)).sort());
  });

  it('--rekey --password-file re-locks every entry with the batch password (one password restores everything)', async () => {
    const box = await sandboxFrom(samePassword);
    const pw = await box.secret('pw.txt', S.a);
    const out = box.path('all.json');
    const r = await box.run(['account', 'export-all', '--out', out, '--password-file', pw, '--rekey', '--json']);
    expectNoSecrets(r, S.all);
    expect(okJson<ExportAllJson>(r)).toMatchObject({ accounts: 3 });
    const entries = oracleBatchOpen(await readJson<EncryptedJson>(out), S.a);
    expect(entries).toHaveLength(3);
    expect(entries.map((x) => x.meta.name).sort()).toEqual(['Alpha', 'Beta', 'Epsilon']);
    for (const entry of entries) {
      // Re-locked, not copied: the stored files used N=2^15, the entries now the default N=2^17.
      expect(scryptNOf(entry)).toBe(1 << 17);
    }
    // One entry opened by keyring with the batch password (test/interop/vault checks every key type).
    const epsilon = entries.find((x) => x.meta.name === 'Epsilon')!;
    expect(hex(oracleOpen(epsilon, S.a).encodePkcs8())).toBe(hex(e.encodePkcs8()));
    const fresh = await sandbox();
    const report = await restoreFiles(fresh, [out], S.a);
    expect(report.restored).toHaveLength(3);
    expect(report.restored.every((x) => x.verified === true)).toBe(true);
  });

  it('--rekey --password-file with accounts under other passwords → exit 3, no file, vault unchanged', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.a);
    const out = box.path('all.json');
    const r = await box.run(['account', 'export-all', '--out', out, '--password-file', pw, '--rekey', '--json']);
    expectRefused(r, EXIT.wrongPassword, { secrets: S.all, json: true });
    await expect(stat(out)).rejects.toThrow();
    await expectNothingLeft(box);
  });

  it('an existing output without --force → exit 1 and the file unchanged', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.batch);
    const out = await box.write('all.json', '{"keep":"me"}\n');
    const r = await box.run(['account', 'export-all', '--out', out, '--password-file', pw, '--json']);
    expectRefused(r, EXIT.failed, { secrets: S.all, json: true, match: /all\.json/ });
    expect(await readFile(out, 'utf8')).toBe('{"keep":"me"}\n');
    await expectUnchanged(box);
  });

  it('an empty batch password → exit 2 and no file', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('empty.txt', '');
    const out = box.path('all.json');
    expectRefused(await box.run(['account', 'export-all', '--out', out, '--password-file', pw, '--json']), EXIT.usage, { json: true });
    await expect(stat(out)).rejects.toThrow();
    expect((await readdir(box.dir)).filter((n) => n.startsWith('all') || n.endsWith('.tmp'))).toEqual([]);
  });

  it('the vault stays private (0600) after exports', async () => {
    const box = await sandboxFrom(mixed);
    const pw = await box.secret('pw.txt', S.batch);
    okJson(await box.run(['account', 'export-all', '--out', box.path('all.json'), '--password-file', pw, '--kdf', 'compat', '--json']));
    expectVaultPrivate(box.vault);
  });
});
