/**
 * SubWallet's "Export" file, built as its published source builds it, with `@polkadot/keyring` pairs
 * and util-crypto's `jsonEncrypt` (never keepsake):
 * - github:Koniverse/SubWallet-Extension
 *   packages/extension-base/src/services/keyring-service/context/handlers/Json.ts `batchExportV2`:
 *   `keyring.backupAccounts(password, addresses)`, then `accountProxies` and `modifyPairs` added only
 *   when both are non-empty (the unified accounts exported);
 * - @subwallet/ui-keyring 0.1.14 `Keyring.js` `backupAccounts`: `jsonEncrypt(stringToU8a(JSON.stringify(accounts)),
 *   ['batch-pkcs8'], password)` of the stored account files (each `pair.toJson` under the master
 *   password), spread with `accounts: [{ address, meta: { ...meta, isSubWallet: true } }]`;
 * - @subwallet/keyring 0.1.14 `pair/index.js` `toJson`: a TON, Cardano or Bitcoin pair is
 *   `jsonEncryptFormat(encoded, ['pkcs8', type], true)` with `address: u8aToHex(publicKey)`;
 * - packages/extension-base/src/types/account/info/proxy.ts: `AccountProxyData {id, name, parentId?, suri?}`,
 *   `ModifyPairData {key, migrated, accountProxyId?}`, both keyed as a record.
 * SubWallet's own packages are not the oracle: the writer is `@subwallet/ui-keyring` 0.1.14
 * (`backupAccounts`, over `@subwallet/keyring` 0.1.14), and neither imports under Node 20 — the keyring
 * imports `@emurgo/cardano-message-signing-browser`, a browser-only wasm-bindgen build (no `main`, an ES
 * import of a `.wasm` file): ERR_MODULE_NOT_FOUND in ESM, "Invalid package descriptor" in CJS; 192
 * packages, 101 MB.
 */
import type { KeyringPair, KeyringPair$Json, KeyringPair$Meta } from '@polkadot/keyring/types';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { jsonEncrypt } from '@polkadot/util-crypto';
import { oracleFile, SCRYPT_COMPAT } from './oracle.js';

/** A stored SubWallet account: the pair's file under the master password (N=2^15 keeps tests quick; SubWallet writes 2^17). */
export function subWalletStored(pair: KeyringPair, masterPassword: string, meta: KeyringPair$Meta = pair.meta): KeyringPair$Json {
  return oracleFile(pair, masterPassword, SCRYPT_COMPAT, meta);
}

/**
 * A stored account of a kind keepsake does not keep (`ton`, `cardano`, `bitcoin-84`…): @subwallet/keyring
 * writes it in the same envelope, its address the hex of its public key. The key bytes come from an
 * ed25519 (TON, Cardano) or ecdsa (Bitcoin) pair: only the envelope matters to a reader that leaves it out.
 */
export function subWalletOtherKind(pair: KeyringPair, type: string, masterPassword: string, meta: KeyringPair$Meta = {}): KeyringPair$Json {
  const file = oracleFile(pair, masterPassword, SCRYPT_COMPAT, meta);
  return { ...file, address: u8aToHex(pair.publicKey), encoding: { ...file.encoding, content: ['pkcs8', type] as unknown as typeof file.encoding.content } };
}

/** A unified account: its proxy record and the `modifyPairs` that point each member's address (pair.address) at it. */
export type SubWalletGroups = {
  accountProxies: Record<string, { id: string; name: string }>;
  modifyPairs: Record<string, { key: string; accountProxyId: string; migrated: boolean }>;
};

export function subWalletUnified(id: string, name: string, members: readonly { address: string }[]): SubWalletGroups {
  return {
    accountProxies: { [id]: { id, name } },
    modifyPairs: Object.fromEntries(members.map((m) => [m.address, { key: m.address, accountProxyId: id, migrated: true }])),
  };
}

/** The export file's text, as SubWallet's extension writes it. */
export function subWalletExport(stored: readonly KeyringPair$Json[], masterPassword: string, groups?: SubWalletGroups): string {
  const encrypted = jsonEncrypt(stringToU8a(JSON.stringify(stored)), ['batch-pkcs8'], masterPassword);
  const accounts = stored.map((a) => ({ address: a.address, meta: { ...a.meta, isSubWallet: true } }));
  const withGroups = groups && Object.keys(groups.accountProxies).length > 0 && Object.keys(groups.modifyPairs).length > 0 ? groups : {};
  return JSON.stringify({ ...encrypted, accounts, ...withGroups });
}
