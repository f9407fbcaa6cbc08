import { wipe } from '../crypto/bytes.js';
import { WatchOnlyAccountError } from '../errors/vault.js';
import { WrongPasswordError } from '../errors/password.js';
import { isObject, jsonParse } from '../formats/json.js';
import { kdfParams, scryptHeaderRead, type PolkadotJsKdf } from '../formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import { polkadotJsParse, type PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { polkadotJsWrite } from '../formats/polkadot-js/write.js';
import type { AccountRow } from '../vault/accounts.js';
import { withName } from './accounts.js';
import { accountView } from './accountView.js';
import { mapConcurrent } from './concurrency.js';
import { storedKeyCheck } from './storedKey.js';

/**
 * Re-locking stored key files under a new password: shared by "Export all" with `--rekey`
 * (accountExportAll), the whole-wallet backup with `--rekey` (backupExport) and one account's export (relock).
 */

/** Answers tried on an account before its password is asked (besides the new password itself). */
const RECENT_ANSWERS = 2;

/**
 * Every key file of `rows` re-locked with `newPassword`, by account id (a rekey of "Export all" or
 * of the whole-wallet backup). Each is first opened with `newPassword` itself (all at once: accounts
 * often already share it), then, one at a time, with the last answers given, and only then is its
 * password asked (`passwordFor`; without it, such an account is a {@link WrongPasswordError}).
 * Trying a password on an account's file counts nothing anywhere (unlike a PIN), and every answer
 * tried is one the user typed for these accounts.
 */
export async function rekeyFiles(
  rows: readonly AccountRow[],
  newPassword: string,
  options: {
    kdf: PolkadotJsKdf;
    passwordFor?: (account: { address: string; name: string }) => Promise<string>;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<Map<number, string>> {
  const keyed = rows.filter((r) => r.fileJson !== null);
  let done = 0;
  const progress = () => options.onProgress?.(++done, keyed.length);
  const attempt = async (row: AccountRow, password: string) => {
    try {
      return await relock(row, password, newPassword, options.kdf);
    } catch (err) {
      if (err instanceof WrongPasswordError) return undefined;
      throw err;
    }
  };
  const first = await mapConcurrent(keyed, async (row) => {
    const file = await attempt(row, newPassword);
    if (file !== undefined) progress();
    return file;
  });
  const files = new Map<number, string>();
  const answers: string[] = [];
  for (const [i, row] of keyed.entries()) {
    let file = first[i];
    for (const answer of answers) file ??= await attempt(row, answer);
    if (file === undefined) {
      const address = accountView(row).address;
      if (options.passwordFor === undefined) throw new WrongPasswordError({ subject: address });
      const answer = await options.passwordFor({ address, name: row.name });
      file = await relock(row, answer, newPassword, options.kdf);
      answers.unshift(answer);
      answers.splice(RECENT_ANSWERS);
    }
    if (first[i] === undefined) progress();
    files.set(row.id, file);
  }
  return files;
}

/** The row's file, opened with `password`, as a file locked with `newPassword` and the `kdf` parameters. */
export async function relock(row: AccountRow, password: string, newPassword: string, kdf: PolkadotJsKdf): Promise<string> {
  if (row.fileJson === null) throw new WatchOnlyAccountError({ address: accountView(row).address });
  const stored = polkadotJsParse(jsonParse(row.fileJson)) as PolkadotJsSingle;
  const address = accountView(row).address;
  const opened = await polkadotJsOpen(stored, password, { file: address, subject: address, held: 'vault' });
  try {
    await storedKeyCheck(row, opened);
    const target = kdfParams(kdf);
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
