import { bytesToHex } from '../crypto/bytes.js';
import { CorruptFileError } from '../errors/file.js';
import { isObject, type JsonObject } from './json.js';
import { fileAddressDecode } from './polkadot-js/address.js';
import type { PolkadotJsBatch } from './polkadot-js/parse.js';

/*
 * SubWallet's "Export" file (github:Koniverse/SubWallet-Extension,
 * packages/extension-base/src/services/keyring-service/context/handlers/Json.ts `batchExportV2`) is the
 * extension's batch format written by @subwallet/ui-keyring `Keyring.backupAccounts`: the stored
 * account files (each under the master password) encrypted as `batch-pkcs8` with the master
 * password, every preview's meta marked `isSubWallet: true`; when unified accounts are exported,
 * top-level `accountProxies` ({id: {id, name, parentId?, suri?}}) and `modifyPairs`
 * ({address: {key, accountProxyId?, migrated}}) group the accounts
 * (packages/extension-base/src/types/account/info/proxy.ts).
 */

/** More unified accounts or grouped addresses than any wallet holds: the file is refused unread. */
export const SUBWALLET_MAX_GROUPS = 10_000;
/** A name longer than this is not SubWallet's (its UI keeps names short): it is ignored. */
const MAX_NAME = 256;

/** Is this batch file SubWallet's? Its previews carry `isSubWallet`, or it groups accounts. */
export function subWalletLooksLike(batch: PolkadotJsBatch): boolean {
  const json = batch.json;
  return isObject(json['accountProxies']) || isObject(json['modifyPairs']) || batch.accounts.some((a) => a.meta['isSubWallet'] === true);
}

/** The unified accounts' names, by the account id (hex) of each address they group. */
export type SubWalletNames = ReadonlyMap<string, string>;

/**
 * The name SubWallet shows for each grouped address: a unified account (an `accountProxies` entry
 * that `modifyPairs` points an address at) is shown under its own name, not its accounts'
 * (utils/account/transform.ts `_combineAccounts` takes the proxy's `name` for the group), so that name
 * becomes each of its accounts' names. Addresses are matched by the account id they encode, whatever
 * their SS58 prefix. Fields that are not what SubWallet writes are damage; too many is refused first.
 */
export function subWalletNames(json: JsonObject, file?: string): SubWalletNames {
  const proxies = json['accountProxies'] ?? {};
  const pairs = json['modifyPairs'] ?? {};
  if (!isObject(proxies)) throw new CorruptFileError({ file, reason: '"accountProxies" is not an object' });
  if (!isObject(pairs)) throw new CorruptFileError({ file, reason: '"modifyPairs" is not an object' });
  const pairKeys = Object.keys(pairs);
  if (Object.keys(proxies).length > SUBWALLET_MAX_GROUPS || pairKeys.length > SUBWALLET_MAX_GROUPS) {
    throw new CorruptFileError({ file, reason: `it groups more than ${SUBWALLET_MAX_GROUPS} accounts` });
  }
  const names = new Map<string, string>();
  for (const address of pairKeys) {
    const pair = pairs[address];
    const proxyId = isObject(pair) ? pair['accountProxyId'] : undefined;
    if (typeof proxyId !== 'string' || !Object.hasOwn(proxies, proxyId)) continue;
    const proxy = proxies[proxyId];
    const name = isObject(proxy) ? proxy['name'] : undefined;
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME) continue;
    const id = accountIdHex(address);
    if (id !== undefined) names.set(id, name);
  }
  return names;
}

/** The account id an address of `modifyPairs` encodes (hex), or undefined for one that does not decode. */
function accountIdHex(address: string): string | undefined {
  try {
    return bytesToHex(fileAddressDecode(address).bytes);
  } catch {
    return undefined;
  }
}
