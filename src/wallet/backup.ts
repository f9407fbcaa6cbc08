import { bytesEqual, bytesToHex, hexToBytes, isHex, utf8, wipe } from '../crypto/bytes.js';
import { WrongNetworkError } from '../errors/concordium.js';
import { CorruptFileError, FormatNotSupportedError } from '../errors/file.js';
import { UsageError } from '../errors/usage.js';
import { CONCORDIUM_COLLECTIONS, concordiumDesktopOpen, concordiumDesktopWrite, type ConcordiumCollection, type ConcordiumExport } from '../formats/concordium/desktop.js';
import { formatDetect, FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import { openWithKey, sealedFingerprint, sealedParse, sealKdfNew, sealKeyDerive, sealWithKey } from '../formats/identity-seal.js';
import { isObject, jsonParse, type JsonObject } from '../formats/json.js';
import { keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupWrite } from '../formats/keepsake-backup.js';
import { fileAddressDecode, type FileAddress } from '../formats/polkadot-js/address.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { isKeyType, type KeyType } from '../keys/types.js';
import { accountAddress } from '../keys/account.js';
import { accountByPublicKey, accountInsert, accountReplace, accountsAll, type AccountInsert, type AccountRow } from '../vault/accounts.js';
import { addressByText, addressesAll, addressInsert, concordiumItemByKey, concordiumItemInsert, concordiumItems, settingGet, settingSet } from '../vault/addresses.js';
import { identitiesAll, identityById, identityByName, identityInsert, identityPinSet } from '../vault/identities.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView } from './accountView.js';
import { addressParse } from './addressParse.js';
import { relock } from './export.js';
import { identityUnlock, pinDelaySeconds } from './identity.js';
import { fileNamesCheck } from './names.js';
import { newSecretCheck } from './secrets.js';
import { keyAccountId } from './storedKey.js';

export type ImportKind = 'identity' | 'account' | 'address' | 'concordium-identity' | 'concordium-account';
export type ImportItem = { kind: ImportKind; name: string; address: string | null; status: 'imported' | 'present' | 'replaced'; presentAs: string | null };
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
  /** Re-lock every account with the backup password and re-seal every identity under it (asks each secret). */
  rekey?: boolean;
  passwordFor?: (account: { address: string; name: string }) => Promise<string>;
  pinFor?: (identity: { name: string }) => Promise<string>;
};

/**
 * The whole vault in one password-protected file: keepsake's own format (identities still sealed
 * under their PINs, accounts still locked with their passwords, the address book) or the Concordium
 * Desktop Wallet's export format (what keepsake holds of Concordium data).
 */
export async function backupExport(vault: Vault, password: string, options: BackupExportOptions = {}): Promise<{ json: string; counts: { identities: number; accounts: number; addresses: number } }> {
  newSecretCheck(password, 'backup password');
  if (options.format === 'concordium-desktop') return concordiumExport(vault, password);
  const identities = identitiesAll(vault);
  const accounts = accountsAll(vault);
  const resealed = new Map<number, Reseal>();
  try {
    if (options.rekey) {
      // New lock for each identity: its phrase (and path passwords) sealed under the backup password.
      for (const identity of identities) {
        const pin = await options.pinFor!({ name: identity.name });
        const { phrase, key } = await identityUnlock(vault, identity, pin);
        const kdf = sealKdfNew();
        const newKey = await sealKeyDerive(password, kdf);
        const sealed = JSON.stringify(sealWithKey(newKey, kdf, utf8(phrase)));
        resealed.set(identity.id, { sealed, oldKey: key, newKey, kdf });
      }
    }
    const accountEntries: JsonObject[] = [];
    for (const row of accounts) {
      let fileJson = row.fileJson;
      let sealedPassword = row.sealedPassword;
      if (options.rekey && fileJson !== null) {
        fileJson = await relock(row, await options.passwordFor!({ address: accountView(row).address, name: row.name }), password, 'default');
      }
      if (options.rekey && sealedPassword !== null && row.identityId !== null) {
        sealedPassword = resealPathPassword(sealedPassword, resealed.get(row.identityId)!);
      }
      accountEntries.push(accountToJson(row, fileJson, sealedPassword));
    }
    const payload = {
      version: 1,
      // The wrong-PIN count and delay go along (read now: a rekey's right PIN has just reset them), so a
      // restored identity does not start with fresh tries.
      identities: identities.map((i) => {
        const current = identityById(vault, i.id) ?? i;
        return { name: i.name, sealed: jsonParse(resealed.get(i.id)?.sealed ?? i.sealed), createdAt: i.createdAt, failedAttempts: current.failedAttempts, lockedUntil: current.lockedUntil };
      }),
      accounts: accountEntries,
      addresses: addressesAll(vault).map((a) => ({ address: a.address, kind: a.kind, name: a.name, note: a.note, network: a.network, original: a.original === null ? null : jsonParse(a.original) })),
      concordium: {
        genesis: jsonOrNull(settingGet(vault, 'concordium.genesis')),
        items: concordiumItems(vault).map((c) => ({ collection: c.collection, key: c.itemKey, name: c.name, original: jsonParse(c.original) })),
      },
    };
    const json = await keepsakeBackupWrite(payload, password);
    return { json: JSON.stringify(json), counts: { identities: identities.length, accounts: accounts.length, addresses: payload.addresses.length } };
  } finally {
    for (const r of resealed.values()) wipe(r.oldKey, r.newKey);
  }
}

type Reseal = { sealed: string; oldKey: Uint8Array; newKey: Uint8Array; kdf: ReturnType<typeof sealKdfNew> };

/** A path's ///password, moved from the identity's old PIN lock to the backup password's. */
function resealPathPassword(sealedPassword: string, r: Reseal): string {
  const plain = openWithKey(r.oldKey, sealedParse(sealedPassword));
  if (plain === undefined) throw new CorruptFileError({ reason: "an account's sealed path password does not open with its identity's PIN" });
  const out = JSON.stringify(sealWithKey(r.newKey, r.kdf, plain));
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

async function concordiumExport(vault: Vault, password: string): Promise<{ json: string; counts: { identities: number; accounts: number; addresses: number } }> {
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
  return { json: JSON.stringify(json), counts: { identities: data.identities.length, accounts: data.accounts.length, addresses: addressBook.length } };
}

// ---------------------------------------------------------------------------------------------
// Import

/**
 * Imports a keepsake backup or a Concordium Desktop Wallet export, all or nothing, and says for every
 * identity, account and address whether it was imported, already present (and under which name), or replaced.
 */
export async function backupImport(vault: Vault, text: string, password: string, options: { file?: string } = {}): Promise<ImportReport> {
  const detected = formatDetect(text, options.file);
  const where = options.file === undefined ? {} : { file: options.file };
  let items: ImportItem[];
  switch (detected.format) {
    case 'keepsake-backup': {
      const payload = await keepsakeBackupOpen(keepsakeBackupParse(detected.json, options.file), password, where);
      const checked = validatePayload(payload, options.file);
      await accountKeysCheck(checked, options.file);
      items = importKeepsake(vault, checked);
      break;
    }
    case 'concordium-desktop':
    case 'concordium-mobile': {
      const data = await concordiumDesktopOpen(detected.json, password, where);
      items = importConcordium(vault, data, options.file);
      break;
    }
    default:
      throw new FormatNotSupportedError({ ...where, label: FORMAT_LABELS[detected.format], wanted: 'wallet' });
  }
  return {
    format: detected.format,
    items,
    restored: items.filter((i) => i.status !== 'present').map((i) => ({ address: i.address, name: i.name, kind: i.kind })),
    skipped: items.filter((i) => i.status === 'present').map((i) => ({ address: i.address, name: i.name, kind: i.kind, reason: `already present as "${i.presentAs}"` })),
    failed: [],
  };
}

type Payload = {
  identities: { name: string; sealed: string; fingerprint: string; createdAt: number; failedAttempts: number; lockedUntil: number }[];
  accounts: (AccountInsert & { identity: string | null; createdAt: number })[];
  addresses: { address: string; kind: 'ss58' | 'ethereum' | 'concordium'; name: string; note: string | null; network: string | null; original: string | null }[];
  concordium: { genesis: string | null; items: { collection: ConcordiumCollection; key: string; name: string | null; original: string }[] };
};

/** Checks every field of a decrypted backup before anything is written (all or nothing). */
function validatePayload(p: JsonObject, file: string | undefined): Payload {
  const bad = (reason: string) => new CorruptFileError({ ...(file === undefined ? {} : { file }), reason });
  if (p['version'] !== 1) throw bad('its content version is not 1');
  const arr = (v: unknown, name: string): JsonObject[] => {
    if (!Array.isArray(v) || !v.every(isObject)) throw bad(`"${name}" is not a list of objects`);
    return v;
  };
  const str = (v: unknown, name: string): string => {
    if (typeof v !== 'string') throw bad(`${name} is not text`);
    return v;
  };
  const strOrNull = (v: unknown, name: string): string | null => (v === null || v === undefined ? null : str(v, name));
  /** A whole number, or the fallback when absent; a fraction or another type is damage (the vault stores integers). */
  const int = (v: unknown, name: string, fallback: number): number => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw bad(`${name} is not a whole number`);
    return v;
  };
  const count = (v: unknown, name: string): number => {
    const n = int(v, name, 0);
    if (n < 0) throw bad(`${name} is negative`);
    return n;
  };
  const identities = arr(p['identities'], 'identities').map((i) => {
    if (!isObject(i['sealed'])) throw bad('an identity has no sealed phrase');
    const sealed = JSON.stringify(i['sealed']);
    const fingerprint = sealedFingerprint(sealedParse(sealed));
    if (fingerprint === undefined) throw bad('an identity has a damaged sealed phrase');
    return {
      name: str(i['name'], 'an identity name'),
      sealed,
      fingerprint,
      createdAt: int(i['createdAt'], "an identity's creation time", Date.now()),
      // Absent in backups written before they were carried: then the vault's own count decides.
      failedAttempts: count(i['failedAttempts'], "an identity's wrong-PIN count"),
      lockedUntil: count(i['lockedUntil'], "an identity's wrong-PIN delay"),
    };
  });
  const names = new Set(identities.map((i) => i.name));
  // Accounts name their identity: two of the same name would leave it open which one an account joins.
  if (names.size !== identities.length) throw bad('two identities have the same name');
  const accounts = arr(p['accounts'], 'accounts').map((a) => {
    const type = a['type'];
    if (!isKeyType(type)) throw bad('an account has an unknown key type');
    const publicKey = str(a['publicKey'], 'an account public key');
    const accountId = str(a['accountId'], 'an account id');
    if (!isHex(publicKey) || !isHex(accountId)) throw bad('an account key is not hex');
    const file = a['file'] === null || a['file'] === undefined ? null : JSON.stringify(a['file']);
    if (file !== null && polkadotJsParse(JSON.parse(file)).kind !== 'single') throw bad('an account file is not a single-account file');
    const identity = strOrNull(a['identity'], 'an account identity');
    if (identity !== null && !names.has(identity)) throw bad(`an account refers to an identity "${identity.slice(0, 40)}" the backup does not hold`);
    const sealedPassword = a['sealedPassword'] === null || a['sealedPassword'] === undefined ? null : JSON.stringify(a['sealedPassword']);
    if (sealedPassword !== null) sealedParse(sealedPassword);
    return {
      publicKey: hexToBytes(publicKey),
      accountId: hexToBytes(accountId),
      type,
      name: str(a['name'], 'an account name'),
      network: strOrNull(a['network'], 'an account network'),
      ss58Prefix: int(a['ss58Prefix'], "an account's network prefix", 42),
      genesisHash: strOrNull(a['genesisHash'], 'an account genesis hash'),
      fileJson: file,
      verified: a['verified'] !== false,
      source: typeof a['source'] === 'string' ? a['source'] : 'backup',
      identity,
      path: strOrNull(a['path'], 'an account path'),
      sealedPassword,
      watchJson: isObject(a['watch']) ? JSON.stringify(a['watch']) : null,
      createdAt: int(a['createdAt'], "an account's creation time", Date.now()),
    };
  });
  const addresses = arr(p['addresses'], 'addresses').map((a) => {
    // Entries that came from a Concordium export are kept as that wallet wrote them (lossless round trip).
    const original = a['original'] === null || a['original'] === undefined ? null : JSON.stringify(a['original']);
    const parsed = a['kind'] === 'concordium' && original !== null ? { address: str(a['address'], 'an address'), kind: 'concordium' as const, network: 'concordium' } : addressParse(str(a['address'], 'an address'));
    return {
      address: parsed.address,
      kind: parsed.kind,
      name: str(a['name'], 'an address name'),
      note: strOrNull(a['note'], 'an address note'),
      network: strOrNull(a['network'], 'an address network') ?? parsed.network,
      original,
    };
  });
  const c = isObject(p['concordium']) ? p['concordium'] : {};
  const concordium = {
    genesis: c['genesis'] === null || c['genesis'] === undefined ? null : JSON.stringify(c['genesis']),
    items: (c['items'] === undefined ? [] : arr(c['items'], 'concordium.items')).map((i) => {
      const collection = i['collection'];
      if (!(CONCORDIUM_COLLECTIONS as readonly unknown[]).includes(collection)) throw bad('a Concordium item has an unknown collection');
      if (!isObject(i['original'])) throw bad('a Concordium item has no original entry');
      return { collection: collection as ConcordiumCollection, key: str(i['key'], 'a Concordium item key'), name: strOrNull(i['name'], 'a Concordium item name'), original: JSON.stringify(i['original']) };
    }),
  };
  fileNamesCheck(file, [
    ...identities.map((x, i) => ({ item: `identity ${i + 1}`, name: x.name })),
    ...accounts.map((x, i) => ({ item: `account ${i + 1}`, name: x.name })),
    ...addresses.map((x, i) => ({ item: `address-book entry ${i + 1}`, name: x.name })),
    ...concordium.items.map((x, i) => ({ item: `Concordium item ${i + 1}`, name: x.name })),
  ]);
  return { identities, accounts, addresses, concordium };
}

/**
 * The checks an import can make without any password or PIN, before anything is written (security
 * review #7): every account's id follows from its public key for its key type, and a stored key file
 * names that account and key type. A mismatch refuses the whole backup, naming the account. (An
 * identity account's path is checked against its key when its PIN is first given: identityAccountPair.)
 */
async function accountKeysCheck(p: Payload, file: string | undefined): Promise<void> {
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

function importKeepsake(vault: Vault, p: Payload): ImportItem[] {
  return vaultWrite(vault, () => {
    const items: ImportItem[] = [];
    const identityIds = new Map<string, number>();
    const now = Date.now();
    for (const identity of p.identities) {
      // The same identity is recognised only by its sealed bytes (salt, nonce, ciphertext): the same
      // phrase under the same PIN. Never by an account the backup says belongs to it (a public key
      // is public: a crafted backup could attach any address to an identity already in the vault).
      const present = identitiesAll(vault).find((i) => sealedFingerprintOf(i.sealed) === identity.fingerprint);
      // The higher wrong-PIN count and the later delay win (a backup never brings fresh tries), but a
      // backup sets no delay longer than the longest a wrong PIN can cause (an hour from now).
      const failedAttempts = identity.failedAttempts;
      const lockedUntil = Math.min(identity.lockedUntil, now + pinDelaySeconds(Number.MAX_SAFE_INTEGER) * 1000);
      if (present) {
        identityIds.set(identity.name, present.id);
        if (failedAttempts > present.failedAttempts || lockedUntil > present.lockedUntil) {
          identityPinSet(vault, present.id, Math.max(failedAttempts, present.failedAttempts), Math.max(lockedUntil, present.lockedUntil));
        }
        items.push({ kind: 'identity', name: identity.name, address: null, status: 'present', presentAs: present.name });
        continue;
      }
      let name = identity.name;
      for (let n = 2; identityByName(vault, name); n++) name = `${identity.name} (${n})`;
      const id = identityInsert(vault, name, identity.sealed, identity.createdAt);
      if (failedAttempts > 0 || lockedUntil > 0) identityPinSet(vault, id, failedAttempts, lockedUntil);
      identityIds.set(identity.name, id);
      items.push({ kind: 'identity', name, address: null, status: 'imported', presentAs: null });
    }
    for (const a of p.accounts) {
      const { identity, createdAt, ...account } = a;
      const row: AccountInsert = { ...account, identityId: identity === null ? null : identityIds.get(identity)! };
      const address = accountAddress(row.type, row.accountId, row.ss58Prefix);
      const existing = accountByPublicKey(vault, a.publicKey);
      if (existing === undefined) {
        accountInsert(vault, row, createdAt);
        items.push({ kind: 'account', name: a.name, address, status: 'imported', presentAs: null });
      } else if (existing.fileJson === null && existing.identityId === null && (row.fileJson !== null || row.identityId !== null)) {
        // A watch-only entry gains its key.
        accountReplace(vault, row);
        items.push({ kind: 'account', name: a.name, address, status: 'replaced', presentAs: existing.name });
      } else {
        items.push({ kind: 'account', name: a.name, address, status: 'present', presentAs: existing.name });
      }
    }
    for (const entry of p.addresses) importAddress(vault, entry, items);
    importConcordiumItems(vault, p.concordium.genesis, p.concordium.items, items, undefined);
    return items;
  });
}

function sealedFingerprintOf(text: string): string | undefined {
  try {
    return sealedFingerprint(sealedParse(text));
  } catch {
    return undefined;
  }
}

function importAddress(vault: Vault, entry: Payload['addresses'][number], items: ImportItem[]): void {
  const existing = addressByText(vault, entry.address);
  if (existing) items.push({ kind: 'address', name: entry.name, address: entry.address, status: 'present', presentAs: existing.name });
  else {
    addressInsert(vault, entry);
    items.push({ kind: 'address', name: entry.name, address: entry.address, status: 'imported', presentAs: null });
  }
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

function importConcordium(vault: Vault, data: ConcordiumExport, file: string | undefined): ImportItem[] {
  // Items named as the file's own lists name them (entry 3 of "addressBook").
  fileNamesCheck(file, [...CONCORDIUM_COLLECTIONS, 'addressBook' as const].flatMap((c) => data[c].map((o, i) => ({ item: `entry ${i + 1} of "${c}"`, name: o['name'] }))));
  const items: ImportItem[] = [];
  const list = CONCORDIUM_COLLECTIONS.flatMap((collection) =>
    data[collection].map((o) => ({
      collection,
      key: concordiumKey(collection, o),
      name: typeof o['name'] === 'string' ? o['name'] : null,
      original: JSON.stringify(o),
    })),
  );
  return vaultWrite(vault, () => {
    importConcordiumItems(vault, data.genesis === undefined ? null : JSON.stringify(data.genesis), list, items, file);
    if (Object.keys(data.rest).length > 0 && settingGet(vault, 'concordium.rest') === undefined) settingSet(vault, 'concordium.rest', JSON.stringify(data.rest));
    for (const entry of data.addressBook) {
      const address = String(entry['address']);
      importAddress(
        vault,
        {
          address,
          kind: 'concordium',
          name: typeof entry['name'] === 'string' ? entry['name'] : address,
          note: typeof entry['note'] === 'string' ? entry['note'] : null,
          network: 'concordium',
          original: JSON.stringify(entry),
        },
        items,
      );
    }
    return items;
  });
}

function importConcordiumItems(vault: Vault, genesis: string | null, list: Payload['concordium']['items'], items: ImportItem[], file: string | undefined): void {
  if (genesis !== null) {
    const current = settingGet(vault, 'concordium.genesis');
    const block = (g: string) => (jsonParse(g) as JsonObject)['genesisBlock'] ?? g;
    if (current !== undefined && JSON.stringify(block(current)) !== JSON.stringify(block(genesis))) throw new WrongNetworkError({ file });
    if (current === undefined) settingSet(vault, 'concordium.genesis', genesis);
  }
  for (const item of list) {
    const existing = concordiumItemByKey(vault, item.collection, item.key);
    const kind: ImportKind | undefined = item.collection === 'identities' ? 'concordium-identity' : item.collection === 'accounts' ? 'concordium-account' : undefined;
    if (existing === undefined) concordiumItemInsert(vault, { collection: item.collection, itemKey: item.key, name: item.name, original: item.original });
    if (kind === undefined) continue;
    const address = item.collection === 'accounts' ? item.key : null;
    const name = item.name ?? address ?? 'identity';
    items.push({ kind, name, address, status: existing ? 'present' : 'imported', presentAs: existing ? (existing.name ?? name) : null });
  }
}

