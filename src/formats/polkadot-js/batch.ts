import { CorruptFileError } from '../../errors/file.js';
import { BaseError } from '../../errors/base.js';
import { jsonParse } from '../json.js';
import { polkadotJsDecrypt } from './decrypt.js';
import { polkadotJsParse, type PolkadotJsBatch, type PolkadotJsSingle } from './parse.js';

/** One entry of an opened batch: a single-account file (still locked with its own password) or why it is unusable. */
export type BatchEntry = { index: number; json: unknown } & ({ file: PolkadotJsSingle; error?: undefined } | { file?: undefined; error: BaseError });

/**
 * Decrypts the outer layer of the extension's "Export all accounts" file (one scrypt) and lists
 * its entries. Each entry is a Polkadot{.js} single-account file that keeps its own password;
 * a malformed entry is reported in place instead of stopping the rest.
 */
export async function polkadotJsBatchOpen(batch: PolkadotJsBatch, password: string, options: { file?: string } = {}): Promise<BatchEntry[]> {
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
