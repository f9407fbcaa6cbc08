import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the local server: only a page it served itself, on the exact loopback host and
 * port, carrying the per-launch token. A foreign `Host` (DNS rebinding) or `Origin` (another site in
 * the same browser) is refused before any route runs.
 */
export type GuardConfig = { token: string; port: () => number };

export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Checks Host and Origin for every request, and the token for API requests. */
export function guardCheck(config: GuardConfig, request: { url: string; headers: Record<string, string | string[] | undefined> }): GuardVerdict {
  const hosts = allowedHosts(config.port());
  const host = header(request.headers, 'host');
  if (host === undefined || !hosts.has(host.toLowerCase())) return { ok: false, status: 421, reason: 'This server answers only on its own loopback address.' };
  const origin = header(request.headers, 'origin');
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) {
    return { ok: false, status: 403, reason: 'Requests from other web pages are refused.' };
  }
  const site = header(request.headers, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, status: 403, reason: 'Requests from other web pages are refused.' };
  if (request.url.startsWith('/api/')) {
    const given = header(request.headers, 'x-keepsake-token') ?? '';
    if (!tokenEquals(given, config.token)) return { ok: false, status: 401, reason: 'The session token is missing or wrong: open the address keepsake printed when it started.' };
  }
  return { ok: true };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function tokenEquals(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sent with every response: no framing, no foreign scripts, styles, connections or form targets. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};
