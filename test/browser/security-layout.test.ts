/**
 * Who may talk to the local server (no token → 401, a foreign Origin → 403, a foreign Host → 421),
 * its Content-Security-Policy, the Restore JSON flow done with the keyboard alone, and the layout at
 * phone width (no sideways scrolling). Screenshots of every page at desktop and phone width are saved
 * under test/browser/screenshots/ for a person to look at.
 */
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  apiCall,
  appOpen,
  describeBrowser,
  dialog,
  expectCleanPage,
  fieldError,
  fileWrite,
  horizontalOverflow,
  oracleWrite,
  pageGo,
  rawRequest,
  screenshot,
  SCREENSHOTS,
  textShown,
  vectors,
  walletSession,
} from './harness.js';

const PAGES = ['Accounts', 'Identities', 'Address book', 'Export/Import', 'Verify a backup', 'Vault'] as const;
const KEYBOARD = { name: 'Typed with the keyboard only', password: 'keys only 7', suri: `${vectors.devPhrase}//e2e//keyboard` };

/** What has the focus: tag, type, and its label (or text), and whether it is inside a dialog. */
function focused(page: Page): Promise<{ tag: string; type: string; name: string; inDialog: boolean }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', type: '', name: '', inDialog: false };
    const label = el.labels && el.labels.length > 0 ? el.labels[0].textContent : null;
    const name = (label || el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') || '', name, inDialog: el.closest('dialog') !== null };
  })()`);
}

/** Presses Tab until `match` holds for the focused element (at most `max` times); returns the names passed. */
async function tabTo(page: Page, match: (f: { tag: string; type: string; name: string; inDialog: boolean }) => boolean, max = 40): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    passed.push(`${f.tag}${f.type ? `[${f.type}]` : ''} ${f.name}`);
    if (match(f)) return passed;
  }
  throw new Error(`Tab never reached the wanted control; focus went through: ${passed.join(' → ')}`);
}

/**
 * Presses `key` on the focused file input until the page asks for a file. Under load a key press can
 * reach the input before it takes key events (the dialog is still settling), and no chooser opens; a
 * missed press is tried again (at most three times), a chooser that never opens still fails the test.
 */
async function keyOpensFileChooser(page: Page, key: string): Promise<FileChooser> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press(key);
    try {
      return await chooser;
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

describeBrowser('browser wallet: security, keyboard and layout', () => {
  // The app is opened by the CSP test, which reads the headers of its first navigation.
  const wallet = walletSession({ open: false });

  it('the API refuses a request without the token (401), with a foreign Origin (403) or a foreign Host (421)', async () => {
    const { server } = wallet;
    const token = { 'x-keepsake-token': server.token };
    const ok = await rawRequest(server, { path: '/api/accounts', headers: token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual([]);

    const none = await rawRequest(server, { path: '/api/accounts' });
    expect(none.status).toBe(401);
    expect((JSON.parse(none.body) as { error: { message: string } }).error.message).toMatch(/token/i);
    // The token with its last character changed (to one it does not already end in).
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('x') ? 'y' : 'x'}`;
    expect((await rawRequest(server, { path: '/api/accounts', headers: { 'x-keepsake-token': wrong } })).status).toBe(401);
    // A write without the token changes nothing.
    const post = await rawRequest(server, {
      method: 'POST',
      path: '/api/addresses/add',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: vectors.suri[0]!.address42, name: 'x' }),
    });
    expect(post.status).toBe(401);

    for (const origin of ['http://evil.example', `http://127.0.0.1.evil.example:${server.port}`, `https://127.0.0.1:${server.port}`, 'null']) {
      const r = await rawRequest(server, { path: '/api/accounts', headers: { ...token, origin } });
      expect(r.status, `Origin ${origin}`).toBe(403);
      expect(r.body).not.toContain('[');
    }
    // A page of another site in the same browser (fetch metadata) is refused too.
    expect((await rawRequest(server, { path: '/api/accounts', headers: { ...token, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);

    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const r = await rawRequest(server, { path: '/api/accounts', headers: { ...token, host } });
      expect(r.status, `Host ${host}`).toBe(421);
    }
    // The page itself is not served to a rebound host name either.
    expect((await rawRequest(server, { path: '/', headers: { host: `evil.example:${server.port}` } })).status).toBe(421);

    // Loopback only: not reachable on this machine's other addresses.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
    if (external !== undefined) {
      const reached = await fetch(`http://${external}:${server.port}/`, { signal: AbortSignal.timeout(5000) }).then(
        () => true,
        () => false,
      );
      expect(reached, `reachable on ${external}`).toBe(false);
    }
    expect(await apiCall<unknown[]>(server, '/api/addresses')).toEqual([]);
  });

  it("the page has a strict CSP, loads without the token in its address, and the browser's own fetch without the token gets 401", async () => {
    const { server } = wallet;
    const app = await wallet.appOpen(server);
    const csp = app.headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp, directive).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const api = await rawRequest(server, { path: '/api/networks', headers: { 'x-keepsake-token': server.token } });
    expect(api.headers['content-security-policy']).toBe(csp);
    expect(app.page.url(), 'the token is removed from the address bar').not.toContain(server.token);
    const status = await app.page.evaluate(`fetch('/api/accounts').then((r) => r.status)`);
    expect(status).toBe(401);
    // Inline script is blocked by the CSP: the page cannot be made to run one.
    const ran = await app.page.evaluate(`(() => {
      window.__inline = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.append(s);
      return window.__inline;
    })()`);
    expect(ran).toBe(false);
    // That attempt is a violation the page reports: the collector works. Forget it before the flows.
    await expect.poll(() => app.cspMessages.length).toBeGreaterThan(0);
    await app.page.waitForTimeout(500); // the browser's own message and the event's may arrive apart
    expect(app.cspMessages.join('\n')).toMatch(/inline/i);
    app.cspMessages.length = 0;
  });

  it('keyboard only: Tab to "Restore JSON", Enter opens it, Tab reaches every field; pick a file, type the password, Enter restores', async () => {
    const { page, server } = wallet;
    const file = oracleWrite(KEYBOARD.suri, KEYBOARD.password, KEYBOARD.name);
    const path = await fileWrite(server, 'keyboard.json', JSON.stringify(file.json));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await page.locator('body').focus();

    const toButton = await tabTo(page, (f) => f.tag === 'button' && f.name === 'Restore JSON');
    expect(
      toButton.some((p) => p.startsWith('a Accounts')),
      'the navigation links come first',
    ).toBe(true);
    await page.keyboard.press('Enter');
    const d = dialog(page);
    await d.getByRole('heading', { name: 'Restore JSON' }).waitFor();

    // The focus moved into the dialog; Tab walks through its controls and stays inside it (modal).
    const start = await focused(page);
    expect(start.inDialog, 'focus moves into the dialog').toBe(true);
    const walk = [`${start.tag}${start.type ? `[${start.type}]` : ''} ${start.name}`, ...(await tabTo(page, (f) => f.tag === 'button' && f.name === 'Cancel'))];
    for (const want of ['input[file] Backup files', 'input[password] Password', 'input[radio] Keep the one in the vault', 'button[submit] Restore']) {
      expect(walk, `${want} in ${JSON.stringify(walk)}`).toContain(want);
    }
    expect((await focused(page)).inDialog).toBe(true);

    // Back to the file input with Shift+Tab; Space opens the file chooser.
    for (let i = 0; i < 10 && (await focused(page)).type !== 'file'; i++) await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('Backup files');
    await (await keyOpensFileChooser(page, 'Space')).setFiles(path);
    await textShown(d.getByRole('list', { name: 'Chosen files' }).getByRole('listitem'), 'keyboard.json');
    await tabTo(page, (f) => f.type === 'password' && f.name === 'Password', 5);
    await page.keyboard.type(KEYBOARD.password);
    await page.keyboard.press('Enter');
    await textShown(page.getByTestId('notice'), 'Restored 1 account');
    await page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: KEYBOARD.name, exact: true }).waitFor();
    await d.waitFor({ state: 'hidden' });

    // Escape closes a dialog and gives the focus back to the button that opened it.
    await page.getByRole('button', { name: 'Restore JSON' }).focus();
    await page.keyboard.press('Enter');
    await d.getByRole('heading', { name: 'Restore JSON' }).waitFor();
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Restore JSON' });

    // The account's menu: Enter opens it on its first item, arrows move, Escape closes it.
    await page.getByRole('button', { name: `Actions for ${KEYBOARD.name}` }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: `Actions for ${KEYBOARD.name}` });
    await menu.waitFor();
    expect((await focused(page)).name).toBe('Create a backup file for this account');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).name).toBe('Rename');
    await page.keyboard.press('Enter');
    await d.getByRole('heading', { name: `Rename ${KEYBOARD.name}` }).waitFor();
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'hidden' });
  });

  it('every page at 1280 px and at 375 px: no sideways scrolling (also with a dialog open); screenshots saved', async () => {
    const { server, browser } = wallet;
    // Something on every page (set up through the API: the flows themselves are tested elsewhere).
    await apiCall(server, '/api/identities/recover', { name: 'Signer phone', mnemonic: vectors.devPhrase, pin: '112233' });
    await apiCall(server, '/api/identities/derive', {
      identity: 'Signer phone',
      pin: '112233',
      network: 'polkadot',
      type: 'sr25519',
      name: 'Polkadot on the phone',
    });
    await apiCall(server, '/api/addresses/add', {
      address: vectors.suri[0]!.address42,
      name: 'A friend with a rather long name',
      note: 'met at the conference',
    });

    const sizes = [
      { label: 'desktop', viewport: { width: 1280, height: 900 } },
      { label: 'phone', viewport: { width: 375, height: 812 } },
    ];
    const overflowing: string[] = [];
    for (const { label, viewport } of sizes) {
      const view = await appOpen(browser, server, viewport);
      try {
        for (const name of PAGES) {
          await pageGo(view.page, name);
          if (name === 'Accounts') await view.page.getByRole('list', { name: 'Accounts', exact: true }).waitFor();
          if (name === 'Identities') await view.page.getByRole('img', { name: 'Signer QR code for Polkadot on the phone' }).waitFor();
          if (name === 'Address book') await view.page.getByRole('list', { name: 'Saved addresses' }).waitFor();
          const o = await horizontalOverflow(view.page);
          if (o.scrollWidth > o.innerWidth) overflowing.push(`${name} at ${label}: scrollWidth ${o.scrollWidth} > ${o.innerWidth} (${o.widest.join(', ')})`);
          await screenshot(view.page, `${name.replace(/[^A-Za-z]+/g, '-').toLowerCase()}-${label}`);
        }
        // Dialogs: Add account (the longest form) and an account's backup dialog.
        await pageGo(view.page, 'Accounts');
        await view.page.getByRole('button', { name: 'Add account' }).click();
        await dialog(view.page).getByRole('heading', { name: 'Add account' }).waitFor();
        const o = await horizontalOverflow(view.page);
        if (o.scrollWidth > o.innerWidth)
          overflowing.push(`Add account dialog at ${label}: scrollWidth ${o.scrollWidth} > ${o.innerWidth} (${o.widest.join(', ')})`);
        await view.page.screenshot({ path: join(SCREENSHOTS, `add-account-dialog-${label}.png`) });
        await view.page.keyboard.press('Escape');
        expectCleanPage(view);
      } finally {
        await view.close();
      }
    }
    expect(overflowing).toEqual([]);
  });

  it('many wrong passwords in a row are slowed down, and the wait is said next to the Password field', async () => {
    const { page, server } = wallet;
    const file = oracleWrite(`${vectors.devPhrase}//e2e//limited`, 'the right one', 'Limited');
    await pageGo(page, 'Verify a backup');
    await page.getByLabel('Backup file').setInputFiles(await fileWrite(server, 'limited.json', JSON.stringify(file.json)));
    await page.getByRole('region', { name: 'About this file' }).waitFor();
    const password = page.getByLabel('Password', { exact: true });
    const messages: string[] = [];
    for (let i = 0; i < 12 && !messages.some((m) => /too many/i.test(m)); i++) {
      await password.fill(`wrong ${i}`);
      // The previous error is cleared when the form is sent; the next one is read after the answer.
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/verify')), page.getByRole('button', { name: 'Verify', exact: true }).click()]);
      messages.push(await fieldError(password));
    }
    expect(
      messages.slice(0, 5).every((m) => /wrong password/i.test(m)),
      JSON.stringify(messages),
    ).toBe(true);
    expect(messages.at(-1)).toMatch(/too many wrong passwords or PINs in a row: wait \d+ seconds/i);
  });
});
