import { utf8, wipe } from '../../crypto/bytes.js';
import type { RandomSource } from '../../crypto/random.js';
import type { ScryptParams } from '../../crypto/scrypt.js';
import { CorruptFileError } from '../../errors/file.js';
import { BaseError } from '../../errors/base.js';
import { jsonParse, type JsonObject } from '../json.js';
import { polkadotJsDecrypt } from './decrypt.js';
import { polkadotJsEncoding, polkadotJsEncrypt } from './encrypt.js';
import { polkadotJsParse, type PolkadotJsBatch, type PolkadotJsSingle } from './parse.js';

/** One entry of an opened batch: a single-account file (still locked with its own password) or why it is unusable. */
export type BatchEntry = { index: number; json: unknown } & ({ file: PolkadotJsSingle; error?: undefined } | { file?: undefined; error: BaseError });

/**
 * Decrypts the outer layer of the extension's "Export all accounts" file (one scrypt) and lists
 * its entries. Each entry is a Polkadot{.js} single-account file that keeps its own password;
 * a malformed entry is reported in place instead of stopping the rest.
 */
export async function polkadotJsBatchOpen(batch: PolkadotJsBatch, password: string, options: { file?: string | undefined } = {}): Promise<BatchEntry[]> {
  const plaintext = await polkadotJsDecrypt(batch, password, { subject: options.file ?? 'this batch file', file: options.file });
  const list = jsonParse(new TextDecoder().decode(plaintext), options.file);
  plaintext.fill(0);
  if (!Array.isArray(list)) throw new CorruptFileError({ file: options.file, reason: 'it decrypts, but does not hold a list of accounts' });
  return list.map((json: unknown, index): BatchEntry => {
    try {
      const file = polkadotJsParse(json, `entry ${index + 1}`);
      if (file.kind !== 'single') throw new CorruptFileError({ file: `entry ${index + 1}`, reason: 'it is itself a batch file' });
      return { index, json, file };
    } catch (err) {
      if (err instanceof BaseError) return { index, json, error: err };
      throw err;
    }
  });
}

/**
 * The extension's "Export all accounts" file for single-account files (each still locked with its
 * own password): the list, encrypted with `password` (content `batch-pkcs8`), beside each entry's
 * address and meta in the clear, as the extension writes it (`exportAccounts`: `jsonEncrypt` of the
 * list, then `accounts`).
 *
 * @example
 * const batch = await polkadotJsBatchWrite([await polkadotJsWrite(pair, 'pw')], 'batch-pw')
 */
export async function polkadotJsBatchWrite(
  entries: readonly JsonObject[],
  password: string,
  options: { params?: ScryptParams; random?: RandomSource } = {},
): Promise<JsonObject> {
  const plaintext = utf8(JSON.stringify(entries));
  try {
    const encoded = await polkadotJsEncrypt(plaintext, password, options);
    return { encoded, encoding: polkadotJsEncoding(['batch-pkcs8']), accounts: entries.map((e) => ({ address: e['address'], meta: e['meta'] })) } as JsonObject;
  } finally {
    wipe(plaintext);
  }
}
