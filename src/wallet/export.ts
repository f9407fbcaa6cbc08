import { utf8, wipe } from '../crypto/bytes.js';
import { WatchOnlyAccountError } from '../errors/vault.js';
import { ConversionImpossibleError } from '../errors/file.js';
import { ethereumKeystoreWrite } from '../formats/ethereum-keystore.js';
import type { KeyPair } from '../keys/types.js';
import { UsageError } from '../errors/usage.js';
import { isObject, jsonParse } from '../formats/json.js';
import { polkadotJsEncoding, polkadotJsEncrypt } from '../formats/polkadot-js/encrypt.js';
import { SCRYPT_COMPAT, SCRYPT_DEFAULT, scryptHeaderRead } from '../formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import { accountsAll, type AccountRow } from '../vault/accounts.js';
import type { Vault } from '../vault/open.js';
import { accountFind, withName } from './accounts.js';
import { accountView } from './accountView.js';
import { mapConcurrent } from './concurrency.js';
import { identityAccountPair } from './identity.js';
import { newSecretCheck } from './secrets.js';
import { storedKeyCheck } from './storedKey.js';
import { watchOnlyEntry } from './convert.js';

export type Kdf = 'default' | 'compat';

/**
 * "Export account": the account's Polkadot{.js} file (or, for an ethereum account, an Ethereum
 * keystore), openable with the account's password. The password is checked first (a wrong one throws
 * {@link WrongPasswordError}); when the stored file already uses the requested scrypt parameters it is
 * handed out as stored, otherwise it is re-locked with the same password (N=2^17, or N=2^15 with
 * `kdf: 'compat'` for wallets from before mid-2025). An identity account needs its identity's PIN
 * and a password for the new file.
 */
export async function accountExport(
  vault: Vault,
  query: string,
  unlock: ExportUnlock,
  options: { kdf?: Kdf; format?: 'polkadot-js' | 'ethereum-keystore' } = {},
): Promise<{ json: string; address: string }> {
  const row = accountFind(vault, query);
  const view = accountView(row);
  const format = options.format ?? 'polkadot-js';
  if (format === 'ethereum-keystore' && row.type !== 'ethereum') {
    throw new ConversionImpossibleError({ reason: `an Ethereum keystore holds an ethereum (secp256k1, BIP-44) key, and ${view.address} is ${row.type}` });
  }
  if (row.identityId === null && row.fileJson === null) throw new WatchOnlyAccountError({ address: view.address });
  if (row.identityId === null && format === 'polkadot-js') {
    if (!('password' in unlock)) throw new UsageError({ reason: `${view.address} is locked with its own password; its export needs that password, not a PIN.` });
    return { json: await relock(row, unlock.password, unlock.password, options.kdf ?? 'default'), address: view.address };
  }
  const { pair, password } = await unlockPair(vault, row, unlock);
  try {
    if (format === 'ethereum-keystore') {
      return { json: JSON.stringify(await ethereumKeystoreWrite(pair.secretKey, row.accountId, password)), address: view.address };
    }
    const meta = { name: row.name, ...(row.genesisHash ? { genesisHash: row.genesisHash } : {}), whenCreated: row.createdAt };
    const json = await polkadotJsWrite(pair, password, { meta, prefix: row.ss58Prefix, params: paramsOf(options.kdf ?? 'default') });
    return { json: JSON.stringify(json), address: view.address };
  } finally {
    wipe(pair.secretKey);
  }
}

/** The account's key pair and the password the exported file gets. */
async function unlockPair(vault: Vault, row: AccountRow, unlock: ExportUnlock): Promise<{ pair: KeyPair; password: string }> {
  const address = accountView(row).address;
  if (row.identityId !== null) {
    if (!('pin' in unlock)) throw new UsageError({ reason: `${address} belongs to the identity "${row.identityName}": its export needs the identity's PIN and a password for the new file.` });
    // Checked before the PIN is tried: a refused password must not cost a PIN attempt.
    newSecretCheck(unlock.newPassword, 'file password');
    return { pair: await identityAccountPair(vault, row, unlock.pin), password: unlock.newPassword };
  }
  if (!('password' in unlock)) throw new UsageError({ reason: `${address} is locked with its own password; its export needs that password, not a PIN.` });
  const stored = polkadotJsParse(jsonParse(row.fileJson!)) as PolkadotJsSingle;
  const pair = await polkadotJsOpen(stored, unlock.password, { file: address, subject: address, held: 'vault' });
  try {
    await storedKeyCheck(row, pair);
  } catch (err) {
    wipe(pair.secretKey);
    throw err;
  }
  return { pair, password: unlock.password };
}

/** An account's own password, or (for an identity account) the identity's PIN and the new file's password. */
export type ExportUnlock = { password: string } | { pin: string; newPassword: string };

function paramsOf(kdf: Kdf) {
  return kdf === 'compat' ? SCRYPT_COMPAT : SCRYPT_DEFAULT;
}

/**
 * "Export all accounts" in the extension's batch format. The batch password locks only the outer
 * layer: every entry keeps its own password — unless `rekey` is set, in which case `passwordFor`
 * is asked for each account's password and every entry is re-locked with the batch password.
 */
export async function accountExportAll(
  vault: Vault,
  batchPassword: string,
  options: { rekey?: boolean; passwordFor?: (account: { address: string; name: string }) => Promise<string>; kdf?: Kdf; format?: 'polkadot-js-batch' | 'apps' } = {},
): Promise<{ json: string; count: number; skippedWatchOnly: number; skippedIdentity: number }> {
  // An Apps list is not locked as a whole: its password is used only to re-lock every entry (rekey).
  if (options.format !== 'apps' || options.rekey) newSecretCheck(batchPassword, 'batch password');
  const all = accountsAll(vault);
  const rows = all.filter((r) => r.fileJson !== null);
  const apps = options.format === 'apps';
  // Identity accounts are backed up by their identity's phrase (whole-wallet backup), watch-only ones have no key.
  const skippedIdentity = all.filter((r) => r.identityId !== null).length;
  const watchOnly = all.filter((r) => r.fileJson === null && r.identityId === null);
  // The Apps list carries address-only entries (as Apps does for multisig/external accounts); the extension's batch cannot.
  const skippedWatchOnly = apps ? 0 : watchOnly.length;
  const entries: string[] = [];
  if (options.rekey) {
    // Ask for every password first (one at a time, in order), then re-lock in parallel.
    const passwords: string[] = [];
    for (const row of rows) passwords.push(await options.passwordFor!({ address: accountView(row).address, name: row.name }));
    entries.push(...(await mapConcurrent(rows, (row, i) => relock(row, passwords[i]!, batchPassword, options.kdf ?? 'default'))));
  } else {
    entries.push(...rows.map((row) => withName(row.fileJson!, row.name)));
  }
  const list = entries.map((e) => JSON.parse(e) as Record<string, unknown>);
  if (apps) {
    const watch = watchOnly.map((r) => {
      const entry = watchOnlyEntry({ address: accountView(r).address, name: r.name, genesisHash: r.genesisHash, publicKey: r.publicKey, type: r.type });
      if (r.watchJson === null) return entry;
      // The entry as Apps wrote it (multisig threshold and signatories…), under its current name.
      const original = JSON.parse(r.watchJson) as Record<string, unknown>;
      return { ...original, meta: { ...(isObject(original['meta']) ? original['meta'] : {}), name: r.name } };
    });
    return { json: JSON.stringify([...list, ...watch]), count: rows.length + watch.length, skippedWatchOnly, skippedIdentity };
  }
  const plaintext = utf8(JSON.stringify(list));
  const encoded = await polkadotJsEncrypt(plaintext, batchPassword, { params: options.kdf === 'compat' ? SCRYPT_COMPAT : SCRYPT_DEFAULT });
  wipe(plaintext);
  const batch = {
    encoded,
    encoding: polkadotJsEncoding(['batch-pkcs8']),
    accounts: list.map((e) => ({ address: e['address'], meta: e['meta'] })),
  };
  return { json: JSON.stringify(batch), count: rows.length, skippedWatchOnly, skippedIdentity };
}

/** The row's file, opened with `password`, as a file locked with `newPassword` and the `kdf` parameters. */
export async function relock(row: AccountRow, password: string, newPassword: string, kdf: Kdf): Promise<string> {
  if (row.fileJson === null) throw new WatchOnlyAccountError({ address: accountView(row).address });
  const stored = polkadotJsParse(jsonParse(row.fileJson)) as PolkadotJsSingle;
  const address = accountView(row).address;
  const opened = await polkadotJsOpen(stored, password, { file: address, subject: address, held: 'vault' });
  try {
    await storedKeyCheck(row, opened);
    const target = paramsOf(kdf);
    const same = password === newPassword && stored.cipher === 'scrypt' && sameParams(scryptHeaderRead(stored.encoded).params, target);
    if (same) return withName(row.fileJson, row.name);
    const meta = { ...(isObject(stored.meta) ? stored.meta : {}), name: row.name, whenEdited: Date.now() };
    return JSON.stringify(await polkadotJsWrite(opened, newPassword, { meta, prefix: row.ss58Prefix, params: target }));
  } finally {
    wipe(opened.secretKey);
  }
}

function sameParams(a: { N: number; r: number; p: number }, b: { N: number; r: number; p: number }): boolean {
  return a.N === b.N && a.r === b.r && a.p === b.p;
}
