/**
 * Issue 17, in Chromium: "Add watch-only" on the Accounts page — a pasted Polkadot Vault address text
 * (`substrate:<address>:0x<genesis>`, novasamatech/parity-signer rust/db_handling/src/interface_signer.rs
 * `export_key`) becomes an account card marked watch-only, on the network its genesis hash names; a
 * pasted key text (`secret:…`) is refused by the field without being shown back, and nothing is stored.
 * The camera is offered beside the field. No CLI words on the page.
 */
import { expect, it } from 'vitest';
import { apiCall, describeBrowser, dialogOpen, fieldError, walletSession } from './harness.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const WESTEND = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const KEY_HEX = '4b'.repeat(32);

describeBrowser('browser wallet: Add watch-only', () => {
  const wallet = walletSession();

  it('a pasted Vault address text gives a watch-only card on its network; a key text is refused and not shown', async () => {
    const { page, server } = wallet;
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    const d = await dialogOpen(page.getByRole('button', { name: 'Add watch-only' }), 'Add a watch-only account');
    await d.getByRole('button', { name: 'Scan with the camera' }).waitFor();
    const address = d.getByLabel('Address', { exact: true });
    await d.getByLabel('Name', { exact: true }).fill('Vault phone');

    await address.fill(`secret:0x${KEY_HEX}:${WESTEND.slice(2)}`);
    await d.getByRole('button', { name: 'Add watch-only account' }).click();
    const refused = await fieldError(address);
    expect(refused).toMatch(/secret key .*not an address/);
    expect(refused).not.toContain(KEY_HEX.slice(0, 16));
    expect(await apiCall(server, '/api/accounts')).toEqual([]);

    await address.fill(`substrate:${ALICE}:${WESTEND}`);
    await d.getByRole('button', { name: 'Add watch-only account' }).click();
    const card = page.getByRole('listitem', { name: 'Vault phone' });
    await card.getByText('watch-only', { exact: true }).waitFor();
    expect(await card.innerText()).toContain(ALICE);
    const accounts = await apiCall<{ address: string; network: string; hasKey: boolean }[]>(server, '/api/accounts');
    expect(accounts).toMatchObject([{ address: ALICE, network: 'westend', hasKey: false }]);
    // A watch-only card offers no backup file: there is no key to put in one.
    await card.getByRole('button', { name: /Actions/ }).click();
    expect(await page.getByRole('menuitem', { name: 'Create a backup file for this account' }).count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body.match(/.{0,80}(--[a-z]|`|keepsake [a-z]).{0,40}/)?.[0]).toBeUndefined();
  });
});
