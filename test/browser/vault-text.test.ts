/**
 * Issue 17, in Chromium: "Add from Polkadot Vault" on the Accounts page — the text of Vault's "Export
 * private key" QR code (novasamatech/parity-signer rust/db_handling/src/identities.rs) pasted into the
 * page shows its address before anything is saved; a damaged text is said next to the field; the
 * account is added under a password and its backup file downloaded. The dialog offers the camera
 * beside the field. No CLI words on the page.
 */
import { expect, it } from 'vitest';
import { apiCall, describeBrowser, dialogOpen, downloadBy, fieldError, textShown, walletSession } from './harness.js';

// Known answer from parity-signer rust/db_handling/tests/tests.rs: Alice's phrase + //Alice on Westend.
const SEED = 'e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const TEXT = `secret:0x${SEED}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const PASSWORD = 'vault text pw 1';

describeBrowser('browser wallet: Add from Polkadot Vault', () => {
  const wallet = walletSession();

  it('a pasted key text shows its address first, a damaged one is said by the field, then the account is added', async () => {
    const { page, server } = wallet;
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    const d = await dialogOpen(page.getByRole('button', { name: 'Add from Polkadot Vault' }), 'Add from Polkadot Vault');
    // The camera is offered beside the field (test/browser/vault-scan.test.ts reads a code with it).
    await d.getByRole('button', { name: 'Scan with the camera' }).waitFor();
    const text = d.getByLabel('Key text from Polkadot Vault');
    await d.getByLabel('Name', { exact: true }).fill('From Vault');
    await d.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await d.getByLabel('Repeat password', { exact: true }).fill(PASSWORD);

    await text.fill(TEXT.slice(0, 60));
    await d.getByRole('button', { name: 'Add account', exact: true }).click();
    expect(await fieldError(text)).toMatch(/Polkadot Vault key text cannot be read/);
    expect(await apiCall(server, '/api/accounts')).toEqual([]);

    await text.fill(TEXT);
    await textShown(d, ALICE);
    const file = await downloadBy(page, () => d.getByRole('button', { name: 'Add account', exact: true }).click());
    expect(file.name).toBe(`${ALICE}.json`);
    expect(file.text).not.toContain(SEED);
    const accounts = await apiCall<{ address: string; network: string }[]>(server, '/api/accounts');
    expect(accounts).toMatchObject([{ address: ALICE, network: 'westend' }]);
    expect(await page.locator('body').innerText()).not.toMatch(/--[a-z]|`|keepsake [a-z]/);
  });
});
