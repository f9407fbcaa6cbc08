import { vaultStatement, type Vault } from './open.js';

/** The `concordium_items` table: what keepsake keeps of Concordium Desktop Wallet exports, verbatim. */

/** Concordium objects kept verbatim, by collection and key (address, identity number, id…). */
export type ConcordiumItem = {
  collection: 'identities' | 'accounts' | 'credentials' | 'externalCredentials' | 'wallets';
  itemKey: string;
  name: string | null;
  original: string;
};
/** A stored item with its row id (which also orders the items as they were imported). */
export type ConcordiumItemRow = ConcordiumItem & { id: number };

type ConcordiumRaw = { id: number; collection: ConcordiumItem['collection']; item_key: string; name: string | null; original: string };
const concordiumFromRaw = (r: ConcordiumRaw): ConcordiumItemRow => ({
  id: r.id,
  collection: r.collection,
  itemKey: r.item_key,
  name: r.name,
  original: r.original,
});

export function concordiumItems(vault: Vault, collection?: ConcordiumItem['collection']): ConcordiumItemRow[] {
  const rows = (
    collection === undefined
      ? vaultStatement(vault, 'SELECT id, collection, item_key, name, original FROM concordium_items ORDER BY id').all()
      : vaultStatement(vault, 'SELECT id, collection, item_key, name, original FROM concordium_items WHERE collection = ? ORDER BY id').all(collection)
  ) as ConcordiumRaw[];
  return rows.map(concordiumFromRaw);
}

export function concordiumItemByKey(vault: Vault, collection: ConcordiumItem['collection'], itemKey: string): ConcordiumItemRow | undefined {
  const r = vaultStatement(vault, 'SELECT id, collection, item_key, name, original FROM concordium_items WHERE collection = ? AND item_key = ?').get(
    collection,
    itemKey,
  ) as ConcordiumRaw | undefined;
  return r && concordiumFromRaw(r);
}

export function concordiumItemInsert(vault: Vault, item: ConcordiumItem): void {
  vaultStatement(vault, 'INSERT INTO concordium_items (collection, item_key, name, original) VALUES (?, ?, ?, ?)').run(
    item.collection,
    item.itemKey,
    item.name,
    item.original,
  );
}

/** A new name for a stored item, and its entry as the desktop wallet will get it back. */
export function concordiumItemRename(vault: Vault, id: number, name: string, original: string): void {
  vaultStatement(vault, 'UPDATE concordium_items SET name = ?, original = ? WHERE id = ?').run(name, original, id);
}

export function concordiumItemDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM concordium_items WHERE id = ?').run(id);
}
