/**
 * Backup health through the CLI (issue 16, "How it is checked"): an account added has no backup and
 * `status --check` fails; exported, it is backed up but never verified; verified, it is verified; its
 * file changed or moved, it is not (and `--check` fails again). An identity in a whole-wallet backup
 * is covered. A verify with the wrong password records nothing. After a command that adds, one line
 * on stderr says how many have no backup yet.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, expectRefused, okJson, recoverIdentity, runAccount, sandbox, type Sandbox, vaultDump } from '../../support/cli.js';
import { LEGAL_WINNER, LETTER_ADVICE, testSecrets } from '../../support/secrets.js';

const S = testSecrets('health', ['account', 'pin', 'backup', 'wrong']);

type StatusJson = {
  ok: boolean;
  items: { kind: string; name: string; state: string; backup: { path: string | null; name: string; file: string; verifiedAt: number | null } | null }[];
};

beforeAll(async () => {
  await cryptoWaitReady();
});

const statusOf = async (box: Sandbox) => okJson<StatusJson>(await box.run(['status', '--json']));
const stateOf = async (box: Sandbox, name: string) => (await statusOf(box)).items.find((i) => i.name === name)?.state;
/** The human line of `status` for `name`. */
async function lineOf(box: Sandbox, name: string): Promise<string> {
  const r = await box.run(['status']);
  expect(r.code, r.stderr).toBe(EXIT.ok);
  return r.stdout.split('\n').find((l) => l.includes(`"${name}"`)) ?? '';
}
const check = async (box: Sandbox) => (await box.run(['status', '--check'])).code;

async function withAccount(): Promise<{ box: Sandbox; pw: string; stderr: string }> {
  const box = await sandbox();
  const pw = await box.secret('account.pw', S.account);
  const suri = await box.secret('suri.txt', `${LEGAL_WINNER}//health`);
  const r = await runAccount(box, 'add', pw, 'Saved', '--suri-file', suri);
  okJson(r);
  return { box, pw, stderr: r.stderr };
}

describe('keepsake status', () => {
  it('an account added: "no backup", said after the add on stderr (not in its --json stdout); --check exits 1', async () => {
    const { box, stderr } = await withAccount();
    expect(stderr.trim()).toBe('1 account has no backup yet: keepsake backup export');
    expect(await lineOf(box, 'Saved')).toMatch(/: no backup$/);
    expect(await stateOf(box, 'Saved')).toBe('none');
    expect(await check(box)).toBe(EXIT.failed);
    // A command that adds nothing says nothing of backups.
    expect((await box.run(['account', 'list'])).stderr).toBe('');
  });

  it('exported → never verified; verified → verified; changed → changed; moved → missing (and --check fails again)', async () => {
    const { box, pw } = await withAccount();
    const file = box.path('saved.json');
    okJson(await box.run(['account', 'export', 'Saved', '--out', file, '--password-file', pw, '--json']));
    expect(await lineOf(box, 'Saved')).toMatch(/: backed up, never verified \(.*saved\.json\)$/);
    expect(await check(box)).toBe(EXIT.failed);

    const v = await box.run(['verify', file, '--password-file', pw]);
    expect(v.code, v.stderr).toBe(EXIT.ok);
    expect(await lineOf(box, 'Saved')).toMatch(new RegExp(`: verified backup ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} today$`));
    expect(await check(box)).toBe(EXIT.ok);
    const verifiedJson = await statusOf(box);
    expect(verifiedJson.ok).toBe(true);
    expect(verifiedJson.items[0]).toMatchObject({ state: 'verified', backup: { path: file, file: 'present' } });

    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"Saved"', '"Saved2"'));
    expect(await lineOf(box, 'Saved')).toMatch(/: changed: .*saved\.json is no longer the file that was backed up$/);
    expect(await check(box)).toBe(EXIT.failed);
    await writeFile(file, text);
    expect(await stateOf(box, 'Saved')).toBe('verified');

    await rename(file, box.path('elsewhere.json'));
    expect(await lineOf(box, 'Saved')).toMatch(/: missing: .*saved\.json was moved or deleted$/);
    expect(await check(box)).toBe(EXIT.failed);
    // Verified where it is now, the backup counts again.
    expect((await box.run(['verify', box.path('elsewhere.json'), '--password-file', pw])).code).toBe(EXIT.ok);
    expect(await lineOf(box, 'Saved')).toMatch(/: verified backup .*elsewhere\.json today$/);
  });

  it('a verify with the wrong password records nothing (exit 3, the vault unchanged)', async () => {
    const { box, pw } = await withAccount();
    const file = box.path('saved.json');
    okJson(await box.run(['account', 'export', 'Saved', '--out', file, '--password-file', pw, '--json']));
    const before = vaultDump(box.vault);
    const wrong = await box.secret('wrong.pw', S.wrong);
    expectRefused(await box.run(['verify', file, '--password-file', wrong]), EXIT.wrongPassword, { secrets: S.all });
    expect(vaultDump(box.vault)).toEqual(before);
    expect(await stateOf(box, 'Saved')).toBe('unverified');
  });

  it('an identity: no backup until a whole-wallet backup covers it; its verify makes it (and what it opened) verified', async () => {
    const { box, pw } = await withAccount();
    const pinFile = await box.secret('main.pin', S.pin);
    const r = await box.run(['identity', 'recover', '--name', 'Main', '--mnemonic-file', await box.secret('p.txt', LETTER_ADVICE), '--pin-file', pinFile]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toContain('1 account and 1 identity have no backup yet: keepsake backup export');
    const derived = await box.run(['identity', 'derive', 'Main', '--network', 'kusama', '--pin-file', pinFile]);
    expect(derived.code, derived.stderr).toBe(EXIT.ok);
    expect(derived.stderr).toContain('2 accounts and 1 identity have no backup yet');
    expect((await box.run(['status'])).stdout).toMatch(/identity "Main": no backup/);

    const backupPw = await box.secret('backup.pw', S.backup);
    const file = box.path('wallet.json');
    okJson(await box.run(['backup', 'export', '--out', file, '--password-file', backupPw, '--json']));
    const after = await statusOf(box);
    expect(after.items.map((i) => [i.kind, i.state])).toEqual([
      ['identity', 'unverified'],
      ['account', 'unverified'],
      ['account', 'unverified'],
    ]);
    // The backup password opens the identity's seal, not Saved's own lock: the second line of the file does.
    const both = await box.secret('both.pw', `${S.backup}\n${S.account}\n`);
    const v = await box.run(['verify', file, '--password-file', both]);
    expect(v.code, v.stderr).toBe(EXIT.ok);
    expect(await stateOf(box, 'Main')).toBe('verified');
    expect(await stateOf(box, 'Saved')).toBe('verified');
    void pw;
  });

  it('account add --backup: its file is recorded, so nothing is said to lack a backup', async () => {
    const box = await sandbox();
    const pw = await box.secret('account.pw', S.account);
    const suri = await box.secret('suri.txt', `${LEGAL_WINNER}//with-backup`);
    const r = await runAccount(box, 'add', pw, 'Kept', '--suri-file', suri, '--backup', box.path('kept.json'));
    okJson(r);
    expect(r.stderr).not.toMatch(/no backup/);
    expect(await lineOf(box, 'Kept')).toMatch(/: backed up, never verified \(.*kept\.json\)$/);
    expect((await box.run(['verify', box.path('kept.json'), '--password-file', pw])).code).toBe(EXIT.ok);
    expect(await stateOf(box, 'Kept')).toBe('verified');
  });

  it('a locked vault: verify never asks for its password; the check is recorded only with the vault password file', async () => {
    const { box, pw } = await withAccount();
    const file = box.path('saved.json');
    okJson(await box.run(['account', 'export', 'Saved', '--out', file, '--password-file', pw, '--json']));
    const vaultPw = await box.secret('vault.pw', 'vault-password-health');
    okJson(await box.run(['vault', 'lock', '--password-file', vaultPw, '--json']));
    const plain = await box.run(['verify', file, '--password-file', pw]);
    expect(plain.code, plain.stderr).toBe(EXIT.ok);
    expect(plain.stderr).toMatch(/not recorded .*the vault is locked/);
    const state = async () =>
      okJson<StatusJson>(await box.run(['--vault-password-file', vaultPw, 'status', '--json'])).items.find((i) => i.name === 'Saved')?.state;
    expect(await state()).toBe('unverified');
    const withPw = await box.run(['--vault-password-file', vaultPw, 'verify', file, '--password-file', pw]);
    expect(withPw.code, withPw.stderr).toBe(EXIT.ok);
    expect(withPw.stderr).toBe('');
    expect(await state()).toBe('verified');
  });

  it('a watch-only account needs no backup; an empty vault is all right; no vault is refused', async () => {
    const box = await sandbox();
    expectRefused(await box.run(['status']), EXIT.failed);
    const r = await box.run(['address', 'add', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', '--name', 'Alice']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).not.toMatch(/no backup/);
    expect(await check(box)).toBe(EXIT.ok);
  });
});
