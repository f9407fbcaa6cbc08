/**
 * The Accounts page, clicked and typed through in Chromium: "Restore JSON" with a file written by
 * @polkadot/keyring (picked, and dropped), a wrong password shown next to the Password field;
 * "Create a backup file for this account" → a real download that keyring opens; "Add account" with
 * the user's own phrase → "Create and backup account"; "Export all" → a batch file that
 * @polkadot/util-crypto decrypts. Every file crossing the browser boundary is written or read by
 * Polkadot{.js}' own code, never by keepsake.
 */
import { Keyring } from '@polkadot/keyring';
import { jsonDecrypt } from '@polkadot/util-crypto';
import { u8aToString } from '@polkadot/util';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { expect, it } from 'vitest';
import {
  apiCall,
  describeBrowser,
  dialogClose,
  dialogOpen,
  downloadBy,
  fieldError,
  fileDrop,
  fileWrite,
  menuDialog,
  optionsLoaded,
  oracleOpen,
  oracleWrite,
  publicKeyOf,
  restoreFiles,
  restoreOpen,
  scryptParams,
  textShown,
  vectors,
  walletSession,
} from './harness.js';
import { loadVectors } from '../support/vectors.js';

const RESTORED = { name: 'Restored from keyring', password: 'keyring pässword 1', suri: `${vectors.devPhrase}//e2e//restored` };
const DROPPED = { name: 'Dropped from keyring', password: 'dropped-pw-2', suri: `${vectors.devPhrase}//e2e//dropped` };
const WRONG = 'not-the-password';
const ADDED = { name: 'My own phrase', password: 'chosen password 3' };
const BATCH_PASSWORD = 'batch password 4';
/** The sr25519 root key of the dev phrase (a known vector). */
const ROOT = vectors.suri.find((s) => s.type === 'sr25519' && s.suri === vectors.devPhrase)!;
/** The Web3 Secret Storage (PBKDF2) vector: a MetaMask/geth keystore file. */
const keystore = loadVectors<{ password: string; expectedAddressLowercase: string; file: object }>('ethereum-keystore');

describeBrowser('browser wallet: Accounts', () => {
  const wallet = walletSession();
  const restored = { publicKey: '', address: '' };

  const accountsList = () => wallet.page.getByRole('list', { name: 'Accounts', exact: true });
  const accountItem = (name: string) => accountsList().getByRole('listitem', { name, exact: true });

  it('Restore JSON: a wrong password is shown next to the Password field and adds nothing; the right one restores the account', async () => {
    const { page, server } = wallet;
    const file = oracleWrite(RESTORED.suri, RESTORED.password, RESTORED.name);
    restored.publicKey = file.publicKey;
    restored.address = file.address;
    const path = await fileWrite(server, `${file.address}.json`, JSON.stringify(file.json));

    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await textShown(page.locator('p'), 'No accounts yet');
    const d = await restoreOpen(page);
    await d.getByLabel('Backup files').setInputFiles(path);
    await textShown(d.getByRole('list', { name: 'Chosen files' }).getByRole('listitem'), `${file.address}.json`);

    // Wrong password first.
    const password = d.getByLabel('Password', { exact: true });
    await password.fill(WRONG);
    await d.getByRole('button', { name: 'Restore', exact: true }).click();
    expect(await fieldError(password)).toMatch(/wrong password/i);
    expect(await d.getByText(WRONG).count(), 'the password is never shown').toBe(0);
    // Nothing was added: the page still says so, and so does the server.
    expect(await page.getByText('No accounts yet', { exact: false }).count()).toBe(1);
    expect(await accountsList().count()).toBe(0);
    expect(await apiCall(server, '/api/accounts')).toEqual([]);

    // The right one.
    await password.fill(RESTORED.password);
    await d.getByRole('button', { name: 'Restore', exact: true }).click();
    const notice = await textShown(page.getByTestId('notice'), 'Restored 1 account');
    expect(await notice.innerText()).toContain(RESTORED.name);
    await d.waitFor({ state: 'hidden' });
    const item = accountItem(RESTORED.name);
    await item.waitFor();
    // Shown in the account's own network format (generic Substrate for a keyring default file).
    expect(await item.innerText()).toContain(file.address);
  });

  it('Restore JSON: a file dropped on the drop zone is restored too', async () => {
    const { page } = wallet;
    const file = oracleWrite(DROPPED.suri, DROPPED.password, DROPPED.name);
    const d = await restoreOpen(page);
    await fileDrop(d.getByTestId('drop-zone'), `${file.address}.json`, JSON.stringify(file.json));
    await textShown(d.getByRole('list', { name: 'Chosen files' }).getByRole('listitem'), `${file.address}.json`);
    await d.getByLabel('Password', { exact: true }).fill(DROPPED.password);
    await d.getByRole('button', { name: 'Restore', exact: true }).click();
    await textShown(page.getByTestId('notice'), 'Restored 1 account');
    await accountItem(DROPPED.name).waitFor();
    expect(await accountItem(DROPPED.name).innerText()).toContain(file.address);
  });

  it('Restore JSON: a file that is no wallet file is said next to the file field; a long restore shows progress; a duplicate is kept or replaced as chosen', async () => {
    const { page, server } = wallet;
    let d = await restoreFiles(page, await fileWrite(server, 'notes.txt', 'my passwords are on a post-it\n'), RESTORED.password);
    expect((await fieldError(d.getByLabel('Backup files'))).length).toBeGreaterThan(10);
    await dialogClose(d, 'Cancel');

    // The same file again, slowed down on its way to the server: progress is shown meanwhile, and
    // the account already in the vault is kept.
    const again = await fileWrite(server, 'again.json', JSON.stringify(oracleWrite(RESTORED.suri, RESTORED.password, RESTORED.name).json));
    d = await restoreOpen(page);
    await d.getByLabel('Backup files').setInputFiles(again);
    await d.getByLabel('Password', { exact: true }).fill(RESTORED.password);
    expect(await d.getByRole('radio', { name: 'Keep the one in the vault' }).isChecked()).toBe(true);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let passed: Promise<void> = Promise.resolve();
    await page.route(
      '**/api/restore',
      (route) => {
        passed = held.then(() => route.continue());
        return passed;
      },
      { times: 1 },
    );
    try {
      await d.getByRole('button', { name: 'Restore', exact: true }).click();
      await d.getByRole('progressbar', { name: 'Restoring 1 file…' }).waitFor();
      expect(await d.getByRole('button', { name: 'Restore', exact: true }).isDisabled(), 'no second submit while busy').toBe(true);
    } finally {
      release();
      await passed;
    }
    let notice = await textShown(page.getByTestId('notice'), 'Restored 0 accounts, skipped 1');
    expect(await notice.innerText()).toContain(restored.address);
    await d.waitFor({ state: 'hidden' });

    d = await restoreOpen(page);
    await d.getByLabel('Backup files').setInputFiles(again);
    await d.getByLabel('Password', { exact: true }).fill(RESTORED.password);
    await d.getByRole('radio', { name: 'Replace it with the one from the file' }).check();
    await d.getByRole('button', { name: 'Restore', exact: true }).click();
    notice = await textShown(page.getByTestId('notice'), 'Restored 1 account');
    expect(await notice.innerText()).toMatch(/replacing the one in the vault/);
    await d.waitFor({ state: 'hidden' });
    expect(await accountsList().getByRole('listitem', { name: RESTORED.name, exact: true }).count(), 'not listed twice').toBe(1);
  });

  it('"Create a backup file for this account" downloads <address>.json that @polkadot/keyring opens with the account password', async () => {
    const { page } = wallet;
    expect(restored.address, 'needs the restore test').not.toBe('');
    const openBackupDialog = () =>
      menuDialog(page, `Actions for ${RESTORED.name}`, 'Create a backup file for this account', `Create a backup file for ${RESTORED.name}`);

    // The default: what current wallets write (scrypt N=2^17).
    let d = await openBackupDialog();
    await d.getByLabel('Password', { exact: true }).fill(RESTORED.password);
    const file = await downloadBy(page, () => d.getByRole('button', { name: 'Download backup file' }).click());
    expect(file.name).toBe(`${restored.address}.json`);
    const opened = oracleOpen(file.text, RESTORED.password);
    expect(opened.pair.address).toBe(restored.address);
    expect(opened.publicKey).toBe(restored.publicKey);
    expect(opened.json.meta.name).toBe(RESTORED.name);
    expect(scryptParams(opened.json)).toEqual({ N: 1 << 17, p: 1, r: 8 });
    await textShown(page.getByTestId('notice'), `Backup file ${restored.address}.json downloaded`);
    await d.waitFor({ state: 'hidden' });

    // "Readable by wallets from before mid-2025": scrypt N=2^15, still opened by keyring.
    d = await openBackupDialog();
    await d.getByLabel('Password', { exact: true }).fill(RESTORED.password);
    await d.getByRole('checkbox', { name: 'Readable by wallets from before mid-2025' }).check();
    const compat = await downloadBy(page, () => d.getByRole('button', { name: 'Download backup file' }).click());
    const openedCompat = oracleOpen(compat.text, RESTORED.password);
    expect(openedCompat.publicKey).toBe(restored.publicKey);
    expect(scryptParams(openedCompat.json)).toEqual({ N: 1 << 15, p: 1, r: 8 });
    await d.waitFor({ state: 'hidden' });

    // A wrong account password: said next to the field, and no download.
    d = await openBackupDialog();
    const password = d.getByLabel('Password', { exact: true });
    await password.fill(WRONG);
    let downloaded = false;
    const onDownload = () => (downloaded = true);
    page.on('download', onDownload);
    await d.getByRole('button', { name: 'Download backup file' }).click();
    expect(await fieldError(password)).toMatch(/wrong password/i);
    page.off('download', onDownload);
    expect(downloaded).toBe(false);
    await dialogClose(d, 'Cancel');
  });

  it('"Add account" with the phrase replaced by a known vector → "Create and backup account" downloads a file keyring opens, with the vector key', async () => {
    const { page } = wallet;
    const d = await dialogOpen(page.getByRole('button', { name: 'Add account' }), 'Add account');
    const phrase = d.getByLabel('Secret phrase');
    // A new phrase was generated for the user…
    await expect.poll(async () => (await phrase.inputValue()).trim().split(/\s+/).length, { timeout: 30_000 }).toBe(12);
    expect(await phrase.inputValue()).not.toBe(vectors.devPhrase);
    // …which they replace with their own.
    await d.getByLabel('Name', { exact: true }).fill(ADDED.name);
    await phrase.fill(vectors.devPhrase);
    await d.getByLabel('Password', { exact: true }).fill(ADDED.password);
    await d.getByLabel('Repeat password', { exact: true }).fill(ADDED.password);
    expect(await d.getByLabel('Key type').inputValue()).toBe('sr25519');
    // A phrase with one word swapped fails its checksum: said next to the phrase, back on the form.
    const words = vectors.devPhrase.split(' ');
    await phrase.fill([...words.slice(0, 11), words[0]].join(' '));
    await d.getByRole('button', { name: 'Save', exact: true }).click();
    await d.getByRole('button', { name: 'Create and backup account' }).click();
    expect(await fieldError(d.getByLabel('Secret phrase'))).toMatch(/checksum/i);
    expect(await d.getByLabel('Name', { exact: true }).inputValue(), 'what was typed is kept').toBe(ADDED.name);

    await phrase.fill(vectors.devPhrase);
    await d.getByRole('button', { name: 'Save', exact: true }).click();

    const file = await downloadBy(page, () => d.getByRole('button', { name: 'Create and backup account' }).click());
    const opened = oracleOpen(file.text, ADDED.password);
    expect(opened.publicKey).toBe(ROOT.publicKey);
    expect(publicKeyOf(opened.json.address)).toBe(ROOT.publicKey);
    expect(file.name).toBe(`${opened.json.address}.json`);
    expect(opened.json.meta.name).toBe(ADDED.name);

    const notice = await textShown(page.getByTestId('notice'), `Account ${ADDED.name} added.`);
    expect(await notice.innerText()).toContain(`${opened.json.address}.json`);
    const item = accountItem(ADDED.name);
    await item.waitFor();
    const shown = /\b[1-9A-HJ-NP-Za-km-z]{46,50}\b/.exec(await item.innerText())?.[0];
    expect(shown && publicKeyOf(shown)).toBe(ROOT.publicKey);
  });

  it('"Export all" downloads a batch file that @polkadot/util-crypto decrypts with the batch password, listing every account', async () => {
    const { page } = wallet;
    const d = await dialogOpen(page.getByRole('button', { name: 'Export all' }), 'Export all accounts');
    expect(await d.innerText()).toMatch(/each account inside keeps its own password/i);
    // Two different passwords are refused next to the repeat field.
    await d.getByLabel('Password', { exact: true }).fill(BATCH_PASSWORD);
    await d.getByLabel('Repeat password', { exact: true }).fill(`${BATCH_PASSWORD}!`);
    await d.getByRole('button', { name: 'Download file' }).click();
    expect(await fieldError(d.getByLabel('Repeat password', { exact: true }))).toMatch(/not the same/i);
    await d.getByLabel('Repeat password', { exact: true }).fill(BATCH_PASSWORD);
    const file = await downloadBy(page, () => d.getByRole('button', { name: 'Download file' }).click());
    expect(file.name).toMatch(/\.json$/);

    const batch = JSON.parse(file.text) as {
      encoded: string;
      encoding: KeyringPair$Json['encoding'];
      accounts: { address: string; meta: { name?: string } }[];
    };
    expect(batch.encoding.content).toEqual(['batch-pkcs8']);
    const inside = JSON.parse(u8aToString(jsonDecrypt(batch, BATCH_PASSWORD))) as KeyringPair$Json[];
    const keys = (list: { address: string }[]) => list.map((a) => publicKeyOf(a.address)).sort();
    const expected = [restored.publicKey, publicKeyOf(oracleWrite(DROPPED.suri, 'x', 'x').address), ROOT.publicKey].sort();
    expect(keys(inside)).toEqual(expected);
    expect(keys(batch.accounts)).toEqual(expected);
    expect(inside.map((a) => a.meta.name).sort()).toEqual([ADDED.name, DROPPED.name, RESTORED.name].sort());
    // Each account inside keeps its own password: keyring opens one with it.
    const own = inside.find((a) => a.meta.name === RESTORED.name)!;
    expect(oracleOpen(JSON.stringify(own), RESTORED.password).publicKey).toBe(restored.publicKey);
    expect(() => jsonDecrypt(batch, WRONG)).toThrow();

    await textShown(page.getByTestId('notice'), '3 accounts exported');
  });

  it('"Show addresses for network" shows every address in the chosen network\'s format', async () => {
    const { page } = wallet;
    const select = page.getByLabel('Show addresses for network');
    await optionsLoaded(select);
    await select.selectOption('polkadot');
    const polkadot = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(RESTORED.suri).address;
    await textShown(accountItem(RESTORED.name), polkadot);
    await select.selectOption('kusama');
    await textShown(accountItem(RESTORED.name), new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri(RESTORED.suri).address);
    await select.selectOption('');
    await textShown(accountItem(RESTORED.name), restored.address);
  });

  it("Restore JSON takes an Ethereum keystore (the Web3 vector); Rename and Forget account work from the account's menu", async () => {
    const { page, server } = wallet;
    let d = await restoreFiles(page, await fileWrite(server, 'UTC--keystore.json', JSON.stringify(keystore.file)), keystore.password);
    await textShown(page.getByTestId('notice'), 'Restored 1 account');
    await d.waitFor({ state: 'hidden' });
    const ethereum = accountsList()
      .getByRole('listitem')
      .filter({ hasText: new RegExp(keystore.expectedAddressLowercase, 'i') });
    await ethereum.waitFor();
    expect(await ethereum.innerText()).toMatch(/ethereum/);
    const name = (await ethereum.getByRole('heading').innerText()).trim();

    d = await menuDialog(page, `Actions for ${name}`, 'Rename', `Rename ${name}`);
    await d.getByLabel('New name').fill('MetaMask account');
    await d.getByRole('button', { name: 'Save name' }).click();
    await textShown(page.getByTestId('notice'), `Renamed ${name} to MetaMask account.`);
    await accountItem('MetaMask account').waitFor();

    d = await menuDialog(page, 'Actions for MetaMask account', 'Forget account', 'Forget MetaMask account?');
    await d.getByRole('button', { name: 'Forget account' }).click();
    await textShown(page.getByTestId('notice'), 'MetaMask account was removed from the vault.');
    await expect.poll(() => accountItem('MetaMask account').count()).toBe(0);
    expect(await accountsList().getByRole('listitem').count()).toBe(3);
  });

  it('Restore JSON: a file keyring wrote without a password (type "none") is restored locked with the password entered, and the page says so', async () => {
    const { page, server } = wallet;
    const unlocked = oracleWrite(`${vectors.devPhrase}//e2e//unencrypted`, '', 'Unencrypted from keyring');
    expect(unlocked.json.encoding.type).toEqual(['none']);
    await restoreFiles(page, await fileWrite(server, `${unlocked.address}.json`, JSON.stringify(unlocked.json)), 'lock it with this');
    const notice = await textShown(page.getByTestId('notice'), 'Unencrypted from keyring');
    expect(await notice.innerText()).toContain('the file was not encrypted, so keepsake locked the key with the password you entered');
    // The stored file is a scrypt file that keyring opens with that password, holding the same key.
    const stored = (await apiCall<{ json: string }>(server, '/api/accounts/export', { address: unlocked.address, password: 'lock it with this' })).json;
    expect(oracleOpen(stored, 'lock it with this').publicKey).toBe(unlocked.publicKey);
  });

  it('no API response carried a password, and the page has a strict Content-Security-Policy', async () => {
    const { app } = wallet;
    const responses = await app.apiResponses();
    expect(responses.length).toBeGreaterThan(5);
    for (const secret of [RESTORED.password, DROPPED.password, ADDED.password, BATCH_PASSWORD, WRONG]) {
      expect(
        responses.filter((r) => r.body.includes(secret)).map((r) => r.path),
        `responses containing "${secret}"`,
      ).toEqual([]);
    }
    const csp = app.headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });
});
