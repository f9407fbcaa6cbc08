/**
 * `keepsake rescue restore --concordium-db` (issue 15): the Concordium Desktop Wallet's own database
 * — written here by Zetetic's SQLCipher (`@journeyapps/sqlcipher`, the wallet's driver), with the
 * wallet's table layout — is imported with the wallet's password as its export file would be, sealed
 * in the vault; a wrong password changes nothing (exit 3), and the wallet's file is never written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT, expectRefused, type ImportJson, okJson, readJson, sandbox, vaultDump } from '../../support/cli.js';
import { concordiumDecrypt, type ConcordiumEnvelope, type DesktopExport } from '../../support/concordium.js';
import { concordiumDesktopDbWrite, desktopDbData } from '../../support/concordiumDb.js';

const WALLET_PW = 'desktop wallet 1';
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('rescue restore --concordium-db', () => {
  it("imports the database's identities, accounts and address book as its export would be, sealed under the wallet's password", async () => {
    const b = await sandbox();
    const data: DesktopExport = desktopDbData({ tag: 'D' });
    const db = b.path('concordium-desktop-wallet-database.sqlite3');
    await concordiumDesktopDbWrite(db, WALLET_PW, data);
    const before = sha256(db);
    const pw = await b.secret('pw.txt', WALLET_PW);
    const r = okJson<ImportJson>(await b.run(['rescue', 'restore', '--concordium-db', db, '--password-file', pw, '--json']));
    const imported = (kind: string) => r.items.filter((i) => i.kind === kind && i.status === 'imported').length;
    expect(imported('concordium-identity')).toBe(data.identities.length);
    expect(imported('concordium-account')).toBe(data.accounts.length);
    expect(sha256(db)).toBe(before);
    const list = okJson<{ identities: { name: string }[]; accounts: { address: string }[] }>(await b.run(['concordium', 'list', '--json']));
    expect(list.identities.map((i) => i.name).sort()).toEqual(data.identities.map((i) => String(i['name'])).sort());
    // Sealed in the vault: no attribute of the identity is in its bytes.
    expect(readFileSync(b.vault).includes(Buffer.from('Ana D0'))).toBe(false);
    // Written back to the desktop format with the wallet's password: everything the database held.
    const out = b.path('back.json');
    okJson(await b.run(['backup', 'export', '--format', 'concordium-desktop', '--out', out, '--password-file', pw, '--json']));
    const back = concordiumDecrypt(await readJson<ConcordiumEnvelope>(out), WALLET_PW) as DesktopExport;
    const byKey = (list: Record<string, unknown>[], key: string) => [...list].sort((x, y) => String(x[key]).localeCompare(String(y[key])));
    expect(byKey(back.identities, 'id')).toEqual(byKey(data.identities, 'id'));
    expect(byKey(back.accounts, 'address')).toEqual(byKey(data.accounts, 'address'));
    expect(byKey(back.addressBook, 'address')).toEqual(byKey(data.addressBook, 'address'));
    // A second time: everything is already there, in the desktop wallet's words.
    const again = okJson<ImportJson>(await b.run(['rescue', 'restore', '--concordium-db', db, '--password-file', pw, '--json']));
    expect(again.items.every((i) => i.status === 'present')).toBe(true);
  });

  it('a wrong password: exit 3, one sentence, the vault and the database unchanged', async () => {
    const b = await sandbox();
    const db = b.path('wallet.sqlite3');
    await concordiumDesktopDbWrite(db, WALLET_PW, desktopDbData({ tag: 'E' }));
    okJson(await b.run(['address', 'add', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', '--name', 'Landlord', '--json']));
    const vaultBefore = vaultDump(b.vault);
    const dbBefore = sha256(db);
    const wrong = await b.secret('wrong.txt', 'not the password');
    const msg = expectRefused(await b.run(['rescue', 'restore', '--concordium-db', db, '--password-file', wrong]), EXIT.wrongPassword, {
      secrets: ['not the password'],
    });
    expect(msg).toMatch(/password/i);
    expect(vaultDump(b.vault)).toEqual(vaultBefore);
    expect(sha256(db)).toBe(dbBefore);
    // Not a database at all: one sentence, exit 1.
    const junk = await b.write('junk.sqlite3', 'x'.repeat(5000));
    expectRefused(await b.run(['rescue', 'restore', '--concordium-db', junk, '--password-file', wrong]), EXIT.failed);
    expect(vaultDump(b.vault)).toEqual(vaultBefore);
  });
});
