/**
 * The link `keepsake ui` opens the browser with (issue 11 item 2, security review #2 and #15):
 * it carries a one-time code, not the session token. Opening it gives a working wallet (the page
 * trades the code for the token and removes it from the address bar); opening it again shows, in
 * words for a browser user, that the link was already used; and the token never reaches the
 * browser's History, which keeps every address opened.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCall, browserLaunchPersistent, describeBrowser, serverStart, TEST_TIMEOUT, vectors, type Server } from './harness.js';

const ACCOUNT = { name: 'Opened by the link', password: 'link pass 7', suri: `${vectors.devPhrase}//e2e//launch-link` };
const USED = 'This link was already used. Open the address keepsake printed in the terminal, or start keepsake again.';

describeBrowser('browser wallet: the one-time link keepsake opens', () => {
  let server: Server;
  let profile: string;
  let context: BrowserContext | undefined;
  let link: string;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'keepsake-e2e-profile-'));
    server = await serverStart({ open: true });
    link = (await server.openerArgv())[0] ?? '';
    await apiCall(server, '/api/accounts/add', { name: ACCOUNT.name, suri: ACCOUNT.suri, password: ACCOUNT.password, type: 'sr25519', network: 'polkadot' });
    context = await browserLaunchPersistent(profile);
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('opening the link gives a working wallet: the accounts load through the API, and the code is gone from the address bar', async () => {
    expect(link).toContain('#code=');
    expect(link).not.toContain(server.token);
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const accounts = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/accounts');
    await page.goto(link);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect((await accounts).status()).toBe(200);
    await page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: ACCOUNT.name, exact: true }).waitFor();
    expect(page.url()).not.toContain('code=');
    expect(page.url()).not.toContain(server.token);
    // A reload keeps the session (the tab holds the token), although the code is spent.
    await page.reload();
    await page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: ACCOUNT.name, exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opening the same link again says it was already used, in words for a browser user, and shows no wallet', async () => {
    const page = await context!.newPage();
    await page.goto(link);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).trim()).toBe(USED);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(page.url()).not.toContain('code=');
    const stored = await page.evaluate(`sessionStorage.getItem('keepsake-token')`);
    expect(stored).toBeNull();
    await page.close();
  });

  it("the session token is not in the browser's History (the link that is there holds only the spent code)", async () => {
    // History is written when the browser shuts down; read a copy (SQLite keeps it locked while open).
    await context!.close();
    context = undefined;
    const copy = join(server.dir, 'History-copy.sqlite');
    await copyFile(join(profile, 'Default', 'History'), copy);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    let urls: string[];
    try {
      urls = (db.prepare('SELECT url FROM urls').all() as { url: string }[]).map((r) => r.url);
    } finally {
      db.close();
    }
    expect(urls, 'History holds the link that was opened').toContain(link);
    expect(urls.filter((u) => u.includes(server.token))).toEqual([]);
  });
});
