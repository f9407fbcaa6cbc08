import { bytesToHex, wipe } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import { BatchEntryLockedError, WrongPasswordError } from '../errors/password.js';
import { UnsupportedKeyTypeError } from '../errors/keyType.js';
import { formatDetect, FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { accountAddress } from '../keys/account.js';
import type { ErrorReport } from '../errors/next.js';
import type { KeyType } from '../keys/types.js';
import type { Vault } from '../vault/open.js';
import type { BackupPayload } from './backup/open.js';
import type { ImportItem } from './backup/plan.js';
import { fileAccountsOpen, fileEntryLocks, type FileEntry } from './fileAccounts.js';
import { storedKeyCheck } from './storedKey.js';
import { identityCover } from './backupCover.js';
import type { BackupCover } from '../vault/backupRecords.js';
import { lockedOpen, type AskPassword, type Locked } from './unlock.js';

/**
 * How far an account's key was checked: `checked` (opened with a password given, and it gives the
 * address), `address-only` (no key in the file: restored watch-only), `locked` (under a password of
 * its own that was not given: restored or imported unchecked), `identity` (a whole-wallet backup's
 * account whose key comes from an identity's phrase: checked when its PIN is given), `unsupported`
 * (a key type keepsake does not keep, such as a SubWallet export's TON account: left out, and
 * `error` says so; it does not stop the rest from restoring), `failed`.
 */
export type VerifyCheck = 'checked' | 'address-only' | 'locked' | 'identity' | 'unsupported' | 'failed';

export type VerifyAccount = {
  address: string;
  publicKey: string | null;
  type: KeyType | null;
  name: string | null;
  /** True when its key was opened and gives its address (or it has no key: address only). */
  ok: boolean;
  /** An entry with an address but no key (Apps multisig/external accounts): nothing to check, restored as watch-only. */
  watchOnly: boolean;
  /** Why not `ok`: the problem, or (`locked`) that its own password was not given. */
  error: ErrorReport | null;
  check: VerifyCheck;
  /** Whole-wallet backups: what `backup import` would do with it, and the name it is already present under. */
  status?: ImportItem['status'];
  presentAs?: string | null;
};

export type VerifyReport = {
  format: FormatName;
  label: string;
  /** Every key in the file was opened and gives its address. */
  ok: boolean;
  /**
   * It would restore (account and batch files, lists) or import (whole-wallet backups) — what the
   * exit code says. Entries under a password of their own that was not given do not stop it: they
   * are restored unchecked, as `restore` keeps them.
   */
  restorable: boolean;
  accounts: VerifyAccount[];
  /** Whole-wallet backups: everything `backup import` would report against the vault, with its status. Nothing is imported. */
  items?: ImportItem[];
  /** A Nova Wallet cloud backup: what in it keepsake would not bring in, one sentence each. */
  notes?: string[];
  /**
   * What this verify found to be backed up in the file (for backup health, wallet/backupHealth.ts):
   * each account whose key was opened and checked, and each identity whose sealed phrase the
   * authenticated backup holds. Not for display.
   */
  covers: BackupCover[];
};

export type VerifyOptions = {
  file?: string | undefined;
  /** Further passwords (the other lines of a password file), tried on every entry still locked. */
  morePasswords?: readonly string[];
  /** Asks for one more password for the entries still locked (on a terminal); see lockedOpen. */
  askPassword?: AskPassword;
  /** The vault a whole-wallet backup is compared with (none: an empty one). Only read. */
  vault?: Vault;
};

const WHOLE_WALLET: ReadonlySet<FormatName> = new Set(['keepsake-backup', 'concordium-desktop', 'concordium-mobile', 'nova-backup']);

/**
 * Decrypts every account in a file without importing anything and checks each key against its
 * address. A wrong password for the file (or for its only account) throws {@link WrongPasswordError};
 * problems with single entries of a batch or list are reported per account. Entries under a password
 * of their own are tried with `morePasswords` and what `askPassword` answers, and otherwise reported
 * `locked`. A whole-wallet backup is also compared with `vault`: `items` says what `backup import`
 * would import, find present (under which name) or replace.
 *
 * @example
 * const report = await verifyFile(text, password, { file: 'backup.json' })
 * report.restorable // it would restore
 */
export async function verifyFile(text: string, password: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const passwords = { passwords: [password, ...(options.morePasswords ?? [])], ask: options.askPassword };
  if (WHOLE_WALLET.has(formatDetect(text, options.file).format)) return verifyBackup(text, password, passwords, options);
  const { format, entries } = await fileAccountsOpen(text, password, { file: options.file, lockedEntries: 'report' });
  await lockedOpen(fileEntryLocks(entries, password), passwords);
  const accounts = entries.map(accountOf);
  return {
    format,
    label: FORMAT_LABELS[format],
    ok: accounts.length > 0 && accounts.every((a) => a.ok),
    restorable: accounts.length > 0 && accounts.every((a) => a.check !== 'failed'),
    accounts,
    covers: checkedCovers(accounts),
  };
}

function accountOf(entry: FileEntry): VerifyAccount {
  const a = entry.account;
  if (a === undefined) {
    const check = entry.error instanceof BatchEntryLockedError ? 'locked' : entry.error instanceof UnsupportedKeyTypeError ? 'unsupported' : 'failed';
    return { ...entry.preview, publicKey: null, ok: false, watchOnly: false, error: errorOf(entry.error), check };
  }
  const watchOnly = a.fileJson === null;
  return {
    address: a.address,
    publicKey: bytesToHex(a.publicKey),
    type: a.type,
    name: a.name,
    ok: true,
    watchOnly,
    error: null,
    check: watchOnly ? 'address-only' : 'checked',
  };
}

function errorOf(error: BaseError | undefined): ErrorReport {
  return error === undefined ? { name: 'UnknownError', message: 'The account could not be read.' } : error.report;
}

/**
 * A keepsake backup or Concordium Desktop export: decrypted and checked as `backup import` checks it
 * (backupOpen), each account's key file opened with the passwords given where one opens it, and the
 * import planned against the vault (backupPlan) — nothing written.
 */
async function verifyBackup(text: string, password: string, passwords: Parameters<typeof lockedOpen>[1], options: VerifyOptions): Promise<VerifyReport> {
  // Loaded here, not at the top: the import planner pulls in the vault and every use case, which an account file's check never needs.
  const [{ backupOpen }, { backupPlan }] = await Promise.all([import('./backup/open.js'), import('./backup/plan.js')]);
  const contents = await backupOpen(text, password, options);
  const plan = backupPlan(options.vault, contents, options);
  const accounts =
    contents.format === 'keepsake-backup'
      ? await backupAccountsCheck(contents.payload, passwords)
      : contents.format === 'nova-backup'
        ? novaAccounts(contents.payload)
        : [];
  // One item per account, in the file's order (backupPlan): what import would do with each.
  const accountItems = plan.items.filter((i) => i.kind === 'account');
  accounts.forEach((a, i) => Object.assign(a, { status: accountItems[i]!.status, presentAs: accountItems[i]!.presentAs }));
  return {
    format: contents.format,
    label: FORMAT_LABELS[contents.format],
    ok: accounts.every((a) => a.ok),
    restorable: plan.items.length > 0 && accounts.every((a) => a.check !== 'failed'),
    accounts,
    items: plan.items,
    ...(contents.format === 'nova-backup' ? { notes: contents.notes } : {}),
    covers: [
      ...checkedCovers(accounts),
      ...(contents.format === 'keepsake-backup' ? contents.payload.identities.flatMap((i) => identityCover(i.sealed) ?? []) : []),
    ],
  };
}

/**
 * A Nova backup's accounts, every key already checked against the public part when it was opened
 * (wallet/novaBackup.ts): keyed ones and those of a phrase (derived from the phrase the backup's
 * password opened, and compared) `checked`, the others watch-only.
 */
function novaAccounts(payload: BackupPayload): VerifyAccount[] {
  return payload.accounts.map((a) => ({
    address: accountAddress(a.type, a.accountId, a.ss58Prefix),
    publicKey: bytesToHex(a.publicKey),
    type: a.type,
    name: a.name,
    ok: true,
    watchOnly: a.fileJson === null && a.identity === null,
    error: null,
    check: a.fileJson === null && a.identity === null ? 'address-only' : 'checked',
  }));
}

/** The accounts whose key was opened with a password given and gives their address. */
function checkedCovers(accounts: readonly VerifyAccount[]): BackupCover[] {
  return accounts.flatMap((a) => (a.check === 'checked' && a.publicKey !== null ? [{ kind: 'account' as const, item: a.publicKey }] : []));
}

/**
 * Each account of a keepsake backup, checked as far as a password given allows: a key file is tried
 * with the backup password and the others given (accounts keep their own password unless the backup
 * was re-keyed), and the key it holds must be the account's (storedKeyCheck, as every export checks).
 */
async function backupAccountsCheck(payload: BackupPayload, passwords: Parameters<typeof lockedOpen>[1]): Promise<VerifyAccount[]> {
  const accounts = payload.accounts.map((a): VerifyAccount => {
    const address = accountAddress(a.type, a.accountId, a.ss58Prefix);
    const base = { address, publicKey: bytesToHex(a.publicKey), type: a.type, name: a.name, watchOnly: false, error: null };
    if (a.identity !== null) return { ...base, ok: false, check: 'identity' };
    if (a.fileJson === null) return { ...base, ok: true, watchOnly: true, check: 'address-only' };
    return { ...base, ok: false, error: errorOf(new BatchEntryLockedError({ address, container: 'backup' })), check: 'locked' };
  });
  const locks = payload.accounts.flatMap((a, i): Locked[] => {
    const fileJson = a.fileJson;
    if (fileJson === null || a.identity !== null) return [];
    const account = accounts[i]!;
    return [
      {
        label: { file: account.address, address: account.address, name: a.name },
        tried: [],
        open: async (pw) => {
          try {
            const opened = await polkadotJsOpen(polkadotJsParse(JSON.parse(fileJson)) as PolkadotJsSingle, pw, { file: account.address });
            try {
              await storedKeyCheck(a, opened, 'verify');
            } finally {
              wipe(opened.secretKey);
            }
            Object.assign(account, { ok: true, error: null, check: 'checked' });
          } catch (err) {
            if (err instanceof WrongPasswordError) return false;
            if (!(err instanceof BaseError)) throw err;
            Object.assign(account, { ok: false, error: errorOf(err), check: 'failed' });
          }
          return [];
        },
      },
    ];
  });
  await lockedOpen(locks, passwords);
  return accounts;
}
