import { vaultStatement, type Vault } from './open.js';

export type AddressRow = {
  id: number;
  address: string;
  kind: 'ss58' | 'ethereum' | 'concordium';
  name: string;
  note: string | null;
  network: string | null;
  /** The entry as another wallet exported it (Concordium), kept for a lossless export. */
  original: string | null;
  createdAt: number;
};

type Raw = Omit<AddressRow, 'createdAt'> & { created_at: number };

const fromRaw = ({ created_at, ...r }: Raw): AddressRow => ({ ...r, createdAt: created_at });

export function addressesAll(vault: Vault): AddressRow[] {
  return (vaultStatement(vault, 'SELECT * FROM addresses ORDER BY id').all() as Raw[]).map(fromRaw);
}

export function addressByText(vault: Vault, address: string): AddressRow | undefined {
  const r = vaultStatement(vault, 'SELECT * FROM addresses WHERE address = ?').get(address) as Raw | undefined;
  return r && fromRaw(r);
}

export function addressInsert(vault: Vault, a: Omit<AddressRow, 'id' | 'createdAt'>, now = Date.now()): void {
  vault.db
    .prepare('INSERT INTO addresses (address, kind, name, note, network, original, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(a.address, a.kind, a.name, a.note, a.network, a.original, now);
}

export function addressDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM addresses WHERE id = ?').run(id);
}

/** Concordium objects kept verbatim, by collection and key (address, identity number, id…). */
export type ConcordiumItem = { collection: 'identities' | 'accounts' | 'credentials' | 'externalCredentials' | 'wallets'; itemKey: string; name: string | null; original: string };
/** A stored item with its row id (which also orders the items as they were imported). */
export type ConcordiumItemRow = ConcordiumItem & { id: number };

type ConcordiumRaw = { id: number; collection: ConcordiumItem['collection']; item_key: string; name: string | null; original: string };
const concordiumFromRaw = (r: ConcordiumRaw): ConcordiumItemRow => ({ id: r.id, collection: r.collection, itemKey: r.item_key, name: r.name, original: r.original });

export function concordiumItems(vault: Vault, collection?: ConcordiumItem['collection']): ConcordiumItemRow[] {
  const rows = (
    collection === undefined
      ? vaultStatement(vault, 'SELECT id, collection, item_key, name, original FROM concordium_items ORDER BY id').all()
      : vaultStatement(vault, 'SELECT id, collection, item_key, name, original FROM concordium_items WHERE collection = ? ORDER BY id').all(collection)
  ) as ConcordiumRaw[];
  return rows.map(concordiumFromRaw);
}

export function concordiumItemByKey(vault: Vault, collection: ConcordiumItem['collection'], itemKey: string): ConcordiumItemRow | undefined {
  const r = vaultStatement(vault, 'SELECT id, collection, item_key, name, original FROM concordium_items WHERE collection = ? AND item_key = ?').get(collection, itemKey) as ConcordiumRaw | undefined;
  return r && concordiumFromRaw(r);
}

export function concordiumItemInsert(vault: Vault, item: ConcordiumItem): void {
  vaultStatement(vault, 'INSERT INTO concordium_items (collection, item_key, name, original) VALUES (?, ?, ?, ?)').run(item.collection, item.itemKey, item.name, item.original);
}

/** A new name for a stored item, and its entry as the desktop wallet will get it back. */
export function concordiumItemRename(vault: Vault, id: number, name: string, original: string): void {
  vaultStatement(vault, 'UPDATE concordium_items SET name = ?, original = ? WHERE id = ?').run(name, original, id);
}

export function concordiumItemDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM concordium_items WHERE id = ?').run(id);
}

export function settingGet(vault: Vault, key: string): string | undefined {
  return (vaultStatement(vault, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function settingSet(vault: Vault, key: string, value: string): void {
  vaultStatement(vault, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Changes an entry's name, note and network (and the other wallet's copy of it, kept in step). */
export function addressUpdate(vault: Vault, id: number, a: Pick<AddressRow, 'name' | 'note' | 'network' | 'original'>): void {
  vaultStatement(vault, 'UPDATE addresses SET name = ?, note = ?, network = ?, original = ? WHERE id = ?').run(a.name, a.note, a.network, a.original, id);
}
