import { utf8, wipe } from '../crypto/bytes.js';
import type { RandomSource } from '../crypto/random.js';
import type { ScryptParams } from '../crypto/scrypt.js';
import { InvalidPathError } from '../errors/suri.js';
import { junctionsParse, pathLimitsCheck } from '../keys/junction.js';
import { PathNotFoundError, DuplicateIdentityError, IdentityNotFoundError, PinLockedError, WrongPinError } from '../errors/identity.js';
import { DuplicateAccountError } from '../errors/vault.js';
import { UsageError } from '../errors/usage.js';
import { sealedSecretOpen, sealedSecretParse, sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal, PIN_SCRYPT } from '../formats/identity-seal.js';
import { accountAddress } from '../keys/account.js';
import { ethereumDecode, ss58Decode } from '../keys/address.js';
import { pathFind, pathScan } from '../keys/find.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { mnemonicGenerate, mnemonicNormalize, mnemonicValidate, type MnemonicLength } from '../keys/mnemonic.js';
import { schemeLoad } from '../keys/scheme.js';
import { suriParse } from '../keys/suri.js';
import type { KeyPair, KeyType } from '../keys/types.js';
import { networkInfer, type NetworkInference } from '../networks/infer.js';
import { networkByName, networkList, type Network } from '../networks/networks.js';
import { accountByPublicKey, accountInsert, accountReplace, accountsByAccountId, accountsOfIdentity, type AccountRow } from '../vault/accounts.js';
import { identitiesAll, identityById, identityByName, identityInsert, identityLockUntil, identityPinFailed, identityPinSet, type IdentityRow } from '../vault/identities.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView } from './accountView.js';
import { storedKeyCheck } from './storedKey.js';
import { ETHEREUM_DEFAULT_PATH } from './create.js';
import { accountNameNetworkSet, existingKind, existingOf, nameOrNetworkDiffers, placementOf, rowRecord, type ExistingAccount } from './duplicate.js';
import { nameValidate } from './names.js';
import { networkResolve } from './network.js';
import { newSecretCheck } from './secrets.js';

/** Options tests may change: the clock and the PIN KDF cost. Real callers leave them alone. */
export type IdentityTuning = { now?: () => number; pinKdf?: ScryptParams; random?: RandomSource };

export type IdentityAccount = { address: string; name: string; path: string; network: string | null; type: KeyType; signerQr: string | null };
export type IdentitySummary = { id: number; name: string; createdAt: number; accounts: IdentityAccount[] };

/** Signer's address-export text: `substrate:<address>:<genesis hash>:<name>` (or `ethereum:<address>@1`). */
export function signerQrText(account: { address: string; type: KeyType; genesisHash: string | null; name: string }): string | null {
  if (account.type === 'ethereum') return `ethereum:${account.address}@1`;
  return account.genesisHash === null ? null : `substrate:${account.address}:${account.genesisHash}:${account.name}`;
}

/** "Create identity": a new phrase, sealed under the PIN; `onMnemonic` shows or writes it once, inside the transaction. */
export async function identityCreate(
  vault: Vault,
  options: { name: string; pin: string; words?: MnemonicLength; onMnemonic?: (mnemonic: string) => void } & IdentityTuning,
): Promise<IdentitySummary> {
  const mnemonic = mnemonicGenerate(options.words ?? 24, options.random);
  return identitySave(vault, { ...options, mnemonic });
}

/** "Recover existing identity": a name, the phrase the user kept, and a new PIN. */
export async function identityRecover(vault: Vault, options: { name: string; mnemonic: string; pin: string } & IdentityTuning): Promise<IdentitySummary> {
  mnemonicValidate(options.mnemonic);
  return identitySave(vault, { ...options, mnemonic: mnemonicNormalize(options.mnemonic) });
}

async function identitySave(
  vault: Vault,
  options: { name: string; pin: string; mnemonic: string; onMnemonic?: (mnemonic: string) => void } & IdentityTuning,
): Promise<IdentitySummary> {
  const name = nameValidate(options.name, 'identity');
  newSecretCheck(options.pin, 'PIN');
  if (identityByName(vault, name)) throw new DuplicateIdentityError({ name });
  const kdf = sealedSecretKdfNew(options.random, options.pinKdf ?? PIN_SCRYPT);
  const key = await sealedSecretDeriveKey(options.pin, kdf);
  const plaintext = utf8(options.mnemonic);
  const sealed = JSON.stringify(sealedSecretSeal(key, kdf, plaintext, options.random));
  wipe(key, plaintext);
  const id = vaultWrite(vault, () => {
    if (identityByName(vault, name)) throw new DuplicateIdentityError({ name });
    const id = identityInsert(vault, name, sealed, (options.now ?? Date.now)());
    options.onMnemonic?.(options.mnemonic);
    return id;
  });
  return summary(vault, identityById(vault, id)!);
}

/** Every identity with the accounts derived from it. */
export function identityList(vault: Vault): IdentitySummary[] {
  return identitiesAll(vault).map((row) => summary(vault, row));
}

function summary(vault: Vault, row: IdentityRow): IdentitySummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    accounts: accountsOfIdentity(vault, row.id).map((a) => identityAccount(a)),
  };
}

function identityAccount(row: AccountRow): IdentityAccount {
  const view = accountView(row);
  return {
    address: view.address,
    name: row.name,
    path: row.path ?? '',
    network: row.network,
    type: row.type,
    signerQr: signerQrText({ address: view.address, type: row.type, genesisHash: row.genesisHash, name: row.name }),
  };
}

/** The identity `query` names: its id (digits) or its exact name. */
export function identityResolve(vault: Vault, query: string): IdentityRow {
  const byName = identityByName(vault, query);
  if (byName) return byName;
  const byId = /^\d+$/.test(query) ? identityById(vault, Number(query)) : undefined;
  if (byId) return byId;
  throw new IdentityNotFoundError({ query });
}

/** Seconds to wait after `attempts` wrong PINs in a row: none for the first three, then 30 s doubling, at most an hour. */
export function pinDelaySeconds(attempts: number): number {
  return attempts <= 3 ? 0 : Math.min(3600, 30 * 2 ** (attempts - 4));
}

/**
 * Opens an identity's phrase with its PIN. Refuses while a wrong-PIN delay runs; a wrong PIN is
 * counted in the vault (the only change a failing command makes) and throws {@link WrongPinError}.
 * Returns the phrase and the PIN key (to seal a path password); the caller wipes the key.
 *
 * Every try is reserved before the KDF runs (security review #3): in one IMMEDIATE transaction the
 * row is read fresh, a running delay refuses the try ({@link PinLockedError}, not counted), and
 * otherwise the try is counted as if wrong and the delay for the new count is set. Only then does the
 * ~1 s scrypt run. So tries started at once are serialised at the reservation: a burst gets exactly
 * the tries a person typing one PIN after another gets before the first wait (three free, and the
 * fourth, which starts the delay), never the whole burst. A right PIN takes back its own try and those
 * counted before it; tries reserved while it ran stay counted (they came after it). A process killed
 * between the reservation and the check leaves its try counted as wrong: conservative, by design.
 */
export async function identityUnlock(vault: Vault, row: IdentityRow, pin: string, tuning: IdentityTuning = {}): Promise<{ phrase: string; key: Uint8Array }> {
  const now = (tuning.now ?? Date.now)();
  const reserved = vaultWrite(vault, () => {
    const fresh = identityById(vault, row.id);
    if (fresh === undefined) throw new IdentityNotFoundError({ query: row.name });
    if (fresh.lockedUntil > now) throw new PinLockedError({ identity: fresh.name, waitSeconds: Math.ceil((fresh.lockedUntil - now) / 1000) });
    // Parsed inside the transaction: a damaged row fails before any try is counted.
    const sealed = sealedSecretParse(fresh.sealed);
    const attempts = identityPinFailed(vault, row.id);
    const wait = pinDelaySeconds(attempts);
    if (wait > 0) identityLockUntil(vault, row.id, now + wait * 1000);
    return { sealed, attempts, wait, name: fresh.name };
  });
  const key = await sealedSecretDeriveKey(pin, reserved.sealed.kdf);
  const plaintext = sealedSecretOpen(key, reserved.sealed);
  if (plaintext === undefined) {
    wipe(key);
    // Already counted (and the delay already set) by the reservation.
    throw new WrongPinError({ identity: reserved.name, attempts: reserved.attempts, waitSeconds: reserved.wait });
  }
  vaultWrite(vault, () => {
    const fresh = identityById(vault, row.id);
    if (fresh === undefined) return;
    // This try and the ones counted before it are undone; any reserved since stay, with their delay.
    const left = Math.max(0, fresh.failedAttempts - reserved.attempts);
    identityPinSet(vault, row.id, left, pinDelaySeconds(left) > 0 ? fresh.lockedUntil : 0);
  });
  const phrase = new TextDecoder().decode(plaintext);
  wipe(plaintext);
  return { phrase, key };
}

/** "Show Recovery Phrase": the phrase, only after the PIN. */
export async function identityShowPhrase(vault: Vault, query: string, pin: string, tuning: IdentityTuning = {}): Promise<{ mnemonic: string }> {
  const { phrase, key } = await identityUnlock(vault, identityResolve(vault, query), pin, tuning);
  wipe(key);
  return { mnemonic: phrase };
}

export type DeriveOptions = { network?: string; path?: string; type?: KeyType; name?: string; pin: string; onDuplicate?: 'refuse' | 'update' } & IdentityTuning;

/**
 * What `identityDerive` did: `added` a new account; `updated` the name and network of the account
 * already in the vault with that key (`unchanged` when they were already so); `completed` a
 * watch-only account, which is now derived from the identity.
 */
export type DeriveStatus = 'added' | 'updated' | 'unchanged' | 'completed';

export type DeriveResult = {
  address: string;
  path: string;
  network: string | null;
  type: KeyType;
  name: string;
  signerQr: string | null;
  status: DeriveStatus;
  /** The name and network the account had, when it was already in the vault. */
  previous: { name: string; network: string | null } | null;
};

/** A derivation checked before the PIN is asked for: what to derive, and where to show it. */
export type DerivePlan = { type: KeyType; network: Network | undefined; written: string; path: string; password: string | undefined; givenName: string | undefined };

/**
 * The derivation `options` ask for, checked before the PIN is asked for. With only a network the
 * path is `//<network>` (Signer's default); `path: ''` is the root key (Polkadot{.js}'s default, for
 * ethereum the BIP-32 master key); ethereum without a path is `m/44'/60'/0'/0/0`.
 */
export function identityDerivePlan(options: Omit<DeriveOptions, 'pin'>): DerivePlan {
  const givenName = options.name?.trim() ? nameValidate(options.name, 'account') : undefined;
  const type = options.type ?? 'sr25519';
  const network = options.network === undefined ? undefined : networkResolve(options.network);
  // An ethereum path may be written as the BIP-32 tools write it (m/44'/60'/0'/0/0, m).
  const given = options.path !== undefined && type === 'ethereum' && /^m(\/|$)/.test(options.path) ? `/${options.path}` : options.path;
  const written = given ?? (type === 'ethereum' ? ETHEREUM_DEFAULT_PATH : network ? `//${network.name}` : '');
  // The path may carry a ///password: keep the public part in clear and seal the password.
  const { path, password } = splitPassword(written);
  // Check the path before the PIN is asked for, and never let it run into the phrase (a path without
  // its leading slash would be read as part of the last word, and an error could quote it).
  if (path !== '' && !path.startsWith('/')) throw new InvalidPathError({ reason: 'a path starts with // (hard) or / (soft)', spaces: /\s/.test(path) });
  if (type !== 'ethereum') junctionsParse(path);
  else pathLimitsCheck(path);
  return { type, network, written, path, password, givenName };
}

/** The account a plan derives from the identity's phrase (already opened with its PIN); the caller wipes `pair`. */
export async function identityDeriveKey(row: IdentityRow, plan: DerivePlan, phrase: string): Promise<{ pair: KeyPair; accountId: Uint8Array; address: string; name: string }> {
  const pair = await pairFromSuri(`${phrase}${plan.written}`, plan.type);
  const scheme = await schemeLoad(plan.type);
  const accountId = scheme.accountId(pair.publicKey);
  const address = accountAddress(plan.type, accountId, (plan.network ?? networkByName('substrate')!).prefix);
  const name = plan.givenName ?? `${row.name} ${plan.network ? plan.network.displayName : plan.path === '' ? 'root' : plan.path}`;
  return { pair, accountId, address, name };
}

/**
 * Derives an account from an identity and adds it to the vault (see {@link identityDerivePlan} for
 * the paths). A key already in the vault is refused, or with `onDuplicate: 'update'` the existing
 * account takes the network asked for and the name given (it keeps its own name when none is
 * given); its key stays where it is — a stored file stays, an identity account stays derived from
 * its identity — and a watch-only account becomes this identity's account.
 */
export async function identityDerive(vault: Vault, query: string, options: DeriveOptions): Promise<DeriveResult> {
  const row = identityResolve(vault, query);
  const plan = identityDerivePlan(options);
  const { phrase, key } = await identityUnlock(vault, row, options.pin, options);
  let pair: KeyPair | undefined;
  try {
    const derived = await identityDeriveKey(row, plan, phrase);
    pair = derived.pair;
    const { accountId, address } = derived;
    const { type, network, path, password } = plan;
    const sealedPassword = password === undefined ? null : JSON.stringify(sealedSecretSeal(key, sealedSecretParse(row.sealed).kdf, utf8(password), options.random));
    const publicKey = pair.publicKey;
    const place = placementOf(network);
    const result = vaultWrite(vault, (): { name: string; status: DeriveStatus; previous: DeriveResult['previous']; path: string } => {
      const existing = accountByPublicKey(vault, publicKey);
      if (existing === undefined) {
        accountInsert(vault, { publicKey, accountId, type, name: derived.name, ...place, fileJson: null, verified: true, source: 'identity', identityId: row.id, path, sealedPassword });
        return { name: derived.name, status: 'added', previous: null, path };
      }
      if (options.onDuplicate !== 'update' || existing.type !== type) {
        throw new DuplicateAccountError({ address, name: existing.name, ...(existing.type === type ? { retry: 'derive' as const } : {}) });
      }
      const previous = { name: existing.name, network: existing.network };
      const name = plan.givenName ?? existing.name;
      if (existingKind(existing) === 'watch-only') {
        // It held only the address: now it is this identity's account, with its key.
        accountReplace(vault, { ...rowRecord(existing), name, ...place, verified: true, source: 'identity', identityId: row.id, path, sealedPassword, watchJson: null });
        return { name, status: 'completed', previous, path };
      }
      if (!nameOrNetworkDiffers(existing, name, place)) return { name, status: 'unchanged', previous, path: existing.path ?? path };
      accountNameNetworkSet(vault, existing, name, place);
      return { name, status: 'updated', previous, path: existing.identityId !== null ? (existing.path ?? path) : path };
    });
    const shown = accountAddress(type, accountId, place.ss58Prefix);
    return { address: shown, path: result.path, network: place.network, type, name: result.name, signerQr: signerQrText({ address: shown, type, genesisHash: place.genesisHash, name: result.name }), status: result.status, previous: result.previous };
  } finally {
    wipe(key);
    if (pair) wipe(pair.secretKey);
  }
}

/**
 * The key pair of an identity account (for export), after the identity's PIN. The derived key must
 * be the one the row records ({@link storedKeyCheck}): a path edited in the vault, or an account a
 * backup attached to this identity, is refused here, the first time the PIN can tell.
 */
export async function identityAccountPair(vault: Vault, account: AccountRow, pin: string, tuning: IdentityTuning = {}): Promise<KeyPair> {
  const row = identityById(vault, account.identityId!)!;
  const unlocked = await identityUnlock(vault, row, pin, tuning);
  try {
    return await identityAccountDerive(account, unlocked);
  } finally {
    wipe(unlocked.key);
  }
}

/**
 * {@link identityAccountPair} from a phrase already opened by {@link identityUnlock}: several
 * accounts of one identity need its PIN once (an export of all of them). Checked like it.
 */
export async function identityAccountDerive(account: AccountRow, unlocked: { phrase: string; key: Uint8Array }): Promise<KeyPair> {
  let pair: KeyPair | undefined;
  try {
    let password = '';
    if (account.sealedPassword !== null) {
      const opened = sealedSecretOpen(unlocked.key, sealedSecretParse(account.sealedPassword));
      if (opened === undefined) throw new UsageError({ reason: 'The sealed path password of this account does not open with the identity PIN.' });
      password = `///${new TextDecoder().decode(opened)}`;
      wipe(opened);
    }
    pair = await pairFromSuri(`${unlocked.phrase}${account.path ?? ''}${password}`, account.type);
    await storedKeyCheck(account, pair);
    return pair;
  } catch (err) {
    if (pair) wipe(pair.secretKey);
    throw err;
  }
}

/** Where `identity find` puts the account: the network its address's SS58 prefix points to. */
export type FindNetwork = {
  /** The network picked for the address typed (null for an Ethereum address, or a prefix no known network uses). */
  network: string | null;
  /** The SS58 prefix of the address typed (null for an Ethereum address). */
  prefix: number | null;
  /** Why that network: the only one with the prefix, named by the path, the registry's owner of a shared prefix. */
  networkReason: NetworkInference['reason'] | 'ethereum';
  /** The other networks that show the same address (they share its prefix). */
  sharedWith: string[];
};

export type FindResult = { path: string; type: KeyType; tried: number; existing: ExistingAccount | null } & FindNetwork;

/**
 * "Which path gives this address?" — tries the key types and the paths people use (root, every
 * known network's `//<network>`, `//<network>//<n>`, `//<n>`, BIP-44 indices and the BIP-32 master)
 * and names the match, with the network whose format the address was typed in (so deriving with it
 * shows exactly that address) and the account already in the vault with that key, if any.
 */
export async function identityFind(vault: Vault, query: string, address: string, pin: string, tuning: IdentityTuning = {}): Promise<FindResult> {
  const row = identityResolve(vault, query);
  const decoded = address.startsWith('0x') ? undefined : ss58Decode(address);
  const target = decoded === undefined ? { accountId: ethereumDecode(address), ethereum: true } : { accountId: decoded.publicKey, ethereum: false };
  const { phrase, key } = await identityUnlock(vault, row, pin, tuning);
  wipe(key);
  const networks = [...new Set(networkList().map((n) => n.name))];
  const found = await pathFind(phrase, target, networks);
  if (found.path === null) throw new PathNotFoundError({ address, tried: found.tried });
  const inVault = accountsByAccountId(vault, target.accountId).find((a) => a.type === found.type);
  return { path: found.path, type: found.type, tried: found.tried, ...findNetwork(decoded?.prefix, found.path), existing: inVault === undefined ? null : existingOf(inVault) };
}

function findNetwork(prefix: number | undefined, path: string): FindNetwork {
  if (prefix === undefined) return { network: null, prefix: null, networkReason: 'ethereum', sharedWith: [] };
  const inferred = networkInfer(prefix, { path });
  const network = inferred.network?.name ?? null;
  return { network, prefix, networkReason: inferred.reason, sharedWith: inferred.sharing.map((n) => n.name).filter((n) => n !== network) };
}

function splitPassword(written: string): { path: string; password: string | undefined } {
  const marker = written.indexOf('///');
  if (marker === -1) return { path: written, password: undefined };
  // Validate the whole thing as a SURI on a dummy phrase so a malformed path fails before the PIN is asked.
  suriParse(`word${written}`);
  return { path: written.slice(0, marker), password: written.slice(marker + 3) };
}

/**
 * "Recover without a backup file": the first `count` accounts of each common path family on a
 * network, marked when the vault already has them. Nothing is changed.
 */
export async function identityScan(
  vault: Vault,
  query: string,
  options: { network: string; count?: number; pin: string } & IdentityTuning,
): Promise<{ family: string; path: string; type: KeyType; address: string; inVault: boolean }[]> {
  const row = identityResolve(vault, query);
  const network = networkResolve(options.network);
  const count = options.count ?? 5;
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new UsageError({ reason: 'The number of indexes to try on each path is a whole number from 1 to 100.' });
  const { phrase, key } = await identityUnlock(vault, row, options.pin, options);
  wipe(key);
  const entries = await pathScan(phrase, network.name, count);
  // Any account with that key counts, also one restored from a file or added from the phrase.
  return entries.map((e) => ({
    family: e.family,
    path: e.path,
    type: e.type,
    address: accountAddress(e.type, e.accountId, network.prefix),
    inVault: accountsByAccountId(vault, e.accountId).some((a) => a.type === e.type),
  }));
}

// ---- Rename and remove (issue 12 item 13) ----
// Imported here, beside the code that uses them, so this block stays one self-contained addition.
import { accountDelete } from '../vault/accounts.js';
import { identityDelete, identityNameSet } from '../vault/identities.js';
import { vaultCheckpoint } from '../vault/open.js';

/** The identity `query` names, with the accounts derived from it (what removing it would take along). */
export function identityShow(vault: Vault, query: string): IdentitySummary {
  return summary(vault, identityResolve(vault, query));
}

/**
 * Renames an identity. Its accounts keep their own names (a default name such as "Phone Polkadot
 * Relay Chain" is only a starting point, and the user may have changed it since).
 *
 * @example
 * identityRename(vault, 'Phone', 'Old phone')
 */
export function identityRename(vault: Vault, query: string, name: string): IdentitySummary {
  const newName = nameValidate(name, 'identity');
  const id = vaultWrite(vault, () => {
    const row = identityResolve(vault, query);
    const taken = identityByName(vault, newName);
    if (taken !== undefined && taken.id !== row.id) throw new DuplicateIdentityError({ name: newName });
    identityNameSet(vault, row.id, newName);
    return row.id;
  });
  return summary(vault, identityById(vault, id)!);
}

/**
 * Removes an identity and every account derived from it, in one transaction. Those accounts have no
 * key of their own (each is the phrase plus a path), so without the identity they could neither sign
 * nor be exported: they go with it, and the caller lists them in its confirmation first (see
 * {@link identityShow}). keepsake cannot know whether the user kept the phrase on paper or in a
 * backup file, so the caller must warn and ask. The sealed phrase is zeroed in the vault file
 * (`secure_delete`) and the WAL that still held it is truncated, as for a removed account.
 *
 * @example
 * identityRemove(vault, 'Phone') // → { id: 1, name: 'Phone', accounts: [ …the removed accounts ] }
 */
export function identityRemove(vault: Vault, query: string): IdentitySummary {
  const removed = vaultWrite(vault, () => {
    const row = identityResolve(vault, query);
    const before = summary(vault, row);
    for (const account of accountsOfIdentity(vault, row.id)) accountDelete(vault, account.id);
    identityDelete(vault, row.id);
    return before;
  });
  vaultCheckpoint(vault);
  return removed;
}
