import { bytesToHex } from '../crypto/bytes.js';
import type { BaseError } from '../errors/base.js';
import type { ErrorReport } from '../errors/next.js';
import { FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import type { KeyType } from '../keys/types.js';
import { fileAccountsOpen } from './fileAccounts.js';

export type VerifyAccount = {
  address: string;
  publicKey: string | null;
  type: KeyType | null;
  name: string | null;
  /** True when the account decrypts and its key produces its address: it would restore. */
  ok: boolean;
  /** An entry with an address but no key (Apps multisig/external accounts): nothing to check, restored as watch-only. */
  watchOnly: boolean;
  error: ErrorReport | null;
};

export type VerifyReport = { format: FormatName; label: string; ok: boolean; accounts: VerifyAccount[] };

/**
 * Decrypts every account in a file without importing anything and checks each key against its
 * address. A wrong password for the file (or for its only account) throws {@link WrongPasswordError};
 * problems with single entries of a batch or list are reported per account.
 *
 * @example
 * const report = await verifyFile(text, password, { file: 'backup.json' })
 * report.ok // every account would restore
 */
export async function verifyFile(text: string, password: string, options: { file?: string } = {}): Promise<VerifyReport> {
  const { format, entries } = await fileAccountsOpen(text, password, { ...options, lockedEntries: 'report' });
  const accounts = entries.map((entry): VerifyAccount => {
    const a = entry.account;
    if (a === undefined) return { ...entry.preview, publicKey: null, ok: false, watchOnly: false, error: errorOf(entry.error) };
    return { address: a.address, publicKey: bytesToHex(a.publicKey), type: a.type, name: a.name, ok: true, watchOnly: a.fileJson === null, error: null };
  });
  return { format, label: FORMAT_LABELS[format], ok: accounts.length > 0 && accounts.every((a) => a.ok), accounts };
}

function errorOf(error: BaseError | undefined): ErrorReport {
  return error === undefined ? { name: 'UnknownError', message: 'The account could not be read.' } : error.report;
}
