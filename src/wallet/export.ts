import { wipe } from '../crypto/bytes.js';
import { NothingToExportError, WatchOnlyAccountError } from '../errors/vault.js';
import { WrongPasswordError } from '../errors/password.js';
import { ConversionImpossibleError } from '../errors/file.js';
import { ethereumKeystoreWrite } from '../formats/ethereum-keystore.js';
import type { KeyPair } from '../keys/types.js';
import { UsageError } from '../errors/usage.js';
import { isObject, jsonParse } from '../formats/json.js';
import { polkadotJsBatchWrite } from '../formats/polkadot-js/batch.js';
import { kdfParams, type PolkadotJsKdf } from '../formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import { accountsAll, type AccountRow } from '../vault/accounts.js';
import { identityById } from '../vault/identities.js';
import type { Vault } from '../vault/open.js';
import { accountFind, withName } from './accounts.js';
import { accountView } from './accountView.js';
import { mapConcurrent } from './concurrency.js';
import { identityAccountDerive, identityAccountPair } from './identity/accountPair.js';
import { identityUnlock } from './identity/unlock.js';
import { newSecretCheck } from './secrets.js';
import { storedKeyCheck } from './storedKey.js';
import { watchOnlyEntry } from './common.js';
import { accountCover } from './backupCover.js';
import type { BackupCover } from '../vault/backupRecords.js';
import { rekeyFiles, relock } from './rekey.js';

export type Kdf = PolkadotJsKdf;

/**
 * "Export account": the account's Polkadot{.js} file (or, for an ethereum account, an Ethereum
 * keystore), openable with the account's password. The password is checked first (a wrong one throws
 * {@link WrongPasswordError}); when the stored file already uses the requested scrypt parameters it is
 * handed out as stored, otherwise it is re-locked with the same password (N=2^17, or N=2^15 with
 * `kdf: 'compat'` for wallets from before mid-2025). An identity account needs its identity's PIN
 * and a password for the new file.
 */
export async function accountExport(
  vault: Vault,
  query: string,
  unlock: ExportUnlock,
  options: { kdf?: Kdf; format?: 'polkadot-js' | 'ethereum-keystore' } = {},
): Promise<{ json: string; address: string; covers: BackupCover[] }> {
  const row = accountFind(vault, query);
  const view = accountView(row);
  // What the file backs up (recorded by backup health): this one account.
  const covers = [accountCover(row.publicKey)];
  const format = options.format ?? 'polkadot-js';
  if (format === 'ethereum-keystore' && row.type !== 'ethereum') {
    throw new ConversionImpossibleError({ reason: `an Ethereum keystore holds an ethereum (secp256k1, BIP-44) key, and ${view.address} is ${row.type}` });
  }
  if (row.identityId === null && row.fileJson === null) throw new WatchOnlyAccountError({ address: view.address });
  if (row.identityId === null && format === 'polkadot-js') {
    if (!('password' in unlock))
      throw new UsageError({ reason: `${view.address} is locked with its own password; its export needs that password, not a PIN.`, field: 'pin' });
    return { json: await relock(row, unlock.password, unlock.password, options.kdf ?? 'default'), address: view.address, covers };
  }
  const { pair, password } = await unlockPair(vault, row, unlock);
  try {
    if (format === 'ethereum-keystore') {
      return { json: JSON.stringify(await ethereumKeystoreWrite(pair.secretKey, row.accountId, password)), address: view.address, covers };
    }
    const meta = { name: row.name, ...(row.genesisHash ? { genesisHash: row.genesisHash } : {}), whenCreated: row.createdAt };
    const json = await polkadotJsWrite(pair, password, { meta, prefix: row.ss58Prefix, params: kdfParams(options.kdf ?? 'default') });
    return { json: JSON.stringify(json), address: view.address, covers };
  } finally {
    wipe(pair.secretKey);
  }
}

/** The account's key pair and the password the exported file gets. */
async function unlockPair(vault: Vault, row: AccountRow, unlock: ExportUnlock): Promise<{ pair: KeyPair; password: string }> {
  const address = accountView(row).address;
  if (row.identityId !== null) {
    if (!('pin' in unlock))
      throw new UsageError({
        reason: `${address} belongs to the identity "${row.identityName}": its export needs the identity's PIN and a password for the new file.`,
        field: 'pin',
      });
    // Checked before the PIN is tried: a refused password must not cost a PIN attempt.
    newSecretCheck(unlock.newPassword, 'file password');
    return { pair: await identityAccountPair(vault, row, unlock.pin), password: unlock.newPassword };
  }
  if (!('password' in unlock))
    throw new UsageError({ reason: `${address} is locked with its own password; its export needs that password, not a PIN.`, field: 'pin' });
  const stored = polkadotJsParse(jsonParse(row.fileJson!)) as PolkadotJsSingle;
  const pair = await polkadotJsOpen(stored, unlock.password, { file: address, subject: address, held: 'vault' });
  try {
    await storedKeyCheck(row, pair);
  } catch (err) {
    wipe(pair.secretKey);
    throw err;
  }
  return { pair, password: unlock.password };
}

/** An account's own password, or (for an identity account) the identity's PIN and the new file's password. */
export type ExportUnlock = { password: string } | { pin: string; newPassword: string };

/** An account an "Export all" file does not hold, and why (issue 12 #4: nothing is left out silently). */
export type LeftOut = {
  address: string;
  name: string;
  /** Its identity, for an account derived from one. */
  identity: string | null;
  /**
   * `no-pin`: its identity's PIN was not given (declined, or no terminal and no PIN source);
   * `watch-only`: keepsake holds its address only, and the extension's batch cannot hold that;
   * `needs-password`: derived from an identity (no password of its own), in a list without a password to lock it.
   */
  reason: 'no-pin' | 'watch-only' | 'needs-password';
  /** The reason as a sentence, front-end neutral. */
  message: string;
};

const LEFT_OUT_MESSAGES: Record<LeftOut['reason'], (identity: string | null) => string> = {
  'no-pin': (identity) => `derived from the identity "${identity}", whose PIN was not given`,
  'watch-only': () => 'watch-only: keepsake holds its address but not its key, and this format cannot hold an account without one',
  'needs-password': (identity) => `derived from the identity "${identity}": it has no password of its own, and this list was given none to lock it with`,
};

/** What an "Export all" will hold before any secret is asked: the identities whose PIN it needs. */
export type ExportAllPlan = {
  /** Accounts with their own key file. */
  files: number;
  /** Identities with accounts that go in the file if their PIN is given, in vault order. */
  identities: { id: number; name: string; accounts: number }[];
  /** Address-only entries (the Apps list keeps them). */
  watchOnly: number;
  /** Left out whatever the user answers. */
  leftOut: LeftOut[];
};

export type ExportAllOptions = {
  /** Re-lock every account that has its own password with the batch password. */
  rekey?: boolean;
  /** With `rekey`: an account's password, asked only when neither the batch password nor a recent answer opens it. */
  passwordFor?: (account: { address: string; name: string }) => Promise<string>;
  /**
   * The PIN of an identity whose accounts go in the file, asked once per identity, or undefined to
   * leave them out (and name them). Only the user's answer for that identity: a wrong PIN counts.
   */
  pinFor?: (identity: { id: number; name: string; accounts: number }) => Promise<string | undefined>;
  kdf?: Kdf;
  format?: 'polkadot-js-batch' | 'apps';
  /** With `rekey`: accounts re-locked so far, of how many (the slow part). */
  onProgress?: (done: number, total: number) => void;
};

export type ExportAllResult = {
  json: string;
  /** Entries in the file. */
  count: number;
  /** Of them, accounts derived from identities (each locked with the batch password). */
  fromIdentities: number;
  leftOut: LeftOut[];
  /** The accounts whose key the file holds (recorded by backup health). */
  covers: BackupCover[];
  /** Counts of `leftOut` by kind (kept for callers of the first version). */
  skippedWatchOnly: number;
  skippedIdentity: number;
};

function leftOutCounts(leftOut: readonly LeftOut[]): { noPin: number; watchOnly: number; needsPassword: number } {
  const n = (reason: LeftOut['reason']) => leftOut.filter((l) => l.reason === reason).length;
  return { noPin: n('no-pin'), watchOnly: n('watch-only'), needsPassword: n('needs-password') };
}

function leftOutOf(row: AccountRow, reason: LeftOut['reason']): LeftOut {
  const view = accountView(row);
  return { address: view.address, name: row.name, identity: row.identityName, reason, message: LEFT_OUT_MESSAGES[reason](row.identityName) };
}

/**
 * What {@link accountExportAll} will hold and leave out before anything is asked. Throws
 * {@link NothingToExportError} when the file could hold nothing (an empty vault; only watch-only
 * accounts in the extension's batch), so nothing is asked for a file that will not be written.
 * `password`: whether the file's entries can be locked with a password (an Apps list without one cannot hold identity accounts).
 */
export function accountExportAllPlan(vault: Vault, options: { format?: 'polkadot-js-batch' | 'apps'; password?: boolean } = {}): ExportAllPlan {
  const all = accountsAll(vault);
  const apps = options.format === 'apps';
  const ofIdentities = all.filter((r) => r.identityId !== null);
  const watchOnly = all.filter((r) => r.fileJson === null && r.identityId === null);
  const leftOut = [
    ...(apps ? [] : watchOnly.map((r) => leftOutOf(r, 'watch-only'))),
    ...(options.password === false ? ofIdentities.map((r) => leftOutOf(r, 'needs-password')) : []),
  ];
  const identities = new Map<number, { id: number; name: string; accounts: number }>();
  if (options.password !== false) {
    for (const r of ofIdentities) {
      const entry = identities.get(r.identityId!) ?? { id: r.identityId!, name: r.identityName ?? String(r.identityId), accounts: 0 };
      entry.accounts++;
      identities.set(r.identityId!, entry);
    }
  }
  const files = all.filter((r) => r.fileJson !== null).length;
  const plan = { files, identities: [...identities.values()].sort((a, b) => a.id - b.id), watchOnly: apps ? watchOnly.length : 0, leftOut };
  if (plan.files + plan.watchOnly + plan.identities.reduce((n, i) => n + i.accounts, 0) === 0)
    throw new NothingToExportError({ what: 'accounts', leftOut: leftOutCounts(leftOut) });
  return plan;
}

/**
 * "Export all accounts" in the extension's batch format (or the Apps list). The batch password
 * locks the outer layer; accounts with a key file keep their own password — unless `rekey` is set,
 * in which case each is re-locked with the batch password (see {@link rekeyFiles}). Accounts derived
 * from an identity have no password of their own: each identity's PIN is asked once (`pinFor`), its
 * accounts are derived, checked against the vault's keys, and locked with the batch password, as
 * `accountExport` does for one. An identity whose PIN is not given, and watch-only accounts the
 * batch cannot hold, are named in `leftOut`. A file that would hold nothing is refused
 * ({@link NothingToExportError}) and nothing is written.
 */
export async function accountExportAll(vault: Vault, batchPassword: string, options: ExportAllOptions = {}): Promise<ExportAllResult> {
  const format = options.format ?? 'polkadot-js-batch';
  const apps = format === 'apps';
  const kdf = options.kdf ?? 'default';
  const plan = accountExportAllPlan(vault, { format, password: batchPassword !== '' });
  // An Apps list is not locked as a whole: its password only re-locks entries (rekey, identity accounts).
  if (!apps || options.rekey || batchPassword !== '') newSecretCheck(batchPassword, 'batch password');
  const all = accountsAll(vault);
  const leftOut = [...plan.leftOut];
  // Identity accounts first, one PIN per identity; a wrong PIN stops the export here (exit 3, nothing written).
  const derived = new Map<number, string>();
  for (const identity of plan.identities) {
    const rows = all.filter((r) => r.identityId === identity.id);
    const pin = await options.pinFor?.(identity);
    if (pin === undefined) {
      leftOut.push(...rows.map((r) => leftOutOf(r, 'no-pin')));
      continue;
    }
    const unlocked = await identityUnlock(vault, identityById(vault, identity.id)!, pin);
    try {
      const files = await mapConcurrent(rows, async (row) => {
        const pair = await identityAccountDerive(row, unlocked);
        try {
          const meta = { name: row.name, ...(row.genesisHash ? { genesisHash: row.genesisHash } : {}), whenCreated: row.createdAt };
          return JSON.stringify(await polkadotJsWrite(pair, batchPassword, { meta, prefix: row.ss58Prefix, params: kdfParams(kdf) }));
        } finally {
          wipe(pair.secretKey);
        }
      });
      rows.forEach((row, i) => derived.set(row.id, files[i]!));
    } finally {
      wipe(unlocked.key);
    }
  }
  const keyed = all.filter((r) => r.fileJson !== null);
  const relocked = options.rekey ? await rekeyFiles(keyed, batchPassword, { ...options, kdf }) : new Map<number, string>();
  // In the vault's order, as the extension lists them.
  const covers: BackupCover[] = [];
  const entries = all.flatMap((row) => {
    const file = derived.get(row.id) ?? relocked.get(row.id) ?? (row.fileJson === null ? undefined : withName(row.fileJson, row.name));
    if (file !== undefined) covers.push(accountCover(row.publicKey));
    return file === undefined ? [] : [JSON.parse(file) as Record<string, unknown>];
  });
  const watch = apps ? all.filter((r) => r.fileJson === null && r.identityId === null).map(appsWatchEntry) : [];
  const count = entries.length + watch.length;
  const result = (json: string): ExportAllResult => ({
    json,
    count,
    fromIdentities: derived.size,
    leftOut,
    covers,
    skippedWatchOnly: leftOut.filter((l) => l.reason === 'watch-only').length,
    skippedIdentity: leftOut.filter((l) => l.reason !== 'watch-only').length,
  });
  if (count === 0) throw new NothingToExportError({ what: 'accounts', leftOut: leftOutCounts(leftOut) });
  if (apps) return result(JSON.stringify([...entries, ...watch]));
  return result(JSON.stringify(await polkadotJsBatchWrite(entries, batchPassword, { params: kdfParams(kdf) })));
}

/** A watch-only account as an Apps list entry: as Apps wrote it (multisig threshold, signatories…) when kept, under its current name. */
function appsWatchEntry(r: AccountRow): unknown {
  const entry = watchOnlyEntry({ address: accountView(r).address, name: r.name, genesisHash: r.genesisHash, publicKey: r.publicKey, type: r.type });
  if (r.watchJson === null) return entry;
  const original = JSON.parse(r.watchJson) as Record<string, unknown>;
  return { ...original, meta: { ...(isObject(original['meta']) ? original['meta'] : {}), name: r.name } };
}
