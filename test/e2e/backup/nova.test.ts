/**
 * Issue 17, Nova Wallet cloud backup (`novawallet_backup.json`) through the CLI in temporary vaults:
 * `inspect` lists its wallets without the password; `verify` checks every key; `backup import` (and
 * `restore`, given the file alone) brings it in; damaged files and a wrong password are refused with the documented exit code and the vault
 * unchanged; `backup export --format nova` writes one that reads back. The files are built from Nova's
 * published source (test/support/nova.ts cites it) with fresh keys every run.
 */
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, expectNoSecrets, expectRefused, okJson, recoverIdentity, sandbox, vaultDump } from '../../support/cli.js';
import { novaDecrypt, novaSample } from '../../support/nova.js';

const PW = `nova-e2e-${randomBytes(6).toString('hex')}`;

beforeAll(() => cryptoWaitReady());

describe('a Nova Wallet cloud backup on the command line', () => {
  it('inspect (no password), verify and backup import; nothing secret is printed', async () => {
    const box = await sandbox();
    const s = await novaSample(PW);
    const file = await box.write('novawallet_backup.json', s.text);
    const pw = await box.secret('pw.txt', PW);

    const shown = await box.run(['inspect', file]);
    expect(shown.code).toBe(EXIT.ok);
    expect(shown.stdout).toMatch(/Nova Wallet cloud backup/);
    expect(shown.stdout).toMatch(/"Daily"\s+SECRETS/);
    expect(shown.stdout).toContain(s.substrate);
    expect(shown.stdout).toMatch(/"Vault phone"\s+POLKADOT_VAULT/);
    const inspected = okJson<{ format: string; wallets: { name: string; type: string }[] }>(await box.run(['inspect', file, '--json']));
    expect(inspected.format).toBe('nova-backup');
    expect(inspected.wallets.map((w) => w.type)).toEqual(['SECRETS', 'SECRETS', 'POLKADOT_VAULT']);

    const verified = await box.run(['verify', file, '--password-file', pw]);
    expect(verified.code, verified.stderr).toBe(EXIT.ok);
    expect(verified.stdout).toMatch(/would import/);

    const imported = okJson<{ restored: { kind: string }[] }>(await box.run(['backup', 'import', file, '--password-file', pw, '--json']));
    expect(imported.restored.map((r) => r.kind)).toEqual(['identity', 'account', 'account', 'account', 'account']);
    const accounts = await box.list();
    expect(accounts.map((a) => a.address)).toEqual(expect.arrayContaining([s.substrate, s.keyed, s.watched]));
    expect((await box.identities()).map((i) => i.name)).toEqual(['Daily']);
    // `restore` brings the same file in the same way.
    const other = await sandbox();
    const restored = await other.run(['restore', file, '--password-file', await other.secret('pw.txt', PW), '--json']);
    expect(okJson<{ restored: { address: string | null }[] }>(restored).restored).toHaveLength(5);
    expect((await other.list()).map((a) => a.address).sort()).toEqual(accounts.map((a) => a.address).sort());
    for (const r of [shown, verified]) expectNoSecrets(r, [PW, s.phrase]);
  }, 60_000);

  it('a wrong password exits 3, a damaged or altered file 1; restore names backup import; the vault is unchanged', async () => {
    const box = await sandbox();
    await recoverIdentity(
      box,
      'Existing',
      'legal winner thank year wave sausage worth useful legal winner thank yellow',
      `pin-${randomBytes(3).toString('hex')}`,
    );
    const before = vaultDump(box.vault);
    const s = await novaSample(PW);
    const file = await box.write('novawallet_backup.json', s.text);
    const pw = await box.secret('pw.txt', PW);
    const wrong = await box.secret('wrong.txt', 'not-the-password');

    expectRefused(await box.run(['backup', 'import', file, '--password-file', wrong]), EXIT.wrongPassword, { secrets: [PW], match: /Wrong password/ });
    expectRefused(await box.run(['verify', file, '--password-file', wrong]), EXIT.wrongPassword, { match: /Wrong password/ });

    const cut = await box.write('cut.json', s.text.slice(0, Math.floor(s.text.length / 2)));
    expectRefused(await box.run(['backup', 'import', cut, '--password-file', pw]), EXIT.failed, { match: /cut off|truncated|ends before/i });

    // The public part names another key than the private part holds: refused as a whole, naming the wallet.
    const other = '0x' + randomBytes(32).toString('hex');
    const altered = await novaSample(PW, (pub) => Object.assign(pub[1]!, { substratePublicKey: other, substrateAccountId: other }));
    const alteredFile = await box.write('altered.json', altered.text);
    expectRefused(await box.run(['backup', 'import', alteredFile, '--password-file', pw]), EXIT.failed, { match: /"Imported key".*nothing was imported/ });

    const json = JSON.parse(s.text) as { publicData: Record<string, unknown> };
    const hostile = await box.write('hostile.json', { ...json, publicData: { ...json.publicData, wallets: Array.from({ length: 1001 }, () => ({})) } });
    expectRefused(await box.run(['inspect', hostile]), EXIT.failed, { match: /more than the 1000/ });

    // `restore` of a Nova backup is its import: the same refusals, the vault unchanged.
    expectRefused(await box.run(['restore', file, '--password-file', wrong]), EXIT.wrongPassword, { match: /Wrong password/ });
    expectRefused(await box.run(['restore', alteredFile, '--password-file', pw]), EXIT.failed, { match: /nothing was imported/ });
    expect(vaultDump(box.vault)).toEqual(before);
  }, 60_000);

  it('backup export --format nova writes a file the independent decoder opens and keepsake reads back', async () => {
    const box = await sandbox();
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const pin = `pin-${randomBytes(3).toString('hex')}`;
    await recoverIdentity(box, 'Main', phrase, pin);
    const pinFile = await box.secret('pin.txt', pin);
    expect((await box.run(['identity', 'derive', 'Main', '--network', 'polkadot', '--path', '', '--pin-file', pinFile])).code).toBe(EXIT.ok);
    await box.run(['address', 'add', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', '--name', 'Exchange']);
    const pw = await box.secret('pw.txt', PW);
    const pins = await box.secret('pins.txt', `Main:${pin}`);
    const out = box.path('novawallet_backup.json');
    const written = await box.run(['backup', 'export', '--out', out, '--format', 'nova', '--password-file', pw, '--pin-file', pins]);
    expect(written.code, written.stderr).toBe(EXIT.ok);
    expect(written.stderr).toMatch(/address book \(1 entry\) was not written/);
    expectNoSecrets(written, [PW, pin, phrase]);
    const text = JSON.stringify(await box.read('novawallet_backup.json'));
    expect(text).not.toContain('legal');
    const opened = novaDecrypt((JSON.parse(text) as { privateData: string }).privateData, PW) as { wallets: { entropy: string }[] };
    // Hex without 0x, as Nova's iOS app writes it.
    expect(opened.wallets[0]!.entropy).toBe('7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f');

    const back = await sandbox();
    const backPw = await back.secret('pw.txt', PW);
    okJson(await back.run(['backup', 'import', out, '--password-file', backPw, '--json']));
    expect((await back.list()).map((a) => a.publicKey)).toEqual((await box.list()).map((a) => a.publicKey));
  }, 60_000);
});
