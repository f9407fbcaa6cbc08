/**
 * Issue 17, Polkadot Vault texts through the CLI in temporary vaults: a "Export private key" text
 * (secret:0x<key>:<genesis>, novasamatech/parity-signer rust/db_handling/src/identities.rs) read into an
 * account from a file or standard input — never from argv — its address said before the password;
 * `identity export-key` writes it for an identity account after the PIN, only to a file or a terminal;
 * an address text (`substrate:<address>:0x<genesis>`) goes into the address book.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXIT, expectNoSecrets, expectRefused, okJson, recoverIdentity, sandbox, type AccountJson, vaultDump } from '../../support/cli.js';

// Known answer from parity-signer rust/db_handling/tests/tests.rs: Alice's phrase + //Alice on Westend.
const SEED = 'e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const ALICE_TEXT = `secret:0x${SEED}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const WESTEND = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const PW = 'vault-text-e2e-pw';
const PIN = 'vault-text-e2e-pin';

describe('Polkadot Vault texts on the command line', () => {
  it('account add --vault-secret-file (a file, or standard input) adds the key on its network; the text never shows', async () => {
    const box = await sandbox();
    const pw = await box.secret('pw.txt', PW);
    const key = await box.secret('vault-key.txt', ALICE_TEXT);
    const added = await box.run(['account', 'add', '--name', 'From Vault', '--vault-secret-file', key, '--password-file', pw]);
    expect(added.code, added.stderr).toBe(EXIT.ok);
    expect(added.stderr).toContain(`The Vault text gives ${ALICE}`);
    expectNoSecrets(added, [SEED, PW]);
    const [account] = await box.list();
    expect(account).toMatchObject({ address: ALICE, network: 'westend', type: 'sr25519' });

    const other = await sandbox();
    const fromStdin = await other.run(
      ['account', 'add', '--name', 'Piped', '--vault-secret-file', '-', '--password-file', await other.secret('pw.txt', PW), '--json'],
      {
        stdin: `${ALICE_TEXT}\n`,
      },
    );
    expect(okJson<AccountJson>(fromStdin).address).toBe(ALICE);
    expectNoSecrets(fromStdin, [SEED]);
  });

  it('a damaged text, or one for another network than asked, is refused in one sentence; the vault is unchanged', async () => {
    const box = await sandbox();
    box.init();
    const before = vaultDump(box.vault);
    const pw = await box.secret('pw.txt', PW);
    const cut = await box.secret('cut.txt', ALICE_TEXT.slice(0, 40));
    expectRefused(await box.run(['account', 'add', '--name', 'X', '--vault-secret-file', cut, '--password-file', pw]), EXIT.failed, {
      secrets: [SEED.slice(0, 30)],
      match: /Polkadot Vault key text cannot be read/,
    });
    const key = await box.secret('vault-key.txt', ALICE_TEXT);
    expectRefused(await box.run(['account', 'add', '--name', 'X', '--vault-secret-file', key, '--network', 'kusama', '--password-file', pw]), EXIT.usage, {
      secrets: [SEED],
      match: /for westend, not kusama/,
    });
    expect(vaultDump(box.vault)).toEqual(before);
  });

  it('identity export-key writes the text after the PIN, to a file only when not a terminal, and it reads back', async () => {
    const box = await sandbox();
    const pinFile = await recoverIdentity(box, 'Dev', 'bottom drive obey lake curtain smoke basket hold race lonely fit walk', PIN);
    expect((await box.run(['identity', 'derive', 'Dev', '--network', 'westend', '--path', '//Alice', '--name', 'Alice', '--pin-file', pinFile])).code).toBe(
      EXIT.ok,
    );
    // Not a terminal and no file: refused before the PIN is asked.
    expectRefused(await box.run(['identity', 'export-key', 'Alice', '--pin-file', pinFile]), EXIT.usage, { match: /only on a terminal/ });
    const wrong = await box.secret('wrong.txt', 'not-the-pin');
    expectRefused(await box.run(['identity', 'export-key', 'Alice', '--out', box.path('k.txt'), '--pin-file', wrong]), EXIT.wrongPassword);
    expect(box.exists('k.txt')).toBe(false);
    const written = await box.run(['identity', 'export-key', 'Alice', '--out', box.path('k.txt'), '--pin-file', pinFile]);
    expect(written.code, written.stderr).toBe(EXIT.ok);
    expect(written.stderr).toMatch(/now exposed/);
    expectNoSecrets(written, [PIN]);
    // And as a QR code image, which reads back to the same text.
    const qr = await box.run(['identity', 'export-key', 'Alice', '--qr', box.path('k.png'), '--pin-file', pinFile]);
    expect(qr.code, qr.stderr).toBe(EXIT.ok);
    const { qrPngDecode } = await import('../../../src/formats/qr-image.js');
    expect(qrPngDecode(new Uint8Array(await readFile(box.path('k.png'))), 'k.png')).toBe((await readFile(box.path('k.txt'), 'utf8')).trim());
    const back = await sandbox();
    const added = await back.run([
      'account',
      'add',
      '--name',
      'Back',
      '--vault-secret-file',
      box.path('k.txt'),
      '--password-file',
      await back.secret('pw.txt', PW),
      '--json',
    ]);
    expect(okJson<AccountJson>(added).address).toBe(ALICE);
  });

  it('address add reads a Vault address text into the address book', async () => {
    const box = await sandbox();
    const r = await box.run(['address', 'add', `substrate:${ALICE}:${WESTEND}`, '--name', 'Vault phone', '--json']);
    expect(okJson<{ address: string; network: string }>(r)).toMatchObject({ address: ALICE, network: 'westend' });
    expectRefused(await box.run(['address', 'add', `substrate:${ALICE}:0x12`, '--name', 'Bad']), EXIT.failed, { match: /address text cannot be read/ });
  });
});
