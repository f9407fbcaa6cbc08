import { bytesToHex, utf8, wipe } from '../../crypto/bytes.js';
import { CorruptFileError } from '../../errors/file.js';
import { concordiumDesktopWrite, type ConcordiumExport } from '../../formats/concordium/desktop.js';
import type { ConcordiumItemCollection } from '../../formats/concordium/sealed.js';
import { sealedSecretOpen, sealedSecretParse, sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal } from '../../formats/identity-seal.js';
import { base64Encode, jsonParse, type JsonObject } from '../../formats/json.js';
import { keepsakeBackupWrite } from '../../formats/keepsake-backup.js';
import { accountsAll, type AccountRow } from '../../vault/accounts.js';
import { addressesAll } from '../../vault/addresses.js';
import { concordiumItems, concordiumSeals } from '../../vault/concordiumItems.js';
import { settingGet } from '../../vault/settings.js';
import { identitiesAll, identityById } from '../../vault/identities.js';
import type { Vault } from '../../vault/open.js';
import { concordiumCounts, concordiumExportCheck, concordiumObjects, type ConcordiumPasswordAsk } from '../concordium.js';
import { rekeyFiles } from '../rekey.js';
import { accountCover, identityCover } from '../backupCover.js';
import type { BackupCover } from '../../vault/backupRecords.js';
import { identityUnlock } from '../identity/unlock.js';
import { newSecretCheck } from '../secrets.js';

export type BackupExportOptions = {
  format?: 'keepsake' | 'concordium-desktop' | 'nova';
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
  /**
   * Concordium Desktop format: passwords that may open the sealed Concordium data (the passwords of
   * the files it came from). The new file's password is tried first, then these, then `concordiumPasswordAsk`.
   */
  concordiumPasswords?: readonly string[];
  concordiumPasswordAsk?: ConcordiumPasswordAsk;
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
  /**
   * What the file backs up (recorded by backup health): every account and identity of a keepsake
   * backup, identities named by the seal the vault holds (a re-keyed copy is the same identity);
   * nothing for a Concordium Desktop export (it holds no keepsake account or identity).
   */
  covers: BackupCover[];
  /** Nova's format: what it could not hold, one sentence each (wallet/backup/novaExport.ts). */
  notes?: string[];
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
  if (options.format === 'concordium-desktop') return concordiumExport(vault, password, options);
  if (options.format === 'nova') return (await import('./novaExport.js')).backupExportNova(vault, password, options);
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
    const concordium = concordiumPayload(vault);
    const payload = {
      // Version 2 when it carries what version 1 cannot: sealed Concordium items or the export's unknown fields.
      version: concordium.items.some((i) => i['sealed'] !== undefined || i['collection'] === 'rest') ? 2 : 1,
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
      addresses: addressesAll(vault).map((a) => ({
        address: a.address,
        kind: a.kind,
        name: a.name,
        note: a.note,
        network: a.network,
        original: a.original === null ? null : jsonParse(a.original),
      })),
      concordium,
    };
    const json = await keepsakeBackupWrite(payload, password);
    return {
      json: JSON.stringify(json),
      counts: { identities: identities.length, accounts: accounts.length, addresses: payload.addresses.length, ...concordiumCountsPresent(vault) },
      rekeyed: { identities: identities.filter((i) => resealed.has(i.id)).map((i) => i.name), keptPin },
      covers: [...accounts.map((a) => accountCover(a.publicKey)), ...identities.flatMap((i) => identityCover(i.sealed) ?? [])],
    };
  } finally {
    for (const r of resealed.values()) wipe(r.oldKey, r.newKey);
  }
}

/**
 * The vault's Concordium data as a keepsake backup carries it: sealed items stay sealed under their
 * seals (the backup password is one more lock around them), with the seals' KDFs; readable ones (from
 * before seals existed) are readable inside the backup, and sealed by the import.
 */
function concordiumPayload(vault: Vault): { genesis: unknown; seals: JsonObject[]; items: JsonObject[] } {
  const rows = concordiumItems(vault);
  const used = new Set(rows.map((r) => r.sealId));
  return {
    genesis: jsonOrNull(settingGet(vault, 'concordium.genesis')),
    seals: concordiumSeals(vault)
      .filter((x) => used.has(x.id))
      .map((x) => ({ ref: x.id, kdf: x.kdf, source: x.source, createdAt: x.createdAt })),
    items: rows.map(({ id: _id, sealId, sealed, original, ...listing }) => ({
      ...listing,
      ...(original !== null ? { original: jsonParse(original) } : { sealed: { seal: sealId, box: base64Encode(sealed!) } }),
    })),
  };
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

async function concordiumExport(vault: Vault, password: string, options: BackupExportOptions): Promise<BackupExportResult> {
  concordiumExportCheck(vault);
  const items = await concordiumObjects(vault, [password, ...(options.concordiumPasswords ?? [])], options.concordiumPasswordAsk);
  const of = (c: ConcordiumItemCollection) => items.filter((i) => i.row.collection === c).map((i) => i.o);
  const addressBook = addressesAll(vault)
    .filter((a) => a.kind === 'concordium')
    .map((a) =>
      a.original === null ? { name: a.name, address: a.address, note: a.note ?? undefined, readOnly: false } : (jsonParse(a.original) as JsonObject),
    );
  const data: ConcordiumExport = {
    identities: of('identities'),
    accounts: of('accounts'),
    addressBook,
    credentials: of('credentials'),
    externalCredentials: of('externalCredentials'),
    wallets: of('wallets'),
    genesis: (jsonOrNull(settingGet(vault, 'concordium.genesis')) as JsonObject | null) ?? undefined,
    rest: of('rest')[0] ?? {},
  };
  const json = await concordiumDesktopWrite(data, password);
  return {
    json: JSON.stringify(json),
    counts: { identities: data.identities.length, accounts: data.accounts.length, addresses: addressBook.length },
    rekeyed: { identities: [], keptPin: [] },
    covers: [],
  };
}
