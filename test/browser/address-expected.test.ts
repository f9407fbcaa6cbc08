/**
 * Issue 12 items 7–9 in Chromium, "the address the user expects":
 *
 * - Add account shows the resulting address and identicon live as the phrase, key type and network
 *   change (a known vector phrase; an ethereum phrase gives MetaMask's first account), and a phrase
 *   whose key is already in the vault is said before any password is asked for, with "Update the
 *   existing account" instead of a dead end.
 * - Find my address → "Add this account" derives exactly the address typed (its network inferred from
 *   the address format), without asking the PIN again; a key already in the vault under another
 *   network is updated from the same dialog.
 * - Derive account shows the address before deriving ("Show the address" after the PIN), and follows
 *   the network chosen.
 *
 * Expected addresses come from test/vectors and @polkadot/keyring (and Moonbeam's published Alith for
 * m/44'/60'/0'/0/0 of the dev phrase), never from keepsake.
 */
import { Keyring } from '@polkadot/keyring';
import { expect, it } from 'vitest';
import { apiCall, describeBrowser, dialog, dialogOpen, optionsLoaded, pageGo, textShown, vectors, walletSession } from './harness.js';

const PIN = '975310';
const PASSWORD = 'chosen password 9';
/** //Alice of the dev phrase: the vector's generic and Polkadot addresses. */
const ALICE = vectors.suri.find((s) => s.type === 'sr25519' && s.suri === `${vectors.devPhrase}//Alice`) as unknown as {
  suri: string;
  publicKey: string;
  address42: string;
  address0: string;
};
/** Moonbeam's published Alith: m/44'/60'/0'/0/0 of the dev phrase (MetaMask's first account). */
const ALITH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';

type AccountJson = { address: string; name: string; publicKey: string; network: string | null; identity: string | null; path: string | null };

describeBrowser('browser wallet: the address the user expects (issue 12 items 7–9)', () => {
  const wallet = walletSession();

  const preview = (scope: ReturnType<typeof dialog>) => scope.getByTestId('address-preview');

  it('Add account: the address of a typed vector phrase appears and follows network and key type; a key already in the vault is said before any password, and "Update the existing account" changes only its name and network', async () => {
    const { page, server } = wallet;
    // Already in the vault (set up through the API): //Alice of the dev phrase, under another name.
    await apiCall(server, '/api/accounts/add', { name: 'Alice from before', suri: ALICE.suri, password: PASSWORD });
    await pageGo(page, 'Accounts');
    const d = await dialogOpen(page.getByRole('button', { name: 'Add account' }), 'Add account');
    await optionsLoaded(d.getByLabel('Network'));

    const phrase = d.getByLabel('Secret phrase');
    await phrase.fill(vectors.devPhrase);
    const root = vectors.suri.find((s) => s.type === 'sr25519' && s.suri === vectors.devPhrase)!;
    await textShown(preview(d), root.address42!);
    expect(await preview(d).locator('svg').count(), 'the identicon is shown').toBe(1);
    await d.getByLabel('Network').selectOption('polkadot');
    await textShown(preview(d), new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(vectors.devPhrase).address);
    await d.getByLabel('Key type').selectOption('ethereum');
    await textShown(preview(d), ALITH);
    expect(await preview(d).innerText()).toContain("m/44'/60'/0'/0/0");
    await d.getByLabel('Key type').selectOption('sr25519');

    // The phrase of an account already in the vault: said at once, and no password is asked for.
    await phrase.fill(ALICE.suri);
    await textShown(preview(d), ALICE.address0);
    const notice = await textShown(d.getByTestId('duplicate-notice'), 'already in the vault as “Alice from before”');
    expect(await notice.innerText()).not.toMatch(/--|`|keepsake /);
    expect(await d.getByLabel('Password', { exact: true }).count()).toBe(0);
    expect(await d.getByLabel('Repeat password', { exact: true }).count()).toBe(0);

    await d.getByRole('button', { name: 'Update the existing account' }).click();
    await d.getByLabel('Name', { exact: true }).fill('Alice on Polkadot');
    await d.getByRole('button', { name: 'Save', exact: true }).click();
    await d.getByRole('button', { name: 'Update the existing account' }).click();
    await textShown(page.getByTestId('notice'), 'Account Alice on Polkadot updated.');
    await d.waitFor({ state: 'hidden' });
    const accounts = await apiCall<AccountJson[]>(server, '/api/accounts');
    expect(accounts).toEqual([
      expect.objectContaining({ name: 'Alice on Polkadot', network: 'polkadot', address: ALICE.address0, publicKey: ALICE.publicKey }),
    ]);
  });

  it('Find my address → "Add this account" adds exactly the Polkadot-format address typed, without asking the PIN again; a key in the vault under another network is updated from the same dialog', async () => {
    const { page, server } = wallet;
    await apiCall(server, '/api/identities/recover', { name: 'Paper', mnemonic: vectors.devPhrase, pin: PIN });
    // //kusama//1 already derived, shown without a network (generic Substrate).
    await apiCall(server, '/api/identities/derive', { identity: 'Paper', pin: PIN, path: '//kusama//1' });
    await pageGo(page, 'Identities');
    const region = page.getByRole('region', { name: 'Paper', exact: true });
    await region.waitFor();

    const find = async (address: string) => {
      const d = await dialogOpen(region.getByRole('button', { name: 'Find my address in Paper' }), 'Find my address in Paper');
      await d.getByLabel('Address', { exact: true }).fill(address);
      await d.getByLabel('PIN', { exact: true }).fill(PIN);
      await d.getByRole('button', { name: 'Find path' }).click();
      await textShown(d.getByRole('status'), 'Found:');
      return d;
    };

    const typed = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(`${vectors.devPhrase}//polkadot//0`).address;
    let d = await find(typed);
    expect(await d.getByRole('status').filter({ hasText: 'Found:' }).innerText()).toMatch(/Network: polkadot/);
    expect(await d.getByLabel('PIN to add it').count(), 'the PIN typed for the search is used').toBe(0);
    await d.getByLabel('Account name (optional)').fill('Found on Polkadot');
    await d.getByRole('button', { name: 'Add this account' }).click();
    await textShown(page.getByTestId('notice'), 'Account Found on Polkadot added from Paper.');
    await d.waitFor({ state: 'hidden' });
    await textShown(region.getByRole('listitem', { name: 'Found on Polkadot', exact: true }), typed);

    const onKusama = new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri(`${vectors.devPhrase}//kusama//1`).address;
    d = await find(onKusama);
    await textShown(d.getByTestId('duplicate-notice'), 'already in the vault');
    expect(await d.getByRole('button', { name: 'Add this account' }).count()).toBe(0);
    await d.getByRole('button', { name: 'Update the existing account' }).click();
    await textShown(page.getByTestId('notice'), 'updated: it now shows the address you typed');
    await d.waitFor({ state: 'hidden' });
    const accounts = await apiCall<AccountJson[]>(server, '/api/accounts');
    expect(accounts.find((a) => a.path === '//kusama//1')).toMatchObject({ address: onKusama, network: 'kusama', identity: 'Paper' });
  });

  it('Derive account: "Show the address" (after the PIN) shows the account before it is added, follows the network chosen, and then derives that address', async () => {
    const { page } = wallet;
    const region = page.getByRole('region', { name: 'Paper', exact: true });
    const d = await dialogOpen(region.getByRole('button', { name: 'Derive account for Paper' }), 'Derive an account from Paper');
    await optionsLoaded(d.getByLabel('Network', { exact: true }));
    await d.getByLabel('Network', { exact: true }).selectOption('kusama');
    const show = d.getByRole('button', { name: 'Show the address' });
    expect(await show.isDisabled(), 'no PIN typed yet').toBe(true);
    await d.getByLabel('PIN', { exact: true }).fill(PIN);
    await show.click();
    await textShown(preview(d), new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri(`${vectors.devPhrase}//kusama`).address);
    await d.getByLabel('Network', { exact: true }).selectOption('westend');
    const westend = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(`${vectors.devPhrase}//westend`).address;
    await textShown(preview(d), westend);
    await d.getByRole('button', { name: 'Derive', exact: true }).click();
    const notice = await textShown(page.getByTestId('notice'), 'derived from Paper');
    expect(await notice.innerText()).toContain(westend);
  });
});
