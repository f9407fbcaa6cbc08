// The browser side of the JSON API in src/server/routes/api.ts: one `fetch` per call, same origin,
// JSON bodies, the per-launch token in `x-keepsake-token`. Errors arrive as {"error":{"name","message","next"?,"kind","field"?}}.

import type { ErrorField, ErrorKind } from '../../src/errors/base.js';
import type { ErrorReport, NextStep } from '../../src/errors/next.js';
import { errorText } from './nextStep';

const TOKEN_KEY = 'keepsake-token';

/**
 * Starts this tab's session from the address it was opened with, before anything renders, and
 * removes what it read from the address bar (history, bookmarks):
 * - `#code=…`, the one-time link `keepsake ui` opens the browser with: exchanged once for the
 *   session token (`POST /session`); a used, expired or foreign code gives a message to show;
 * - `#token=…`, the address `keepsake ui` prints: the token itself.
 * The token is kept in sessionStorage (this tab only). Returns the problem to show, or null.
 */
export async function sessionStart(): Promise<string | null> {
  const field = (name: string) => new RegExp(`(?:^#|&)${name}=([^&]+)`).exec(location.hash)?.[1];
  const token = field('token');
  const code = field('code');
  if (token === undefined && code === undefined) return null;
  history.replaceState(null, '', location.pathname + location.search);
  if (token !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(token));
    return null;
  }
  // A link that does not work must not fall back on an older session of this tab: say so instead.
  sessionStorage.removeItem(TOKEN_KEY);
  try {
    const answer = await request<{ token?: unknown }>('POST', '/session', { code: decodeURIComponent(code!) });
    if (typeof answer.token !== 'string' || answer.token === '') return 'keepsake did not start a session. Open the address keepsake printed in the terminal.';
    sessionStorage.setItem(TOKEN_KEY, answer.token);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function tokenPresent(): boolean {
  return (sessionStorage.getItem(TOKEN_KEY) ?? '') !== '';
}

/**
 * An error the server reported (or a network failure, named `NetworkError`). Its message ends with
 * the error's next step in the browser's words, when it has one; `kind` and `field` are the error's
 * own (src/errors/base.ts): a form shows the message next to `field`.
 */
export class ApiError extends Error {
  override readonly name: string;
  readonly status: number;
  readonly next: NextStep | undefined;
  readonly kind: ErrorKind | undefined;
  readonly field: ErrorField | undefined;
  constructor(name: string, message: string, status: number, next?: NextStep, about: { kind?: ErrorKind | undefined; field?: ErrorField | undefined } = {}) {
    super(errorText({ message, ...(next === undefined ? {} : { next }) }));
    this.name = name;
    this.status = status;
    this.next = next;
    this.kind = about.kind;
    this.field = about.field;
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-keepsake-token': sessionStorage.getItem(TOKEN_KEY) ?? '' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiError('NetworkError', 'keepsake does not answer: is it still running in the terminal it was started from?', 0);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { name?: unknown; message?: unknown; next?: unknown; kind?: unknown; field?: unknown } } | undefined)?.error;
    const name = typeof error?.name === 'string' ? error.name : 'HttpError';
    const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`;
    const next = typeof error?.next === 'object' && error.next !== null && typeof (error.next as { do?: unknown }).do === 'string' ? (error.next as NextStep) : undefined;
    // Sent by this keepsake's own server: a kind and a field it sends are ones it knows.
    const kind = typeof error?.kind === 'string' ? (error.kind as ErrorKind) : undefined;
    const field = typeof error?.field === 'string' ? (error.field as ErrorField) : undefined;
    throw new ApiError(name, message, response.status, next, { kind, field });
  }
  return json as T;
}

export const apiGet = <T>(path: string): Promise<T> => request<T>('GET', path);
export const apiPost = <T>(path: string, body: object): Promise<T> => request<T>('POST', path, body);

// ---- Shapes the server returns (see src/wallet/*) ----

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
export const KEY_TYPES: readonly KeyType[] = ['sr25519', 'ed25519', 'ecdsa', 'ethereum'];

export type Network = { name: string; displayName: string; prefix: number; genesisHash: string | null };

export type Account = {
  address: string;
  name: string;
  type: KeyType;
  publicKey: string;
  network: string | null;
  genesisHash: string | null;
  identity: string | null;
  path: string | null;
  hasKey: boolean;
  verified: boolean;
};

export type Backup = { filename: string; json: string };

export type RestoreReport = {
  restored: { address: string; name: string; file: string; verified: boolean; replaced: boolean; relocked?: 'unencrypted' | 'legacy' }[];
  skipped: { address: string; reason: string; file: string }[];
  failed: { file: string; error: ErrorReport }[];
};

export type IdentityAccount = { address: string; name: string; path: string; network: string | null; type: KeyType; signerQr: string | null };
export type Identity = { id: number; name: string; createdAt: number; accounts: IdentityAccount[] };

export type AddressEntry = { address: string; kind: string; name: string; note: string | null; network: string | null };

export type ImportItem = { kind: string; name: string; address: string | null; status: 'imported' | 'present' | 'replaced'; presentAs: string | null };
export type ImportReport = {
  format: string;
  items: ImportItem[];
  failed: { file: string; error: ErrorReport }[];
};

export type Kdf = { name: 'scrypt'; N: number; r: number; p: number } | { name: 'pbkdf2-sha256'; iterations: number } | { name: 'none' } | { name: 'legacy-password' };
export type InspectReport = {
  format: string;
  label: string;
  version: string | null;
  encrypted: boolean;
  kdf: Kdf | null;
  olderWallets: boolean | null;
  accounts: { address: string; name: string | null; type: KeyType | null }[];
  /** The accounts are inside the encrypted part (whole-wallet backups): verifying lists them. */
  contentsEncrypted: boolean;
  notes: string[];
  next?: NextStep;
};
/** How far a key was checked (src/wallet/verify.ts). */
export type VerifyCheck = 'checked' | 'address-only' | 'locked' | 'identity' | 'failed';
export type VerifyAccount = {
  address: string;
  publicKey: string | null;
  type: KeyType | null;
  name: string | null;
  ok: boolean;
  watchOnly: boolean;
  error: { name: string; message: string } | null;
  check: VerifyCheck;
  status?: ImportItem['status'];
  presentAs?: string | null;
};
export type VerifyReport = {
  format: string;
  label: string;
  ok: boolean;
  /** It would restore (or, for a whole-wallet backup, import). */
  restorable: boolean;
  accounts: VerifyAccount[];
  /** Whole-wallet backups: what an import would do with each item. */
  items?: ImportItem[];
};
/** POST /api/accounts/verify: the account, now recorded as checked. */
export type AccountVerified = Account & { wasVerified: boolean };

export type FileUpload = { name: string; text: string };

/** Reads picked or dropped files as text for `{files:[{name,text}]}`. */
export async function filesRead(files: readonly File[]): Promise<FileUpload[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
}

let networksPromise: Promise<Network[]> | undefined;

/** The network list, fetched once; the common relay chains first, then the rest by display name. */
export function networksLoad(): Promise<Network[]> {
  networksPromise ??= apiGet<Network[]>('/api/networks').then((list) => {
    const first = ['polkadot', 'kusama', 'westend', 'substrate'];
    const head = first.map((n) => list.find((x) => x.name === n)).filter((x): x is Network => x !== undefined);
    const rest = list.filter((x) => !first.includes(x.name)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    return [...head, ...rest];
  });
  networksPromise.catch(() => {
    networksPromise = undefined;
  });
  return networksPromise;
}
