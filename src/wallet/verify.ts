import { bytesToHex, wipe } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import { FormatNotSupportedError } from '../errors/file.js';
import { BatchEntryLockedError, WrongPasswordError } from '../errors/password.js';
import { formatDetect, FORMAT_LABELS, type FormatName } from '../formats/detect.js';
import { polkadotJsBatchOpen } from '../formats/polkadot-js/batch.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import type { PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import type { KeyType } from '../keys/types.js';
import { mapConcurrent } from './concurrency.js';

export type VerifyAccount = {
  address: string;
  publicKey: string | null;
  type: KeyType | null;
  name: string | null;
  /** True when the account decrypts and its key produces its address: it would restore. */
  ok: boolean;
  error: { name: string; message: string } | null;
};

export type VerifyReport = { format: FormatName; label: string; ok: boolean; accounts: VerifyAccount[] };

/**
 * Decrypts every account in a file without importing anything and checks each key against its
 * address. A wrong password for the file (or for its only account) throws {@link WrongPasswordError};
 * problems with single entries of a batch are reported per account.
 *
 * @example
 * const report = await verifyFile(text, password, { file: 'backup.json' })
 * report.ok // every account would restore
 */
export async function verifyFile(text: string, password: string, options: { file?: string } = {}): Promise<VerifyReport> {
  const detected = formatDetect(text, options.file);
  const base = { format: detected.format, label: FORMAT_LABELS[detected.format] };
  let accounts: VerifyAccount[];
  switch (detected.format) {
    case 'polkadot-js':
      accounts = [await verifySingle(detected.file, password, options.file, true)];
      break;
    case 'polkadot-js-batch': {
      const entries = await polkadotJsBatchOpen(detected.file, password, options);
      accounts = await mapConcurrent(entries, async (entry) =>
        entry.file === undefined
          ? failed(previewOf(entry.json), entry.error)
          : verifySingle(entry.file, password, `entry ${entry.index + 1}`, false),
      );
      break;
    }
    default:
      throw new FormatNotSupportedError({ ...(options.file === undefined ? {} : { file: options.file }), label: base.label, action: 'verify' });
  }
  return { ...base, ok: accounts.length > 0 && accounts.every((a) => a.ok), accounts };
}

async function verifySingle(file: PolkadotJsSingle, password: string, where: string | undefined, rethrowPassword: boolean): Promise<VerifyAccount> {
  const name = typeof file.meta['name'] === 'string' ? file.meta['name'] : null;
  try {
    const opened = await polkadotJsOpen(file, password, where === undefined ? {} : { file: where });
    wipe(opened.secretKey);
    return { address: opened.address, publicKey: bytesToHex(opened.publicKey), type: opened.type, name, ok: true, error: null };
  } catch (err) {
    if (rethrowPassword && err instanceof WrongPasswordError) throw err;
    if (!(err instanceof BaseError)) throw err;
    const reported = err instanceof WrongPasswordError ? new BatchEntryLockedError({ address: file.address }) : err;
    return failed({ address: file.address, name, type: file.keyType ?? null }, reported);
  }
}

function previewOf(json: unknown): { address: string; name: string | null; type: KeyType | null } {
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const meta = typeof o['meta'] === 'object' && o['meta'] !== null ? (o['meta'] as Record<string, unknown>) : {};
  return { address: typeof o['address'] === 'string' ? o['address'] : '(unknown)', name: typeof meta['name'] === 'string' ? meta['name'] : null, type: null };
}

function failed(account: { address: string; name: string | null; type: KeyType | null }, error: BaseError): VerifyAccount {
  return { ...account, publicKey: null, ok: false, error: { name: error.name, message: error.fullMessage } };
}
