/**
 * Concordium data an earlier keepsake kept readable in the vault file (issue 14), in Chromium: the
 * Identities page says so in the browser's words, and sealing it under a new password takes it out
 * of the file; exporting it back to the desktop wallet then needs that password.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { concordiumDecrypt, type ConcordiumEnvelope, desktopExportData, legacyConcordiumVault, type DesktopExport } from '../support/concordium.js';
import { describeBrowser, downloadBy, fieldError, pageGo, serverStart, textShown, walletSession, type Server } from './harness.js';

const SEAL = 'seal password 4';
const EXPORT = 'export password 5';
/** Text a browser page must never show: a CLI flag, a backtick, a command. */
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;

describeBrowser('browser wallet: sealing Concordium data an earlier keepsake kept readable', () => {
  const data: DesktopExport = desktopExportData({ tag: 'W' });
  const attribute = 'Ana W0';
  const wallet = walletSession();
  let server: Server;

  it('the Identities page offers to seal it; once sealed, no attribute is left in the file and the export asks for that password', async () => {
    server = await serverStart({ prepare: async (vault) => legacyConcordiumVault(vault, data) });
    const bytes = () => Buffer.concat([server.vault, `${server.vault}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    expect(bytes().includes(Buffer.from(attribute))).toBe(true);
    const { page } = await wallet.appOpen(server);
    await pageGo(page, 'Identities');
    const notice = page.getByRole('region', { name: 'Seal the Concordium data' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toMatch(/anyone with a copy of the vault file can read identity attributes/);
    expect(text).not.toMatch(CLI_TEXT);
    // Too short: said next to the field, nothing sealed.
    await notice.getByLabel('Password', { exact: true }).fill('abc');
    await notice.getByLabel('Repeat password').fill('abc');
    await notice.getByRole('button', { name: 'Seal' }).click();
    expect(await fieldError(notice.getByLabel('Password', { exact: true }))).toMatch(/at least 6 characters/);
    await notice.getByLabel('Password', { exact: true }).fill(SEAL);
    await notice.getByLabel('Repeat password').fill(SEAL);
    await notice.getByRole('button', { name: 'Seal' }).click();
    await textShown(page.getByTestId('notice'), 'Sealed');
    await notice.waitFor({ state: 'detached' });
    expect(bytes().includes(Buffer.from(attribute))).toBe(false);

    await pageGo(page, 'Export/Import');
    const exp = page.getByRole('region', { name: 'Export the whole wallet' });
    await exp.getByRole('radio', { name: 'Concordium Desktop Wallet' }).check();
    await exp.getByLabel('Password', { exact: true }).fill(EXPORT);
    await exp.getByLabel('Repeat password', { exact: true }).fill(EXPORT);
    await exp.getByRole('button', { name: 'Export wallet' }).click();
    const sealField = exp.getByLabel('Password of the Concordium file');
    expect(await fieldError(sealField)).toMatch(/sealed in the vault/);
    await exp.getByLabel('Password', { exact: true }).fill(EXPORT);
    await exp.getByLabel('Repeat password', { exact: true }).fill(EXPORT);
    await sealField.fill(SEAL);
    const file = await downloadBy(page, () => exp.getByRole('button', { name: 'Export wallet' }).click());
    const back = concordiumDecrypt(JSON.parse(file.text) as ConcordiumEnvelope, EXPORT) as DesktopExport;
    expect(back.identities).toEqual(data.identities);
    await server.stop();
  });
});
