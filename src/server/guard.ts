import { timingSafeEqual } from 'node:crypto';
import { posix } from 'node:path';

/**
 * Who may talk to the local server: only a page it served itself, on the exact loopback host and
 * port, carrying the per-launch token. A foreign `Host` (DNS rebinding) or `Origin` (another site in
 * the same browser) is refused before any route runs.
 *
 * The token is required by default. Only the routes in {@link PUBLIC_ROUTES} (the app's own files
 * and the one-time-link exchange) go without it, and only when the path does not look like the API
 * in any spelling. The decision uses the route the router matched, never the raw request target:
 * the router decodes `%61pi` to `api` and accepts absolute-form targets
 * (`GET http://127.0.0.1:PORT/api/… HTTP/1.1`), so the raw text says nothing about what will run.
 */
export type GuardConfig = { token: string; port: () => number };

export type GuardRequest = {
  /** The raw request target, as sent. */
  url: string;
  method: string;
  /** The pattern of the route the router matched (`request.routeOptions.url`); undefined for none (404, a bad URL). */
  route: string | undefined;
  headers: Record<string, string | string[] | undefined>;
};

export type GuardVerdict = { ok: true } | { ok: false; status: number; name: string; reason: string };

/** `METHOD pattern` of the routes that hold no secret and need no token. Everything else does. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['GET /*', 'HEAD /*', 'POST /session']);

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

const REFUSED_TOKEN: GuardVerdict = {
  ok: false,
  status: 401,
  name: 'Forbidden',
  reason: 'The session token is missing or wrong: open the address keepsake printed when it started.',
};

/** Checks Host, Origin and fetch metadata for every request, and the token for every request that is not public. */
export function guardCheck(config: GuardConfig, request: GuardRequest): GuardVerdict {
  const hosts = allowedHosts(config.port());
  const host = header(request.headers, 'host');
  if (host === undefined || !hosts.has(host.toLowerCase()))
    return { ok: false, status: 421, name: 'Forbidden', reason: 'This server answers only on its own loopback address.' };
  const origin = header(request.headers, 'origin');
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) {
    return { ok: false, status: 403, name: 'Forbidden', reason: 'Requests from other web pages are refused.' };
  }
  const site = header(request.headers, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { ok: false, status: 403, name: 'Forbidden', reason: 'Requests from other web pages are refused.' };
  if (tokenNeeded(request) && !tokenGiven(config, request.headers)) return REFUSED_TOKEN;
  return { ok: true };
}

/** The token check alone, for the API's own hook (a second lock behind {@link guardCheck}). */
export function tokenCheck(config: Pick<GuardConfig, 'token'>, headers: GuardRequest['headers']): GuardVerdict {
  return tokenGiven(config, headers) ? { ok: true } : REFUSED_TOKEN;
}

function tokenNeeded(request: GuardRequest): boolean {
  if (request.route === undefined || !PUBLIC_ROUTES.has(`${request.method} ${request.route}`)) return true;
  return pathLooksLikeApi(request.url);
}

/**
 * Whether a request target names the API in any spelling: absolute form, percent-encoded (also
 * twice), with dot segments, doubled or back slashes, other letter case. Such a target reaching a
 * public route is refused without the token too, so no spelling of the API is served without it.
 * A target that cannot be decoded counts as the API (deny by default).
 */
export function pathLooksLikeApi(url: string): boolean {
  let path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!;
  for (let i = 0; ; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return true;
    }
    if (decoded === path) break;
    if (i === 4) return true;
    path = decoded;
  }
  const normal = posix.normalize(`/${path.replace(/\\/g, '/')}`).toLowerCase();
  return /^\/api(?:$|[/;])/.test(normal);
}

function tokenGiven(config: Pick<GuardConfig, 'token'>, headers: GuardRequest['headers']): boolean {
  return tokenEquals(header(headers, 'x-keepsake-token') ?? '', config.token);
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
