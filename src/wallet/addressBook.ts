import { AddressNotFoundError, DuplicateAddressError } from '../errors/vault.js';
import { addressByText, addressDelete, addressesAll, addressInsert, type AddressRow } from '../vault/addresses.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { addressParse, type AddressKind } from './addressParse.js';
import { nameValidate } from './names.js';

export type AddressView = { address: string; kind: AddressKind; name: string; note: string | null; network: string | null };

const view = (r: AddressRow): AddressView => ({ address: r.address, kind: r.kind, name: r.name, note: r.note, network: r.network });

/**
 * Adds an address-book entry after checking the address (checksum, prefix, network).
 *
 * @example
 * addressAdd(vault, { address: '15oF4uVJ…', name: 'Alice', network: 'polkadot' })
 */
export function addressAdd(vault: Vault, entry: { address: string; name: string; note?: string; network?: string }): AddressView {
  const name = nameValidate(entry.name, 'address-book');
  const parsed = addressParse(entry.address, entry.network);
  return vaultWrite(vault, () => {
    const existing = addressByText(vault, parsed.address);
    if (existing) throw new DuplicateAddressError({ address: parsed.address, name: existing.name });
    const row = { address: parsed.address, kind: parsed.kind, name, note: entry.note?.trim() || null, network: parsed.network, original: null };
    addressInsert(vault, row);
    return view({ ...row, id: 0, createdAt: 0 });
  });
}

export function addressList(vault: Vault): AddressView[] {
  return addressesAll(vault).map(view);
}

/** Removes the entry with this address (or, failing that, this exact name if only one has it). */
export function addressRemove(vault: Vault, query: string): AddressView {
  return vaultWrite(vault, () => {
    const all = addressesAll(vault);
    const matches = all.filter((a) => a.address === query.trim() || a.address.toLowerCase() === query.trim().toLowerCase());
    const target = matches[0] ?? (all.filter((a) => a.name === query).length === 1 ? all.find((a) => a.name === query) : undefined);
    if (target === undefined) throw new AddressNotFoundError({ query });
    addressDelete(vault, target.id);
    return view(target);
  });
}
