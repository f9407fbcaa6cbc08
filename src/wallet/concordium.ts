import { AmbiguousConcordiumItemError, ConcordiumItemNotFoundError } from '../errors/concordium.js';
import { NothingToExportError } from '../errors/vault.js';
import { isObject, jsonParse, type JsonObject } from '../formats/json.js';
import { addressDelete, addressesAll } from '../vault/addresses.js';
import { concordiumItemDelete, concordiumItems, type ConcordiumItemRow } from '../vault/concordiumItems.js';
import { vaultWrite, type Vault } from '../vault/open.js';

/**
 * What keepsake holds of a Concordium Desktop Wallet: identities and accounts as that wallet
 * exported them (kept verbatim for a lossless way back), shown and removable here (issue 12 #6).
 * keepsake holds no Concordium key: the desktop wallet keeps every key on a Ledger (its export has
 * none), so every account is "held on a Ledger".
 */
export type ConcordiumIdentityView = {
  /** The number `concordium list` shows and `concordium remove` takes. */
  id: number;
  name: string;
  /** The identity provider's name (`identityProvider.ipInfo.ipDescription.name`), when the export has it. */
  provider: string | null;
  /** The desktop wallet's status: confirmed, pending, rejected, recovered… */
  status: string | null;
  accounts: number;
};

export type ConcordiumAccountView = {
  id: number;
  name: string;
  address: string;
  /** The name of its identity, or null when the vault does not hold it. */
  identity: string | null;
  status: string | null;
  /** Always true: the desktop wallet keeps Concordium keys on a Ledger, never in its export. */
  ledger: true;
};

export type ConcordiumList = { identities: ConcordiumIdentityView[]; accounts: ConcordiumAccountView[] };

type Parsed = { row: ConcordiumItemRow; o: JsonObject };

function parsed(rows: readonly ConcordiumItemRow[]): Parsed[] {
  return rows.map((row) => {
    const o = jsonParse(row.original);
    return { row, o: isObject(o) ? o : {} };
  });
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** The identity provider's name; the desktop wallet stores `identityProvider` as a JSON string (older exports: an object). */
function providerName(value: unknown): string | null {
  let ip: unknown = value;
  if (typeof value === 'string') {
    try {
      ip = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const info = isObject(ip) && isObject(ip['ipInfo']) ? ip['ipInfo'] : undefined;
  const description = info && isObject(info['ipDescription']) ? info['ipDescription'] : undefined;
  return description ? text(description['name']) : null;
}

function identityName(p: Parsed): string {
  return p.row.name ?? `identity ${text(p.o['identityNumber']) ?? p.row.id}`;
}

/**
 * The identity an account belongs to. An account names its identity by the desktop wallet's row id
 * (`identityId`), which is unique within one export but not across two exports imported into one
 * vault; items are stored in the order they were imported, identities of a file before its accounts
 * (CONCORDIUM_COLLECTIONS), so the identity with that id stored last before the account is the one
 * from the same file.
 */
function identityOf(account: Parsed, identities: readonly Parsed[]): Parsed | undefined {
  const wanted = text(account.o['identityId']);
  if (wanted === null) return undefined;
  const same = identities.filter((i) => text(i.o['id']) === wanted);
  return same.filter((i) => i.row.id < account.row.id).at(-1) ?? same.at(-1);
}

function snapshot(vault: Vault): { identities: Parsed[]; accounts: Parsed[] } {
  return { identities: parsed(concordiumItems(vault, 'identities')), accounts: parsed(concordiumItems(vault, 'accounts')) };
}

/**
 * Every Concordium identity (name, provider, status, number of accounts) and account (name,
 * address, identity) the vault holds.
 *
 * @example
 * concordiumList(vault).accounts.map((a) => a.address)
 */
export function concordiumList(vault: Vault): ConcordiumList {
  const { identities, accounts } = snapshot(vault);
  const owner = new Map(accounts.map((a) => [a.row.id, identityOf(a, identities)]));
  return {
    identities: identities.map((i) => ({
      id: i.row.id,
      name: identityName(i),
      provider: providerName(i.o['identityProvider']),
      status: text(i.o['status']),
      accounts: accounts.filter((a) => owner.get(a.row.id) === i).length,
    })),
    accounts: accounts.map((a) => {
      const identity = owner.get(a.row.id);
      return {
        id: a.row.id,
        name: a.row.name ?? a.row.itemKey,
        address: a.row.itemKey,
        identity: identity ? identityName(identity) : null,
        status: text(a.o['status']),
        ledger: true,
      };
    }),
  };
}

/** How many Concordium identities and accounts the vault holds (for every summary). */
export function concordiumCounts(vault: Vault): { concordiumIdentities: number; concordiumAccounts: number } {
  return { concordiumIdentities: concordiumItems(vault, 'identities').length, concordiumAccounts: concordiumItems(vault, 'accounts').length };
}

/**
 * Refuses a Concordium Desktop export of a vault without Concordium data (no identity, account or
 * Concordium address-book entry): the file would hold nothing ({@link NothingToExportError}).
 */
export function concordiumExportCheck(vault: Vault): void {
  const { concordiumIdentities, concordiumAccounts } = concordiumCounts(vault);
  if (concordiumIdentities + concordiumAccounts === 0 && !addressesAll(vault).some((a) => a.kind === 'concordium')) {
    throw new NothingToExportError({ what: 'concordium' });
  }
}

export type ConcordiumRemoved = {
  identity: { name: string } | null;
  accounts: { name: string; address: string }[];
  /** Credentials of the removed accounts, kept for the desktop wallet's way back: removed with them. */
  credentials: number;
  /** Address-book entries the desktop wallet ties to the removed accounts (`readOnly`): removed with them. */
  addresses: number;
};

/**
 * What removing `query` would remove: a Concordium identity (by name or number) with its accounts,
 * or one account (by address, name or number), each with its credentials and the address-book
 * entry the desktop wallet ties to it. Nothing is changed.
 */
export function concordiumRemovePlan(vault: Vault, query: string | { id: number }): ConcordiumRemoved {
  return plan(vault, query).removed;
}

/**
 * Removes a Concordium identity and its accounts, or one account (see {@link concordiumRemovePlan}),
 * in one transaction. The keys stay on the user's Ledger; a later desktop export is just without them.
 */
export function concordiumRemove(vault: Vault, query: string | { id: number }): ConcordiumRemoved {
  return vaultWrite(vault, () => {
    const { removed, ids, addressIds } = plan(vault, query);
    for (const id of ids) concordiumItemDelete(vault, id);
    for (const id of addressIds) addressDelete(vault, id);
    return removed;
  });
}

/** The one item `query` names: an account's address, else an exact name, else the number `concordiumList` gives (or only that, as `{ id }`). */
function plan(vault: Vault, query: string | { id: number }): { removed: ConcordiumRemoved; ids: number[]; addressIds: number[] } {
  const { identities, accounts } = snapshot(vault);
  const wanted = typeof query === 'string' ? query.trim() : String(query.id);
  const byNumber = /^\d+$/.test(wanted) ? [...identities, ...accounts].filter((x) => x.row.id === Number(wanted)) : [];
  const byAddress = accounts.filter((a) => a.row.itemKey === wanted);
  const byName = [...identities.filter((i) => identityName(i) === wanted), ...accounts.filter((a) => (a.row.name ?? a.row.itemKey) === wanted)];
  const matches = typeof query !== 'string' ? byNumber : byAddress.length > 0 ? byAddress : byName.length > 0 ? byName : byNumber;
  if (matches.length === 0) throw new ConcordiumItemNotFoundError({ query: wanted });
  if (matches.length > 1) throw new AmbiguousConcordiumItemError({ query: wanted, count: matches.length });
  const target = matches[0]!;
  const isIdentity = target.row.collection === 'identities';
  const gone = isIdentity ? accounts.filter((a) => identityOf(a, identities) === target) : [target];
  const addresses = new Set(gone.map((a) => a.row.itemKey));
  const credentials = parsed(concordiumItems(vault, 'credentials')).filter((c) => addresses.has(text(c.o['accountAddress']) ?? ''));
  const book = addressesAll(vault).filter(
    (a) => a.kind === 'concordium' && addresses.has(a.address) && a.original !== null && (jsonParse(a.original) as JsonObject)['readOnly'] === true,
  );
  return {
    removed: {
      identity: isIdentity ? { name: identityName(target) } : null,
      accounts: gone.map((a) => ({ name: a.row.name ?? a.row.itemKey, address: a.row.itemKey })),
      credentials: credentials.length,
      addresses: book.length,
    },
    ids: [...(isIdentity ? [target.row.id] : []), ...gone.map((a) => a.row.id), ...credentials.map((c) => c.row.id)],
    addressIds: book.map((a) => a.id),
  };
}

// ---------------------------------------------------------------------------------------------
// Name conflicts on import, in the desktop wallet's words

/**
 * What the Concordium Desktop Wallet does when an imported identity or account is already there
 * under another name, and the words it shows (Concordium/concordium-desktop-wallet `app/utils/importHelpers.ts`
 * at 0ce97cb9: `resolveAccountNameConflict` / `resolveIdentityNameConflict` / `handleDuplicateAccount`):
 * - same name: "Already exists";
 * - an account whose current name is part of its address (the default name the wallet gave it):
 *   the imported name replaces it, "Replaces name: X";
 * - an identity that is a placeholder (status "recovered"): the imported name replaces it,
 *   "Replaces placeholder identity: X";
 * - otherwise the name in the vault stays: "Already exists as: X".
 * Returns the note, and the new name and entry when the imported name wins.
 */
export function concordiumNameConflict(
  collection: 'identities' | 'accounts',
  existing: { name: string | null; itemKey: string; original: string },
  imported: { name: string | null },
): { note: string; rename?: { name: string; original: string } } {
  const current = existing.name ?? '';
  if (imported.name === null || imported.name === current) return { note: 'Already exists' };
  const o = jsonParse(existing.original);
  const entry: JsonObject = isObject(o) ? o : {};
  const replaces = collection === 'accounts' ? existing.itemKey.includes(current) : entry['status'] === 'recovered';
  if (!replaces) return { note: `Already exists as: ${current}` };
  return {
    note: collection === 'accounts' ? `Replaces name: ${current}` : `Replaces placeholder identity: ${current}`,
    rename: { name: imported.name, original: JSON.stringify({ ...entry, name: imported.name }) },
  };
}
