import { InvalidSuriError } from '../errors/suri.js';
import { wipe } from '../crypto/bytes.js';
import type { RandomSource } from '../crypto/random.js';
import { InvalidPathError } from '../errors/suri.js';
import { DuplicateAccountError } from '../errors/vault.js';
import { UsageError } from '../errors/usage.js';
import { isObject } from '../formats/json.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import { kdfParams } from '../formats/polkadot-js/kdf.js';
import { accountAddress } from '../keys/account.js';
import { mnemonicGenerate, mnemonicLooksLike, type MnemonicLength } from '../keys/mnemonic.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { schemeLoad } from '../keys/scheme.js';
import { suriParse } from '../keys/suri.js';
import type { KeyPair, KeyType } from '../keys/types.js';
import type { Network } from '../networks/networks.js';
import { accountByPublicKey, accountInsert, accountReplace, type AccountInsert, type AccountRow } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { accountView, type AccountView } from './accountView.js';
import { accountNameNetworkSet, existingKind, nameOrNetworkDiffers, placementOf, rowRecord, type OnDuplicate } from './duplicate.js';
import { nameValidate } from './names.js';
import { networkResolve } from './network.js';
import { storedKeyCheck } from './storedKey.js';
import { newSecretCheck } from './secrets.js';
import { ETHEREUM_DEFAULT_PATH } from './common.js';

export type AddAccountOptions = {
  name: string;
  /** Mnemonic or 0x seed, with an optional derivation path and ///password. */
  suri: string;
  /**
   * A derivation path given apart from the SURI (which must then have none). For ethereum, `m`
   * (or `''`) asks for the BIP-32 master key; without any path a phrase gives `m/44'/60'/0'/0/0`.
   */
  path?: string;
  type?: KeyType;
  network?: string;
  /** The new account's password; not needed when only the name and network of an existing account change. */
  password?: string;
  kdf?: 'default' | 'compat';
  /** What to do when the key is already in the vault (see {@link OnDuplicate}); `refuse` by default. */
  onDuplicate?: OnDuplicate;
  /**
   * A secret key given as it is, in keepsake's layout for `type` (a Polkadot Vault "Export private key"
   * text of an sr25519 key with a soft junction: wallet/vaultText.ts); `suri` is then not read. Not wiped here.
   */
  secretKey?: Uint8Array;
  /** Receives the backup file inside the vault transaction; if it throws, nothing is saved. Not called when no file is stored (an identity account updated). */
  onBackup?: (json: string) => void;
};

/**
 * What `accountAdd` did: `added` a new account; `updated` the name and network of the one already in
 * the vault; `relocked` that and its stored file under the new password; `completed` a watch-only
 * account that now holds its key. `previous` is the name and network it had.
 */
export type AddStatus = 'added' | 'updated' | 'relocked' | 'completed';

export type AddResult = { account: AccountView; json: string | null; status: AddStatus; previous: { name: string; network: string | null } | null };

/**
 * A path as the user wrote it, in the form a SURI carries it: an ethereum BIP-32 path may be written
 * without its leading slash (`m/44'/60'/0'/0/0`, `m`). A `///password` is refused: a path given apart
 * (on the command line) is not secret, the password belongs with the phrase.
 */
export function pathNormalize(path: string, type: KeyType): string {
  if (path.includes('///')) {
    throw new UsageError({
      reason: 'A ///password cannot be given with the derivation path.',
      hint: 'Put it after the phrase instead, in the file or prompt that holds the phrase.',
      field: 'path',
    });
  }
  const written = type === 'ethereum' && /^m(\/|$)/.test(path) ? `/${path}` : path;
  if (written !== '' && !written.startsWith('/'))
    throw new InvalidPathError({ reason: 'a path starts with // (hard) or / (soft), or m/ for ethereum', spaces: /\s/.test(written) });
  return written;
}

/**
 * The SURI an account is added from, and its path. A path given apart is put after the phrase; an
 * ethereum phrase without any path gets {@link ETHEREUM_DEFAULT_PATH}, as MetaMask and the
 * Polkadot{.js} extension do — the BIP-32 master key only when asked for (`m`). `pairFromSuri` itself
 * keeps Polkadot{.js}'s keyring behaviour (a bare phrase is the master key): the default is the
 * wallet's choice, as the extension's is, not a property of the SURI.
 */
export function suriForAdd(suri: string, type: KeyType, path?: string): { suri: string; path: string } {
  const parsed = suriParse(suri);
  let written = parsed.path;
  if (path !== undefined) {
    if (parsed.path !== '')
      throw new UsageError({ reason: 'The phrase already ends with a derivation path, and another path was given; give the path once.', field: 'path' });
    written = pathNormalize(path, type);
  } else if (written === '' && type === 'ethereum' && mnemonicLooksLike(parsed.phrase)) {
    written = ETHEREUM_DEFAULT_PATH;
  }
  if (written === parsed.path) return { suri, path: written };
  return { suri: `${parsed.phrase}${written}${parsed.password === undefined ? '' : `///${parsed.password}`}`, path: written };
}

/** How an add goes, given what the vault holds for the key. Throws when it cannot go at all. */
type AddPlan = 'insert' | 'update' | 'relock' | 'complete';

function addPlan(existing: AccountRow | undefined, type: KeyType, onDuplicate: OnDuplicate, address: string): AddPlan {
  if (existing === undefined) return 'insert';
  if (onDuplicate === 'refuse' || existing.type !== type)
    throw new DuplicateAccountError({ address, name: existing.name, ...(existing.type === type ? { retry: 'add' as const } : {}) });
  const kind = existingKind(existing);
  // A watch-only account has no key to keep: it gains this one (as `restore` completes it from a file).
  if (kind === 'watch-only') return 'complete';
  if (onDuplicate === 'update') return 'update';
  if (kind === 'identity') {
    throw new UsageError({
      reason: `The account ${address} is derived from the identity "${existing.identityName ?? ''}": its key opens with that identity's PIN, so it has no password to change; nothing was changed.`,
      hint: 'Update only its name and network instead.',
      field: 'password',
    });
  }
  return 'relock';
}

/** Whether an add with this plan needs the new password (to lock a new file). */
function addNeedsPassword(plan: AddPlan): boolean {
  return plan !== 'update';
}

/**
 * What `accountAdd` checks before it needs the password, so a front end asks for one only when it is
 * needed and after the phrase is known to be good: the name, the phrase and path, and the account
 * already in the vault (refused, unless `onDuplicate` says what to do). Throws as `accountAdd` would.
 * Without a vault (none exists yet) only the name and phrase are checked.
 */
export async function accountAddCheck(
  vault: Vault | undefined,
  options: Omit<AddAccountOptions, 'password' | 'kdf' | 'onBackup'>,
): Promise<{ needsPassword: boolean }> {
  nameValidate(options.name, 'account');
  const type = options.type ?? 'sr25519';
  const network = networkResolve(options.network ?? 'substrate');
  const pair = await accountAddPair(options, type);
  try {
    const address = accountAddress(type, (await schemeLoad(type)).accountId(pair.publicKey), network.prefix);
    // No vault yet (a first add): nothing can be in it.
    const existing = vault === undefined ? undefined : accountByPublicKey(vault, pair.publicKey);
    return { needsPassword: addNeedsPassword(addPlan(existing, type, options.onDuplicate ?? 'refuse', address)) };
  } finally {
    wipe(pair.secretKey);
  }
}

/**
 * "Add account" from an existing mnemonic or seed under any name and password; the new account's
 * Polkadot{.js} file (locked with that password) is stored and handed to `onBackup`.
 *
 * A key already in the vault is refused, or with `onDuplicate` (see {@link OnDuplicate}) the
 * existing account takes the name and network given — "re-add the phrase under a new name and
 * password" is `relock` — and the key stays the one the vault holds: the phrase must give exactly
 * it (`storedKeyCheck`) before its file is re-locked.
 */
export async function accountAdd(vault: Vault, options: AddAccountOptions): Promise<AddResult> {
  const name = nameValidate(options.name, 'account');
  const type = options.type ?? 'sr25519';
  const network = networkResolve(options.network ?? 'substrate');
  const onDuplicate = options.onDuplicate ?? 'refuse';
  const { path } = options.secretKey === undefined ? suriForAdd(options.suri, type, options.path) : { path: '' };
  const pair = await accountAddPair(options, type);
  try {
    const scheme = await schemeLoad(type);
    const accountId = scheme.accountId(pair.publicKey);
    const address = accountAddress(type, accountId, network.prefix);
    const existing = accountByPublicKey(vault, pair.publicKey);
    const plan = addPlan(existing, type, onDuplicate, address);
    const password = options.password ?? '';
    if (addNeedsPassword(plan)) newSecretCheck(password, 'account password');
    if (existing !== undefined) await storedKeyCheck(existing, pair);
    const json = addNeedsPassword(plan) ? await fileFor(pair, password, name, network, plan === 'relock' ? existing : undefined, options.kdf) : null;
    const previous = existing === undefined ? null : { name: existing.name, network: existing.network };
    const row = vaultWrite(vault, () => {
      const again = accountByPublicKey(vault, pair.publicKey);
      // Planned again on the row as it is now: another process may have added or changed it meanwhile.
      if (addPlan(again, type, onDuplicate, address) !== plan) throw new DuplicateAccountError({ address, name: again?.name ?? name, retry: 'add' });
      const written = write(vault, plan, again, { publicKey: pair.publicKey, accountId, type, name, network, json, path });
      const file = plan === 'update' ? written.fileJson : json;
      if (file !== null) options.onBackup?.(file);
      return written;
    });
    const status: AddStatus = plan === 'insert' ? 'added' : plan === 'complete' ? 'completed' : plan === 'relock' ? 'relocked' : 'updated';
    return { account: accountView(row), json: row.fileJson, status, previous };
  } finally {
    wipe(pair.secretKey);
  }
}

/** The pair an add is about: from the SURI, or the secret key given (copied: the caller's stays the caller's). */
export async function accountAddPair(options: Pick<AddAccountOptions, 'suri' | 'path' | 'secretKey'>, type: KeyType): Promise<KeyPair> {
  if (options.secretKey === undefined) return pairFromSuri(suriForAdd(options.suri, type, options.path).suri, type);
  const scheme = await schemeLoad(type);
  if (!scheme.secretLengths.includes(options.secretKey.length))
    throw new InvalidSuriError({ reason: `a ${type} secret key is not ${options.secretKey.length} bytes` });
  let publicKey: Uint8Array;
  try {
    publicKey = scheme.publicFromSecret(options.secretKey);
  } catch {
    throw new InvalidSuriError({ reason: `the bytes are not a valid ${type} secret key` });
  }
  return { type, publicKey, secretKey: options.secretKey.slice() };
}

/** The account's file, locked with `password`; a re-locked file keeps the meta of the one it replaces. */
async function fileFor(
  pair: KeyPair,
  password: string,
  name: string,
  network: Network,
  replaced: AccountRow | undefined,
  kdf: AddAccountOptions['kdf'],
): Promise<string> {
  const old = replaced?.fileJson ? (JSON.parse(replaced.fileJson) as Record<string, unknown>)['meta'] : undefined;
  const meta: Record<string, unknown> = {
    ...(isObject(old) ? old : {}),
    name,
    whenCreated: isObject(old) && typeof old['whenCreated'] === 'number' ? old['whenCreated'] : Date.now(),
  };
  if (replaced) meta['whenEdited'] = Date.now();
  if (network.genesisHash) meta['genesisHash'] = network.genesisHash;
  else delete meta['genesisHash'];
  return JSON.stringify(await polkadotJsWrite(pair, password, { meta, prefix: network.prefix, params: kdfParams(kdf ?? 'default') }));
}

type Added = { publicKey: Uint8Array; accountId: Uint8Array; type: KeyType; name: string; network: Network; json: string | null; path: string };

/** Writes the plan inside the vault transaction and returns the row as stored. */
function write(vault: Vault, plan: AddPlan, existing: AccountRow | undefined, a: Added): AccountRow {
  const place = placementOf(a.network);
  if (plan === 'update') {
    const row = existing!;
    return nameOrNetworkDiffers(row, a.name, place) ? accountNameNetworkSet(vault, row, a.name, place) : row;
  }
  const record: AccountInsert = {
    publicKey: a.publicKey,
    accountId: a.accountId,
    type: a.type,
    name: a.name,
    ...place,
    fileJson: a.json,
    // The key was derived here, so the file opens to it.
    verified: true,
    source: 'add',
    // The derivation path (never its ///password), so the account can be found again from its phrase.
    path: a.path,
  };
  if (plan === 'insert') accountInsert(vault, record);
  // A re-locked account keeps where it came from; a completed watch-only one drops its address-only entry.
  else if (plan === 'relock') accountReplace(vault, { ...rowRecord(existing!), ...record, source: existing!.source });
  else accountReplace(vault, { ...record, watchJson: null });
  return accountByPublicKey(vault, a.publicKey)!;
}

export type CreateAccountOptions = Omit<AddAccountOptions, 'suri' | 'onDuplicate'> & {
  password: string;
  words?: MnemonicLength;
  /** Derivation path appended to the new phrase (`//hard/soft`, or a BIP-44 path for ethereum). */
  path?: string;
  random?: RandomSource;
  /** Receives the new phrase inside the vault transaction (to show or write it once); if it throws, nothing is saved. */
  onMnemonic?: (mnemonic: string) => void;
};

/**
 * "Create account": a new mnemonic (shown once by the caller), the account derived from it, and its
 * backup file. The mnemonic is returned only so the caller can show or write it once; it is never stored.
 */
export async function accountCreate(vault: Vault, options: CreateAccountOptions): Promise<{ account: AccountView; json: string; mnemonic: string }> {
  const mnemonic = mnemonicGenerate(options.words ?? 12, options.random);
  const { words: _w, random: _r, onMnemonic, onBackup, ...rest } = options;
  const result = await accountAdd(vault, {
    ...rest,
    suri: mnemonic,
    onBackup: (json) => {
      onMnemonic?.(mnemonic);
      onBackup?.(json);
    },
  });
  return { account: result.account, json: result.json!, mnemonic };
}
