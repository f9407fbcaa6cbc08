import { bytesToHex, wipe } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import { CorruptFileError, FormatNotSupportedError } from '../errors/file.js';
import { WrongPasswordError } from '../errors/password.js';
import { formatDetect } from '../formats/detect.js';
import { fileAddressDecode } from '../formats/polkadot-js/address.js';
import { polkadotJsBatchOpen } from '../formats/polkadot-js/batch.js';
import { polkadotJsOpen } from '../formats/polkadot-js/open.js';
import type { PolkadotJsSingle } from '../formats/polkadot-js/parse.js';
import { accountAddress } from '../keys/account.js';
import { schemeLoad } from '../keys/scheme.js';
import { accountByPublicKey, accountInsert, accountReplace, type AccountInsert } from '../vault/accounts.js';
import { vaultWrite, type Vault } from '../vault/open.js';
import { mapConcurrent } from './concurrency.js';
import { networkOfFile } from './network.js';

export type RestoreInput = { file: string; text: string };

export type RestoreOptions = {
  onDuplicate?: 'skip' | 'replace';
  /** Called as each file finishes (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
};

export type RestoreReport = {
  restored: { address: string; name: string; file: string; verified: boolean; replaced: boolean }[];
  skipped: { address: string; reason: string; file: string }[];
  failed: { file: string; error: { name: string; message: string } }[];
};

type Candidate = { file: string; account: AccountInsert; address: string };
type Outcome = { candidates: Candidate[]; failed: RestoreReport['failed'] };

/**
 * Restores Polkadot{.js} account files and extension batch files into the vault. Every file is
 * opened (one scrypt, in parallel on all cores) and its key checked against its address; the file
 * is stored exactly as given — still locked with its own password, never re-encrypted. A bad file or
 * entry is reported and does not stop the others; all accounts that passed land in one transaction.
 */
export async function restoreFiles(vault: Vault, inputs: readonly RestoreInput[], password: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  let done = 0;
  const outcomes = await mapConcurrent(inputs, async (input): Promise<Outcome> => {
    try {
      return await restoreOne(input, password);
    } catch (err) {
      if (!(err instanceof BaseError)) throw err;
      return { candidates: [], failed: [{ file: input.file, error: { name: err.name, message: err.fullMessage } }] };
    } finally {
      options.onProgress?.(++done, inputs.length);
    }
  });

  const report: RestoreReport = { restored: [], skipped: [], failed: outcomes.flatMap((o) => o.failed) };
  const seen = new Set<string>();
  vaultWrite(vault, () => {
    for (const { file, account, address } of outcomes.flatMap((o) => o.candidates)) {
      const key = bytesToHex(account.publicKey);
      if (seen.has(key)) {
        report.skipped.push({ file, address, reason: 'it appears more than once in what was restored' });
        continue;
      }
      seen.add(key);
      const existing = accountByPublicKey(vault, account.publicKey);
      if (existing !== undefined && options.onDuplicate !== 'replace') {
        report.skipped.push({ file, address, reason: `already in the vault as "${existing.name}"` });
        continue;
      }
      if (existing === undefined) accountInsert(vault, account);
      else accountReplace(vault, account);
      report.restored.push({ address, name: account.name, file, verified: account.verified, replaced: existing !== undefined });
    }
  });
  return report;
}

async function restoreOne(input: RestoreInput, password: string): Promise<Outcome> {
  const detected = formatDetect(input.text, input.file);
  switch (detected.format) {
    case 'polkadot-js':
      return { candidates: [await verifiedCandidate(detected.file, input.text.trim(), password, input.file)], failed: [] };
    case 'polkadot-js-batch': {
      const entries = await polkadotJsBatchOpen(detected.file, password, { file: input.file });
      const outcome: Outcome = { candidates: [], failed: [] };
      const results = await mapConcurrent(entries, async (entry) => {
        const where = `${input.file} (entry ${entry.index + 1})`;
        if (entry.file === undefined) return { where, error: entry.error };
        const text = JSON.stringify(entry.json);
        try {
          return { where, candidate: await verifiedCandidate(entry.file, text, password, where) };
        } catch (err) {
          // The extension keeps each entry under its own password: keep it as it is, marked unchecked.
          if (err instanceof WrongPasswordError) return { where, candidate: await uncheckedCandidate(entry.file, text, where) };
          if (err instanceof BaseError) return { where, error: err };
          throw err;
        }
      });
      for (const r of results) {
        if (r.candidate) outcome.candidates.push(r.candidate);
        else if (r.error) outcome.failed.push({ file: r.where, error: { name: r.error.name, message: r.error.fullMessage } });
      }
      return outcome;
    }
    default:
      throw new FormatNotSupportedError({ file: input.file, label: detected.format, action: 'restore' });
  }
}

async function verifiedCandidate(file: PolkadotJsSingle, text: string, password: string, where: string): Promise<Candidate> {
  const opened = await polkadotJsOpen(file, password, { file: where });
  wipe(opened.secretKey);
  const net = networkOfFile(file.meta['genesisHash'], opened.prefix);
  return {
    file: where,
    address: accountAddress(opened.type, opened.accountId, net.prefix),
    account: {
      publicKey: opened.publicKey,
      accountId: opened.accountId,
      type: opened.type,
      name: opened.name ?? defaultName(opened.address),
      network: net.network,
      ss58Prefix: net.prefix,
      genesisHash: net.genesisHash,
      fileJson: text,
      verified: true,
      source: 'restore',
    },
  };
}

/** A batch entry the given password does not open: its public key comes from its address. */
async function uncheckedCandidate(file: PolkadotJsSingle, text: string, where: string): Promise<Candidate> {
  const type = file.keyType ?? 'sr25519';
  const claimed = fileAddressDecode(file.address);
  let publicKey: Uint8Array;
  let accountId: Uint8Array;
  if ((type === 'sr25519' || type === 'ed25519') && claimed.bytes.length === 32) {
    publicKey = accountId = claimed.bytes;
  } else if ((type === 'ecdsa' || type === 'ethereum') && claimed.bytes.length === 33) {
    publicKey = claimed.bytes;
    accountId = (await schemeLoad(type)).accountId(publicKey);
  } else {
    throw new CorruptFileError({ file: where, reason: 'it is locked with another password and its address does not give its public key' });
  }
  const net = networkOfFile(file.meta['genesisHash'], claimed.prefix ?? 42);
  const name = typeof file.meta['name'] === 'string' ? file.meta['name'] : defaultName(file.address);
  return {
    file: where,
    address: accountAddress(type, accountId, net.prefix),
    account: { publicKey, accountId, type, name, network: net.network, ss58Prefix: net.prefix, genesisHash: net.genesisHash, fileJson: text, verified: false, source: 'restore' },
  };
}

function defaultName(address: string): string {
  return `Account ${address.slice(0, 6)}…${address.slice(-4)}`;
}

