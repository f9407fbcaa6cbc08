/**
 * Banana Split shards in the browser (issue 16): "Split into shards" shows the passphrase once and
 * prints one sheet a shard (a PDF of the print media has one page a shard; each printed QR code reads
 * back, with jsQR, as a shard that opens with an independent decoder; the passphrase is not printed);
 * "Recover from shards" recovers the identity from PNG photos of the shards, says too few, mixed sets
 * and a wrong passphrase in one sentence each, and reads the shards from a camera (Chromium's fake
 * camera playing a Y4M video of the shards' QR codes).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import pngjs from 'pngjs';
import { beforeAll, expect, it } from 'vitest';
import { bananaSplitDecodeIndependent, y4mVideo } from '../support/bananaSplit.js';
import { apiCall, appOpen, describeBrowser, dialogOpen, pageGo, serverStart, textShown, vectors, walletSession, type Server } from './harness.js';

const DEV = vectors.devPhrase;
const IDENTITY = { name: 'Paper', pin: '246810' };
const NEW_PIN = '135790';
/** Words a browser page never shows: a command line's. */
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;

type Split = { title: string; required: number; count: number; passphrase: string; shards: { text: string; filename: string; qrPng: string }[] };
type IdentityJson = { name: string; accounts: { address: string; path: string }[] };

/** Recovers the DEV phrase as an identity with one Polkadot account, through the API (set-up, not the flow under test). */
async function identityWithAccount(server: Server): Promise<IdentityJson> {
  await apiCall(server, '/api/identities/recover', { name: IDENTITY.name, mnemonic: DEV, pin: IDENTITY.pin });
  await apiCall(server, '/api/identities/derive', { identity: IDENTITY.name, pin: IDENTITY.pin, network: 'polkadot' });
  return (await apiCall<IdentityJson[]>(server, '/api/identities'))[0]!;
}

/** The text of the QR code in a PNG (bytes), read with pngjs and jsQR. */
function qrOfPng(png: Buffer): string | undefined {
  const image = pngjs.PNG.sync.read(png);
  return jsQR.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

const pngOfDataUrl = (url: string) => Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');

/** Writes each shard's QR image as a PNG file in the server's folder; returns their paths. */
async function shardPngs(server: Server, split: Split, which: readonly number[], prefix: string): Promise<string[]> {
  return Promise.all(
    which.map(async (i) => {
      const path = join(server.dir, `${prefix}-shard-${i + 1}.png`);
      await writeFile(path, pngOfDataUrl(split.shards[i]!.qrPng));
      return path;
    }),
  );
}

describeBrowser('browser wallet: Banana Split shards', () => {
  let identity: IdentityJson;
  const wallet = walletSession({
    before: async (server) => {
      identity = await identityWithAccount(server);
    },
  });
  beforeAll(() => pageGo(wallet.page, 'Identities'));

  it('"Split into shards": the passphrase shown once; printing gives one page a shard, each QR code a shard that opens; no passphrase printed', async () => {
    const { page } = wallet;
    const region = page.getByRole('region', { name: IDENTITY.name, exact: true });
    const d = await dialogOpen(region.getByRole('button', { name: `Split into shards ${IDENTITY.name}` }), `Split ${IDENTITY.name} into shards`);
    expect(await d.getByLabel('Number of shards').inputValue()).toBe('3');
    expect(await d.getByLabel('Title').inputValue()).toBe(IDENTITY.name);
    await d.getByLabel('PIN', { exact: true }).fill(IDENTITY.pin);
    await d.getByLabel('Number of shards').fill('4');
    await d.getByRole('button', { name: 'Make shards' }).click();
    const shown = d.getByTestId('shard-passphrase');
    await shown.waitFor();
    const passphrase = (await shown.innerText()).trim();
    expect(passphrase).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+$/);
    const text = await d.innerText();
    expect(text).toContain('It is not on the sheets, and it is shown only this once');
    expect(text).toContain('4 shards: any 3 of them recover the phrase');
    expect(text).not.toMatch(CLI_TEXT);

    await page.emulateMedia({ media: 'print' });
    try {
      // What prints: the sheets only — no passphrase, no buttons, no navigation.
      const printed = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
      expect(printed).not.toContain(passphrase);
      for (const w of passphrase.split('-')) expect(printed).not.toMatch(new RegExp(`\\b${w}\\b`));
      expect(printed).not.toContain('Print the sheets');
      expect(printed).not.toContain('Create identity');
      expect(printed).not.toContain('Address book');
      for (let i = 1; i <= 4; i++) expect(printed).toContain(`Shard ${i} of 4`);
      expect(printed).toContain('Any 3 of the 4 shards recover the phrase, with the passphrase.');
      expect(printed).not.toMatch(CLI_TEXT);

      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length, 'one PDF page a shard').toBe(4);

      const sheets = page.locator('body > .shard-sheets .sheet');
      expect(await sheets.count()).toBe(4);
      // Each sheet ends its page whatever its height (a short title and shard would otherwise share a page).
      const breaks = await sheets.evaluateAll((els) =>
        els.map((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { breakAfter: string } }).getComputedStyle(el).breakAfter),
      );
      expect(breaks).toEqual(['page', 'page', 'page', 'auto']);
      const read: string[] = [];
      for (let i = 0; i < 4; i++) {
        const qr = qrOfPng(await sheets.nth(i).screenshot());
        expect(qr, `sheet ${i + 1} has a readable QR code`).toBeDefined();
        read.push(qr!);
      }
      expect(new Set(read).size).toBe(4);
      expect(JSON.parse(read[0]!)).toMatchObject({ v: 1, t: IDENTITY.name, r: 3 });
      expect(bananaSplitDecodeIndependent([read[3]!, read[1]!, read[0]!], passphrase)).toBe(DEV);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await d.getByRole('button', { name: 'Close' }).click();
    await d.waitFor({ state: 'hidden' });
    expect(await page.locator('.shard-sheets').count()).toBe(0);
  });

  it('"Recover from shards" from PNG photos: too few, mixed sets and a wrong passphrase are said by their fields; then the identity and its accounts', async () => {
    const { page, server } = wallet;
    const split = await apiCall<Split>(server, '/api/identities/split', { identity: IDENTITY.name, pin: IDENTITY.pin, shares: 5 });
    const other = await apiCall<Split>(server, '/api/identities/split', { identity: IDENTITY.name, pin: IDENTITY.pin, shares: 3 });
    const fresh = await wallet.serverStart();
    const app = await wallet.appOpen(fresh);
    const p = app.page;
    await pageGo(p, 'Identities');
    const d = await dialogOpen(p.getByRole('button', { name: 'Recover from shards' }), 'Recover from shards');
    const images = d.getByLabel('Photos or files of shards');
    const shardsError = d.getByTestId('shards-error');

    // one shard only: "1 of 3" so far; recovering says how many are needed, by the shards
    await images.setInputFiles(await shardPngs(server, split, [1], 'a'));
    await textShown(d.getByRole('status'), '1 of 3 shards read');
    await d.getByLabel('Passphrase', { exact: true }).fill(split.passphrase);
    await d.getByLabel('New PIN', { exact: true }).fill(NEW_PIN);
    await d.getByLabel('Repeat new PIN', { exact: true }).fill(NEW_PIN);
    await d.getByRole('button', { name: 'Recover identity' }).click();
    await textShown(shardsError, '(1 of 3 needed)');

    // a shard of another set is refused as it is added; the list keeps the good ones
    await images.setInputFiles(await shardPngs(server, other, [0], 'other'));
    await textShown(shardsError, 'These shards are of different sets');
    await textShown(d.getByRole('status'), '1 of 3 shards read');
    // the same shard again is refused too
    await images.setInputFiles(await shardPngs(server, split, [1], 'again'));
    await textShown(shardsError, 'was given twice');

    await images.setInputFiles(await shardPngs(server, split, [4], 'b'));
    await textShown(d.getByRole('status'), '2 of 3 shards read');
    // the third as pasted text
    await d.getByLabel('Shard text').fill(split.shards[2]!.text);
    await d.getByRole('button', { name: 'Add pasted shard' }).click();
    await textShown(d.getByRole('status'), '3 of 3 shards read');
    expect(await d.getByLabel('Shard text').inputValue()).toBe('');
    expect(await shardsError.count()).toBe(0);

    // a wrong passphrase: said by the passphrase field; nothing recovered
    const pass = d.getByLabel('Passphrase', { exact: true });
    await pass.fill('wrong wrong wrong wrong');
    await d.getByRole('button', { name: 'Recover identity' }).click();
    await textShown(d.getByRole('alert'), 'The passphrase does not open the shards of "Paper"');
    expect(await pass.getAttribute('aria-invalid')).toBe('true');
    expect(await apiCall<unknown[]>(fresh, '/api/identities')).toEqual([]);

    // typed with spaces for its dashes
    await pass.fill(split.passphrase.replaceAll('-', ' '));
    await d.getByRole('button', { name: 'Recover identity' }).click();
    await textShown(p.getByTestId('notice'), `Identity ${IDENTITY.name} recovered from 3 shards.`);
    expect(await d.count()).toBe(0);
    const recovered = await apiCall<IdentityJson[]>(fresh, '/api/identities');
    expect(recovered.map((i) => i.name)).toEqual([IDENTITY.name]);
    // the same phrase: deriving its account again gives the same address
    await apiCall(fresh, '/api/identities/derive', { identity: IDENTITY.name, pin: NEW_PIN, network: 'polkadot' });
    expect((await apiCall<IdentityJson[]>(fresh, '/api/identities'))[0]!.accounts.map((a) => a.address)).toEqual(identity.accounts.map((a) => a.address));
    expect(await p.locator('body').innerText()).not.toMatch(CLI_TEXT);
  });
});

describeBrowser('browser wallet: shards read by the camera', () => {
  let split: Split;
  const wallet = walletSession({
    camera: async (dir) => {
      // The shards are made in another vault: recovered here, they are a new identity.
      const setup = await serverStart();
      try {
        await identityWithAccount(setup);
        split = await apiCall<Split>(setup, '/api/identities/split', { identity: IDENTITY.name, pin: IDENTITY.pin, shares: 3 });
      } finally {
        await setup.stop();
      }
      // Shards 3 and 1, each held up for a while, in turn (Chromium plays the file in a loop).
      const images = [2, 0].map((i) => {
        const png = pngjs.PNG.sync.read(pngOfDataUrl(split.shards[i]!.qrPng));
        return { width: png.width, height: png.height, data: png.data };
      });
      const video = join(dir, 'shards.y4m');
      await writeFile(video, y4mVideo(images, { repeat: 8, fps: 4 }));
      return video;
    },
  });

  it('"Use the camera" reads distinct shards until enough ("2 of 2"), stops the camera, and recovers the identity', async () => {
    const { page, server } = wallet;
    await pageGo(page, 'Identities');
    const d = await dialogOpen(page.getByRole('button', { name: 'Recover from shards' }), 'Recover from shards');
    await d.getByRole('button', { name: 'Use the camera' }).click();
    await textShown(d.getByRole('status'), '2 of 2 shards read');
    // enough read: the scanner is gone, and with it the camera
    await d.locator('video').waitFor({ state: 'detached' });
    const live = await page.evaluate(
      () => (globalThis as unknown as { document: { querySelectorAll: (s: string) => { length: number } } }).document.querySelectorAll('video').length,
    );
    expect(live).toBe(0);
    expect(await d.getByRole('list', { name: 'Shards added' }).getByRole('listitem').count()).toBe(2);
    await d.getByLabel('Passphrase', { exact: true }).fill(split.passphrase);
    await d.getByLabel('New PIN', { exact: true }).fill(NEW_PIN);
    await d.getByLabel('Repeat new PIN', { exact: true }).fill(NEW_PIN);
    await d.getByRole('button', { name: 'Recover identity' }).click();
    await textShown(page.getByTestId('notice'), `Identity ${IDENTITY.name} recovered from 2 shards.`);
    const shown = await apiCall<{ mnemonic: string }>(server, '/api/identities/show-phrase', { identity: IDENTITY.name, pin: NEW_PIN });
    expect(shown.mnemonic).toBe(DEV);
  });
});
