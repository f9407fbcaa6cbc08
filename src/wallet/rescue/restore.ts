import { bytesEqual } from '../../crypto/bytes.js';
import { NothingFoundError } from '../../errors/rescue.js';
import { fileAddressDecode } from '../../formats/polkadot-js/address.js';
import type { Vault } from '../../vault/open.js';
import { restoreFiles, type RestoreOptions, type RestoreReport } from '../restore.js';
import { rescueFind, type RescueFound, type RescueScanOptions } from './scan.js';

export type RescueRestoreOptions = RescueScanOptions &
  RestoreOptions & {
    /** The accounts to restore, by address (any SS58 format of it); all of them when absent. */
    addresses?: readonly string[];
  };

/** The accounts named by address (any SS58 format of it), or all; none → {@link NothingFoundError}. */
export function rescueChoose(found: readonly RescueFound[], addresses: readonly string[] = []): RescueFound[] {
  const chosen = addresses.length === 0 ? [...found] : found.filter((f) => addresses.some((a) => sameAccount(a, f.address)));
  if (chosen.length === 0) throw new NothingFoundError({ addresses: addresses.map((a) => a.slice(0, 70)).join(', ') });
  return chosen;
}

/**
 * Restores accounts `rescue scan` finds (all, or those named), exactly as `restore` restores files:
 * each stored as the extension kept it, still locked with its own password, its key checked against
 * its address when `password` (or another given) opens it and kept unchecked otherwise, reported per
 * account. A live account comes before a deleted copy of the same key, so the one the extension shows wins.
 */
export async function rescueRestore(vault: Vault, password: string, options: RescueRestoreOptions = {}): Promise<RestoreReport & { found: number }> {
  const { found } = await rescueFind(options);
  return rescueRestoreFound(vault, rescueChoose(found, options.addresses), password, options);
}

/** {@link rescueRestore} of accounts already found and chosen. */
export async function rescueRestoreFound(
  vault: Vault,
  chosen: readonly RescueFound[],
  password: string,
  options: RestoreOptions = {},
): Promise<RestoreReport & { found: number }> {
  const ordered = [...chosen].sort((a, b) => Number(a.state === 'deleted') - Number(b.state === 'deleted'));
  // Each account under its own password, as a batch entry is: one no password opens is kept unchecked.
  const inputs = ordered.map((f) => ({ file: label(f), text: f.text, ownPassword: true }));
  const report = await restoreFiles(vault, inputs, password, options);
  return { ...report, found: chosen.length };
}

/** Where an account was found, as a person names it: "Chromium Default, Polkadot{.js} (deleted)". */
function label(f: RescueFound): string {
  const where = [f.store.browser, f.store.profile].filter((x) => x !== null && x !== '').join(' ');
  return `${where}, ${f.store.extension}${f.state === 'deleted' ? ` (deleted: ${f.how})` : ''}`;
}

function sameAccount(given: string, stored: string): boolean {
  if (given === stored) return true;
  try {
    return bytesEqual(fileAddressDecode(given.trim()).bytes, fileAddressDecode(stored).bytes);
  } catch {
    return false;
  }
}
