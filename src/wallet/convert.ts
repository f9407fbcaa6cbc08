import { wipe } from '../crypto/bytes.js';
import { ConversionImpossibleError } from '../errors/file.js';
import { UnsupportedKeyTypeError } from '../errors/keyType.js';
import { ethereumKeystoreWrite } from '../formats/ethereum-keystore.js';
import { FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import { isObject, type JsonObject } from '../formats/json.js';
import { polkadotJsBatchWrite } from '../formats/polkadot-js/batch.js';
import { kdfParams } from '../formats/polkadot-js/kdf.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import type { KeyPair } from '../keys/types.js';
import { fileAccountsOpen, type FileAccount } from './fileAccounts.js';
import { watchOnlyEntry } from './common.js';

export const CONVERT_TARGETS = ['polkadot-js', 'polkadot-js-batch', 'apps', 'ethereum-keystore'] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];

/**
 * One wallet file to another, without touching the vault: every account is decrypted with the input
 * password, checked against its address, and locked again with the output password in the target format.
 * Refuses (with the reason) whatever would lose or change an account: an sr25519 key into an Ethereum
 * keystore, several accounts into a single-account file, entries the password does not open. Accounts of
 * a key type keepsake does not keep are left out, each named in `leftOut`.
 */
export async function convertFile(
  text: string,
  inPassword: string,
  outPassword: string,
  to: ConvertTarget,
  options: { file?: string | undefined; kdf?: 'default' | 'compat' } = {},
): Promise<{ json: string; from: FormatName; accounts: number; watchOnly: number; leftOut: string[] }> {
  const opened = await fileAccountsOpen(text, inPassword, { ...options, lockedEntries: 'report', keepKeys: true });
  const format = opened.format;
  // Accounts of a key type keepsake does not keep (a SubWallet export's TON account) are left out, each said in one sentence;
  // the file as a whole still converts (fileAccountsOpen refuses a file that holds nothing else).
  const leftOut = opened.entries.flatMap((e) =>
    e.error instanceof UnsupportedKeyTypeError
      ? [new UnsupportedKeyTypeError({ where: e.where, keyType: e.error.keyType, action: 'converted' }).shortMessage]
      : [],
  );
  const entries = opened.entries.filter((e) => !(e.error instanceof UnsupportedKeyTypeError));
  const pairs: KeyPair[] = entries.flatMap((e) => (e.account?.pair ? [e.account.pair] : []));
  try {
    const failed = entries.filter((e) => e.account === undefined);
    if (failed.length > 0) {
      throw new ConversionImpossibleError({
        reason: `${failed.length} of the ${entries.length} accounts in it could not be opened (${failed[0]!.error?.shortMessage ?? 'unknown problem'})`,
      });
    }
    const accounts = entries.map((e) => e.account!);
    const keyed = accounts.filter((a) => a.pair !== undefined);
    const watchOnly = accounts.filter((a) => a.pair === undefined);
    const params = kdfParams(options.kdf ?? 'default');
    const lock = (a: FileAccount) => polkadotJsWrite(a.pair!, outPassword, { meta: { ...metaOf(a), name: a.name }, prefix: a.ss58Prefix, params });
    let out: unknown;
    switch (to) {
      case 'polkadot-js':
      case 'ethereum-keystore': {
        if (accounts.length !== 1 || keyed.length !== 1) {
          throw new ConversionImpossibleError({
            reason: `the ${FORMAT_LABELS[format]} holds ${accounts.length} accounts${watchOnly.length ? ` (${watchOnly.length} without a key)` : ''}, and a ${to === 'polkadot-js' ? 'single-account file' : 'keystore'} holds exactly one account with its key`,
          });
        }
        const account = keyed[0]!;
        if (to === 'polkadot-js') out = await lock(account);
        else {
          if (account.type !== 'ethereum') {
            throw new ConversionImpossibleError({
              reason: `an Ethereum keystore holds an ethereum (secp256k1, BIP-44) key, and this account's key is ${account.type}`,
            });
          }
          out = await ethereumKeystoreWrite(account.pair!.secretKey, account.accountId, outPassword);
        }
        break;
      }
      case 'polkadot-js-batch': {
        if (watchOnly.length > 0)
          throw new ConversionImpossibleError({
            reason: `${watchOnly.length} accounts have no key, and the extension's batch format holds only accounts with keys`,
          });
        out = await polkadotJsBatchWrite(await Promise.all(keyed.map(lock)), outPassword, { params });
        break;
      }
      case 'apps':
        out = await Promise.all(accounts.map((a) => (a.pair ? lock(a) : Promise.resolve(a.original ?? watchOnlyEntry(a)))));
        break;
    }
    return { json: JSON.stringify(out), from: format, accounts: accounts.length, watchOnly: watchOnly.length, leftOut };
  } finally {
    for (const p of pairs) wipe(p.secretKey);
  }
}

function metaOf(a: FileAccount): JsonObject {
  if (a.fileJson === null) return {};
  try {
    const json = JSON.parse(a.fileJson) as unknown;
    return isObject(json) && isObject(json['meta']) ? json['meta'] : {};
  } catch {
    return {};
  }
}
