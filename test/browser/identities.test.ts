/**
 * The Identities page in Chromium, as Parity Signer's guide walks it: create an identity (the phrase
 * shown once, then three of its words re-entered), "Show Recovery Phrase" after the PIN (a wrong PIN
 * said next to the PIN field), derive an account for Polkadot (the Signer address QR code and its
 * `substrate:<address>:<genesis>:<name>` text), and "Find my address" for a Polkadot{.js} root key.
 * Expected addresses come from @polkadot/keyring, not from keepsake.
 */
import { Keyring } from '@polkadot/keyring';
import { beforeAll, expect, it } from 'vitest';
import { u8aToHex } from '@polkadot/util';
import {
  describeBrowser,
  dialog,
  dialogClose,
  dialogOpen,
  downloadBy,
  fieldError,
  menuDialog,
  optionsLoaded,
  oracleOpen,
  pageGo,
  textShown,
  walletSession,
} from './harness.js';

const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const IDENTITY = { name: 'Paper wallet', pin: '246810' };
const WRONG_PIN = '135790';
const DERIVED_NAME = 'Polkadot savings';
const FILE_PASSWORD = 'file password 8';

describeBrowser('browser wallet: Identities', () => {
  const wallet = walletSession();
  let phrase: string[] = [];

  beforeAll(() => pageGo(wallet.page, 'Identities'));

  const identityRegion = () => wallet.page.getByRole('region', { name: IDENTITY.name, exact: true });

  it('creates an identity: the phrase is shown once, three words are asked back (a wrong one is refused), then name and PIN', async () => {
    const { page } = wallet;
    await textShown(page.locator('p'), 'No identities yet');
    const d = await dialogOpen(page.getByRole('button', { name: 'Create identity' }), 'Create identity');
    const list = d.getByRole('list', { name: 'Recovery phrase' });
    await list.waitFor();
    phrase = (await list.getByRole('listitem').allInnerTexts()).map((w) => w.trim());
    expect(phrase).toHaveLength(24);
    expect(new Set(phrase).size).toBeGreaterThan(12);
    await d.getByRole('button', { name: 'I have written it down' }).click();

    // A wrong word #3 is refused next to its field; the phrase is not shown again.
    const w3 = d.getByLabel('Word #3', { exact: true });
    await w3.fill(phrase[2] === 'zoo' ? 'abandon' : 'zoo');
    await d.getByLabel('Word #7', { exact: true }).fill(phrase[6]!);
    await d.getByLabel('Word #11', { exact: true }).fill(phrase[10]!);
    await d.getByRole('button', { name: 'Check words' }).click();
    expect(await fieldError(w3)).toMatch(/not word #3/i);
    expect(await d.getByRole('list', { name: 'Recovery phrase' }).count()).toBe(0);
    await w3.fill(phrase[2]!);
    await d.getByRole('button', { name: 'Check words' }).click();

    await d.getByLabel('Name', { exact: true }).fill(IDENTITY.name);
    await d.getByLabel('PIN', { exact: true }).fill(IDENTITY.pin);
    await d.getByLabel('Repeat PIN', { exact: true }).fill(IDENTITY.pin);
    await d.getByRole('button', { name: 'Save identity' }).click();
    await textShown(page.getByTestId('notice'), `Identity ${IDENTITY.name} saved.`);
    await d.waitFor({ state: 'hidden' });
    await identityRegion().waitFor();
  });

  it('"Show Recovery Phrase" needs the PIN: a wrong PIN is said next to the PIN field, the right one shows the same 24 words', async () => {
    expect(phrase, 'needs the create test').toHaveLength(24);
    const d = await dialogOpen(
      identityRegion().getByRole('button', { name: `Show Recovery Phrase of ${IDENTITY.name}` }),
      `Recovery phrase of ${IDENTITY.name}`,
    );
    expect(await d.getByRole('list', { name: 'Recovery phrase' }).count()).toBe(0);

    const pin = d.getByLabel('PIN', { exact: true });
    await pin.fill(WRONG_PIN);
    await d.getByRole('button', { name: 'Show phrase' }).click();
    expect(await fieldError(pin)).toMatch(/PIN/);
    expect(await d.getByRole('list', { name: 'Recovery phrase' }).count()).toBe(0);

    await pin.fill(IDENTITY.pin);
    await d.getByRole('button', { name: 'Show phrase' }).click();
    const list = d.getByRole('list', { name: 'Recovery phrase' });
    await list.waitFor();
    expect((await list.getByRole('listitem').allInnerTexts()).map((w) => w.trim())).toEqual(phrase);
    await dialogClose(d, 'Close');
  });

  it("derives an account for Polkadot (//polkadot): keyring's address, the Signer QR image and its substrate:<address>:<genesis>:<name> text", async () => {
    const { page } = wallet;
    const expected = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(`${phrase.join(' ')}//polkadot`).address;
    const d = await dialogOpen(
      identityRegion().getByRole('button', { name: `Derive account for ${IDENTITY.name}` }),
      `Derive an account from ${IDENTITY.name}`,
    );
    const network = d.getByLabel('Network', { exact: true });
    await optionsLoaded(network);
    await network.selectOption('polkadot');
    await d.getByRole('radio', { name: 'Default path' }).check();
    await d.getByLabel('Key type').selectOption('sr25519');
    await d.getByLabel('Account name (optional)').fill(DERIVED_NAME);
    await d.getByLabel('PIN', { exact: true }).fill(IDENTITY.pin);
    await d.getByRole('button', { name: 'Derive', exact: true }).click();

    const notice = await textShown(page.getByTestId('notice'), `Account ${DERIVED_NAME} derived from ${IDENTITY.name}.`);
    expect(await notice.innerText()).toContain(expected);
    expect(await notice.innerText()).toContain('//polkadot');
    await d.waitFor({ state: 'hidden' });

    const item = identityRegion().getByRole('listitem', { name: DERIVED_NAME, exact: true });
    await item.waitFor();
    expect(await item.innerText()).toContain(expected);
    const qr = item.getByRole('img', { name: `Signer QR code for ${DERIVED_NAME}` });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const text = (await item.getByTestId('signer-qr-text').innerText()).trim();
    expect(text).toBe(`substrate:${expected}:${POLKADOT_GENESIS}:${DERIVED_NAME}`);
  });

  it("derives with a custom path (keyring's address) and the root key; a path that is no path is said next to the Path field", async () => {
    const derive = async (mode: 'Custom path' | 'Root key, no path', name: string, path?: string) => {
      const d = await dialogOpen(
        identityRegion().getByRole('button', { name: `Derive account for ${IDENTITY.name}` }),
        `Derive an account from ${IDENTITY.name}`,
      );
      await optionsLoaded(d.getByLabel('Network', { exact: true }));
      await d.getByLabel('Network', { exact: true }).selectOption('kusama');
      await d.getByRole('radio', { name: mode }).check();
      if (path !== undefined) await d.getByLabel('Path', { exact: true }).fill(path);
      await d.getByLabel('Account name (optional)').fill(name);
      await d.getByLabel('PIN', { exact: true }).fill(IDENTITY.pin);
      await d.getByRole('button', { name: 'Derive', exact: true }).click();
      return d;
    };
    const kusama = (suri: string) => new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri(suri).address;

    let d = await derive('Custom path', 'Kusama second', 'kusama 0');
    expect((await fieldError(d.getByLabel('Path', { exact: true }))).length).toBeGreaterThan(10);
    await d.getByLabel('Path', { exact: true }).fill('//kusama//0');
    await d.getByRole('button', { name: 'Derive', exact: true }).click();
    await d.waitFor({ state: 'hidden' });
    let item = identityRegion().getByRole('listitem', { name: 'Kusama second', exact: true });
    await item.waitFor();
    expect(await item.innerText()).toContain(kusama(`${phrase.join(' ')}//kusama//0`));

    d = await derive('Root key, no path', 'Kusama root');
    await d.waitFor({ state: 'hidden' });
    item = identityRegion().getByRole('listitem', { name: 'Kusama root', exact: true });
    await item.waitFor();
    expect(await item.innerText()).toContain(kusama(phrase.join(' ')));
    expect(await item.innerText()).toContain('root key (no path)');
  });

  it('an identity\'s account: "Create a backup file" asks the PIN and a new file password; keyring opens the download with that password', async () => {
    const { page } = wallet;
    const expected = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(`${phrase.join(' ')}//polkadot`);
    await pageGo(page, 'Accounts');
    const item = page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: DERIVED_NAME, exact: true });
    await item.waitFor();
    expect(await item.innerText()).toContain(`identity ${IDENTITY.name}, path //polkadot`);
    const open = () => menuDialog(page, `Actions for ${DERIVED_NAME}`, 'Create a backup file for this account', `Create a backup file for ${DERIVED_NAME}`);
    let d = await open();
    const pin = d.getByLabel('PIN', { exact: true });
    await pin.fill(WRONG_PIN);
    await d.getByLabel('New file password', { exact: true }).fill(FILE_PASSWORD);
    await d.getByLabel('Repeat new file password', { exact: true }).fill(FILE_PASSWORD);
    await d.getByRole('button', { name: 'Download backup file' }).click();
    expect(await fieldError(pin)).toMatch(/PIN/);
    await pin.fill(IDENTITY.pin);
    await d.getByRole('checkbox', { name: 'Readable by wallets from before mid-2025' }).check();
    const file = await downloadBy(page, () => d.getByRole('button', { name: 'Download backup file' }).click());
    expect(file.name).toBe(`${expected.address}.json`);
    const opened = oracleOpen(file.text, FILE_PASSWORD);
    expect(opened.publicKey).toBe(u8aToHex(expected.publicKey));
    expect(() => oracleOpen(file.text, IDENTITY.pin), 'the file is not locked with the PIN').toThrow();
    await textShown(page.getByTestId('notice'), 'It opens with the new password you chose.');
    d = dialog(page);
    await d.waitFor({ state: 'hidden' });
    await pageGo(page, 'Identities');
  });

  it('"Find my address" finds the Polkadot{.js} default (root key, sr25519) of the phrase', async () => {
    const root = new Keyring({ type: 'sr25519' }).addFromUri(phrase.join(' ')).address;
    const d = await dialogOpen(identityRegion().getByRole('button', { name: `Find my address in ${IDENTITY.name}` }), `Find my address in ${IDENTITY.name}`);
    await d.getByLabel('Address', { exact: true }).fill(root);
    await d.getByLabel('PIN', { exact: true }).fill(IDENTITY.pin);
    await d.getByRole('button', { name: 'Find path' }).click();
    const found = await textShown(d.getByRole('status'), 'Found:');
    expect(await found.innerText()).toMatch(/path root key \(no path\), key type sr25519/);

    // An address no common path of this phrase gives is said so, next to the Address field.
    const other = new Keyring({ type: 'sr25519' }).addFromUri('//Alice').address;
    await d.getByLabel('Address', { exact: true }).fill(other);
    await d.getByRole('button', { name: 'Find path' }).click();
    expect((await fieldError(d.getByLabel('Address', { exact: true }))).length).toBeGreaterThan(10);
    await dialogClose(d, 'Close');
  });

  it('no API response carried the PIN; the phrase only in the responses meant to show it', async () => {
    const { app } = wallet;
    const responses = await app.apiResponses();
    for (const secret of [IDENTITY.pin, WRONG_PIN, FILE_PASSWORD]) {
      expect(responses.filter((r) => r.body.includes(`"${secret}"`) || r.body.includes(secret)).map((r) => r.path)).toEqual([]);
    }
    const withPhrase = responses.filter((r) => r.body.includes(phrase.slice(0, 6).join(' '))).map((r) => r.path);
    expect(new Set(withPhrase)).toEqual(new Set(['/api/identities/generate', '/api/identities/show-phrase']));
  });
});
