import { NotJsonError, ShardNotBackupError, UnknownFormatError } from '../errors/file.js';
import { isObject, jsonParse, type JsonObject } from './json.js';
import { novaBackupLooksLike } from './nova-backup.js';
import { polkadotJsLooksLike, polkadotJsParse, type PolkadotJsBatch, type PolkadotJsSingle } from './polkadot-js/parse.js';
import { subWalletLooksLike } from './subwallet.js';

/** Every file kind keepsake can name. */
export type FormatName =
  | 'polkadot-js'
  | 'polkadot-js-batch'
  | 'subwallet'
  | 'apps'
  | 'ethereum-keystore'
  | 'concordium-desktop'
  | 'concordium-mobile'
  | 'keepsake-backup'
  | 'nova-backup';

export type Detected =
  | { format: 'polkadot-js'; file: PolkadotJsSingle }
  | { format: 'polkadot-js-batch' | 'subwallet'; file: PolkadotJsBatch }
  | { format: 'apps'; entries: unknown[] }
  | { format: 'ethereum-keystore'; json: JsonObject }
  | { format: 'concordium-desktop' | 'concordium-mobile'; json: JsonObject }
  | { format: 'keepsake-backup'; json: JsonObject }
  | { format: 'nova-backup'; json: JsonObject };

/** What a person calls each format. */
export const FORMAT_LABELS: Record<FormatName, string> = {
  'polkadot-js': 'Polkadot{.js} account file',
  'polkadot-js-batch': 'Polkadot{.js} extension "Export all accounts" file',
  subwallet: 'SubWallet export',
  apps: 'Polkadot-JS Apps "Export all" file',
  'ethereum-keystore': 'Ethereum keystore (v3) file',
  'concordium-desktop': 'Concordium Desktop Wallet export',
  'concordium-mobile': 'Concordium Mobile Wallet export',
  'keepsake-backup': 'keepsake whole-wallet backup',
  'nova-backup': 'Nova Wallet cloud backup',
};

/**
 * Says what a file is from its text alone (no password): the format and its validated structure,
 * or {@link NotJsonError} / {@link EmptyFileError} / {@link TruncatedFileError} / {@link UnknownFormatError}. A known format with a broken field throws
 * that format's {@link CorruptFileError}.
 *
 * @example
 * formatDetect(await readFile('backup.json', 'utf8')).format // 'polkadot-js'
 */
export function formatDetect(text: string, file?: string): Detected {
  // Blank text is left to jsonParse, which says the file is empty rather than "not JSON".
  if (!/^\s*([[{]|$)/.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) throw new NotJsonError({ file });
  const value = jsonParse(text, file);
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((e) => isObject(e) && typeof e['address'] === 'string')) return { format: 'apps', entries: value };
    throw new UnknownFormatError({ file, reason: value.length === 0 ? 'it is an empty list' : 'it is a list, but not of accounts' });
  }
  if (!isObject(value)) throw new UnknownFormatError({ file, reason: 'it is not a JSON object' });
  if (polkadotJsLooksLike(value)) {
    const parsed = polkadotJsParse(value, file);
    if (parsed.kind === 'single') return { format: 'polkadot-js', file: parsed };
    return { format: subWalletLooksLike(parsed) ? 'subwallet' : 'polkadot-js-batch', file: parsed };
  }
  if (value['type'] === 'keepsake-backup') return { format: 'keepsake-backup', json: value };
  if (novaBackupLooksLike(value)) return { format: 'nova-backup', json: value };
  if ((value['version'] === 3 || value['version'] === '3') && isObject(value['crypto'] ?? value['Crypto'])) {
    return { format: 'ethereum-keystore', json: value };
  }
  if (typeof value['cipherText'] === 'string' && isObject(value['metadata'])) {
    // Both Concordium wallets use this envelope; the mobile wallet's parameters differ (DESIGN.md), and
    // decryption confirms which it is.
    const meta = value['metadata'];
    const mobile = meta['keyLen'] === undefined && meta['iterations'] === 100000;
    return { format: mobile ? 'concordium-mobile' : 'concordium-desktop', json: value };
  }
  // A Banana Split shard's text (banana_split `src/util/crypto.ts`: v, t, r, d, n): not a backup by itself.
  const t: unknown = value['t'];
  const r: unknown = value['r'];
  if (typeof t === 'string' && typeof r === 'number' && typeof value['d'] === 'string' && typeof value['n'] === 'string') {
    throw new ShardNotBackupError({ file, title: t.length > 64 ? `${t.slice(0, 64)}…` : t, required: r });
  }
  throw new UnknownFormatError({ file, reason: 'its fields match no wallet format keepsake knows' });
}
