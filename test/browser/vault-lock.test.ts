/**
 * The browser wallet on a vault with a vault password (issue 14), in Chromium: a new vault is
 * offered one (recommended, skippable); a locked vault starts on its unlock page and the API refuses
 * everything else until it is unlocked; "Lock now" and a while unused lock it again.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { BIN } from '../support/cli.js';
import { testSecrets } from '../support/secrets.js';
import {
  appOpen,
  browserLaunch,
  describeBrowser,
  dialog,
  expectCleanPage,
  fieldError,
  pageGo,
  rawRequest,
  serverStart,
  type App,
  type Server,
} from './harness.js';

const S = testSecrets('browser-vault', ['vault', 'next', 'wrong']);
const BOOK = { address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', name: 'Landlord in the locked vault' };

/** Whether the vault file is encrypted: it no longer starts as a plain SQLite database. */
function encrypted(vault: string): boolean {
  return readFileSync(vault).subarray(0, 16).toString('latin1') !== 'SQLite format 3\0';
}

/** A vault with one address-book entry, locked with S.vault through the CLI. */
async function lockedVault(vault: string): Promise<void> {
  const pw = `${vault}.pw`;
  await writeFile(pw, `${S.vault}\n`, { mode: 0o600 });
  for (const args of [
    ['address', 'add', BOOK.address, '--name', BOOK.name],
    ['vault', 'lock', '--password-file', pw],
  ]) {
    const r = spawnSync(process.execPath, [BIN, '--vault', vault, ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
}

describeBrowser('browser wallet: the vault password', () => {
  const open: { servers: Server[]; apps: App[]; browser?: Browser } = { servers: [], apps: [] };
  const start = async (options: Parameters<typeof serverStart>[0] & { locked?: boolean } = {}) => {
    const server = await serverStart(options);
    open.servers.push(server);
    open.browser ??= await browserLaunch();
    const app = await appOpen(open.browser, server, undefined, { locked: options.locked ?? false });
    open.apps.push(app);
    return { server, app, page: app.page };
  };
  afterEach(async () => {
    for (const app of open.apps.splice(0)) {
      expectCleanPage(app);
      await app.close();
    }
    for (const server of open.servers.splice(0)) await server.stop();
    await open.browser?.close();
    delete open.browser;
  });

  it('a new vault is offered a vault password; setting it encrypts the file, and Lock now shows the unlock page', async () => {
    const { server, page } = await start();
    const offer = page.getByRole('region', { name: /Protect this vault with a password/ });
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Set a vault password…' }).click();
    const set = dialog(page);
    // Too short, then two that differ: each said next to its field, nothing set.
    await set.getByLabel('Vault password', { exact: true }).fill('abc');
    await set.getByLabel('Repeat vault password').fill('abc');
    await set.getByRole('button', { name: 'Set vault password' }).click();
    expect(await fieldError(set.getByLabel('Vault password', { exact: true }))).toMatch(/at least 6 characters/);
    await set.getByLabel('Vault password', { exact: true }).fill(S.vault);
    await set.getByLabel('Repeat vault password').fill(S.wrong);
    await set.getByRole('button', { name: 'Set vault password' }).click();
    expect(await fieldError(set.getByLabel('Repeat vault password'))).toMatch(/not the same/);
    expect(encrypted(server.vault)).toBe(false);

    await set.getByLabel('Repeat vault password').fill(S.vault);
    await set.getByRole('button', { name: 'Set vault password' }).click();
    await set.waitFor({ state: 'detached' });
    await offer.waitFor({ state: 'detached' });
    expect(encrypted(server.vault)).toBe(true);
    // Still open in this session: the wallet works.
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();

    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock the vault' }).waitFor();
    expect((await rawRequest(server, { path: '/api/accounts', headers: { 'x-keepsake-token': server.token } })).status).toBe(423);

    await page.getByLabel('Vault password').fill(S.wrong);
    await page.getByRole('button', { name: 'Unlock' }).click();
    expect(await fieldError(page.getByLabel('Vault password'))).toMatch(/^Wrong vault password/);
    await page.getByLabel('Vault password').fill(S.vault);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // Nothing of the password reached the page's address or the API's answers.
    expect(page.url()).not.toContain(S.vault);
  });

  it('the Vault page sets, changes and removes the vault password; a wrong current password is said by its field and changes nothing', async () => {
    const { server, page } = await start();
    await pageGo(page, 'Vault');
    const main = page.getByRole('main');
    await main.getByText(/It has no vault password/).waitFor();
    const set = main.getByRole('region', { name: 'Set a vault password' });
    await set.getByLabel('Vault password', { exact: true }).fill(S.vault);
    await set.getByLabel('Repeat vault password').fill(S.vault);
    await set.getByRole('button', { name: 'Set vault password' }).click();
    await main.getByText(/A vault password encrypts the whole file/).waitFor();
    expect(encrypted(server.vault)).toBe(true);

    const change = main.getByRole('region', { name: 'Change the vault password' });
    const before = readFileSync(server.vault);
    await change.getByLabel('Current vault password').fill(S.wrong);
    await change.getByLabel('New vault password', { exact: true }).fill(S.next);
    await change.getByLabel('Repeat new vault password').fill(S.next);
    await change.getByRole('button', { name: 'Change vault password' }).click();
    expect(await fieldError(change.getByLabel('Current vault password'))).toMatch(/^Wrong vault password/);
    expect(readFileSync(server.vault).equals(before)).toBe(true);
    await change.getByLabel('Current vault password').fill(S.vault);
    await change.getByRole('button', { name: 'Change vault password' }).click();
    await change.getByRole('status').filter({ hasText: 'The vault password was changed.' }).waitFor();

    // The new password is the one that opens it now.
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock the vault' }).waitFor();
    await page.getByLabel('Vault password').fill(S.vault);
    await page.getByRole('button', { name: 'Unlock' }).click();
    expect(await fieldError(page.getByLabel('Vault password'))).toMatch(/^Wrong vault password/);
    await page.getByLabel('Vault password').fill(S.next);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await pageGo(page, 'Vault');
    const remove = page.getByRole('main').getByRole('region', { name: 'Remove the vault password' });
    await remove.getByLabel('Vault password to remove').fill(S.next);
    await remove.getByRole('button', { name: 'Remove vault password' }).click();
    await page
      .getByRole('main')
      .getByText(/It has no vault password/)
      .waitFor();
    expect(encrypted(server.vault)).toBe(false);
    expect(await page.getByRole('button', { name: 'Lock now' }).count()).toBe(0);
  });

  it('"Not now" stops the offer, also after the page is opened again', async () => {
    const { server, app, page } = await start();
    const offer = page.getByRole('region', { name: /Protect this vault with a password/ });
    await offer.getByRole('button', { name: 'Not now' }).click();
    await offer.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    expect(await page.getByRole('region', { name: /Protect this vault with a password/ }).count()).toBe(0);
    expect(encrypted(server.vault)).toBe(false);
    expect(app.pageErrors).toEqual([]);
  });

  it('a locked vault starts on its unlock page; until it is unlocked the API gives nothing of it', async () => {
    const { server, page } = await start({ prepare: lockedVault, locked: true });
    const refused = await rawRequest(server, { path: '/api/addresses', headers: { 'x-keepsake-token': server.token } });
    expect(refused.status).toBe(423);
    expect(refused.body).not.toContain(BOOK.name);
    expect(refused.body).not.toContain(BOOK.address);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    await page.getByLabel('Vault password').fill(S.vault);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Address book', exact: true }).click();
    await page.getByText(BOOK.name).first().waitFor();
    // No offer on a vault that has a password.
    expect(await page.getByRole('region', { name: /Protect this vault with a password/ }).count()).toBe(0);
  });

  it('a while unused (--lock-after), the vault locks itself: the next action shows the unlock page', async () => {
    const { page } = await start({ prepare: lockedVault, locked: true, args: ['--lock-after', '0.05'] });
    await page.getByLabel('Vault password').fill(S.vault);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // 3 s of lock-after, then the next request finds it locked.
    await page.waitForTimeout(4_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Address book', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock the vault' }).waitFor();
    await page.getByLabel('Vault password').fill(S.vault);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });
});
