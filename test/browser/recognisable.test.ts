/**
 * Issue 12 items 11–13 in Chromium, as a person clicks through them (ux review §1, §3, §8, ranked 9):
 * - Restore JSON shows which accounts each chosen file holds (address, name, key type) before the
 *   password, as the Polkadot{.js} extension does; a whole-wallet backup is pointed to Export/Import.
 * - A restore where some files failed is a warning (class `notice-warning`), not a green success.
 * - Icons users recognise: the Polkadot identicon, circle for circle what @polkadot/ui-shared's
 *   `polkadotIcon(address, { isAlternative: false })` gives (run here, in Node, with the real
 *   @polkadot/util-crypto: the oracle), and the Ethereum blockie `blo` makes for a 0x address.
 * - Network selects start with the relay chains, the registry grouped after, without the reserved
 *   prefixes or bare key formats; an entry's own network comes first.
 * - Identities are renamed and removed (the removal lists the accounts that go with it, warns, and
 *   needs the name typed); address-book entries are edited; the create-identity text no longer says
 *   the phrase is shown "only this once".
 * Files are written by @polkadot/keyring; data the flow is not about is set up through the API.
 */
import { polkadotIcon } from '@polkadot/ui-shared/icons/polkadot';
import { encodeAddress } from '@polkadot/util-crypto';
import { blo } from 'blo';
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { concordiumEncrypt, desktopExportData } from '../support/concordium.js';
import {
  apiCall,
  describeBrowser,
  dialog,
  dialogClose,
  dialogOpen,
  fieldError,
  fileWrite,
  optionsLoaded,
  oracleWrite,
  pageGo,
  restoreFiles,
  restoreOpen,
  textShown,
  vectors,
  walletSession,
} from './harness.js';

const PW = 'restore password 1';
const OTHER_PW = 'another password 2';
/** Alice of the dev phrase: the best-known Substrate address. */
const ALICE = { name: 'Alice', suri: `${vectors.devPhrase}//Alice` };
const BOB = { name: 'Bob', suri: `${vectors.devPhrase}//Bob` };
const CHARLIE = { name: 'Charlie (own password)', suri: `${vectors.devPhrase}//Charlie` };
const ETH = { name: 'MetaMask account', suri: `${vectors.devPhrase}/m/44'/60'/0'/0/7` };
const IDENTITY = { name: 'Old phone', pin: '246810' };

type Circle = { cx: number; cy: number; r: number; fill: string };

describeBrowser('browser wallet: what a person recognises (issue 12 items 11–13)', () => {
  const wallet = walletSession();

  const accountItem = (name: string) =>
    wallet.page
      .getByRole('list', { name: 'Accounts' })
      .getByRole('listitem')
      .filter({ has: wallet.page.getByRole('heading', { name, exact: true }) });

  it('Restore JSON lists the accounts each chosen file holds before the password; a whole-wallet backup is sent to Export/Import', async () => {
    const { page, server } = wallet;
    const alice = oracleWrite(ALICE.suri, PW, ALICE.name);
    const aliceFile = await fileWrite(server, 'alice.json', JSON.stringify(alice.json));
    const walletExport = await fileWrite(server, 'wallet-export.json', JSON.stringify(concordiumEncrypt(desktopExportData({ identities: 1 }), PW)));
    const d = await restoreOpen(page);
    await d.getByLabel('Backup files').setInputFiles([aliceFile, walletExport]);

    const chosen = d.getByRole('list', { name: 'Chosen files' });
    const aliceItem = chosen.getByRole('listitem').filter({ hasText: 'alice.json' }).first();
    const accounts = aliceItem.getByRole('list', { name: 'Accounts in this file' });
    await textShown(accounts.getByRole('listitem'), alice.address);
    expect(await accounts.innerText()).toContain(ALICE.name);
    expect(await accounts.innerText()).toContain('sr25519');
    // Its icon is the account's Polkadot identicon, already here.
    await expectPolkadotIcon(accounts.getByRole('listitem').first(), alice.address);
    await textShown(chosen.getByRole('listitem').filter({ hasText: 'wallet-export.json' }), /whole-wallet backup\. Use Export\/Import → Import/);

    // Shown before the password is asked for: nothing typed, and the list comes before the Password field.
    const password = d.getByLabel('Password', { exact: true });
    expect(await password.inputValue()).toBe('');
    expect(await accounts.evaluate((list, field) => Boolean(list.compareDocumentPosition(field as unknown as never) & 4), await password.elementHandle())).toBe(
      true,
    );
    await dialogClose(d, 'Cancel');
  });

  it('a restore where one file of three failed is a warning, not a success; a full restore is a success', async () => {
    const { page, server } = wallet;
    const files = [
      await fileWrite(server, 'bob.json', JSON.stringify(oracleWrite(BOB.suri, PW, BOB.name).json)),
      await fileWrite(server, 'eth.json', JSON.stringify(oracleWrite(ETH.suri, PW, ETH.name, 'ethereum').json)),
      await fileWrite(server, 'charlie.json', JSON.stringify(oracleWrite(CHARLIE.suri, OTHER_PW, CHARLIE.name).json)),
    ];
    let d = await restoreFiles(page, files, PW);
    await d.waitFor({ state: 'hidden' });
    const notice = await textShown(page.getByTestId('notice'), 'Restored 2 accounts, 1 failed');
    expect(await notice.getAttribute('class')).toMatch(/\bnotice-warning\b/);
    expect(await notice.getAttribute('class')).not.toMatch(/\bnotice-success\b/);
    expect(await notice.innerText()).toContain('charlie.json');

    // The same check tells a full success apart: Charlie alone, with its own password.
    d = await restoreFiles(page, files[2]!, OTHER_PW);
    await d.waitFor({ state: 'hidden' });
    const ok = await textShown(page.getByTestId('notice'), 'Restored 1 account.');
    expect(await ok.getAttribute('class')).toMatch(/\bnotice-success\b/);
    await accountItem(CHARLIE.name).waitFor();
  });

  it("an SS58 account's icon is Polkadot{.js}' identicon, circle for circle; a 0x account's is its Ethereum blockie", async () => {
    const { page } = wallet;
    const bob = oracleWrite(BOB.suri, PW, BOB.name);
    await expectPolkadotIcon(accountItem(BOB.name), bob.address);
    // The icon is the key's, whatever network format the address is shown in.
    await page.getByLabel('Show addresses for network').selectOption('polkadot');
    await textShown(accountItem(BOB.name), encodeAddress(bob.publicKey, 0));
    await expectPolkadotIcon(accountItem(BOB.name), bob.address);
    await page.getByLabel('Show addresses for network').selectOption('');

    const eth = accountItem(ETH.name);
    const address = (await eth.locator('code').first().innerText()).trim();
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const img = eth.locator('img.identicon');
    expect(await img.getAttribute('src')).toBe(blo(address as `0x${string}`));
    expect(await eth.locator('svg.identicon').count()).toBe(0);
    // A blockie is seeded by the address in lower case (MetaMask's rule): the same picture for any letter case.
    expect(blo(address.toLowerCase() as `0x${string}`)).toBe(blo(address as `0x${string}`));
  });

  it('the network select starts with the relay chains, groups the registry after them, and has no reserved or bare-key entries', async () => {
    const { page } = wallet;
    const select = page.getByLabel('Show addresses for network');
    await optionsLoaded(select, 20);
    const options = await select
      .locator('option')
      .evaluateAll((list) => list.map((o) => ({ value: (o as unknown as { value: string }).value, text: (o.textContent ?? '').trim() })));
    expect(options[0]!.value).toBe('');
    expect(options.slice(1, 4).map((o) => o.value)).toEqual(['polkadot', 'kusama', 'westend']);
    const groups = await select.locator('optgroup').evaluateAll((list) => list.map((g) => g.getAttribute('label')));
    expect(groups[0]).toBe('Relay chains');
    expect(groups.length).toBeGreaterThan(2);
    expect(options.filter((o) => /reserved|^Bare /i.test(o.text) || /^(reserved\d+|bare)/.test(o.value))).toEqual([]);
  });

  it('an address-book entry is edited: name, note and network, its own network first in the list', async () => {
    const { page, server } = wallet;
    const address = encodeAddress(oracleWrite(`${vectors.devPhrase}//friend`, PW, 'x').publicKey, 5);
    await apiCall(server, '/api/addresses/add', { address, name: 'Friend', network: 'astar' });
    await pageGo(page, 'Address book');
    const entry = page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem').filter({ hasText: address });
    await entry.waitFor();
    const d = await dialogOpen(entry.getByRole('button', { name: 'Edit Friend' }), 'Edit Friend');
    const network = d.getByLabel('Network', { exact: true });
    expect(await network.inputValue()).toBe('astar');
    expect(await network.locator('optgroup').first().getAttribute('label')).toBe('Its own network');
    expect(await network.locator('option').first().getAttribute('value')).toBe('astar');
    await d.getByLabel('Name', { exact: true }).fill('Friend (Astar)');
    await d.getByLabel('Note (optional)').fill('paid the rent');
    await d.getByRole('button', { name: 'Save', exact: true }).click();
    await d.waitFor({ state: 'hidden' });
    await textShown(page.getByTestId('notice'), 'Friend (Astar) saved.');
    await textShown(entry, 'paid the rent');
    expect(await apiCall<{ address: string; name: string; note: string | null; network: string | null }[]>(server, '/api/addresses')).toEqual([
      { address, kind: 'ss58', name: 'Friend (Astar)', note: 'paid the rent', network: 'astar' },
    ]);
  });

  it('the create-identity step no longer says the phrase is shown "only this once"', async () => {
    const { page } = wallet;
    await pageGo(page, 'Identities');
    const d = await dialogOpen(page.getByRole('button', { name: 'Create identity' }), 'Create identity');
    await d.getByRole('list', { name: 'Recovery phrase' }).waitFor();
    const text = await d.innerText();
    expect(text).not.toMatch(/only this once/i);
    expect(text).toMatch(/Show Recovery Phrase/);
    await dialogClose(d, 'Cancel');
  });

  it('an identity is renamed, then removed: the accounts derived from it are listed, a warning says the phrase may be lost, the name must be typed', async () => {
    const { page, server } = wallet;
    await apiCall(server, '/api/identities/recover', { name: 'Phone', mnemonic: vectors.devPhrase, pin: IDENTITY.pin });
    const derived = await apiCall<{ address: string; name: string }>(server, '/api/identities/derive', {
      identity: 'Phone',
      pin: IDENTITY.pin,
      network: 'polkadot',
    });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await pageGo(page, 'Identities');
    const region = (name: string) => page.getByRole('region', { name, exact: true });

    await region('Phone').getByRole('button', { name: 'Rename Phone' }).click();
    let d = dialog(page);
    await d.getByLabel('New name').fill(IDENTITY.name);
    await dialogClose(d, 'Save name');
    await textShown(page.getByTestId('notice'), `Identity Phone renamed to ${IDENTITY.name}.`);
    await region(IDENTITY.name).waitFor();

    d = await dialogOpen(region(IDENTITY.name).getByRole('button', { name: `Remove ${IDENTITY.name}` }), `Remove ${IDENTITY.name}?`);
    expect(await d.innerText()).toMatch(/Without a written copy of its recovery phrase or a backup file holding it, this identity is lost/);
    const going = d.getByRole('list', { name: 'Accounts removed with it' });
    expect(await going.innerText()).toContain(derived.address);
    expect(await going.innerText()).toContain(derived.name);
    // Not without the name typed.
    const confirm = d.getByLabel(`Type ${IDENTITY.name} to confirm`);
    await d.getByRole('button', { name: 'Remove identity' }).click();
    expect(await fieldError(confirm)).toMatch(/Type the name exactly/);
    expect((await apiCall<unknown[]>(server, '/api/identities')).length).toBe(1);
    await confirm.fill(IDENTITY.name);
    await dialogClose(d, 'Remove identity');
    await textShown(page.getByTestId('notice'), `Identity ${IDENTITY.name} was removed, with 1 account derived from it.`);
    await textShown(page.locator('p'), 'No identities yet');
    expect(await apiCall<unknown[]>(server, '/api/identities')).toEqual([]);
    const accounts = await apiCall<{ address: string }[]>(server, '/api/accounts');
    expect(accounts.map((a) => a.address)).not.toContain(derived.address);
  });

  /** The `<circle>`s of the identicon in `scope`: those polkadotIcon gives for `address`, in order, colour for colour. */
  async function expectPolkadotIcon(scope: Locator, address: string): Promise<void> {
    const svg = scope.locator('svg.identicon').first();
    await svg.waitFor();
    expect(await svg.getAttribute('viewBox')).toBe('0 0 64 64');
    const drawn = await svg.locator('circle').evaluateAll((list) =>
      list.map((c) => ({
        cx: Number(c.getAttribute('cx')),
        cy: Number(c.getAttribute('cy')),
        r: Number(c.getAttribute('r')),
        fill: c.getAttribute('fill') ?? '',
      })),
    );
    const oracle: Circle[] = polkadotIcon(address, { isAlternative: false });
    expect(oracle).toHaveLength(20);
    // A real identicon, not the grey placeholder ui-shared draws when hashing fails.
    expect(new Set(oracle.slice(1).map((c) => c.fill)).size).toBeGreaterThan(2);
    expect(drawn.map((c) => c.fill)).toEqual(oracle.map((c) => c.fill));
    drawn.forEach((c, i) => {
      expect(c.cx).toBeCloseTo(oracle[i]!.cx, 6);
      expect(c.cy).toBeCloseTo(oracle[i]!.cy, 6);
      expect(c.r).toBeCloseTo(oracle[i]!.r, 6);
    });
  }
});
