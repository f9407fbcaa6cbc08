/**
 * `keepsake ui` opens the browser without the session token in any command line (issue 11 item 2;
 * security review #2): `xdg-open`'s argv, and the browser's after it, can be read by every local
 * user (`ps`, /proc/PID/cmdline). It gets a one-time code instead, which the page exchanges once
 * for the token at `POST /session`; a second use is refused, in words a browser user understands.
 *
 * Runs the real CLI (`node bin/keepsake.js`, i.e. the built `dist/`: `npm test` builds first) with a
 * stand-in `xdg-open` first on PATH that records its arguments.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, serverStart, type Server } from '../browser/harness.js';

const USED = 'This link was already used. Open the address keepsake printed in the terminal, or start keepsake again.';

/** The command lines of every process this user can see that mention `text` (Linux /proc). */
function processesMentioning(text: string): string[] {
  if (!existsSync('/proc')) return [];
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(text)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // The process ended, or is not ours to read.
    }
  }
  return found;
}

describe('keepsake ui opens the browser with a one-time code, never the token', () => {
  let server: Server;
  let argv: string[];

  beforeAll(async () => {
    server = await serverStart({ open: true });
    argv = await server.openerArgv();
  }, 120_000);
  afterAll(() => server?.stop());

  const session = (code: unknown, headers: Record<string, string> = {}) =>
    rawRequest(server, { method: 'POST', path: '/session', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code }) });

  it('xdg-open gets an address without the token; no process shows the token in its command line', () => {
    expect(argv).toHaveLength(1);
    expect(argv.join(' ')).not.toContain(server.token);
    expect(argv[0]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#code=[A-Za-z0-9_-]{20,}$`));
    expect(processesMentioning(server.token)).toEqual([]);
  });

  it('the recorded code gives the session token exactly once (and only to a request the guard lets through)', async () => {
    const code = argv[0]!.split('#code=')[1]!;
    // Another web page in the same browser cannot spend it: the guard refuses before the code is looked at.
    const foreign = await session(code, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).not.toContain(server.token);

    const first = await session(code);
    expect(first.status).toBe(200);
    const token = (JSON.parse(first.body) as { token: string }).token;
    expect(token).toBe(server.token);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    // The token works for the API.
    const accounts = await rawRequest(server, { path: '/api/accounts', headers: { 'x-keepsake-token': token } });
    expect(accounts.status).toBe(200);
    expect(JSON.parse(accounts.body)).toEqual([]);

    const second = await session(code);
    expect(second.status).toBe(410);
    expect(JSON.parse(second.body)).toEqual({ error: { name: 'LaunchLinkUsedError', message: USED, kind: 'gone' } });
    expect(second.body).not.toContain(server.token);
    expect(second.body).not.toMatch(/--|keepsake ui/);
  });

  it('a code that was never issued gets nothing', async () => {
    for (const code of ['', 'x', 'A'.repeat(24), 42, null]) {
      const r = await session(code);
      expect(r.status, String(code)).toBe(403);
      expect(r.body).not.toContain(server.token);
      expect((JSON.parse(r.body) as { error: { name: string } }).error.name).toBe('LaunchLinkUnknownError');
    }
  });
});
