import { bytesToHex } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import type { ErrorReport } from '../errors/next.js';
import { UnsafeNameError } from '../errors/name.js';
import { accountByPublicKey, accountInsert, accountReplace, type AccountInsert } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { mapConcurrent } from './concurrency.js';
import { fileAccountsOpen, type FileAccount, type Relocked } from './fileAccounts.js';
import { unsafeCharFind } from './names.js';

export type RestoreInput = { file: string; text: string };

export type RestoreOptions = {
  onDuplicate?: 'skip' | 'replace';
  /** Called as each file finishes (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
};

export type RestoreReport = {
  /**
   * `relocked`, when present: the file's key had no key derivation (`unencrypted`: `type: ["none"]`;
   * `legacy`: versions 0–2), and keepsake stored it re-locked with scrypt under the password given.
   */
  restored: { address: string; name: string; file: string; verified: boolean; replaced: boolean; relocked?: Relocked }[];
  skipped: { address: string; reason: string; file: string }[];
  failed: { file: string; error: ErrorReport }[];
};

type Candidate = { file: string; account: AccountInsert; address: string; relocked?: Relocked };
type Outcome = { candidates: Candidate[]; failed: RestoreReport['failed'] };

/**
 * Restores Polkadot{.js} account and batch files, Apps "Export all" lists and Ethereum keystores. Every file is
 * opened (one scrypt, in parallel on all cores) and its key checked against its address; the file
 * is stored as given — still locked with its own password — except a key without key derivation
 * (`type: ["none"]`, versions 0–2), which is re-locked with scrypt under the password given and
 * reported as `relocked`. A bad file or
 * entry is reported and does not stop the others; all accounts that passed land in one transaction.
 */
export async function restoreFiles(vault: Vault, inputs: readonly RestoreInput[], password: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  let done = 0;
  const outcomes = await mapConcurrent(inputs, async (input): Promise<Outcome> => {
    try {
      return await restoreOne(input, password);
    } catch (err) {
      if (!(err instanceof BaseError)) throw err;
      return { candidates: [], failed: [{ file: input.file, error: err.report }] };
    } finally {
      options.onProgress?.(++done, inputs.length);
    }
  });

  const report: RestoreReport = { restored: [], skipped: [], failed: outcomes.flatMap((o) => o.failed) };
  const seen = new Set<string>();
  vaultWrite(vault, () => {
    for (const { file, account, address, relocked } of outcomes.flatMap((o) => o.candidates)) {
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
        report.skipped.push({ file, address, reason: `already in the vault as "${existing.name}" with a checked key; an entry whose key could not be checked does not replace it` });
        continue;
      }
      if (existing === undefined) accountInsert(vault, account);
      else accountReplace(vault, account);
      report.restored.push({ address, name: account.name, file, verified: account.verified, replaced: existing !== undefined, ...(relocked ? { relocked } : {}) });
    }
  });
  return report;
}

async function restoreOne(input: RestoreInput, password: string): Promise<Outcome> {
  const { entries } = await fileAccountsOpen(input.text, password, { file: input.file, lockedEntries: 'keep', convertKeystores: true, relockUnprotected: true });
  const outcome: Outcome = { candidates: [], failed: [] };
  for (const entry of entries) {
    // A name that could act on a terminal fails its entry (the others still restore).
    const codePoint = entry.account && unsafeCharFind(entry.account.name);
    if (codePoint) {
      const error = new UnsafeNameError({ item: `account ${entry.account!.address}`, codePoint, scope: 'entry' });
      outcome.failed.push({ file: entry.where, error: error.report });
    } else if (entry.account) outcome.candidates.push(candidateOf(entry.account));
    else if (entry.error) outcome.failed.push({ file: entry.where, error: entry.error.report });
  }
  return outcome;
}

function candidateOf(a: FileAccount): Candidate {
  return {
    file: a.where,
    address: a.address,
    ...(a.relocked ? { relocked: a.relocked } : {}),
    account: {
      publicKey: a.publicKey,
      accountId: a.accountId,
      type: a.type,
      name: a.name,
      network: a.network,
      ss58Prefix: a.ss58Prefix,
      genesisHash: a.genesisHash,
      fileJson: a.fileJson,
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
