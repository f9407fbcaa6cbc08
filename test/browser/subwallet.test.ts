/**
 * Issue 17 in Chromium: "Restore JSON" with a SubWallet export (built as SubWallet's published source
 * writes it, test/support/subwallet.ts) holding a TON account beside a Polkadot one. The notice says
 * the Polkadot account was restored and names the TON one in its sentence; "Verify a backup" marks
 * it left out with the same sentence. No page text quotes a CLI flag or command.
 */
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { beforeAll, expect, it } from 'vitest';
import { oracleReady } from '../support/oracle.js';
import { subWalletExport, subWalletOtherKind, subWalletStored, subWalletUnified } from '../support/subwallet.js';
import { describeBrowser, fileWrite, pageGo, restoreFiles, textShown, walletSession } from './harness.js';

const MASTER = 'subwallet master 1';
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;
const TON_SENTENCE = /A TON account \(.*\(entry 1\)\) was not restored: only Polkadot and Ethereum keys are kept in keepsake\./;

describeBrowser('browser wallet: a SubWallet export', () => {
  const wallet = walletSession();
  let text = '';

  beforeAll(async () => {
    await oracleReady();
    const sr = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(mnemonicGenerate(12), { name: 'Pair' }, 'sr25519');
    const ton = subWalletOtherKind(new Keyring({ type: 'ed25519' }).addFromUri(mnemonicGenerate(12)), 'ton', MASTER, { name: 'TON' });
    text = subWalletExport([ton, subWalletStored(sr, MASTER)], MASTER, subWalletUnified('u1', 'Unified name', [sr]));
  });

  it('Restore JSON restores the Polkadot account under its unified name and names the TON account in one sentence', async () => {
    const { page, server } = wallet;
    const path = await fileWrite(server, 'subwallet.json', text);
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await restoreFiles(page, path, MASTER);
    const notice = await textShown(page.getByTestId('notice'), 'Restored 1 account, skipped 1');
    const shown = await notice.innerText();
    expect(shown).toContain('Unified name');
    expect(shown).toMatch(TON_SENTENCE);
    expect(shown).not.toMatch(CLI_TEXT);
  });

  it('Verify a backup marks the TON account left out, with its sentence', async () => {
    const { page, server } = wallet;
    const path = await fileWrite(server, 'subwallet-verify.json', text);
    await pageGo(page, 'Verify a backup');
    await page.getByLabel('Backup file').setInputFiles(path);
    await page.getByLabel('Password', { exact: true }).fill(MASTER);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const list = page.getByRole('list', { name: 'Verified accounts' });
    const left = await textShown(list.getByRole('listitem'), 'left out');
    expect(await left.innerText()).toMatch(TON_SENTENCE);
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Every Polkadot and Ethereum account in this SubWallet export would restore/);
    expect(main).not.toMatch(CLI_TEXT);
  });
});
