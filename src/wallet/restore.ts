import { bytesToHex } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import type { ErrorReport, NextStep } from '../errors/next.js';
import { UnsafeNameError } from '../errors/name.js';
import { UnsupportedKeyTypeError } from '../errors/keyType.js';
import { WrongPasswordError } from '../errors/password.js';
import { accountAddress } from '../keys/account.js';
import type { Network } from '../networks/networks.js';
import { accountByPublicKey, accountInsert, accountReplace, type AccountInsert } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { mapConcurrent } from './concurrency.js';
import { fileMetaSet, placementOf, type Placement } from './duplicate.js';
import { fileAccountsOpen, fileEntryLocks, type FileAccount, type FileEntry, type Relocked } from './fileAccounts.js';
import { unsafeCharFind } from './names.js';
import { lockedOpen, type AskPassword, type Locked } from './unlock.js';

/** A file to restore; `ownPassword`: a single account another wallet keeps under its own password, kept unchecked when no password opens it. */
export type RestoreInput = { file: string; text: string; ownPassword?: boolean };

export type RestoreOptions = {
  onDuplicate?: 'skip' | 'replace';
  /** Called as each file finishes (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Further passwords (the other lines of a password file): each is tried on every file, and every
   * batch or list entry, that the first password did not open.
   */
  morePasswords?: readonly string[];
  /** Asks for one more password for what is still locked (on a terminal), until it is all open or the answer is empty. */
  askPassword?: AskPassword;
  /**
   * The network every restored account is stored under (its name, address format and genesis hash),
   * whatever the files say: nothing in a file tells networks that share an address format apart
   * (AXIA.js writes Polkadot's prefix and genesis hash for AXIA). An unknown name is refused before
   * any file is opened.
   */
  network?: string;
};

/**
 * Something a person should know about where the accounts were put, as a sentence for any front end
 * (it names no flag and no command), and what to do about it, worded by each front end.
 */
export type RestoreNote = { message: string; next?: NextStep };

export type RestoreReport = {
  /**
   * `relocked`, when present: the file's key had no key derivation (`unencrypted`: `type: ["none"]`;
   * `legacy`: versions 0–2), and keepsake stored it re-locked with scrypt under the password given.
   */
  restored: { address: string; name: string; file: string; verified: boolean; replaced: boolean; network: string | null; relocked?: Relocked }[];
  skipped: { address: string; reason: string; file: string }[];
  failed: { file: string; error: ErrorReport }[];
  /**
   * Where the accounts were put: under a network that shares its address format with others (0 is
   * Polkadot and AXIA), or under the network asked for at another format than the files had.
   */
  notes: RestoreNote[];
};

/** `filePrefix`: the SS58 prefix the file showed the account at, before a network asked for was applied. */
type Candidate = { file: string; account: AccountInsert; address: string; filePrefix: number; relocked?: Relocked };
type Outcome = { candidates: Candidate[]; failed: RestoreReport['failed']; skipped: RestoreReport['skipped'] };
/** A file opened with a password (its entries), or why not. */
type Opened = { entries: FileEntry[] } | { error: BaseError };

/**
 * Restores Polkadot{.js} account and batch files, Apps "Export all" lists and Ethereum keystores. Every file is
 * opened (one scrypt, in parallel on all cores) and its key checked against its address; the file
 * is stored as given — still locked with its own password — except a key without key derivation
 * (`type: ["none"]`, versions 0–2), which is re-locked with scrypt under the password given and
 * reported as `relocked`. What `password` does not open is tried with each of `morePasswords`, then
 * with what `askPassword` answers; a batch entry that none opens is kept unchecked, as before. A bad
 * file or entry is reported and does not stop the others; all accounts that passed land in one transaction.
 */
export async function restoreFiles(vault: Vault, inputs: readonly RestoreInput[], password: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  // Refused before any file is opened (and before any password is tried on one).
  const chosen = options.network === undefined ? undefined : (await import('./network.js')).networkResolve(options.network);
  let done = 0;
  const opened = await mapConcurrent(inputs, async (input): Promise<Opened> => {
    try {
      return await openOne(input, password);
    } finally {
      options.onProgress?.(++done, inputs.length);
    }
  });
  await openLocked(inputs, opened, password, options);
  const outcomes = opened.map((o, i): Outcome =>
    'error' in o ? { candidates: [], failed: [{ file: inputs[i]!.file, error: o.error.report }], skipped: [] } : outcomeOf(o.entries, chosen),
  );

  const report: RestoreReport = { restored: [], skipped: outcomes.flatMap((o) => o.skipped), failed: outcomes.flatMap((o) => o.failed), notes: [] };
  const stored: Candidate[] = [];
  const seen = new Set<string>();
  vaultWrite(vault, () => {
    for (const candidate of outcomes.flatMap((o) => o.candidates)) {
      const { file, account, address, relocked } = candidate;
      const key = bytesToHex(account.publicKey);
      if (seen.has(key)) {
        report.skipped.push({ file, address, reason: 'it appears more than once in what was restored' });
        continue;
      }
      seen.add(key);
      const existing = accountByPublicKey(vault, account.publicKey);
      // A watch-only entry that now comes with its key is completed, not skipped.
      const completes = existing !== undefined && existing.fileJson === null && existing.identityId === null && account.fileJson !== null;
      if (existing !== undefined && options.onDuplicate !== 'replace' && !completes) {
        report.skipped.push({ file, address, reason: `already in the vault as "${existing.name}"` });
        continue;
      }
      // An address alone never replaces a key (security review #6): that would delete the stored key file
      // or cut the account from its identity.
      if (existing !== undefined && account.fileJson === null && (existing.fileJson !== null || existing.identityId !== null)) {
        report.skipped.push({ file, address, reason: `already in the vault as "${existing.name}" with its key; an entry without a key does not replace it` });
        continue;
      }
      // Nor does a key file that could not be opened (a batch entry under its own password): its contents may
      // belong to any account, and it would take the place of a key that was checked against this address.
      if (existing !== undefined && !account.verified && existing.verified && (existing.fileJson !== null || existing.identityId !== null)) {
        report.skipped.push({
          file,
          address,
          reason: `already in the vault as "${existing.name}" with a checked key; an entry whose key could not be checked does not replace it`,
        });
        continue;
      }
      if (existing === undefined) accountInsert(vault, account);
      else accountReplace(vault, account);
      stored.push(candidate);
      report.restored.push({
        address,
        name: account.name,
        file,
        verified: account.verified,
        replaced: existing !== undefined,
        network: account.network,
        ...(relocked ? { relocked } : {}),
      });
    }
  });
  report.notes = stored.length === 0 ? [] : await networkNotes(stored, chosen);
  return report;
}

/**
 * What to say about the networks the accounts were put under. Without a network asked for: each
 * network they were put under that shares its address format with others, once, naming those others
 * (nothing in the files tells them apart). With one: that its address format is not the one the files
 * showed, when so (the same keys, other addresses).
 */
async function networkNotes(stored: readonly Candidate[], chosen: Network | undefined): Promise<RestoreNote[]> {
  const [{ networkByName }, { networkInfer }] = await Promise.all([import('../networks/networks.js'), import('../networks/infer.js')]);
  if (chosen !== undefined) {
    // An Ethereum account's address has no network format: only SS58 ones read differently.
    const formats = [...new Set(stored.filter((c) => c.account.type !== 'ethereum' && c.filePrefix !== chosen.prefix).map((c) => c.filePrefix))];
    if (formats.length === 0) return [];
    return [
      {
        message: `${chosen.displayName} uses another address format (prefix ${chosen.prefix}) than the files showed (prefix ${formats.join(', ')}): the same keys have other addresses there.`,
      },
    ];
  }
  const counts = new Map<string, number>();
  for (const c of stored) if (c.account.network !== null) counts.set(c.account.network, (counts.get(c.account.network) ?? 0) + 1);
  const notes: RestoreNote[] = [];
  for (const [name, count] of counts) {
    const network = networkByName(name);
    if (network === undefined) continue;
    const others = networkInfer(network.prefix).sharing.filter((n) => n.name !== network.name);
    if (others.length === 0) continue;
    notes.push({
      message: `${network.displayName} shares its address format (prefix ${network.prefix}) with ${others.map((n) => n.displayName).join(', ')}, and nothing in a file tells them apart: ${count === 1 ? '1 account was' : `${count} accounts were`} restored under ${network.displayName}.`,
      next: { do: 'pick-network', networks: others.map((n) => ({ name: n.name, label: n.displayName })) },
    });
  }
  return notes;
}

async function openOne(input: RestoreInput, password: string): Promise<Opened> {
  try {
    return await fileAccountsOpen(input.text, password, {
      file: input.file,
      lockedEntries: 'keep',
      convertKeystores: true,
      relockUnprotected: true,
      ...(input.ownPassword ? { singleAsEntry: true } : {}),
    });
  } catch (err) {
    if (!(err instanceof BaseError)) throw err;
    return { error: err };
  }
}

/**
 * Tries the further passwords on what the first did not open — whole files (a wrong password) and
 * batch or list entries under their own — and puts what they open in place, in `opened`.
 */
async function openLocked(inputs: readonly RestoreInput[], opened: Opened[], first: string, options: RestoreOptions): Promise<void> {
  const locked = opened.flatMap((o, i): Locked[] => {
    if (!('error' in o)) return fileEntryLocks(o.entries, first);
    if (!(o.error instanceof WrongPasswordError)) return [];
    const input = inputs[i]!;
    return [
      {
        label: { file: input.file, address: null, name: null },
        tried: [first],
        open: async (pw: string) => {
          const again = await openOne(input, pw);
          if ('error' in again && again.error instanceof WrongPasswordError) return false;
          opened[i] = again;
          return 'error' in again ? [] : fileEntryLocks(again.entries, pw);
        },
      },
    ];
  });
  if (locked.length > 0) await lockedOpen(locked, { passwords: [first, ...(options.morePasswords ?? [])], ask: options.askPassword });
}

function outcomeOf(entries: readonly FileEntry[], chosen: Network | undefined): Outcome {
  const outcome: Outcome = { candidates: [], failed: [], skipped: [] };
  for (const entry of entries) {
    // A name that could act on a terminal fails its entry (the others still restore).
    const codePoint = entry.account && unsafeCharFind(entry.account.name);
    if (codePoint) {
      const error = new UnsafeNameError({ item: `account ${entry.account!.address}`, codePoint, scope: 'entry' });
      outcome.failed.push({ file: entry.where, error: error.report });
    } else if (entry.account) outcome.candidates.push(candidateOf(entry.account, chosen === undefined ? undefined : placementOf(chosen)));
    // An account of a key type keepsake does not keep (a SubWallet export's TON account) is left out, saying so: not a failure.
    else if (entry.error instanceof UnsupportedKeyTypeError)
      outcome.skipped.push({ file: entry.where, address: entry.preview.address, reason: entry.error.shortMessage });
    else if (entry.error) outcome.failed.push({ file: entry.where, error: entry.error.report });
  }
  return outcome;
}

/**
 * The account to store; `place`, a network asked for, replaces the one the file gave — in the vault
 * and in the kept file's unencrypted part (its address's format and `meta.genesisHash`), as a network
 * change of an account does (`accountNameNetworkSet`).
 */
function candidateOf(a: FileAccount, place: Placement | undefined): Candidate {
  const where: Placement = place ?? { network: a.network, ss58Prefix: a.ss58Prefix, genesisHash: a.genesisHash };
  return {
    file: a.where,
    address: place === undefined ? a.address : accountAddress(a.type, a.accountId, place.ss58Prefix),
    filePrefix: a.ss58Prefix,
    ...(a.relocked ? { relocked: a.relocked } : {}),
    account: {
      publicKey: a.publicKey,
      accountId: a.accountId,
      type: a.type,
      name: a.name,
      ...where,
      fileJson: place === undefined || a.fileJson === null ? a.fileJson : fileMetaSet(a.fileJson, a.name, place),
      verified: a.keyChecked || a.fileJson === null,
      source: a.fileJson === null ? 'watch-only' : 'restore',
      watchJson: a.original === undefined ? null : JSON.stringify(a.original),
    },
  };
}

/**
 * How a restore ended, for exit codes and HTTP statuses alike: anything restored (or already there)
 * is a success — failures, if any, are listed in the report; nothing restored because the password
 * opened none of the files is a wrong password; nothing restored otherwise is a failure.
 */
export function restoreVerdict(report: RestoreReport): 'ok' | 'wrong-password' | 'failed' {
  if (report.failed.length === 0 || report.restored.length > 0) return 'ok';
  return report.failed.every((f) => f.error.name === 'WrongPasswordError') ? 'wrong-password' : 'failed';
}
