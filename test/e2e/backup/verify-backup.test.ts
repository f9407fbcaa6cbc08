/**
 * Issue 12 item 1: `verify` checks what keepsake itself writes — its whole-wallet backup and the
 * Concordium Desktop Wallet export — without importing anything: it decrypts, makes every check
 * `backup import` makes, opens each account's key file where a password given opens it, and says what
 * `backup import` would do with each item against the vault (import it, find it present under which
 * name, replace it). Exit 0 only if it would import; a wrong password exits 3, a damaged file 1.
 * `inspect` no longer says "accounts: 0" for these files.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupWrite } from '../../../src/formats/keepsake-backup.js';
import {
  sandbox,
  type Sandbox,
  type CliResult,
  EXIT,
  expectRefused,
  type ImportJson,
  okJson,
  recoverIdentity,
  restoreFiles,
  vaultDump,
} from '../../support/cli.js';
import { concordiumEncrypt, desktopExportData, mobileExportData, type DesktopExport } from '../../support/concordium.js';
import { oracleFile } from '../../support/oracle.js';
import { LEGAL_WINNER, testSecrets } from '../../support/secrets.js';

/** The identity's PIN, the passwords of the restored file, the whole backup and the Concordium export, and a wrong one. */
const S = testSecrets('verify-backup', ['pin', 'file', 'backup', 'concordium', 'wrong']);

type Item = ImportJson['items'][number];
type VerifyJson = {
  format: string;
  ok: boolean;
  restorable: boolean;
  accounts: {
    address: string;
    name: string | null;
    check: string;
    status?: string;
    presentAs?: string | null;
    error: { name: string; message: string } | null;
  }[];
  items?: Item[];
};

/** The vault the backup is made from, its backup, a file made by the oracle and the Concordium exports. */
let src: Sandbox & { remove: () => Promise<void> };
let backupText = '';
let restoredFile: object;
let derivedName = '';
let concordium: DesktopExport;
let concordiumText = '';

beforeAll(async () => {
  await cryptoWaitReady();
  src = await sandbox({ manual: true });
  const pin = await recoverIdentity(src, 'Phone', LEGAL_WINNER, S.pin);
  derivedName = okJson<{ name: string }>(await src.run(['identity', 'derive', 'Phone', '--network', 'polkadot', '--pin-file', pin, '--json'])).name;
  restoredFile = oracleFile(new Keyring({ type: 'ed25519' }).addFromUri(`${LEGAL_WINNER}//restored`, { name: 'Restored file' }), S.file);
  await restoreFiles(src, [await src.write('restored.json', restoredFile)], S.file);
  okJson(await src.run(['address', 'add', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', '--name', 'Bob', '--json']));
  const out = src.path('whole.json');
  okJson(await src.run(['backup', 'export', '--out', out, '--password-file', await src.secret('backup-pw.txt', S.backup), '--json']));
  backupText = await readFile(out, 'utf8');
  concordium = desktopExportData({ tag: 'V' });
  concordiumText = JSON.stringify(concordiumEncrypt(concordium, S.concordium));
});

afterAll(async () => {
  await src?.remove();
});

/** A folder with the backup, its password (one line, or several) and no vault yet. */
async function folder(...passwords: string[]) {
  const b = await sandbox();
  const file = await b.write('whole.json', backupText);
  const pw = await b.write('pw.txt', (passwords.length === 0 ? [S.backup] : passwords).map((p) => `${p}\n`).join(''));
  return { b, file, pw };
}

const verify = (b: Sandbox, file: string, pw: string, json = true): Promise<CliResult> =>
  b.run(['verify', file, '--password-file', pw, ...(json ? ['--json'] : [])]);
/** The vault apart from backup health's records, which a verify that succeeds adds to (issue 16): nothing else changes. */
const withoutRecords = (dump: Record<string, unknown[]>) => {
  const { backup_records: _records, backup_covers: _covers, ...rest } = dump;
  return rest;
};
const summary = (items: readonly Item[]) => items.map((i) => [i.kind, i.name, i.status, i.presentAs]);

describe('verify of a keepsake whole-wallet backup', () => {
  it('against a vault that does not exist yet: every item would import, nothing is created, exit 0', async () => {
    const { b, file, pw } = await folder();
    const r = await verify(b, file, pw);
    const report = okJson<VerifyJson>(r);
    expect(r.stderr).toBe('');
    expect(report.format).toBe('keepsake-backup');
    expect(report.restorable).toBe(true);
    expect(summary(report.items!)).toEqual([
      ['identity', 'Phone', 'imported', null],
      ['account', derivedName, 'imported', null],
      ['account', 'Restored file', 'imported', null],
      ['address', 'Bob', 'imported', null],
    ]);
    // The DESIGN shape, each account with how far it was checked: the restored one keeps its own
    // password (not given), the identity's one needs the PIN.
    expect(report.accounts.map((a) => [a.name, a.check, a.status])).toEqual([
      [derivedName, 'identity', 'imported'],
      ['Restored file', 'locked', 'imported'],
    ]);
    expect(existsSync(b.vault)).toBe(false);

    const text = await verify(b, file, pw, false);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/would import +identity "Phone": its phrase is sealed under its PIN/);
    expect(text.stdout).toMatch(/would import +account "Restored file" 5\S+: locked with its own password/);
    expect(text.stdout).toMatch(/would import +address "Bob" 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty/);
    expect(text.stdout).toMatch(/Everything in this backup would import: 4 new, 0 already present, 0 replaced\. Nothing was imported\./);
    expect(text.stdout + text.stderr).not.toMatch(/cannot read accounts/);
    for (const s of S.all) expect(text.stdout + text.stderr).not.toContain(s);
    expect(existsSync(b.vault)).toBe(false);
  });

  it("with the account's own password as a further line, its key is opened and checked", async () => {
    const { b, file, pw } = await folder(S.backup, S.file);
    const report = okJson<VerifyJson>(await verify(b, file, pw));
    expect(report.accounts.map((a) => [a.name, a.check])).toEqual([
      [derivedName, 'identity'],
      ['Restored file', 'checked'],
    ]);
    expect((await verify(b, file, pw, false)).stdout).toMatch(/would import +account "Restored file" 5\S+: the key matches the address/);
  });

  it('against a vault that already holds some of it: "present as" its name there, the rest would import; the vault is unchanged, and import then does what verify said', async () => {
    const { b, file, pw } = await folder();
    await restoreFiles(b, [await b.write('restored.json', restoredFile)], S.file);
    okJson(await b.run(['account', 'rename', 'Restored file', 'My savings', '--json']));
    const before = vaultDump(b.vault);

    const report = okJson<VerifyJson>(await verify(b, file, pw));
    expect(summary(report.items!)).toEqual([
      ['identity', 'Phone', 'imported', null],
      ['account', derivedName, 'imported', null],
      ['account', 'Restored file', 'present', 'My savings'],
      ['address', 'Bob', 'imported', null],
    ]);
    const text = await verify(b, file, pw, false);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/present +account "Restored file" 5\S+: already present as "My savings"/);
    expect(text.stdout).toMatch(/3 new, 1 already present, 0 replaced/);
    expect(withoutRecords(vaultDump(b.vault))).toEqual(withoutRecords(before));
    expect(vaultDump(b.vault)['backup_records']).toHaveLength(1);

    const imported = okJson<ImportJson>(await b.run(['backup', 'import', file, '--password-file', pw, '--json']));
    expect(imported.items).toEqual(report.items);
    // And now everything is present.
    const again = okJson<VerifyJson>(await verify(b, file, pw));
    expect(again.items!.every((i) => i.status === 'present')).toBe(true);
  });

  it('a wrong password: exit 3, one line, nothing created or changed', async () => {
    const { b, file } = await folder();
    const wrong = await b.secret('wrong.txt', S.wrong);
    expectRefused(await verify(b, file, wrong, false), EXIT.wrongPassword, { secrets: S.all, match: /Wrong password/ });
    expectRefused(await verify(b, file, wrong), EXIT.wrongPassword, { longerThan: 20, secrets: S.all, json: true });
    expect(existsSync(b.vault)).toBe(false);
  });

  it('a backup whose account names the key file of another account: exit 1 (as backup import refuses it)', async () => {
    const { b, pw } = await folder();
    const env = keepsakeBackupParse(JSON.parse(backupText) as Record<string, unknown>);
    const payload = await keepsakeBackupOpen(env, S.backup);
    const accounts = payload['accounts'] as { name: string; file: Record<string, unknown> | null }[];
    const restored = accounts.find((a) => a.name === 'Restored file')!;
    restored.file = { ...restored.file!, address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty' };
    const tampered = await b.write('tampered.json', await keepsakeBackupWrite(payload, S.backup));
    const message = expectRefused(await verify(b, tampered, pw, false), EXIT.failed, { secrets: S.all });
    expect(message).toMatch(/"Restored file".*has the key file of 5FHneW46/);
    expect(existsSync(b.vault)).toBe(false);
    expectRefused(await b.run(['backup', 'import', tampered, '--password-file', pw]), EXIT.failed, { match: /has the key file of/ });
    expect(vaultDump(b.vault)['accounts']).toEqual([]);
  });

  it('a key file that opens to another key than its address: FAIL and exit 1 once its password is given (locked, exit 0, without it)', async () => {
    const { b } = await folder();
    const env = keepsakeBackupParse(JSON.parse(backupText) as Record<string, unknown>);
    const payload = await keepsakeBackupOpen(env, S.backup);
    const accounts = payload['accounts'] as { name: string; file: Record<string, unknown> | null }[];
    const restored = accounts.find((a) => a.name === 'Restored file')!;
    // Another key under the same password, dressed up with this account's address.
    const other = oracleFile(new Keyring({ type: 'ed25519' }).addFromUri(`${LEGAL_WINNER}//someone-else`, { name: 'Restored file' }), S.file);
    restored.file = { ...other, address: restored.file!['address'] };
    const swapped = await b.write('swapped.json', await keepsakeBackupWrite(payload, S.backup));

    const unchecked = okJson<VerifyJson>(await verify(b, swapped, await b.write('one.txt', `${S.backup}\n`)));
    expect(unchecked.accounts.find((a) => a.name === 'Restored file')!.check).toBe('locked');

    const both = await b.write('two.txt', `${S.backup}\n${S.file}\n`);
    const r = await verify(b, swapped, both);
    expect(r.code, r.stderr).toBe(EXIT.failed);
    const report = JSON.parse(r.stdout) as VerifyJson;
    expect(report.restorable).toBe(false);
    const failed = report.accounts.find((a) => a.name === 'Restored file')!;
    expect(failed.check).toBe('failed');
    expect(failed.error?.name).toBe('AddressMismatchError');
    const text = await verify(b, swapped, both, false);
    expect(text.code).toBe(EXIT.failed);
    expect(text.stdout).toMatch(/FAIL +account "Restored file"/);
    expect(text.stdout).toMatch(/would NOT import/);
    expect(text.stderr.split('\n').filter((l) => l.trim() !== '')).toHaveLength(1);
  });
});

describe('verify of a Concordium Desktop Wallet export', () => {
  async function desktop() {
    const b = await sandbox();
    const file = await b.write('wallet-export.json', concordiumText);
    const pw = await b.secret('pw.txt', S.concordium);
    return { b, file, pw };
  }
  const expected = (status: string) => [
    ...concordium.identities.map((i) => ['concordium-identity', i['name'], status]),
    ...concordium.accounts.map((a) => ['concordium-account', a['name'], status]),
    ...concordium.addressBook.map((a) => ['address', a['name'], status]),
  ];

  it('lists every identity, account and address-book entry as it would import: exit 0, nothing imported', async () => {
    const { b, file, pw } = await desktop();
    const report = okJson<VerifyJson>(await verify(b, file, pw));
    expect(report.format).toBe('concordium-desktop');
    expect(report.restorable).toBe(true);
    expect(report.items!.map((i) => [i.kind, i.name, i.status])).toEqual(expected('imported'));
    const text = await verify(b, file, pw, false);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(new RegExp(`would import +Concordium identity "${String(concordium.identities[0]!['name'])}"`));
    expect(text.stdout).toMatch(/Nothing was imported\./);
    expect(existsSync(b.vault)).toBe(false);
  });

  it('after it was imported: every item present; a wrong password exits 3; a mobile-wallet export exits 1 with the reason', async () => {
    const { b, file, pw } = await desktop();
    okJson<ImportJson>(await b.run(['backup', 'import', file, '--password-file', pw, '--json']));
    const before = vaultDump(b.vault);
    const report = okJson<VerifyJson>(await verify(b, file, pw));
    expect(report.items!.map((i) => [i.kind, i.name, i.status])).toEqual(expected('present'));
    expectRefused(await verify(b, file, await b.secret('wrong.txt', S.wrong), false), EXIT.wrongPassword, { secrets: S.all });
    const mobile = await b.write('mobile.json', concordiumEncrypt(mobileExportData(), S.concordium, { iterations: 100_000, saltLength: 32, keyLen: false }));
    expectRefused(await verify(b, mobile, pw, false), EXIT.failed, { match: /Concordium Mobile Wallet/ });
    expect(withoutRecords(vaultDump(b.vault))).toEqual(withoutRecords(before));
  });
});

describe('inspect of encrypted whole-wallet files', () => {
  it('does not say "accounts: 0": it says the contents are encrypted and that verify lists them', async () => {
    const b = await sandbox();
    for (const [name, text] of [
      ['whole.json', backupText],
      ['wallet-export.json', concordiumText],
    ] as const) {
      const file = await b.write(name, text);
      const r = await b.run(['inspect', file]);
      expect(r.code, r.stderr).toBe(EXIT.ok);
      expect(r.stdout).not.toMatch(/accounts: 0/);
      expect(r.stdout).toMatch(/contents: encrypted \(identities, accounts, addresses\); `keepsake verify .*` lists them/);
      const json = okJson<{ accounts: unknown[]; contentsEncrypted: boolean }>(await b.run(['inspect', file, '--json']));
      expect(json).toMatchObject({ accounts: [], contentsEncrypted: true });
    }
  });
});
