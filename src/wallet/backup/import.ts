import type { FormatName } from '../../formats/detect.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import { basename } from 'node:path';
import { wipe } from '../../crypto/bytes.js';
import { CONCORDIUM_COLLECTIONS } from '../../formats/concordium/desktop.js';
import { concordiumSealKdfNew, concordiumSealKey } from '../../formats/concordium/sealed.js';
import { backupPlan, backupPlanWrite, type ConcordiumSealer, type ImportItem, type ImportKind } from './plan.js';
import { backupOpen, type BackupContents } from './open.js';

export type ImportReport = {
  format: FormatName;
  items: ImportItem[];
  restored: { address: string | null; name: string; kind: ImportKind }[];
  skipped: { address: string | null; name: string; kind: ImportKind; reason: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
  /** Sentences about what the file holds that keepsake did not bring in (a Nova backup's accounts it cannot hold), each on its own. */
  notes?: string[];
};

/**
 * Imports a keepsake backup or a Concordium Desktop Wallet export, all or nothing, and says for every
 * identity, account and address whether it was imported, already present (and under which name), or replaced.
 * The decision is {@link backupPlan}'s (the same one `verify` reports); this only carries it out.
 */
export async function backupImport(vault: Vault, text: string, password: string, options: { file?: string | undefined } = {}): Promise<ImportReport> {
  return backupContentsImport(vault, await backupOpen(text, password, options), password, options);
}

/**
 * Imports what a file (or the Concordium Desktop Wallet's database, `rescue restore --concordium-db`)
 * holds, opened with `password`: Concordium objects readable in it are sealed under that password,
 * named after `source` (default: the file).
 */
export async function backupContentsImport(
  vault: Vault,
  contents: BackupContents,
  password: string,
  options: { file?: string | undefined; source?: string },
): Promise<ImportReport> {
  // Concordium objects readable in the file are sealed under its password (issue 14): the key is made
  // before the transaction (scrypt is slow), and only when there are any.
  const sealer = concordiumReadableIn(contents) ? await concordiumSealer(password, options.source ?? sourceOf(contents.format, options.file)) : undefined;
  try {
    // Planned and written in one transaction: what the plan read cannot change before it is written.
    const items = vaultWrite(vault, () => {
      const plan = backupPlan(vault, contents, options);
      backupPlanWrite(vault, plan, sealer);
      return plan.items;
    });
    return { ...report(contents.format, items), ...(contents.format === 'nova-backup' ? { notes: contents.notes } : {}) };
  } finally {
    wipe(sealer?.key);
  }
}

function report(format: FormatName, items: ImportItem[]): ImportReport {
  return {
    format,
    items,
    restored: items.filter((i) => i.status !== 'present').map((i) => ({ address: i.address, name: i.name, kind: i.kind })),
    skipped: items
      .filter((i) => i.status === 'present')
      .map((i) => ({ address: i.address, name: i.name, kind: i.kind, reason: `already present as "${i.presentAs}"` })),
    failed: [],
  };
}

function concordiumReadableIn(contents: BackupContents): boolean {
  if (contents.format === 'keepsake-backup' || contents.format === 'nova-backup') return contents.payload.concordium.items.some((i) => i.sealed === null);
  return CONCORDIUM_COLLECTIONS.some((c) => contents.data[c].length > 0) || Object.keys(contents.data.rest).length > 0;
}

/** A new seal under the file's password, named after where the data came from so the user knows which password it is. */
async function concordiumSealer(password: string, source: string): Promise<ConcordiumSealer> {
  const kdf = concordiumSealKdfNew();
  const day = new Date().toISOString().slice(0, 10);
  return { kdf, key: await concordiumSealKey(password, kdf), source: `${source} (imported ${day})` };
}

/** "the Concordium export wallet-export.json": what the file is, and its name. */
function sourceOf(format: FormatName, file: string | undefined): string {
  const what = format === 'keepsake-backup' ? 'the keepsake backup' : 'the Concordium export';
  // Only printable characters of the name, and not all of a long one: it is shown in messages.
  return file === undefined
    ? what
    : `${what} ${basename(file)
        .replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, '?')
        .slice(0, 80)}`;
}
