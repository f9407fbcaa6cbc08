/**
 * The "Find wallets" page (issue 15), in Chromium: a profile copied from another disk — written by
 * a real Chromium running an extension that stores accounts as Polkadot{.js} does — is searched; its
 * accounts are shown grouped by browser profile and extension, deleted ones marked; the chosen ones
 * are restored with their password under the network chosen, and the page speaks the browser's words only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { afterAll, expect, it } from 'vitest';
import { chromiumExtensionProfile, extensionAccountJson, extensionAccountKey, type ChromiumExtensionProfile } from '../support/chromiumProfile.js';
import { DEV_PHRASE } from '../support/oracle.js';
import { apiCall, describeBrowser, pageGo, textShown, walletSession } from './harness.js';

const PASSWORD = 'extension password 1';
/** Text a browser page must never show: a CLI flag, a backtick, a command. */
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;

describeBrowser('browser wallet: Find wallets', () => {
  let root: string;
  let profile: ChromiumExtensionProfile;
  let live: KeyringPair$Json;
  let removed: KeyringPair$Json;
  let other: KeyringPair$Json;
  const wallet = walletSession({
    before: async () => {
      root = await mkdtemp(join(tmpdir(), 'keepsake-browser-rescue-'));
      [live, removed, other] = await Promise.all([
        extensionAccountJson(`${DEV_PHRASE}//find//live`, PASSWORD, 'Still here'),
        extensionAccountJson(`${DEV_PHRASE}//find//removed`, PASSWORD, 'Wiped by an update'),
        extensionAccountJson(`${DEV_PHRASE}//find//other`, PASSWORD, 'Not wanted'),
      ]);
      const key = (f: KeyringPair$Json) => extensionAccountKey(f.address);
      profile = await chromiumExtensionProfile({
        dir: join(root, 'user-data'),
        writes: [{ set: { [key(live)]: live, [key(removed)]: removed, [key(other)]: other } }, { remove: [key(removed)] }],
      });
    },
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lists a copied profile’s accounts, deleted ones marked, and restores the chosen ones with their password', async () => {
    const { page, server } = wallet;
    await pageGo(page, 'Find wallets');
    expect(await page.getByRole('region', { name: 'Search this computer' }).innerText()).not.toMatch(CLI_TEXT);
    await page.getByLabel('Folder to search (optional)').fill(join(root, 'nowhere'));
    await page.getByRole('button', { name: 'Search' }).click();
    await textShown(page.getByRole('status'), /No wallet storage was found/);

    await page.getByLabel('Folder to search (optional)').fill(profile.profileDir);
    await page.getByRole('button', { name: 'Search' }).click();
    const store = page.getByRole('region', { name: 'Default — an extension storing Polkadot{.js} accounts' });
    await store.waitFor();
    const card = (name: string) => store.getByRole('listitem', { name });
    expect(await card('Still here').innerText()).toMatch(/live/);
    expect(await card('Wiped by an update').innerText()).toMatch(/deleted — the extension removed it, but it is still on disk/);
    expect(await card('Not wanted').innerText()).toContain(other.address);
    expect(await store.innerText()).not.toMatch(CLI_TEXT);
    expect(await page.getByRole('region', { name: 'Restore the chosen accounts' }).innerText()).not.toMatch(CLI_TEXT);

    await card('Not wanted').getByRole('checkbox').uncheck();
    const restore = page.getByRole('region', { name: 'Restore the chosen accounts' });
    await restore.getByLabel('Password of the accounts').fill(PASSWORD);
    // An extension's storage does not say which of the networks sharing an address format it served: the person says.
    await restore.getByLabel('Network', { exact: true }).selectOption('axia');
    await restore.getByRole('button', { name: 'Restore 2 accounts' }).click();
    await textShown(page.getByTestId('notice'), 'Restored 2 accounts.');
    const accounts = await apiCall<{ name: string; verified: boolean; network: string }[]>(server, '/api/accounts');
    expect(accounts.map((a) => [a.name, a.network]).sort()).toEqual([
      ['Still here', 'axia'],
      ['Wiped by an update', 'axia'],
    ]);

    // Nothing chosen: said, nothing sent.
    for (const name of ['Still here', 'Wiped by an update']) await card(name).getByRole('checkbox').uncheck();
    await restore.getByRole('button', { name: 'Restore 0 accounts' }).click();
    await textShown(restore.getByRole('alert'), 'Choose at least one account to restore.');
  });
});
