import type { FormatName } from '../../formats/detect.js';
import { vaultWrite, type Vault } from '../../vault/open.js';
import { backupPlan, backupPlanWrite, type ImportItem, type ImportKind } from './plan.js';
import { backupOpen } from './open.js';

export type ImportReport = {
  format: FormatName;
  items: ImportItem[];
  restored: { address: string | null; name: string; kind: ImportKind }[];
  skipped: { address: string | null; name: string; kind: ImportKind; reason: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

/**
 * Imports a keepsake backup or a Concordium Desktop Wallet export, all or nothing, and says for every
 * identity, account and address whether it was imported, already present (and under which name), or replaced.
 * The decision is {@link backupPlan}'s (the same one `verify` reports); this only carries it out.
 */
export async function backupImport(vault: Vault, text: string, password: string, options: { file?: string | undefined } = {}): Promise<ImportReport> {
  const contents = await backupOpen(text, password, options);
  // Planned and written in one transaction: what the plan read cannot change before it is written.
  const items = vaultWrite(vault, () => {
    const plan = backupPlan(vault, contents, options);
    backupPlanWrite(vault, plan);
    return plan.items;
  });
  return {
    format: contents.format,
    items,
    restored: items.filter((i) => i.status !== 'present').map((i) => ({ address: i.address, name: i.name, kind: i.kind })),
    skipped: items
      .filter((i) => i.status === 'present')
      .map((i) => ({ address: i.address, name: i.name, kind: i.kind, reason: `already present as "${i.presentAs}"` })),
    failed: [],
  };
}
