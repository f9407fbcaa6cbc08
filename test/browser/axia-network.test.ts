/**
 * Issue 17 (AXIA) in Chromium: an account file written by AXIA's own keyring (`@axia-js/keyring`, with
 * AXIA.js's genesis hash for AXIA, which is Polkadot's) reads like a Polkadot one, so Restore JSON lets
 * the person choose the Network: the preview names the networks of the same address format ("Polkadot
 * Relay Chain (also AXIA)"), and with "AXIA" chosen the card says AXIA at the address AXIA shows.
 * Restored "As the file says", the notice says which networks share the format, in the page's words;
 * the account's Network… action then moves it. No page text quotes a CLI flag or command.
 */
import { Keyring as AxiaKeyring } from '@axia-js/keyring';
import { cryptoWaitReady as axiaReady, mnemonicGenerate as axiaMnemonic } from '@axia-js/util-crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, fileWrite, menuDialog, optionsLoaded, restoreOpen, textShown, walletSession } from './harness.js';

const PASSWORD = 'axia password 1';
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;
/** AXIA.js's genesis hash for AXIA (@axia-js/networks 0.1.0 `defaults.js` knownGenesis): Polkadot's. */
const AXIA_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

describeBrowser('browser wallet: AXIA accounts under the network chosen', () => {
  const wallet = walletSession();
  const files: Record<'axia' | 'generic', { text: string; address: string; name: string }> = {
    axia: { text: '', address: '', name: 'On AXIA' },
    generic: { text: '', address: '', name: 'AlphaNet later' },
  };

  beforeAll(async () => {
    await axiaReady();
    for (const [key, prefix, meta] of [
      ['axia', 0, { genesisHash: AXIA_GENESIS }],
      ['generic', 42, {}],
    ] as const) {
      const file = files[key];
      const pair = new AxiaKeyring({ type: 'sr25519', ss58Format: prefix }).addFromUri(axiaMnemonic(12), { name: file.name, ...meta }, 'sr25519');
      file.text = JSON.stringify(pair.toJson(PASSWORD));
      file.address = pair.address;
    }
  });

  const card = (name: string) => wallet.page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name, exact: true });

  it('Restore JSON with “AXIA” chosen: the preview names the networks sharing the format; the card says AXIA at the AXIA address', async () => {
    const { page, server } = wallet;
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    const d = await restoreOpen(page);
    await d.getByLabel('Backup files').setInputFiles(await fileWrite(server, 'axia.json', files.axia.text));
    await textShown(d.getByRole('list', { name: 'Accounts in this file' }).getByRole('listitem'), 'Polkadot Relay Chain (also AXIA)');
    const network = d.getByLabel('Network', { exact: true });
    await optionsLoaded(network);
    expect(await network.locator('option:checked').innerText()).toBe('As the file says');
    await network.selectOption('axia');
    await d.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await d.getByRole('button', { name: 'Restore', exact: true }).click();
    await textShown(page.getByTestId('notice'), 'Restored 1 account');
    await d.waitFor({ state: 'hidden' });
    const item = card(files.axia.name);
    await item.waitFor();
    const shown = await item.innerText();
    expect(shown).toContain(files.axia.address);
    expect(await item.locator('.account-network').innerText()).toBe('AXIA');
    expect(await page.locator('main').innerText()).not.toMatch(CLI_TEXT);
  });

  it('restored as the file says, the notice names the AXIA networks of its format; Network… moves it under AXIA AlphaNet', async () => {
    const { page, server } = wallet;
    const d = await restoreOpen(page);
    await d.getByLabel('Backup files').setInputFiles(await fileWrite(server, 'generic.json', files.generic.text));
    await d.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await d.getByRole('button', { name: 'Restore', exact: true }).click();
    // The notice of the restore before stays until this one replaces it: waited for by this account's name.
    const notice = await textShown(page.getByTestId('notice'), `Restored: ${files.generic.name}`);
    const said = await notice.innerText();
    expect(said).toMatch(/Substrate shares its address format \(prefix 42\) with Westend Testnet, AXIA AlphaNet, AXIA BetaNet/);
    expect(said).toMatch(/choose it as the Network when you restore, or use Network… in an account’s Actions menu\./);
    expect(said).not.toMatch(CLI_TEXT);
    await d.waitFor({ state: 'hidden' });
    await card(files.generic.name).waitFor();
    expect(await card(files.generic.name).locator('.account-network').innerText()).toBe('Substrate');

    const n = await menuDialog(page, `Actions for ${files.generic.name}`, 'Network…', `Network of ${files.generic.name}`);
    const select = n.getByLabel('Network', { exact: true });
    await optionsLoaded(select);
    await select.selectOption('alphanet');
    await n.getByRole('button', { name: 'Save network' }).click();
    await textShown(page.getByTestId('notice'), `${files.generic.name} is now shown under AXIA AlphaNet.`);
    await n.waitFor({ state: 'hidden' });
    await expect.poll(() => card(files.generic.name).locator('.account-network').innerText()).toBe('AXIA AlphaNet');
    // The same address format (42): the same address.
    expect(await card(files.generic.name).innerText()).toContain(files.generic.address);
    expect(await page.locator('main').innerText()).not.toMatch(CLI_TEXT);
  });
});
