// The browser side of the JSON API in src/server/routes/api.ts: one `fetch` per call, same origin,
// JSON bodies, the per-launch token in `x-keepsake-token`. Errors arrive as {"error":{"name","message","next"?,"kind","field"?}}.

import type { ErrorField, ErrorKind } from '../../src/errors/base.js';
import type { ErrorReport, NextStep } from '../../src/errors/next.js';
import type { AccountView } from '../../src/wallet/accountView.js';
import type { AddressView } from '../../src/wallet/addressBook.js';
import type { RestoreReport } from '../../src/wallet/restore.js';
import type { IdentitySummary } from '../../src/wallet/identity/common.js';
import type { DeriveResult } from '../../src/wallet/identity/derive.js';
import type { FindResult } from '../../src/wallet/identity/find.js';
import type { AddResult } from '../../src/wallet/create.js';
import type { ExportAllPlan, ExportAllResult } from '../../src/wallet/export.js';
import type { BackupCounts } from '../../src/wallet/backup/export.js';
import type { ConcordiumRemoved } from '../../src/wallet/concordium.js';
import type { Network } from '../../src/networks/networks.js';
import type { VaultState } from '../../src/server/vaultSession.js';
import { errorText } from './nextStep';

const TOKEN_KEY = 'keepsake-token';

/** Dispatched on `window` when the server says the vault is locked. */
export const VAULT_LOCKED_EVENT = 'keepsake-vault-locked';

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
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
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
    const next =
      typeof error?.next === 'object' && error.next !== null && typeof (error.next as { do?: unknown }).do === 'string' ? (error.next as NextStep) : undefined;
    // Sent by this keepsake's own server: a kind and a field it sends are ones it knows.
    const kind = typeof error?.kind === 'string' ? (error.kind as ErrorKind) : undefined;
    const field = typeof error?.field === 'string' ? (error.field as ErrorField) : undefined;
    // The vault locked itself (unused for a while) or was locked in another tab: the app shows its unlock page.
    if (kind === 'closed') window.dispatchEvent(new Event(VAULT_LOCKED_EVENT));
    throw new ApiError(name, message, response.status, next, { kind, field });
  }
  return json as T;
}

export const apiGet = <T>(path: string): Promise<T> => request<T>('GET', path);
export const apiPost = <T>(path: string, body: object): Promise<T> => request<T>('POST', path, body);

// ---- Shapes the server returns: the server's own types (type-only imports, nothing in the bundle) ----
// Every page imports them from here, so a type that moves in src/ is one edit in this file.

export type { KeyType } from '../../src/keys/types.js';
/** The key types, in the order the key-type selects list them. */
export { KEY_TYPES } from '../../src/keys/types.js';
export type { ExistingAccount } from '../../src/wallet/duplicate.js';
export type { AccountPreview } from '../../src/wallet/preview.js';
export type { IdentityAccount } from '../../src/wallet/identity/common.js';
export type { ImportItem } from '../../src/wallet/backup/plan.js';
export type { ImportReport } from '../../src/wallet/backup/import.js';
export type { KdfReport as Kdf, InspectReport } from '../../src/wallet/inspect.js';
export type { VerifyAccount, VerifyReport } from '../../src/wallet/verify.js';
export type { ConcordiumAccountView as ConcordiumAccount, ConcordiumIdentityView as ConcordiumIdentity, ConcordiumList } from '../../src/wallet/concordium.js';
export type { RestoreReport, BackupCounts, ExportAllPlan, ConcordiumRemoved, Network };
export type { RescueAccount, RescueScan, RescueStore } from '../../src/wallet/rescue/scan.js';
export type { BackupState, BackupStatusItem, BackupStatusReport } from '../../src/wallet/backupHealth.js';
export type { BackupFileView, BackupOverview } from '../../src/wallet/backupFiles.js';

/** GET /api/vault (and unlock, lock, password): whether the vault has a vault password, whether it is open, and whether to offer one. */
export type VaultView = VaultState & { offerPassword: boolean };
/** GET /api/accounts (and rename, remove): an account as every face shows it. */
export type Account = AccountView;
/** GET /api/identities (and recover, rename, remove). */
export type Identity = IdentitySummary;
/** GET /api/addresses (and add, edit, remove). */
export type AddressEntry = AddressView;
/** A file the server made for the browser to download. */
export type Backup = { filename: string; json: string };
/** POST /api/accounts/add: the account added or updated, and its backup file (none when no password was given). */
export type Added = Omit<AddResult, 'json'> & { backup: Backup | null };
/** POST /api/accounts/verify: the account, now recorded as checked. */
export type AccountVerified = Account & { wasVerified: boolean };
/** POST /api/accounts/export-all: the batch file and what it holds and leaves out. */
export type ExportedAll = Backup & Pick<ExportAllResult, 'count' | 'fromIdentities' | 'leftOut'>;
/** POST /api/backup/export: the whole-wallet file and what it counts. */
export type BackupExported = Backup & { counts: BackupCounts };
/** POST /api/identities/derive. */
export type Derived = DeriveResult;
/** POST /api/identities/find. */
export type Found = FindResult;

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
