/**
 * Shared harness of the browser end-to-end tests: `keepsake ui` on a fresh vault and a free port,
 * driven by Debian's Chromium through playwright-core, the way a person clicks and types.
 *
 * Nothing is built here: `npm test` builds dist/ first. When dist/web/index.html is missing the
 * whole folder is skipped with a message saying so. Each test file starts its own server(s) and
 * one browser, and stops them when it is done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { CHROMIUM_QUIET_ARGS } from '../support/chromium.js';
import { oracleOpen as keyringOpen, oracleReady } from '../support/oracle.js';
import { loadVectors } from '../support/vectors.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'keepsake.js');
const WEB_INDEX = join(REPO, 'dist', 'web', 'index.html');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The built browser app is there: without it there is nothing to test in a browser. */
export const WEB_BUILT = existsSync(WEB_INDEX) && existsSync(join(REPO, 'dist', 'cli'));
const SKIP_MESSAGE = 'browser: SKIPPED — dist/web/index.html is missing; run `npm run build` (npm test does) and run these tests again.';
if (!WEB_BUILT) console.warn(SKIP_MESSAGE);

/** Generous: this is a busy 2-core machine, and some steps run scrypt N=2^17 on both sides. */
export const STEP_TIMEOUT = 60_000;
export const TEST_TIMEOUT = 180_000;

/**
 * `describe` whose every test may take {@link TEST_TIMEOUT}, or a skipped `describe` whose name says
 * why when the app is not built.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (WEB_BUILT) describe(name, { timeout: TEST_TIMEOUT }, body);
  else describe.skip(`${name} (${SKIP_MESSAGE})`, body);
}

export type JsonObject = { [key: string]: unknown };
type JsonVector = { password: string; keyType: string; expectedPublicKey: string; expectedAddress: string; file: JsonObject };
export const vectors = loadVectors<{
  devPhrase: string;
  suri: { type: string; suri: string; publicKey: string; address42: string }[];
  json: JsonVector[];
}>('polkadot-js');

// ---------------------------------------------------------------- server

export type Server = {
  /** The address keepsake printed, with `#token=…`. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  token: string;
  vault: string;
  /** A scratch folder for this server's files (removed by stop()). */
  dir: string;
  /**
   * Started with `{ open: true }`: the arguments keepsake started `xdg-open` with (a stand-in first on
   * PATH that records them and opens nothing), once it has run. Fails the test if it never runs.
   */
  openerArgv: () => Promise<string[]>;
  stop: () => Promise<void>;
};

/**
 * Starts `keepsake --json ui --no-open --port 0` on a new vault in a temporary folder. With
 * `open: true` it is started without `--no-open`, and a stand-in `xdg-open` first on its PATH
 * records the command line the browser would have been opened with (see `openerArgv`). `prepare`
 * makes the vault first (a locked one, through the CLI); `args` are more options of `ui`.
 */
export async function serverStart(options: { open?: boolean; args?: readonly string[]; prepare?: (vault: string) => Promise<void> } = {}): Promise<Server> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-e2e-browser-'));
  const vault = join(dir, 'vault.sqlite');
  await options.prepare?.(vault);
  const bin = join(dir, 'bin');
  const argvFile = join(dir, 'opener-argv');
  if (options.open) {
    await mkdir(bin);
    // Written to a temporary name and renamed, so a reader never sees half of it.
    const script = `#!/bin/sh\n# Stand-in for xdg-open (keepsake e2e tests): records its arguments, one per line; opens nothing.\nprintf '%s\\n' "$@" > '${argvFile}.tmp' && mv '${argvFile}.tmp' '${argvFile}'\n`;
    await writeFile(join(bin, 'xdg-open'), script);
    await chmod(join(bin, 'xdg-open'), 0o755);
  }
  const child = spawn(
    process.execPath,
    [BIN, '--vault', vault, '--json', 'ui', ...(options.open ? [] : ['--no-open']), '--port', '0', ...(options.args ?? [])],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...(options.open ? { PATH: `${bin}:${process.env['PATH'] ?? ''}` } : {}) },
    },
  );
  // Should this test process end without stopping it, the server goes with it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const printed = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`keepsake ui printed no address within 60 s.\nstdout: ${stdout}\nstderr: ${stderr}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const line = stdout
        .split('\n')
        .slice(0, -1)
        .find((l) => l.trim().startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { url: string; port: number });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`keepsake ui exited (${code}) before printing its address.\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
  const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)$/.exec(printed.url);
  if (!match) throw new Error(`Unexpected address printed by keepsake ui: ${printed.url}`);
  expect(Number(match[1])).toBe(printed.port);
  return {
    url: printed.url,
    origin: `http://127.0.0.1:${printed.port}`,
    port: printed.port,
    token: match[2]!,
    vault,
    dir,
    openerArgv: async () => {
      if (!options.open) throw new Error('This server was started with --no-open: nothing was opened.');
      // At most 60 s (a bound for a busy machine, not a measured time).
      for (let i = 0; i < 600 && !existsSync(argvFile); i++) await new Promise((r) => setTimeout(r, 100));
      if (!existsSync(argvFile)) throw new Error(`keepsake ui never ran xdg-open.\nstderr: ${stderr}`);
      return (await readFile(argvFile, 'utf8')).split('\n').slice(0, -1);
    },
    stop: async () => {
      await processStop(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function processStop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A raw HTTP request with exactly the headers given (Host and Origin included), as a script or another site would send. */
export function rawRequest(
  server: Server,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** An API call with the token, for setting up data a test is not about (never for the flow under test). */
export async function apiCall<T>(server: Server, path: string, body?: object): Promise<T> {
  const r = await rawRequest(server, {
    method: body === undefined ? 'GET' : 'POST',
    path,
    headers: { 'x-keepsake-token': server.token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${r.body}`);
  return JSON.parse(r.body) as T;
}

// ---------------------------------------------------------------- browser

const CHROMIUM_ARGS = ['--headless', ...CHROMIUM_QUIET_ARGS];

/** Chromium headless; `extraArgs` are more switches (a fake camera: see test/browser/shards.test.ts). */
export function browserLaunch(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (.ci/run does).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 120_000,
  });
}

/**
 * Chromium with a profile folder of its own (`userDataDir`), as a person's browser keeps one: its
 * History and other files can be read after `close()`.
 */
export function browserLaunchPersistent(userDataDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (.ci/run does).`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: 120_000,
    viewport: { width: 1280, height: 900 },
  });
}

export type ApiResponse = { path: string; status: number; body: string };

export type App = {
  page: Page;
  context: BrowserContext;
  /** The response to the first navigation (its headers carry the CSP). */
  headers: Record<string, string>;
  /** Console messages that mention the Content Security Policy (violations). */
  cspMessages: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Every API response the page received (read in full by `apiResponses()`). */
  apiResponses: () => Promise<ApiResponse[]>;
  close: () => Promise<void>;
};

/** Opens the address keepsake printed in a new browser context (its own downloads, storage and viewport). */
export async function appOpen(browser: Browser, server: Server, viewport = { width: 1280, height: 900 }, options: { locked?: boolean } = {}): Promise<App> {
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  context.setDefaultTimeout(STEP_TIMEOUT);
  // Violations are also reported as events; send them to the console, where they are collected with the rest.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
    });`,
  });
  const page = await context.newPage();
  const cspMessages: string[] = [];
  const pageErrors: string[] = [];
  const pending: Promise<ApiResponse | null>[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspMessages.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/api/')) return;
    pending.push(
      r.text().then(
        (body) => ({ path, status: r.status(), body }),
        () => null,
      ),
    );
  });
  const response = await page.goto(server.url);
  if (response === null) throw new Error('No response to the first navigation.');
  // A locked vault shows its unlock page instead of the wallet.
  if (options.locked) await page.getByRole('heading', { level: 1, name: 'Unlock the vault' }).waitFor();
  else await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return {
    page,
    context,
    headers: response.headers(),
    cspMessages,
    pageErrors,
    apiResponses: async () => (await Promise.all(pending)).filter((x): x is ApiResponse => x !== null),
    close: () => context.close(),
  };
}

/** Fails when the page logged a CSP violation or threw: checked after every test. */
export function expectCleanPage(app: App | undefined): void {
  if (app === undefined) return;
  expect(app.cspMessages, 'Content Security Policy messages in the console').toEqual([]);
  expect(app.pageErrors, 'uncaught exceptions in the page').toEqual([]);
}

/** Follows a link of the main navigation and waits for that page's heading. */
export async function pageGo(
  page: Page,
  name: 'Accounts' | 'Identities' | 'Address book' | 'Export/Import' | 'Backups' | 'Verify a backup' | 'Find wallets' | 'Vault',
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The open modal dialog. */
export function dialog(page: Page): Locator {
  return page.getByRole('dialog');
}

/** Waits until some element of `locator` shows `text`, and returns that element. */
export async function textShown(locator: Locator, text: string | RegExp): Promise<Locator> {
  const hit = locator.filter({ hasText: text }).first();
  await hit.waitFor({ state: 'visible' });
  return hit;
}

/**
 * The error shown next to a form control: a role="alert" inside the control's own field, tied to the
 * control by aria-describedby, with the control marked aria-invalid. Returns its text.
 */
export async function fieldError(control: Locator): Promise<string> {
  const field = control.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " field ")][1]');
  const alert = field.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  const id = await alert.getAttribute('id');
  expect(id, 'the error has an id').toBeTruthy();
  expect((await control.getAttribute('aria-describedby'))?.split(/\s+/) ?? [], 'the control is described by its error').toContain(id);
  return (await alert.innerText()).trim();
}

/** The download a click starts: its suggested name and content, read from the file the browser saved. */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  return downloadRead(download);
}

async function downloadRead(download: Download): Promise<{ name: string; text: string; path: string }> {
  const path = await download.path();
  expect(await download.failure()).toBeNull();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** Writes a file for an upload into the server's scratch folder and returns its path. */
export async function fileWrite(server: Server, name: string, text: string): Promise<string> {
  const path = join(server.dir, 'uploads', name);
  await mkdir(join(server.dir, 'uploads'), { recursive: true });
  await writeFile(path, text);
  return path;
}

/**
 * Drops a file on a drop zone the way a browser does: a `drop` event whose DataTransfer holds a File.
 * (Playwright cannot drag from the desktop; this is the event the page receives.)
 */
export async function fileDrop(zone: Locator, name: string, text: string): Promise<void> {
  await zone.evaluate(
    (el, file) => {
      // Runs in the page; this project's TypeScript has no DOM types, hence the narrow local ones.
      const g = globalThis as unknown as BrowserGlobals;
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([file.text], file.name, { type: 'application/json' }));
      const target = el as unknown as { dispatchEvent: (event: unknown) => boolean };
      target.dispatchEvent(new g.DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new g.DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name, text },
  );
}

type BrowserGlobals = {
  DataTransfer: new () => { items: { add: (file: unknown) => void } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
  DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown }) => unknown;
};

/** A full-page screenshot under test/browser/screenshots/ (looked at by a person, not compared). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** True when the page scrolls sideways (something wider than the viewport). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }> {
  return page.evaluate(`(() => {
    const innerWidth = window.innerWidth;
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' (right ' + Math.round(el.getBoundingClientRect().right) + ')');
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  })()`);
}

/** What {@link walletSession} gives a `describe`: filled in by its `beforeAll`, read inside the tests. */
export type WalletSession = {
  /** The `keepsake ui` on a fresh vault started for this `describe`. */
  readonly server: Server;
  readonly browser: Browser;
  /** The first app opened: `server`'s, before the first test (with `open: false`, the first one a test opens). */
  readonly app: App;
  /** The page of `app`. */
  readonly page: Page;
  /** Another `keepsake ui` on a fresh vault, stopped after the last test. */
  serverStart: () => Promise<Server>;
  /** Opens `server`'s app in this browser: closed after the last test, and its page checked clean after every test. */
  appOpen: (server: Server) => Promise<App>;
};

/**
 * For a whole `describe`: one server on a fresh vault, one browser and the app open in it, closed
 * after the last test; every app opened must leave a clean page after every test
 * ({@link expectCleanPage}). `before` sets up data the tests are not about (through the API) before
 * the app is opened; `open: false` leaves the opening to a test. `camera` writes a Y4M video in the
 * folder it is given (before anything else starts) and returns its path: the browser's camera then
 * plays it in a loop (Chromium's fake camera, permission granted without asking).
 */
export function walletSession(
  options: { before?: (server: Server) => Promise<void>; open?: boolean; camera?: (dir: string) => Promise<string> } = {},
): WalletSession {
  const servers: Server[] = [];
  const apps: App[] = [];
  let browser: Browser | undefined;
  const ready = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`walletSession: no ${what} yet (read before its beforeAll ran, or no app was opened)`);
    return value;
  };
  const session: WalletSession = {
    get server() {
      return ready('server', servers[0]);
    },
    get browser() {
      return ready('browser', browser);
    },
    get app() {
      return ready('app', apps[0]);
    },
    get page() {
      return ready('app', apps[0]).page;
    },
    serverStart: async () => {
      const server = await serverStart();
      servers.push(server);
      return server;
    },
    appOpen: async (server) => {
      const app = await appOpen(session.browser, server);
      apps.push(app);
      return app;
    },
  };
  let cameraDir: string | undefined;
  beforeAll(async () => {
    // The camera's video is made first: the server's launch link must not age while it is made.
    let args: string[] = [];
    if (options.camera) {
      cameraDir = await mkdtemp(join(tmpdir(), 'keepsake-camera-'));
      const video = await options.camera(cameraDir);
      args = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
    }
    const [server, launched] = await Promise.all([serverStart(), browserLaunch(args), oracleReady()]);
    servers.push(server);
    browser = launched;
    await options.before?.(server);
    if (options.open !== false) await session.appOpen(server);
  }, TEST_TIMEOUT);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
    if (cameraDir !== undefined) await rm(cameraDir, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const app of apps) expectCleanPage(app);
  });
  return session;
}

/** Clicks `opener` and waits for the dialog it opens, titled `heading`; returns that dialog. */
export async function dialogOpen(opener: Locator, heading: string): Promise<Locator> {
  await opener.click();
  const d = dialog(opener.page());
  await d.getByRole('heading', { name: heading }).waitFor();
  return d;
}

/** Opens the menu of button `menu` ("Actions for …"), chooses its `item`, and waits for the dialog titled `heading`; returns that dialog. */
export async function menuDialog(page: Page, menu: string, item: string, heading: string): Promise<Locator> {
  await page.getByRole('button', { name: menu }).click();
  return dialogOpen(page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }), heading);
}

/** Closes dialog `d` with its button `button` (Cancel, Close …) and waits until it is gone. */
export async function dialogClose(d: Locator, button: string): Promise<void> {
  await d.getByRole('button', { name: button }).click();
  await d.waitFor({ state: 'hidden' });
}

/** Opens "Restore JSON" on the Accounts page; returns its dialog. */
export function restoreOpen(page: Page): Promise<Locator> {
  return dialogOpen(page.getByRole('button', { name: 'Restore JSON' }), 'Restore JSON');
}

/**
 * "Restore JSON" of the files at `paths`: picks them, types `password` and presses Restore. Returns the
 * dialog, which closes when the restore is done or stays open with an error next to its field.
 */
export async function restoreFiles(page: Page, paths: string | string[], password: string): Promise<Locator> {
  const d = await restoreOpen(page);
  await d.getByLabel('Backup files').setInputFiles(paths);
  await d.getByLabel('Password', { exact: true }).fill(password);
  await d.getByRole('button', { name: 'Restore', exact: true }).click();
  return d;
}

/**
 * Fills the Address book's "Add an address" form (its page open) with `entry` and presses "Add address".
 * Returns the form, where an error is shown next to its field.
 */
export async function addressAdd(page: Page, entry: { address: string; name: string; note?: string; network?: string }): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Add an address' });
  await form.getByLabel('Address', { exact: true }).fill(entry.address);
  await form.getByLabel('Name', { exact: true }).fill(entry.name);
  if (entry.note !== undefined) await form.getByLabel('Note (optional)').fill(entry.note);
  if (entry.network !== undefined) {
    await optionsLoaded(form.getByLabel('Network (optional)'));
    await form.getByLabel('Network (optional)').selectOption(entry.network);
  }
  await form.getByRole('button', { name: 'Add address' }).click();
  return form;
}

/** The network lists are fetched from the server: waits until `select` holds more than `atLeast` options. */
export async function optionsLoaded(select: Locator, atLeast = 3): Promise<void> {
  await expect.poll(() => select.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(atLeast);
}

// ---------------------------------------------------------------- oracle (@polkadot/keyring, never keepsake)

// Polkadot{.js}' own code (test/support/oracle.ts), the reference every download is opened with and every upload written by.
export { oracleReady };

/** A single-account file exactly as Polkadot{.js} writes it: `addFromUri(suri).toJson(password)` (scrypt N=2^17). */
export function oracleWrite(
  suri: string,
  password: string,
  name: string,
  type: KeyringPair['type'] = 'sr25519',
): { json: KeyringPair$Json; publicKey: string; address: string } {
  const pair = new Keyring({ type }).addFromUri(suri, { name });
  return { json: pair.toJson(password), publicKey: u8aToHex(pair.publicKey), address: pair.address };
}

/** Opens a downloaded single-account file with keyring: `addFromJson` + `decodePkcs8(password)` (throws on a wrong password). */
export function oracleOpen(text: string, password: string): { pair: KeyringPair; publicKey: string; json: KeyringPair$Json } {
  const json = JSON.parse(text) as KeyringPair$Json;
  const pair = keyringOpen(json, password);
  expect(pair.isLocked).toBe(false);
  return { pair, publicKey: u8aToHex(pair.publicKey), json };
}

/** The public key (hex) behind an SS58 address in any network's format. */
export function publicKeyOf(address: string): string {
  return u8aToHex(decodeAddress(address));
}

/** scrypt N, p, r from the start of a Polkadot{.js} `encoded` (salt[32] ‖ N ‖ p ‖ r). */
export function scryptParams(json: KeyringPair$Json): { N: number; p: number; r: number } {
  const bytes = Buffer.from(json.encoded, 'base64');
  return { N: bytes.readUInt32LE(32), p: bytes.readUInt32LE(36), r: bytes.readUInt32LE(40) };
}
