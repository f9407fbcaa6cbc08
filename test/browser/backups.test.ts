/**
 * Backup health in the browser (issue 16, "How it is checked"), in Chromium: an account added in the
 * page has no backup; a backup file made from the page is backed up, not verified; that file verified
 * on the Verify page is verified today; the Backups page lists it with "Verify again". A backup the
 * CLI wrote at a path (the same vault, before the server started) is verified again from the page;
 * then the file changed on disk shows "Backup changed" and its "Verify again" is refused; deleted, it
 * shows "Backup missing".
 */
import { spawnSync } from 'node:child_process';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BIN } from '../support/cli.js';
import { LEGAL_WINNER, LETTER_ADVICE, testSecrets } from '../support/secrets.js';
import {
  appOpen,
  browserLaunch,
  describeBrowser,
  dialog,
  dialogOpen,
  downloadBy,
  expectCleanPage,
  fieldError,
  fileWrite,
  horizontalOverflow,
  menuDialog,
  pageGo,
  screenshot,
  serverStart,
  textShown,
  type App,
  type Server,
} from './harness.js';

const S = testSecrets('backups-page', ['web', 'cli', 'wrong']);
/** What a page must never show: a flag, a command or a code span (its words are the browser's). */
const CLI_TEXT = /--[a-z]|`|keepsake [a-z]/;
const CLI_FILE = 'cli-backup.json';

/** The CLI adds an account and writes its backup at a path, on the vault the server then opens. */
async function cliBackup(vault: string): Promise<void> {
  const dir = dirname(vault);
  const pw = join(dir, 'cli.pw');
  const suri = join(dir, 'cli.suri');
  await writeFile(pw, `${S.cli}\n`, { mode: 0o600 });
  await writeFile(suri, `${LEGAL_WINNER}//backups-page\n`, { mode: 0o600 });
  for (const args of [
    ['account', 'add', '--name', 'From the CLI', '--suri-file', suri, '--password-file', pw],
    ['account', 'export', 'From the CLI', '--out', join(dir, CLI_FILE), '--password-file', pw, '--kdf', 'compat'],
  ]) {
    const r = spawnSync(process.execPath, [BIN, '--vault', vault, ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
}

describeBrowser('browser wallet: backup health', () => {
  let server: Server;
  let browser: Browser;
  let app: App;
  let page: Page;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serverStart({ prepare: cliBackup }), browserLaunch()]);
    app = await appOpen(browser, server);
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await server?.stop();
  });
  afterEach(() => expectCleanPage(app));

  const card = (name: string) => page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name, exact: true });
  /** The backup badge of an account's card, after a fresh load of the Accounts page. */
  const badge = async (name: string) => {
    await pageGo(page, 'Backups');
    await pageGo(page, 'Accounts');
    const b = card(name).locator('[data-backup-state]');
    await b.waitFor();
    return (await b.textContent())?.trim();
  };
  const summary = async () => {
    await pageGo(page, 'Backups');
    const line = page.locator('.summary-line');
    await line.waitFor();
    return line.textContent();
  };
  const cliPath = () => join(dirname(server.vault), CLI_FILE);
  /** `keepsake status --check` on the vault the server has open: its exit code. */
  const statusCheck = () => {
    const r = spawnSync(process.execPath, [BIN, '--vault', server.vault, 'status', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.status;
  };
  const verifyAgain = (name: string) => dialogOpen(page.getByRole('button', { name: `Verify again ${name}` }), `Verify ${name} again`);

  it('added with "Create and backup account" → "Backed up, not verified" (its download is a backup); exported from the page → still not verified; verified on the Verify page → "Verified backup, today"', async () => {
    expect(await badge('From the CLI')).toBe('Backed up, not verified');

    const add = await dialogOpen(page.getByRole('button', { name: 'Add account' }), 'Add account');
    await add.getByLabel('Name', { exact: true }).fill('Made here');
    await add.getByLabel('Secret phrase').fill(LETTER_ADVICE);
    await add.getByLabel('Password', { exact: true }).fill(S.web);
    await add.getByLabel('Repeat password', { exact: true }).fill(S.web);
    await add.getByRole('button', { name: 'Save', exact: true }).click();
    await downloadBy(page, () => add.getByRole('button', { name: 'Create and backup account' }).click());
    await add.waitFor({ state: 'hidden' });
    expect(await badge('Made here'), 'the file the add downloaded is a backup, not yet verified').toBe('Backed up, not verified');

    const d = await menuDialog(page, 'Actions for Made here', 'Create a backup file for this account', 'Create a backup file for Made here');
    await d.getByLabel('Password', { exact: true }).fill(S.web);
    await d.getByLabel('Readable by wallets from before mid-2025').check();
    const file = await downloadBy(page, () => d.getByRole('button', { name: 'Download backup file' }).click());
    await d.waitFor({ state: 'hidden' });
    expect(await badge('Made here')).toBe('Backed up, not verified');

    // The browser saved it under its suggested name; the user picks it on the Verify page.
    const saved = await fileWrite(server, file.name, file.text);
    await pageGo(page, 'Verify a backup');
    await page.getByLabel('Backup file').setInputFiles(saved);
    await page.getByLabel('Password', { exact: true }).fill(S.wrong);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    expect(await fieldError(page.getByLabel('Password', { exact: true }))).toMatch(/password/i);
    expect(await badge('Made here'), 'a failed verify records nothing').toBe('Backed up, not verified');

    await pageGo(page, 'Verify a backup');
    await page.getByLabel('Backup file').setInputFiles(saved);
    await page.getByLabel('Password', { exact: true }).fill(S.web);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await badge('Made here')).toBe('Verified backup, today');
  });

  it('the Backups page: the summary, what has no verified backup first, and the known files with "Verify again"', async () => {
    expect(await summary()).toBe('1 of 2 accounts and identities have a verified backup.');
    const todo = page.getByRole('list', { name: 'Without a verified backup' });
    await textShown(todo.getByRole('listitem'), /Backed up, not verified\s*From the CLI/);
    await todo.getByRole('button', { name: 'Verify it (From the CLI)' }).waitFor();
    await todo.getByRole('button', { name: 'Create a backup file for From the CLI' }).waitFor();

    const files = page.getByRole('list', { name: 'Known backup files' });
    const names = await files.getByRole('listitem').locator('h3').allTextContents();
    // The CLI's file, and the two the browser downloaded: the add's ("Create and backup account") and the export's.
    expect(names).toHaveLength(3);
    expect(names).toContain(CLI_FILE);
    const cliItem = files.getByRole('listitem', { name: CLI_FILE });
    await textShown(cliItem, cliPath());
    await textShown(cliItem, 'Still there, unchanged');
    await textShown(cliItem, /Holds\s*From the CLI/);
    const downloads = files.getByRole('listitem').filter({ hasNotText: CLI_FILE });
    expect(await downloads.count()).toBe(2);
    for (const download of await downloads.all()) {
      await textShown(download, 'Downloaded by the browser');
      await download.getByRole('button', { name: /^Verify again / }).waitFor();
    }
    expect(await page.locator('main').innerText()).not.toMatch(CLI_TEXT);

    // On a phone, long paths and file names wrap: nothing scrolls sideways.
    const phone = await appOpen(browser, server, { width: 375, height: 812 });
    try {
      await pageGo(phone.page, 'Backups');
      await phone.page.getByRole('list', { name: 'Known backup files' }).waitFor();
      await screenshot(phone.page, 'backups-phone');
      const o = await horizontalOverflow(phone.page);
      expect(o.scrollWidth, o.widest.join(', ')).toBeLessThanOrEqual(o.innerWidth);
      expectCleanPage(phone);
    } finally {
      await phone.close();
    }

    // "Verify again" of a download asks for the file itself.
    await downloads
      .first()
      .getByRole('button', { name: /^Verify again / })
      .click();
    await dialog(page).getByLabel('Backup file').waitFor();
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
  });

  it('a backup the CLI wrote at a path is verified again from the page (its password only); then the CLI’s status check passes', async () => {
    // Across CLI and browser: the CLI's export alone is not a verified backup.
    expect(statusCheck()).toBe(1);
    await pageGo(page, 'Backups');
    const d = await verifyAgain(CLI_FILE);
    await textShown(d, cliPath());
    await d.getByLabel('Password', { exact: true }).fill(S.cli);
    await d.getByRole('button', { name: 'Verify', exact: true }).click();
    await d.waitFor({ state: 'hidden' });
    await textShown(page.locator('.notice'), `${CLI_FILE} opens with its password and every key matches: verified.`);
    await textShown(page.locator('.summary-line'), '2 of 2 accounts and identities have a verified backup.');
    expect(await badge('From the CLI')).toBe('Verified backup, today');
    expect(statusCheck()).toBe(0);
  });

  it('the file changed on disk → "Backup changed", and "Verify again" says so; deleted → "Backup missing"', async () => {
    await appendFile(cliPath(), '\n');
    expect(await badge('From the CLI')).toBe('Backup changed');
    expect(statusCheck()).toBe(1);
    expect(await summary()).toBe('1 of 2 accounts and identities have a verified backup.');
    const d = await verifyAgain(CLI_FILE);
    await d.getByLabel('Password', { exact: true }).fill(S.cli);
    await d.getByRole('button', { name: 'Verify', exact: true }).click();
    await textShown(d, `The file ${cliPath()} has changed since it was recorded`);
    expect(await d.innerText()).not.toMatch(CLI_TEXT);
    await d.getByRole('button', { name: 'Cancel' }).click();
    await d.waitFor({ state: 'hidden' });

    await rm(cliPath());
    expect(await badge('From the CLI')).toBe('Backup missing');
    await pageGo(page, 'Backups');
    await textShown(page.getByRole('list', { name: 'Known backup files' }).getByRole('listitem', { name: CLI_FILE }), 'No longer there (moved or deleted)');
  });

  it('an identity recovered in the page: "No backup" on its card and the notice; a whole-wallet backup from the page covers it', async () => {
    await pageGo(page, 'Identities');
    const d = await dialogOpen(page.getByRole('button', { name: 'Recover identity' }), 'Recover identity');
    await d.getByLabel('Name', { exact: true }).fill('Kept phrase');
    await d.getByLabel('Recovery phrase').fill(LETTER_ADVICE);
    await d.getByLabel('PIN', { exact: true }).fill('246813');
    await d.getByLabel('Repeat PIN', { exact: true }).fill('246813');
    await d.getByRole('button', { name: 'Save identity' }).click();
    await d.waitFor({ state: 'hidden' });
    await textShown(page.getByRole('status').filter({ hasText: 'no backup yet' }), '1 identity has no backup yet.');
    const identityBadge = page.getByRole('region', { name: 'Kept phrase' }).locator('[data-backup-state]');
    expect((await identityBadge.textContent())?.trim()).toBe('No backup');
    expect(await summary()).toMatch(/^\d of 3 accounts and identities have a verified backup\.$/);
    // What to do for it, in browser words: the whole-wallet export.
    await page.getByRole('list', { name: 'Without a verified backup' }).getByRole('link', { name: 'Export everything to one file (for Kept phrase)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export/Import' }).waitFor();
    const exportForm = page.getByRole('region', { name: 'Export the whole wallet' });
    await exportForm.getByLabel('Password', { exact: true }).fill(S.web);
    await exportForm.getByLabel('Repeat password', { exact: true }).fill(S.web);
    await downloadBy(page, () => exportForm.getByRole('button', { name: 'Export wallet' }).click());
    await pageGo(page, 'Identities');
    await textShown(page.getByRole('region', { name: 'Kept phrase' }).locator('[data-backup-state]'), 'Backed up, not verified');
  });
});
