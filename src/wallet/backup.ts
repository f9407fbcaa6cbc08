import { bytesEqual, bytesToHex, utf8, wipe } from '../crypto/bytes.js';
import { WrongNetworkError } from '../errors/concordium.js';
import { CorruptFileError, FormatNotSupportedError } from '../errors/file.js';
import { UsageError } from '../errors/usage.js';
import { CONCORDIUM_COLLECTIONS, concordiumDesktopOpen, concordiumDesktopWrite, type ConcordiumCollection, type ConcordiumExport } from '../formats/concordium/desktop.js';
import { formatDetect, FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import { sealedSecretOpen, sealedSecretFingerprint, sealedSecretParse, sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal } from '../formats/identity-seal.js';
import { jsonParse, type JsonObject } from '../formats/json.js';
import { keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupPayloadParse, keepsakeBackupWrite, type BackupPayload } from '../formats/keepsake-backup.js';
import { fileAddressDecode, type FileAddress } from '../formats/polkadot-js/address.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import type { KeyType } from '../keys/types.js';
import { accountAddress } from '../keys/account.js';
import { accountByPublicKey, accountInsert, accountReplace, accountsAll, type AccountInsert, type AccountRow } from '../vault/accounts.js';
import { addressByText, addressesAll, addressInsert, concordiumItemByKey, concordiumItemInsert, concordiumItemRename, concordiumItems, settingGet, settingSet } from '../vault/addresses.js';
import { identitiesAll, identityById, identityInsert, identityPinSet } from '../vault/identities.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView } from './accountView.js';
import { concordiumCounts, concordiumExportCheck, concordiumNameConflict } from './concordium.js';
import { addressParse } from './addressParse.js';
import { rekeyFiles } from './export.js';
import { identityUnlock, pinDelaySeconds } from './identity.js';
import { fileNamesCheck } from './names.js';
import { newSecretCheck } from './secrets.js';
import { keyAccountId } from './storedKey.js';

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
export type ImportReport = {
  format: FormatName;
  items: ImportItem[];
  restored: { address: string | null; name: string; kind: ImportKind }[];
  skipped: { address: string | null; name: string; kind: ImportKind; reason: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

// ---------------------------------------------------------------------------------------------
// Export

export type BackupExportOptions = {
  format?: 'keepsake' | 'concordium-desktop';
  /** Re-lock every account with the backup password and re-seal every identity whose PIN is given under it. */
  rekey?: boolean;
  /**
   * An account's password, asked only when neither the backup password nor one of the last answers
   * opens it (accounts often share one). Without it, such an account stops the export (wrong password).
   */
  passwordFor?: (account: { address: string; name: string }) => Promise<string>;
  /**
   * The PIN of an identity, as the user gave it for that identity (typed, or its own line of a PIN
   * file), or undefined: the identity then keeps its own PIN in the backup. Never a guess: a PIN
   * tried and wrong counts against the identity (identityUnlock), so only the user's answer may be tried.
   */
  pinFor?: (identity: { id: number; name: string }) => Promise<string | undefined>;
  /** Accounts re-locked so far, of how many (the slow part of a rekey). */
  onProgress?: (done: number, total: number) => void;
};

/**
 * What the file holds. In keepsake's format `identities`/`accounts` are keepsake's and the Concordium
 * ones are counted apart; in the Concordium Desktop format everything is Concordium's.
 */
export type BackupCounts = { identities: number; accounts: number; addresses: number; concordiumIdentities?: number; concordiumAccounts?: number };

export type BackupExportResult = {
  json: string;
  counts: BackupCounts;
  /** With `rekey`: the identities whose PIN is the backup password in this file, and those that keep their own PIN. */
  rekeyed: { identities: string[]; keptPin: string[] };
};

/** What a rekey will ask for, before anything is asked: the identities (whose PIN re-keys them) and how many accounts have a key file. */
export function backupRekeyPlan(vault: Vault): { identities: { id: number; name: string }[]; files: number } {
  return { identities: identitiesAll(vault).map((i) => ({ id: i.id, name: i.name })), files: accountsAll(vault).filter((r) => r.fileJson !== null).length };
}

/**
 * The whole vault in one password-protected file: keepsake's own format (identities still sealed
 * under their PINs, accounts still locked with their passwords, the address book, Concordium data)
 * or the Concordium Desktop Wallet's export format (what keepsake holds of Concordium data; refused
 * when there is none, {@link NothingToExportError}).
 *
 * With `rekey`, each identity whose PIN `pinFor` gives is re-sealed under the backup password and
 * marked `rekeyed` in the file (so `backupImport` can say its PIN is now the backup password); the
 * others keep their own PIN, and the result names both.
 */
export async function backupExport(vault: Vault, password: string, options: BackupExportOptions = {}): Promise<BackupExportResult> {
  newSecretCheck(password, 'backup password');
  if (options.format === 'concordium-desktop') return concordiumExport(vault, password);
  const identities = identitiesAll(vault);
  const accounts = accountsAll(vault);
  const resealed = new Map<number, Reseal>();
  const keptPin: string[] = [];
  try {
    if (options.rekey) {
      // New lock for each identity: its phrase (and path passwords) sealed under the backup password.
      for (const identity of identities) {
        const pin = await options.pinFor?.({ id: identity.id, name: identity.name });
        if (pin === undefined) {
          keptPin.push(identity.name);
          continue;
        }
        const { phrase, key } = await identityUnlock(vault, identity, pin);
        const kdf = sealedSecretKdfNew();
        const newKey = await sealedSecretDeriveKey(password, kdf);
        const sealed = JSON.stringify(sealedSecretSeal(newKey, kdf, utf8(phrase)));
        resealed.set(identity.id, { sealed, oldKey: key, newKey, kdf });
      }
    }
    const files = options.rekey ? await rekeyFiles(accounts, password, { kdf: 'default', ...options }) : new Map<number, string>();
    const accountEntries = accounts.map((row) => {
      const reseal = row.identityId === null ? undefined : resealed.get(row.identityId);
      const sealedPassword = reseal && row.sealedPassword !== null ? resealPathPassword(row.sealedPassword, reseal) : row.sealedPassword;
      return accountToJson(row, files.get(row.id) ?? row.fileJson, sealedPassword);
    });
    const payload = {
      version: 1,
      // The wrong-PIN count and delay go along (read now: a rekey's right PIN has just reset them), so a
      // restored identity does not start with fresh tries.
      identities: identities.map((i) => {
        const current = identityById(vault, i.id) ?? i;
        const reseal = resealed.get(i.id);
        return {
          name: i.name,
          sealed: jsonParse(reseal?.sealed ?? i.sealed),
          createdAt: i.createdAt,
          failedAttempts: current.failedAttempts,
          lockedUntil: current.lockedUntil,
          // Read by the import, which says so: this identity's PIN is now the backup password.
          ...(reseal ? { rekeyed: true } : {}),
        };
      }),
      accounts: accountEntries,
      addresses: addressesAll(vault).map((a) => ({ address: a.address, kind: a.kind, name: a.name, note: a.note, network: a.network, original: a.original === null ? null : jsonParse(a.original) })),
      concordium: {
        genesis: jsonOrNull(settingGet(vault, 'concordium.genesis')),
        items: concordiumItems(vault).map((c) => ({ collection: c.collection, key: c.itemKey, name: c.name, original: jsonParse(c.original) })),
      },
    };
    const json = await keepsakeBackupWrite(payload, password);
    return {
      json: JSON.stringify(json),
      counts: { identities: identities.length, accounts: accounts.length, addresses: payload.addresses.length, ...concordiumCountsPresent(vault) },
      rekeyed: { identities: identities.filter((i) => resealed.has(i.id)).map((i) => i.name), keptPin },
    };
  } finally {
    for (const r of resealed.values()) wipe(r.oldKey, r.newKey);
  }
}

/** The Concordium counts, when there is Concordium data (a vault without any keeps the first version's three counts). */
function concordiumCountsPresent(vault: Vault): Pick<BackupCounts, 'concordiumIdentities' | 'concordiumAccounts'> {
  const c = concordiumCounts(vault);
  return c.concordiumIdentities + c.concordiumAccounts === 0 ? {} : c;
}

type Reseal = { sealed: string; oldKey: Uint8Array; newKey: Uint8Array; kdf: ReturnType<typeof sealedSecretKdfNew> };

/** A path's ///password, moved from the identity's old PIN lock to the backup password's. */
function resealPathPassword(sealedPassword: string, r: Reseal): string {
  const plain = sealedSecretOpen(r.oldKey, sealedSecretParse(sealedPassword));
  if (plain === undefined) throw new CorruptFileError({ reason: "an account's sealed path password does not open with its identity's PIN" });
  const out = JSON.stringify(sealedSecretSeal(r.newKey, r.kdf, plain));
  wipe(plain);
  return out;
}

function accountToJson(row: AccountRow, fileJson: string | null, sealedPassword: string | null): JsonObject {
  return {
    publicKey: bytesToHex(row.publicKey),
    accountId: bytesToHex(row.accountId),
    type: row.type,
    name: row.name,
    network: row.network,
    ss58Prefix: row.ss58Prefix,
    genesisHash: row.genesisHash,
    file: fileJson === null ? null : jsonParse(fileJson),
    verified: row.verified,
    source: row.source,
    identity: row.identityName,
    path: row.path,
    sealedPassword: sealedPassword === null ? null : jsonParse(sealedPassword),
    watch: row.watchJson === null ? null : jsonParse(row.watchJson),
    createdAt: row.createdAt,
  };
}

function jsonOrNull(text: string | undefined): unknown {
  return text === undefined ? null : jsonParse(text);
}

async function concordiumExport(vault: Vault, password: string): Promise<BackupExportResult> {
  concordiumExportCheck(vault);
  const items = concordiumItems(vault);
  const of = (c: ConcordiumCollection) => items.filter((i) => i.collection === c).map((i) => jsonParse(i.original) as JsonObject);
  const addressBook = addressesAll(vault)
    .filter((a) => a.kind === 'concordium')
    .map((a) => (a.original === null ? { name: a.name, address: a.address, note: a.note ?? undefined, readOnly: false } : (jsonParse(a.original) as JsonObject)));
  const data: ConcordiumExport = {
    identities: of('identities'),
    accounts: of('accounts'),
    addressBook,
    credentials: of('credentials'),
    externalCredentials: of('externalCredentials'),
    wallets: of('wallets'),
    genesis: (jsonOrNull(settingGet(vault, 'concordium.genesis')) as JsonObject | null) ?? undefined,
    rest: (jsonOrNull(settingGet(vault, 'concordium.rest')) as JsonObject | null) ?? {},
  };
  const json = await concordiumDesktopWrite(data, password);
  return { json: JSON.stringify(json), counts: { identities: data.identities.length, accounts: data.accounts.length, addresses: addressBook.length }, rekeyed: { identities: [], keptPin: [] } };
}

// ---------------------------------------------------------------------------------------------
// Import

/**
 * Imports a keepsake backup or a Concordium Desktop Wallet export, all or nothing, and says for every
 * identity, account and address whether it was imported, already present (and under which name), or replaced.
 * The decision is {@link backupPlan}'s (the same one `verify` reports); this only carries it out.
 */
export async function backupImport(vault: Vault, text: string, password: string, options: { file?: string } = {}): Promise<ImportReport> {
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
    skipped: items.filter((i) => i.status === 'present').map((i) => ({ address: i.address, name: i.name, kind: i.kind, reason: `already present as "${i.presentAs}"` })),
    failed: [],
  };
}

export type { BackupPayload };

/** A whole-wallet file decrypted and checked as far as it can be without a vault, a PIN or an account password. */
export type BackupContents = { format: 'keepsake-backup'; payload: BackupPayload } | { format: 'concordium-desktop' | 'concordium-mobile'; data: ConcordiumExport };

/**
 * Decrypts a keepsake backup or a Concordium Desktop Wallet export and checks everything in it that
 * needs neither the vault nor another secret: every field, every sealed identity, every account's key
 * against its address and key file (accountKeysCheck), every name. Reads and writes no vault.
 * A wrong password → WrongPasswordError / UnableToDecryptError; damage → CorruptFileError.
 */
export async function backupOpen(text: string, password: string, options: { file?: string } = {}): Promise<BackupContents> {
  const detected = formatDetect(text, options.file);
  const where = options.file === undefined ? {} : { file: options.file };
  switch (detected.format) {
    case 'keepsake-backup': {
      const payload = await keepsakeBackupOpen(keepsakeBackupParse(detected.json, options.file), password, where);
      const checked = keepsakeBackupPayloadParse(payload, options.file, addressParse);
      fileNamesCheck(options.file, [
        ...checked.identities.map((x, i) => ({ item: `identity ${i + 1}`, name: x.name })),
        ...checked.accounts.map((x, i) => ({ item: `account ${i + 1}`, name: x.name })),
        ...checked.addresses.map((x, i) => ({ item: `address-book entry ${i + 1}`, name: x.name })),
        ...checked.concordium.items.map((x, i) => ({ item: `Concordium item ${i + 1}`, name: x.name })),
      ]);
      await accountKeysCheck(checked, options.file);
      return { format: detected.format, payload: checked };
    }
    case 'concordium-desktop':
    case 'concordium-mobile': {
      const data = await concordiumDesktopOpen(detected.json, password, where);
      // Items named as the file's own lists name them (entry 3 of "addressBook").
      fileNamesCheck(options.file, [...CONCORDIUM_COLLECTIONS, 'addressBook' as const].flatMap((c) => data[c].map((o, i) => ({ item: `entry ${i + 1} of "${c}"`, name: o['name'] }))));
      return { format: detected.format, data };
    }
    default:
      throw new FormatNotSupportedError({ ...where, label: FORMAT_LABELS[detected.format], wanted: 'wallet' });
  }
}

/**
 * The checks an import can make without any password or PIN, before anything is written (security
 * review #7): every account's id follows from its public key for its key type, and a stored key file
 * names that account and key type. A mismatch refuses the whole backup, naming the account. (An
 * identity account's path is checked against its key when its PIN is first given: identityAccountPair.)
 */
async function accountKeysCheck(p: BackupPayload, file: string | undefined): Promise<void> {
  for (const a of p.accounts) {
    const address = accountAddress(a.type, a.accountId, a.ss58Prefix);
    const refuse = (why: string) =>
      new CorruptFileError({ ...(file === undefined ? {} : { file }), reason: `the account ${JSON.stringify(a.name.slice(0, 60))} (${address}) ${why}; it would put another account under that address, so nothing was imported` });
    if (a.fileJson !== null && a.identity !== null) throw refuse('has both a key file and an identity');
    if (!(await keyGivesAccountId(a.type, a.publicKey, a.accountId, a.identity === null))) throw refuse('has a public key that does not give its address');
    if (a.fileJson === null) continue;
    const stored = polkadotJsParse(JSON.parse(a.fileJson)) as PolkadotJsSingle;
    if (stored.keyType !== undefined && stored.keyType !== a.type) throw refuse(`has a key file for a ${stored.keyType} key, not ${a.type}`);
    let claimed: FileAddress;
    try {
      claimed = fileAddressDecode(stored.address);
    } catch {
      throw refuse('has a key file whose address cannot be read');
    }
    // As polkadotJsOpen matches a file's key to its address: an SS58 address encodes the account id
    // (or, in older ecdsa/ethereum files, the key), a 20-byte one the Ethereum account id.
    const names = claimed.ethereum ? a.type === 'ethereum' && bytesEqual(claimed.bytes, a.accountId) : bytesEqual(claimed.bytes, a.accountId) || bytesEqual(claimed.bytes, a.publicKey);
    if (!names) throw refuse(`has the key file of ${stored.address.slice(0, 70)}`);
  }
}

/**
 * Whether `publicKey` gives `accountId` under the key type. An account kept without its key (watch-
 * only, or a batch entry restored locked under its own password) may record its account id in place
 * of the key, as keyFromAddress does when the address is all there is.
 */
async function keyGivesAccountId(type: KeyType, publicKey: Uint8Array, accountId: Uint8Array, mayBeAddressOnly: boolean): Promise<boolean> {
  const keyLength = type === 'ecdsa' || type === 'ethereum' ? 33 : 32;
  if (publicKey.length !== keyLength) {
    const idLength = type === 'ethereum' ? 20 : 32;
    return mayBeAddressOnly && publicKey.length === idLength && bytesEqual(publicKey, accountId);
  }
  const given = await keyAccountId(type, publicKey);
  return given !== undefined && bytesEqual(given, accountId);
}


// ---------------------------------------------------------------------------------------------
// What an import would do (plan), then doing it (write): one decision for `backup import` and `verify`

/**
 * What importing a file into a vault does, decided before anything is written: the report's items
 * (imported, present under which name, replaced) and the writes that carry it out. `verify` shows
 * the items; `backup import` writes them (backupPlanWrite), in the same transaction it planned in.
 */
export type ImportPlan = { format: FormatName; items: ImportItem[]; steps: PlanStep[] };

/**
 * One write of a plan. An identity is named by `ref`: its vault id (> 0), or for one the plan adds,
 * a negative number standing for it until it is written (accounts of the backup join it by that).
 */
export type PlanStep =
  | { kind: 'identity-insert'; ref: number; name: string; sealed: string; createdAt: number; failedAttempts: number; lockedUntil: number }
  | { kind: 'identity-pin'; ref: number; failedAttempts: number; lockedUntil: number }
  | { kind: 'account-insert' | 'account-replace'; row: Omit<AccountInsert, 'identityId'>; identity: number | null; createdAt: number }
  | { kind: 'address-insert'; entry: BackupPayload['addresses'][number] }
  | { kind: 'concordium-insert'; item: BackupPayload['concordium']['items'][number] }
  | { kind: 'concordium-rename'; id: number; name: string; original: string }
  | { kind: 'setting'; key: string; value: string };

/**
 * Decides what importing `contents` into `vault` does, reading the vault and writing nothing. With no
 * vault (verify before one exists) it is an empty one. Items already in the vault, or twice in the file,
 * are found present (under their current name); a watch-only account the file has the key of is replaced.
 * A Concordium export from another network than the one imported before → WrongNetworkError.
 */
export function backupPlan(vault: Vault | undefined, contents: BackupContents, options: { file?: string } = {}): ImportPlan {
  const state = planState(vault);
  if (contents.format === 'keepsake-backup') {
    const p = contents.payload;
    planIdentities(state, p.identities);
    planAccounts(state, p.accounts);
    for (const entry of p.addresses) planAddress(state, entry);
    planConcordiumItems(state, p.concordium.genesis, p.concordium.items, undefined);
  } else {
    const data = contents.data;
    const list = CONCORDIUM_COLLECTIONS.flatMap((collection) =>
      data[collection].map((o) => ({ collection, key: concordiumKey(collection, o), name: typeof o['name'] === 'string' ? o['name'] : null, original: JSON.stringify(o) })),
    );
    planConcordiumItems(state, data.genesis === undefined ? null : JSON.stringify(data.genesis), list, options.file);
    if (Object.keys(data.rest).length > 0) planSetting(state, 'concordium.rest', JSON.stringify(data.rest));
    for (const entry of data.addressBook) {
      const address = String(entry['address']);
      const name = typeof entry['name'] === 'string' ? entry['name'] : address;
      planAddress(state, { address, kind: 'concordium', name, note: typeof entry['note'] === 'string' ? entry['note'] : null, network: 'concordium', original: JSON.stringify(entry) });
    }
  }
  return { format: contents.format, items: state.items, steps: state.steps };
}

/** Carries out a plan; the caller runs it inside `vaultWrite`, in the transaction that planned it. */
export function backupPlanWrite(vault: Vault, plan: ImportPlan): void {
  const added = new Map<number, number>();
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
      case 'concordium-insert':
        concordiumItemInsert(vault, { collection: step.item.collection, itemKey: step.item.key, name: step.item.name, original: step.item.original });
        break;
      case 'concordium-rename':
        concordiumItemRename(vault, step.id, step.name, step.original);
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
  return { vault, items: [], steps: [], identities, identityRefs: new Map(), accounts: new Map(), addresses: new Map(), concordium: new Map(), settings: new Map() };
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

/** Keys by which the desktop wallet recognises duplicates: identity number/object, address, credential id. */
function concordiumKey(collection: ConcordiumCollection, o: JsonObject): string {
  const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  switch (collection) {
    case 'identities':
      return s(o['identityObject']) ?? `${s(o['walletId']) ?? ''}/${s(o['identityNumber']) ?? s(o['id']) ?? JSON.stringify(o)}`;
    case 'accounts':
      return s(o['address']) ?? JSON.stringify(o);
    case 'credentials':
    case 'externalCredentials':
      return s(o['credId']) ?? JSON.stringify(o);
    case 'wallets':
      return s(o['identifier']) ?? s(o['id']) ?? JSON.stringify(o);
  }
}

function planConcordiumItems(state: PlanState, genesis: string | null, list: BackupPayload['concordium']['items'], file: string | undefined): void {
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
    const kind: ImportKind | undefined = item.collection === 'identities' ? 'concordium-identity' : item.collection === 'accounts' ? 'concordium-account' : undefined;
    if (kind === undefined) continue;
    const address = item.collection === 'accounts' ? item.key : null;
    const name = item.name ?? address ?? 'identity';
    // A name conflict with what the vault holds is settled as the desktop wallet settles it, in its words (wallet/concordium.ts).
    const conflict = stored && concordiumNameConflict(item.collection as 'identities' | 'accounts', stored, item);
    if (stored && conflict?.rename) {
      state.steps.push({ kind: 'concordium-rename', id: stored.id, name: conflict.rename.name, original: conflict.rename.original });
      state.concordium.set(mapKey, conflict.rename.name);
    }
    const status = existing ? (conflict?.rename ? 'replaced' : 'present') : 'imported';
    state.items.push({ kind, name, address, status, presentAs: existing ? (existing.name ?? name) : null, ...(conflict ? { note: conflict.note } : {}) });
  }
}
