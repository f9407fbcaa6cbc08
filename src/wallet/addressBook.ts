import { AddressNotFoundError, DuplicateAddressError } from '../errors/vault.js';
import { UsageError } from '../errors/usage.js';
import { isObject } from '../formats/json.js';
import { addressByText, addressDelete, addressesAll, addressInsert, addressUpdate, type AddressRow } from '../vault/addresses.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { addressNotSecret, addressParse, type AddressKind } from './addressParse.js';
import { nameValidate } from './names.js';
import { vaultAddressTextLooksLike, vaultAddressTextParse } from '../formats/vault-text.js';
import { networkByGenesis } from '../networks/networks.js';

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
  addressNotSecret(entry.address.trim());
  const parsed = vaultAddressTextLooksLike(entry.address) ? vaultAddressOf(entry.address, entry.network) : addressParse(entry.address, entry.network);
  return vaultWrite(vault, () => {
    const existing = addressByText(vault, parsed.address);
    if (existing) throw new DuplicateAddressError({ address: parsed.address, name: existing.name });
    const row = { address: parsed.address, kind: parsed.kind, name, note: entry.note?.trim() || null, network: parsed.network, original: null };
    addressInsert(vault, row);
    return view({ ...row, id: 0, createdAt: 0 });
  });
}

/**
 * A Polkadot Vault address text (`substrate:<address>:0x<genesis>`, `ethereum:<0x address>:0x<genesis>`,
 * formats/vault-text.ts): its address, checked for the network its genesis hash names (or the one given,
 * which must be that one when the hash names one keepsake knows).
 */
export function vaultAddressOf(text: string, network?: string): ReturnType<typeof addressParse> {
  const v = vaultAddressTextParse(text);
  const named = networkByGenesis(v.genesisHash)?.name;
  if (named !== undefined && network !== undefined && network !== '' && network.toLowerCase() !== named)
    throw new UsageError({ reason: `The Polkadot Vault text is for ${named}, not ${network}; nothing was added.`, field: 'address' });
  return addressParse(v.address, network || named || (v.kind === 'ethereum' ? 'ethereum' : undefined));
}

export function addressList(vault: Vault): AddressView[] {
  return addressesAll(vault).map(view);
}

/** The entry with this address (any letter case), or failing that the only entry with this exact name. */
function addressFindRow(vault: Vault, query: string): AddressRow {
  const all = addressesAll(vault);
  const matches = all.filter((a) => a.address === query.trim() || a.address.toLowerCase() === query.trim().toLowerCase());
  const target = matches[0] ?? (all.filter((a) => a.name === query).length === 1 ? all.find((a) => a.name === query) : undefined);
  if (target === undefined) throw new AddressNotFoundError({ query });
  return target;
}

/** Removes the entry with this address (or, failing that, this exact name if only one has it). */
export function addressRemove(vault: Vault, query: string): AddressView {
  return vaultWrite(vault, () => {
    const target = addressFindRow(vault, query);
    addressDelete(vault, target.id);
    return view(target);
  });
}

/** What `addressEdit` changes: a field left out stays as it is; an empty note clears the note. */
export type AddressChanges = { name?: string; note?: string; network?: string };

/**
 * Edits an address-book entry: its name, note or network. A new network is checked against the
 * address as `addressAdd` checks it (an SS58 address must carry that network's prefix, or the
 * generic 42). The address itself is what the entry is, so it cannot be edited: remove the entry
 * and add the other address instead. An entry imported from a Concordium export keeps its exported
 * copy in step, so the next Concordium export carries the new name and note.
 *
 * @example
 * addressEdit(vault, '15oF4uVJ…', { name: 'Alice (cold)', note: 'paper wallet' })
 */
export function addressEdit(vault: Vault, query: string, changes: AddressChanges): AddressView {
  if (changes.name === undefined && changes.note === undefined && changes.network === undefined) {
    throw new UsageError({ reason: 'Nothing to change: give a new name, note or network.' });
  }
  const name = changes.name === undefined ? undefined : nameValidate(changes.name, 'address-book');
  return vaultWrite(vault, () => {
    const row = addressFindRow(vault, query);
    const network = changes.network === undefined || changes.network === row.network ? row.network : addressParse(row.address, changes.network).network;
    const note = changes.note === undefined ? row.note : changes.note.trim() || null;
    const next = { name: name ?? row.name, note, network, original: originalWith(row.original, name ?? row.name, note) };
    addressUpdate(vault, row.id, next);
    return view({ ...row, ...next });
  });
}

/** The other wallet's copy of an entry (Concordium: `{name, address, note?, readOnly}`) with the new name and note. */
function originalWith(original: string | null, name: string, note: string | null): string | null {
  if (original === null) return null;
  const parsed: unknown = JSON.parse(original);
  if (!isObject(parsed)) return original;
  const { note: _old, ...rest } = parsed;
  return JSON.stringify({ ...rest, name, ...(note === null ? {} : { note }) });
}
