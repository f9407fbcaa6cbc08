import { bytesToHex } from '../../crypto/bytes.js';
import { WrongNetworkError } from '../../errors/concordium.js';
import { CONCORDIUM_COLLECTIONS } from '../../formats/concordium/desktop.js';
import { concordiumListing, concordiumSeal, type ConcordiumItemCollection, type ConcordiumSealKdf } from '../../formats/concordium/sealed.js';
import type { FormatName } from '../../formats/detect.js';
import { sealedSecretFingerprint, sealedSecretParse } from '../../formats/identity-seal.js';
import { jsonParse, type JsonObject } from '../../formats/json.js';
import type { BackupConcordiumItem, BackupConcordiumSeal, BackupPayload } from '../../formats/keepsake-backup.js';
import { accountAddress } from '../../keys/account.js';
import { accountByPublicKey, accountInsert, accountReplace, type AccountInsert } from '../../vault/accounts.js';
import { addressByText, addressInsert } from '../../vault/addresses.js';
import { concordiumItemByKey, concordiumItemInsert, concordiumItemRename, concordiumSealInsert } from '../../vault/concordiumItems.js';
import { settingGet, settingSet } from '../../vault/settings.js';
import { identitiesAll, identityInsert, identityPinSet } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { concordiumNameConflict } from '../concordium.js';
import { pinDelaySeconds } from '../identity/unlock.js';
import type { BackupContents } from './open.js';

export type ImportKind = 'identity' | 'account' | 'address' | 'concordium-identity' | 'concordium-account';
export type ImportItem = {
  kind: ImportKind;
  name: string;
  address: string | null;
  status: 'imported' | 'present' | 'replaced';
  presentAs: string | null;
  /** A Concordium item already there: what the desktop wallet would say ("Already exists as: X", "Replaces name: X"). */
  note?: string;
  /** An identity the backup re-keyed (`backup export --rekey`): its PIN is now the backup password. */
  rekeyed?: true;
};

/**
 * What importing a file into a vault does, decided before anything is written: the report's items
 * (imported, present under which name, replaced) and the writes that carry it out. `verify` shows
 * the items; `backup import` writes them (backupPlanWrite), in the same transaction it planned in.
 */
export type ImportPlan = { format: FormatName; items: ImportItem[]; steps: PlanStep[]; seals: BackupConcordiumSeal[] };

/**
 * The seal that Concordium objects readable in the file are sealed under when they are written: a
 * fresh KDF of the file's own password, its key, and what that password is (issue 14).
 */
export type ConcordiumSealer = { kdf: ConcordiumSealKdf; key: Uint8Array; source: string };

/**
 * One write of a plan. An identity is named by `ref`: its vault id (> 0), or for one the plan adds,
 * a negative number standing for it until it is written (accounts of the backup join it by that).
 */
export type PlanStep =
  | { kind: 'identity-insert'; ref: number; name: string; sealed: string; createdAt: number; failedAttempts: number; lockedUntil: number }
  | { kind: 'identity-pin'; ref: number; failedAttempts: number; lockedUntil: number }
  | { kind: 'account-insert' | 'account-replace'; row: Omit<AccountInsert, 'identityId'>; identity: number | null; createdAt: number }
  | { kind: 'address-insert'; entry: BackupPayload['addresses'][number] }
  | { kind: 'concordium-insert'; item: BackupConcordiumItem }
  | { kind: 'concordium-rename'; id: number; name: string }
  | { kind: 'setting'; key: string; value: string };

/**
 * Decides what importing `contents` into `vault` does, reading the vault and writing nothing. With no
 * vault (verify before one exists) it is an empty one. Items already in the vault, or twice in the file,
 * are found present (under their current name); a watch-only account the file has the key of is replaced.
 * A Concordium export from another network than the one imported before → WrongNetworkError.
 */
export function backupPlan(vault: Vault | undefined, contents: BackupContents, options: { file?: string | undefined } = {}): ImportPlan {
  const state = planState(vault);
  let seals: BackupConcordiumSeal[] = [];
  if (contents.format === 'keepsake-backup' || contents.format === 'nova-backup') {
    const p = contents.payload;
    planIdentities(state, p.identities);
    planAccounts(state, p.accounts);
    for (const entry of p.addresses) planAddress(state, entry);
    planConcordiumItems(state, p.concordium.genesis, p.concordium.items, undefined);
    seals = p.concordium.seals;
  } else {
    const data = contents.data;
    const readable = (collection: ConcordiumItemCollection, o: JsonObject): BackupConcordiumItem => ({
      ...concordiumListing(collection, o),
      original: JSON.stringify(o),
      sealed: null,
    });
    const list = CONCORDIUM_COLLECTIONS.flatMap((collection) => data[collection].map((o) => readable(collection, o)));
    // The export's fields keepsake does not know go with it, sealed like the rest (kept from the first file that had any).
    if (Object.keys(data.rest).length > 0) list.push(readable('rest', data.rest));
    planConcordiumItems(state, data.genesis === undefined ? null : JSON.stringify(data.genesis), list, options.file);
    for (const entry of data.addressBook) {
      const address = String(entry['address']);
      const name = typeof entry['name'] === 'string' ? entry['name'] : address;
      planAddress(state, {
        address,
        kind: 'concordium',
        name,
        note: typeof entry['note'] === 'string' ? entry['note'] : null,
        network: 'concordium',
        original: JSON.stringify(entry),
      });
    }
  }
  return { format: contents.format, items: state.items, steps: state.steps, seals };
}

/** Whether writing the plan stores Concordium objects that must first be sealed (it then needs a {@link ConcordiumSealer}). */
export function backupPlanSeals(plan: ImportPlan): boolean {
  return plan.steps.some((s) => s.kind === 'concordium-insert' && s.item.sealed === null);
}

/**
 * Carries out a plan; the caller runs it inside `vaultWrite`, in the transaction that planned it.
 * Concordium objects readable in the file are sealed under `sealer` (needed when {@link backupPlanSeals});
 * items the file carries sealed keep their seal, which comes into the vault with them.
 */
export function backupPlanWrite(vault: Vault, plan: ImportPlan, sealer?: ConcordiumSealer): void {
  const added = new Map<number, number>();
  const sealIds = new Map<number, number>();
  let newSeal: number | undefined;
  const sealedOf = (item: BackupConcordiumItem): { sealId: number; sealed: Uint8Array } => {
    if (item.sealed !== null) {
      const ref = item.sealed.seal;
      if (!sealIds.has(ref))
        sealIds.set(
          ref,
          concordiumSealInsert(
            vault,
            plan.seals.find((x) => x.ref === ref)!,
          ),
        );
      return { sealId: sealIds.get(ref)!, sealed: item.sealed.box };
    }
    if (sealer === undefined) throw new Error('a readable Concordium object was about to be stored without a seal (this is a bug)');
    newSeal ??= concordiumSealInsert(vault, { kdf: sealer.kdf, source: sealer.source, createdAt: Date.now() });
    return { sealId: newSeal, sealed: concordiumSeal(sealer.key, item, item.original!) };
  };
  const identityId = (ref: number) => (ref > 0 ? ref : added.get(ref)!);
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'identity-insert': {
        const id = identityInsert(vault, step.name, step.sealed, step.createdAt);
        if (step.failedAttempts > 0 || step.lockedUntil > 0) identityPinSet(vault, id, step.failedAttempts, step.lockedUntil);
        added.set(step.ref, id);
        break;
      }
      case 'identity-pin':
        identityPinSet(vault, identityId(step.ref), step.failedAttempts, step.lockedUntil);
        break;
      case 'account-insert':
      case 'account-replace': {
        const row: AccountInsert = { ...step.row, identityId: step.identity === null ? null : identityId(step.identity) };
        if (step.kind === 'account-insert') accountInsert(vault, row, step.createdAt);
        else accountReplace(vault, row);
        break;
      }
      case 'address-insert':
        addressInsert(vault, step.entry);
        break;
      case 'concordium-insert': {
        const { original: _readable, sealed: _carried, ...listing } = step.item;
        concordiumItemInsert(vault, { ...listing, ...sealedOf(step.item), original: null });
        break;
      }
      case 'concordium-rename':
        concordiumItemRename(vault, step.id, step.name);
        break;
      case 'setting':
        settingSet(vault, step.key, step.value);
        break;
    }
  }
}

type PlannedIdentity = { ref: number; name: string; fingerprint: string | undefined; failedAttempts: number; lockedUntil: number };

/**
 * The vault as a plan sees it: its rows, read as they are needed, with what the plan has decided so
 * far laid over them — so an item the file holds twice is found present the second time, as it is
 * when the writes run one after the other.
 */
type PlanState = {
  vault: Vault | undefined;
  items: ImportItem[];
  steps: PlanStep[];
  identities: PlannedIdentity[];
  /** Backup identity name → ref (vault id or planned). */
  identityRefs: Map<string, number>;
  /** Public key (hex) → the account the vault will hold: its name, and whether it has its key. */
  accounts: Map<string, { name: string; keyed: boolean }>;
  addresses: Map<string, string>;
  concordium: Map<string, string | null>;
  settings: Map<string, string>;
};

function planState(vault: Vault | undefined): PlanState {
  const identities = (vault === undefined ? [] : identitiesAll(vault)).map((i) => ({
    ref: i.id,
    name: i.name,
    fingerprint: sealedFingerprintOf(i.sealed),
    failedAttempts: i.failedAttempts,
    lockedUntil: i.lockedUntil,
  }));
  return {
    vault,
    items: [],
    steps: [],
    identities,
    identityRefs: new Map(),
    accounts: new Map(),
    addresses: new Map(),
    concordium: new Map(),
    settings: new Map(),
  };
}

function planIdentities(state: PlanState, identities: BackupPayload['identities']): void {
  const now = Date.now();
  for (const identity of identities) {
    // The same identity is recognised only by its sealed bytes (salt, nonce, ciphertext): the same
    // phrase under the same PIN. Never by an account the backup says belongs to it (a public key
    // is public: a crafted backup could attach any address to an identity already in the vault).
    const present = state.identities.find((i) => i.fingerprint === identity.fingerprint);
    // The higher wrong-PIN count and the later delay win (a backup never brings fresh tries), but a
    // backup sets no delay longer than the longest a wrong PIN can cause (an hour from now).
    const failedAttempts = identity.failedAttempts;
    const lockedUntil = Math.min(identity.lockedUntil, now + pinDelaySeconds(Number.MAX_SAFE_INTEGER) * 1000);
    if (present) {
      state.identityRefs.set(identity.name, present.ref);
      if (failedAttempts > present.failedAttempts || lockedUntil > present.lockedUntil) {
        present.failedAttempts = Math.max(failedAttempts, present.failedAttempts);
        present.lockedUntil = Math.max(lockedUntil, present.lockedUntil);
        state.steps.push({ kind: 'identity-pin', ref: present.ref, failedAttempts: present.failedAttempts, lockedUntil: present.lockedUntil });
      }
      state.items.push({ kind: 'identity', name: identity.name, address: null, status: 'present', presentAs: present.name });
      continue;
    }
    let name = identity.name;
    for (let n = 2; state.identities.some((i) => i.name === name); n++) name = `${identity.name} (${n})`;
    const ref = -(state.identities.filter((i) => i.ref < 0).length + 1);
    state.identities.push({ ref, name, fingerprint: identity.fingerprint, failedAttempts, lockedUntil });
    state.steps.push({ kind: 'identity-insert', ref, name, sealed: identity.sealed, createdAt: identity.createdAt, failedAttempts, lockedUntil });
    state.identityRefs.set(identity.name, ref);
    state.items.push({ kind: 'identity', name, address: null, status: 'imported', presentAs: null, ...(identity.rekeyed ? { rekeyed: true as const } : {}) });
  }
}

function planAccounts(state: PlanState, accounts: BackupPayload['accounts']): void {
  for (const a of accounts) {
    const { identity, createdAt, ...row } = a;
    const address = accountAddress(row.type, row.accountId, row.ss58Prefix);
    const key = bytesToHex(a.publicKey);
    let existing = state.accounts.get(key);
    if (existing === undefined && state.vault !== undefined) {
      const stored = accountByPublicKey(state.vault, a.publicKey);
      if (stored !== undefined) existing = { name: stored.name, keyed: stored.fileJson !== null || stored.identityId !== null };
    }
    const keyed = row.fileJson !== null || identity !== null;
    const step = { row, identity: identity === null ? null : state.identityRefs.get(identity)!, createdAt };
    if (existing === undefined) {
      state.steps.push({ kind: 'account-insert', ...step });
      state.items.push({ kind: 'account', name: a.name, address, status: 'imported', presentAs: null });
    } else if (!existing.keyed && keyed) {
      // A watch-only entry gains its key.
      state.steps.push({ kind: 'account-replace', ...step });
      state.items.push({ kind: 'account', name: a.name, address, status: 'replaced', presentAs: existing.name });
    } else {
      state.items.push({ kind: 'account', name: a.name, address, status: 'present', presentAs: existing.name });
      continue;
    }
    state.accounts.set(key, { name: a.name, keyed });
  }
}

function sealedFingerprintOf(text: string): string | undefined {
  try {
    return sealedSecretFingerprint(sealedSecretParse(text));
  } catch {
    return undefined;
  }
}

function planAddress(state: PlanState, entry: BackupPayload['addresses'][number]): void {
  const existing = state.addresses.get(entry.address) ?? (state.vault === undefined ? undefined : addressByText(state.vault, entry.address)?.name);
  if (existing !== undefined) {
    state.items.push({ kind: 'address', name: entry.name, address: entry.address, status: 'present', presentAs: existing });
    return;
  }
  state.steps.push({ kind: 'address-insert', entry });
  state.addresses.set(entry.address, entry.name);
  state.items.push({ kind: 'address', name: entry.name, address: entry.address, status: 'imported', presentAs: null });
}

function planSettingGet(state: PlanState, key: string): string | undefined {
  return state.settings.get(key) ?? (state.vault === undefined ? undefined : settingGet(state.vault, key));
}

/** A setting written only when the vault has none yet. */
function planSetting(state: PlanState, key: string, value: string): void {
  if (planSettingGet(state, key) !== undefined) return;
  state.settings.set(key, value);
  state.steps.push({ kind: 'setting', key, value });
}

function planConcordiumItems(state: PlanState, genesis: string | null, list: readonly BackupConcordiumItem[], file: string | undefined): void {
  if (genesis !== null) {
    const current = planSettingGet(state, 'concordium.genesis');
    const block = (g: string) => (jsonParse(g) as JsonObject)['genesisBlock'] ?? g;
    if (current !== undefined && JSON.stringify(block(current)) !== JSON.stringify(block(genesis))) throw new WrongNetworkError({ file });
    planSetting(state, 'concordium.genesis', genesis);
  }
  for (const item of list) {
    const mapKey = `${item.collection}\u0000${item.key}`;
    const planned = state.concordium.has(mapKey) ? { name: state.concordium.get(mapKey)! } : undefined;
    const stored = planned === undefined && state.vault !== undefined ? concordiumItemByKey(state.vault, item.collection, item.key) : undefined;
    const existing = planned ?? stored;
    if (existing === undefined) {
      state.steps.push({ kind: 'concordium-insert', item });
      state.concordium.set(mapKey, item.name);
    }
    const kind: ImportKind | undefined =
      item.collection === 'identities' ? 'concordium-identity' : item.collection === 'accounts' ? 'concordium-account' : undefined;
    if (kind === undefined) continue;
    const address = item.collection === 'accounts' ? item.key : null;
    const name = item.name ?? address ?? 'identity';
    // A name conflict with what the vault holds is settled as the desktop wallet settles it, in its words (wallet/concordium.ts).
    const conflict = stored && concordiumNameConflict(item.collection as 'identities' | 'accounts', stored, item);
    if (stored && conflict?.rename) {
      state.steps.push({ kind: 'concordium-rename', id: stored.id, name: conflict.rename.name });
      state.concordium.set(mapKey, conflict.rename.name);
    }
    const status = existing ? (conflict?.rename ? 'replaced' : 'present') : 'imported';
    state.items.push({ kind, name, address, status, presentAs: existing ? (existing.name ?? name) : null, ...(conflict ? { note: conflict.note } : {}) });
  }
}
