import { wipe } from '../crypto/bytes.js';
import { AmbiguousConcordiumItemError, ConcordiumItemNotFoundError, ConcordiumSealedError } from '../errors/concordium.js';
import { NothingToExportError, VaultUnavailableError } from '../errors/vault.js';
import { concordiumSeal, concordiumSealKdfNew, concordiumSealKey, concordiumUnseal } from '../formats/concordium/sealed.js';
import { isObject, jsonParse, type JsonObject } from '../formats/json.js';
import { addressDelete, addressesAll } from '../vault/addresses.js';
import {
  concordiumItemDelete,
  concordiumItems,
  concordiumItemsReadable,
  concordiumItemSealSet,
  concordiumSealInsert,
  concordiumSeals,
  type ConcordiumItemRow,
} from '../vault/concordiumItems.js';
import { newSecretCheck } from './secrets.js';
import { vaultCheckpoint, vaultWrite, type Vault } from '../vault/open.js';

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

export type ConcordiumList = {
  identities: ConcordiumIdentityView[];
  accounts: ConcordiumAccountView[];
  /** Items an earlier keepsake kept readable in the vault file, until `concordium seal` seals them. */
  readable: number;
};

const identityName = (i: ConcordiumItemRow): string => i.name ?? `identity ${i.number ?? i.id}`;

/**
 * The identity an account belongs to. An account names its identity by the desktop wallet's row id
 * (`identityId`, kept as the account's `link`), which is unique within one export but not across two
 * exports imported into one vault; items are stored in the order they were imported, identities of a
 * file before its accounts (CONCORDIUM_COLLECTIONS), so the identity with that id stored last before
 * the account is the one from the same file.
 */
function identityOf(account: ConcordiumItemRow, identities: readonly ConcordiumItemRow[]): ConcordiumItemRow | undefined {
  if (account.link === null) return undefined;
  const same = identities.filter((i) => i.link === account.link);
  return same.filter((i) => i.id < account.id).at(-1) ?? same.at(-1);
}

function snapshot(vault: Vault): { identities: ConcordiumItemRow[]; accounts: ConcordiumItemRow[] } {
  return { identities: concordiumItems(vault, 'identities'), accounts: concordiumItems(vault, 'accounts') };
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
  const owner = new Map(accounts.map((a) => [a.id, identityOf(a, identities)]));
  return {
    identities: identities.map((i) => ({
      id: i.id,
      name: identityName(i),
      provider: i.provider,
      status: i.status,
      accounts: accounts.filter((a) => owner.get(a.id) === i).length,
    })),
    accounts: accounts.map((a) => {
      const identity = owner.get(a.id);
      return { id: a.id, name: a.name ?? a.key, address: a.key, identity: identity ? identityName(identity) : null, status: a.status, ledger: true };
    }),
    readable: concordiumReadableCount(vault),
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
  const byNumber = /^\d+$/.test(wanted) ? [...identities, ...accounts].filter((x) => x.id === Number(wanted)) : [];
  const byAddress = accounts.filter((a) => a.key === wanted);
  const byName = [...identities.filter((i) => identityName(i) === wanted), ...accounts.filter((a) => (a.name ?? a.key) === wanted)];
  const matches = typeof query !== 'string' ? byNumber : byAddress.length > 0 ? byAddress : byName.length > 0 ? byName : byNumber;
  if (matches.length === 0) throw new ConcordiumItemNotFoundError({ query: wanted });
  if (matches.length > 1) throw new AmbiguousConcordiumItemError({ query: wanted, count: matches.length });
  const target = matches[0]!;
  const isIdentity = target.collection === 'identities';
  const gone = isIdentity ? accounts.filter((a) => identityOf(a, identities) === target) : [target];
  const addresses = new Set(gone.map((a) => a.key));
  const credentials = concordiumItems(vault, 'credentials').filter((c) => c.link !== null && addresses.has(c.link));
  const book = addressesAll(vault).filter(
    (a) => a.kind === 'concordium' && addresses.has(a.address) && a.original !== null && (jsonParse(a.original) as JsonObject)['readOnly'] === true,
  );
  return {
    removed: {
      identity: isIdentity ? { name: identityName(target) } : null,
      accounts: gone.map((a) => ({ name: a.name ?? a.key, address: a.key })),
      credentials: credentials.length,
      addresses: book.length,
    },
    ids: [...(isIdentity ? [target.id] : []), ...gone.map((a) => a.id), ...credentials.map((c) => c.id)],
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
 * Returns the note, and the new name when the imported name wins (the export writes it into the object).
 */
export function concordiumNameConflict(
  collection: 'identities' | 'accounts',
  existing: Pick<ConcordiumItemRow, 'name' | 'key' | 'status'>,
  imported: { name: string | null },
): { note: string; rename?: { name: string } } {
  const current = existing.name ?? '';
  if (imported.name === null || imported.name === current) return { note: 'Already exists' };
  const replaces = collection === 'accounts' ? existing.key.includes(current) : existing.status === 'recovered';
  if (!replaces) return { note: `Already exists as: ${current}` };
  return {
    note: collection === 'accounts' ? `Replaces name: ${current}` : `Replaces placeholder identity: ${current}`,
    rename: { name: imported.name },
  };
}

// ---------------------------------------------------------------------------------------------
// Sealed objects (issue 14)

/** A seal's password, asked when none of those given opens it; undefined gives up. */
export type ConcordiumPasswordAsk = (seal: { source: string; wrong: boolean }) => Promise<string | undefined>;

/**
 * Every Concordium object the vault holds, opened: sealed ones with the passwords given (each tried
 * on each seal; then `ask`, again until one opens it or it gives up), readable ones as they are. The
 * name in the vault (a conflict rename) is written into its object. A seal no password opens →
 * {@link ConcordiumSealedError}; an object its seal's key does not open was altered → VaultUnavailableError.
 */
export async function concordiumObjects(
  vault: Vault,
  passwords: readonly string[],
  ask?: ConcordiumPasswordAsk,
): Promise<{ row: ConcordiumItemRow; o: JsonObject }[]> {
  const rows = concordiumItems(vault);
  const keys = new Map<number, Uint8Array>();
  try {
    for (const seal of concordiumSeals(vault)) {
      const sample = rows.find((r) => r.sealId === seal.id);
      if (sample === undefined) continue;
      const opens = async (password: string) => {
        const key = await concordiumSealKey(password, seal.kdf);
        if (concordiumUnseal(key, sample, sample.sealed!) !== undefined) return key;
        wipe(key);
        return undefined;
      };
      let key: Uint8Array | undefined;
      for (const password of new Set(passwords)) {
        key = await opens(password);
        if (key !== undefined) break;
      }
      for (let wrong = false; key === undefined && ask !== undefined; wrong = true) {
        const answer = await ask({ source: seal.source, wrong });
        if (answer === undefined || answer === '') break;
        key = await opens(answer);
      }
      if (key === undefined) throw new ConcordiumSealedError({ source: seal.source, given: passwords.length > 0 || ask !== undefined });
      keys.set(seal.id, key);
    }
    return rows.map((row) => {
      const text = row.original ?? concordiumUnseal(keys.get(row.sealId!)!, row, row.sealed!);
      if (text === undefined)
        throw new VaultUnavailableError({ file: vault.file, reason: 'a sealed Concordium item does not open with its seal: the vault was altered' });
      const parsedObject = jsonParse(text);
      const o: JsonObject = isObject(parsedObject) ? parsedObject : {};
      const named = row.name !== null && (row.collection === 'identities' || row.collection === 'accounts');
      return { row, o: named ? { ...o, name: row.name } : o };
    });
  } finally {
    for (const key of keys.values()) wipe(key);
  }
}

/** How many Concordium items an earlier keepsake kept readable (see {@link concordiumSealReadable}). */
export function concordiumReadableCount(vault: Vault): number {
  return concordiumItemsReadable(vault);
}

/**
 * Seals the Concordium items kept readable by an earlier keepsake (before seals existed) under a new
 * password the user chooses, in one transaction; how many were sealed.
 */
export async function concordiumSealReadable(vault: Vault, password: string): Promise<number> {
  newSecretCheck(password, 'Concordium seal password');
  if (concordiumReadableCount(vault) === 0) return 0;
  const kdf = concordiumSealKdfNew();
  const key = await concordiumSealKey(password, kdf);
  try {
    const sealed = vaultWrite(vault, () => {
      const readable = concordiumItems(vault).filter((r) => r.original !== null);
      const day = new Date().toISOString().slice(0, 10);
      const sealId = concordiumSealInsert(vault, { kdf, source: `the password chosen to seal it on ${day}`, createdAt: Date.now() });
      for (const r of readable) concordiumItemSealSet(vault, r.id, sealId, concordiumSeal(key, r, r.original!));
      return readable.length;
    });
    // The readable versions leave the WAL too (secure_delete zeroed them in the pages written).
    vaultCheckpoint(vault);
    return sealed;
  } finally {
    wipe(key);
  }
}
