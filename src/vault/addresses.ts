import type { BackupAddress } from '../formats/keepsake-backup.js';
import { vaultStatement, type Vault } from './open.js';

/** The `addresses` table: the address book (SS58, Ethereum and Concordium entries). */

export type AddressRow = BackupAddress & { id: number; createdAt: number };

type Raw = Omit<AddressRow, 'createdAt'> & { created_at: number };

const fromRaw = ({ created_at, ...r }: Raw): AddressRow => ({ ...r, createdAt: created_at });

export function addressesAll(vault: Vault): AddressRow[] {
  return (vaultStatement(vault, 'SELECT * FROM addresses ORDER BY id').all() as Raw[]).map(fromRaw);
}

export function addressByText(vault: Vault, address: string): AddressRow | undefined {
  const r = vaultStatement(vault, 'SELECT * FROM addresses WHERE address = ?').get(address) as Raw | undefined;
  return r && fromRaw(r);
}

export function addressInsert(vault: Vault, a: BackupAddress, now = Date.now()): void {
  vaultStatement(vault, 'INSERT INTO addresses (address, kind, name, note, network, original, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    a.address,
    a.kind,
    a.name,
    a.note,
    a.network,
    a.original,
    now,
  );
}

export function addressDelete(vault: Vault, id: number): void {
  vaultStatement(vault, 'DELETE FROM addresses WHERE id = ?').run(id);
}

/** Changes an entry's name, note and network (and the other wallet's copy of it, kept in step). */
export function addressUpdate(vault: Vault, id: number, a: Pick<AddressRow, 'name' | 'note' | 'network' | 'original'>): void {
  vaultStatement(vault, 'UPDATE addresses SET name = ?, note = ?, network = ?, original = ? WHERE id = ?').run(a.name, a.note, a.network, a.original, id);
}
