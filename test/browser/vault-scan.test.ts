/**
 * Issue 17, in Chromium: Polkadot Vault's QR codes read by the camera (Chromium's fake camera playing
 * a Y4M video of QR codes, in turn: a code that is neither, Vault's "Export private key" code, and a
 * Vault address code). "Add from Polkadot Vault" → "Scan with the camera" fills the key text only with
 * the key code (the other said once) and shows the account's address; the Address book's scan fills
 * the Address field only with the address code — never with the key.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pngjs from 'pngjs';
import { expect, it } from 'vitest';
import { qrPngEncode } from '../../src/formats/qr-image.js';
import { y4mVideo, type RgbaImage } from '../support/bananaSplit.js';
import { apiCall, describeBrowser, dialogOpen, downloadBy, pageGo, textShown, walletSession } from './harness.js';

// Known answer from parity-signer rust/db_handling/tests/tests.rs: Alice's phrase + //Alice on Westend.
const WESTEND = 'e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const KEY_TEXT = `secret:0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a:${WESTEND}`;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ADDRESS_TEXT = `substrate:${ALICE}:0x${WESTEND}`;
const PASSWORD = 'vault scan pw 1';
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;

async function qrImage(text: string): Promise<RgbaImage> {
  const png = pngjs.PNG.sync.read(Buffer.from(await qrPngEncode(text)));
  return { width: png.width, height: png.height, data: png.data };
}

describeBrowser('browser wallet: Polkadot Vault QR codes read by the camera', () => {
  const wallet = walletSession({
    camera: async (dir) => {
      const images = await Promise.all(['not a Vault code', KEY_TEXT, ADDRESS_TEXT].map(qrImage));
      const video = join(dir, 'vault-codes.y4m');
      await writeFile(video, y4mVideo(images, { repeat: 6, fps: 4 }));
      return video;
    },
  });

  it('"Add from Polkadot Vault": the camera fills the key text with the key code only, closes, and the account is added', async () => {
    const { page, server } = wallet;
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    const d = await dialogOpen(page.getByRole('button', { name: 'Add from Polkadot Vault' }), 'Add from Polkadot Vault');
    const text = d.getByLabel('Key text from Polkadot Vault');
    await d.getByRole('button', { name: 'Scan with the camera' }).click();
    await textShown(d, ALICE);
    expect(await text.inputValue()).toBe(KEY_TEXT);
    // The key is read: the camera view is gone, and with it the camera.
    await d.locator('video').waitFor({ state: 'detached' });
    await d.getByRole('button', { name: 'Scan with the camera' }).waitFor();

    await d.getByLabel('Name', { exact: true }).fill('Scanned');
    await d.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await d.getByLabel('Repeat password', { exact: true }).fill(PASSWORD);
    await downloadBy(page, () => d.getByRole('button', { name: 'Add account', exact: true }).click());
    expect(await apiCall(server, '/api/accounts')).toMatchObject([{ address: ALICE, name: 'Scanned', network: 'westend' }]);
    expect(await page.locator('body').innerText()).not.toMatch(CLI_TEXT);
  });

  it('the Address book: the camera fills the Address field with the address code only (never the key), and it is saved', async () => {
    const { page, server } = wallet;
    await pageGo(page, 'Address book');
    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    const field = page.getByLabel('Address', { exact: true });
    await expect.poll(() => field.inputValue(), { timeout: 60_000 }).toBe(ADDRESS_TEXT);
    await page.locator('video').waitFor({ state: 'detached' });
    await page.getByLabel('Name', { exact: true }).fill('Alice from Vault');
    await page.getByRole('button', { name: 'Add address' }).click();
    await textShown(page.getByTestId('notice'), 'Alice from Vault added to the address book.');
    expect(await apiCall(server, '/api/addresses')).toMatchObject([{ address: ALICE, name: 'Alice from Vault' }]);
  });
});
