import type { ConcordiumItemCollection, ConcordiumListing, ConcordiumSealKdf } from '../formats/concordium/sealed.js';
import { vaultStatement, type Vault } from './open.js';

/**
 * The `concordium_items` and `concordium_seals` tables: Concordium Desktop Wallet data, each object
 * sealed under a seal (formats/concordium/sealed.ts) with its public listing beside it — or, for an
 * item imported before seals existed, its object readable in `original` until it is sealed.
 */

/** An item as it is stored: its listing, and its object either sealed (`sealId` + `sealed`) or readable (`original`). */
export type ConcordiumItem = ConcordiumListing & { sealId: number | null; sealed: Uint8Array | null; original: string | null };
/** A stored item with its row id (which also orders the items as they were imported). */
export type ConcordiumItemRow = ConcordiumItem & { id: number };

/** A seal: the KDF of a password the user holds, and what that password is ("the password of wallet-export.json"). */
export type ConcordiumSeal = { id: number; kdf: ConcordiumSealKdf; source: string; createdAt: number };

type ConcordiumRaw = {
  id: number;
  collection: ConcordiumItemCollection;
  item_key: string;
  name: string | null;
  status: string | null;
  provider: string | null;
  link: string | null;
  number: string | null;
  seal_id: number | null;
  sealed: Buffer | null;
  original: string | null;
};
const COLUMNS = 'id, collection, item_key, name, status, provider, link, number, seal_id, sealed, original';
const concordiumFromRaw = (r: ConcordiumRaw): ConcordiumItemRow => ({
  id: r.id,
  collection: r.collection,
  key: r.item_key,
  name: r.name,
  status: r.status,
  provider: r.provider,
  link: r.link,
  number: r.number,
  sealId: r.seal_id,
  sealed: r.sealed === null ? null : new Uint8Array(r.sealed),
  original: r.original,
});

/** Every item, or those of one collection, in the order they were imported. */
export function concordiumItems(vault: Vault, collection?: ConcordiumItemCollection): ConcordiumItemRow[] {
  const rows = (
    collection === undefined
      ? vaultStatement(vault, `SELECT ${COLUMNS} FROM concordium_items ORDER BY id`).all()
      : vaultStatement(vault, `SELECT ${COLUMNS} FROM concordium_items WHERE collection = ? ORDER BY id`).all(collection)
  ) as ConcordiumRaw[];
  return rows.map(concordiumFromRaw);
}

export function concordiumItemByKey(vault: Vault, collection: ConcordiumItemCollection, key: string): ConcordiumItemRow | undefined {
  const r = vaultStatement(vault, `SELECT ${COLUMNS} FROM concordium_items WHERE collection = ? AND item_key = ?`).get(collection, key) as
    ConcordiumRaw | undefined;
  return r && concordiumFromRaw(r);
}

export function concordiumItemInsert(vault: Vault, item: ConcordiumItem): void {
  vaultStatement(
    vault,
    'INSERT INTO concordium_items (collection, item_key, name, status, provider, link, number, seal_id, sealed, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(item.collection, item.key, item.name, item.status, item.provider, item.link, item.number, item.sealId, item.sealed, item.original);
}

/** How many items are still readable (imported before seals existed): counted by SQLite, no row read. */
export function concordiumItemsReadable(vault: Vault): number {
  return (vaultStatement(vault, 'SELECT count(*) AS n FROM concordium_items WHERE original IS NOT NULL').get() as { n: number }).n;
}

/** A new name for a stored item (the desktop wallet gets it back in place of the name inside the object). */
export function concordiumItemRename(vault: Vault, id: number, name: string): void {
  vaultStatement(vault, 'UPDATE concordium_items SET name = ? WHERE id = ?').run(name, id);
}

/** Seals an item kept readable until now: its object replaced by the sealed one. */
export function concordiumItemSealSet(vault: Vault, id: number, sealId: number, sealed: Uint8Array): void {
  vaultStatement(vault, 'UPDATE concordium_items SET seal_id = ?, sealed = ?, original = NULL WHERE id = ?').run(sealId, sealed, id);
}

/** Removes items, and the seals no item uses any more. */
export function concordiumItemDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM concordium_items WHERE id = ?').run(id);
  vaultStatement(vault, 'DELETE FROM concordium_seals WHERE id NOT IN (SELECT seal_id FROM concordium_items WHERE seal_id IS NOT NULL)').run();
}

type SealRaw = { id: number; kdf: string; source: string; created_at: number };

export function concordiumSeals(vault: Vault): ConcordiumSeal[] {
  return (vaultStatement(vault, 'SELECT id, kdf, source, created_at FROM concordium_seals ORDER BY id').all() as SealRaw[]).map((r) => ({
    id: r.id,
    kdf: JSON.parse(r.kdf) as ConcordiumSealKdf,
    source: r.source,
    createdAt: r.created_at,
  }));
}

/** Adds a seal, or returns the one with the same salt (the same seal, brought back by a keepsake backup). */
export function concordiumSealInsert(vault: Vault, seal: Omit<ConcordiumSeal, 'id'>): number {
  const same = vaultStatement(vault, 'SELECT id FROM concordium_seals WHERE salt = ?').get(seal.kdf.salt) as { id: number } | undefined;
  if (same !== undefined) return same.id;
  const r = vaultStatement(vault, 'INSERT INTO concordium_seals (kdf, salt, source, created_at) VALUES (?, ?, ?, ?)').run(
    JSON.stringify(seal.kdf),
    seal.kdf.salt,
    seal.source,
    seal.createdAt,
  );
  return Number(r.lastInsertRowid);
}
