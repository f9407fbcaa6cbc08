/**
 * Minimal reproductions of what the fuzzer (readers.test.ts) found, as regular tests. Each states
 * the property every reader must keep — a result or one of keepsake's own errors (`BaseError`),
 * never a foreign TypeError/RangeError, and no secret in a message — on the smallest input that
 * broke it.
 *
 * Most failed against the code of 0d0b8eb (and before) and pass since 46d56a5 (one since 278e315),
 * which fixed what they show; they stay as regression tests. The group "open at the time of writing"
 * fails until src/ is fixed (this suite does not change src/). Most were the same mistake: `JSON.stringify` of a
 * value taken from a file, which throws `RangeError: Maximum call stack size exceeded` when the
 * value is nested ~10^5 levels deep (JSON.parse accepts such nesting; JSON.stringify does not).
 * The others: KDF parameter sets within keepsake's caps that node:crypto refuses with a RangeError,
 * a 0x seed with a non-hex digit reaching the curve library, and a derivation-path error quoting
 * half a recovery phrase.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseError } from '../../src/errors/base.js';
import { concordiumDesktopOpen } from '../../src/formats/concordium/desktop.js';
import { ethereumKeystoreDecrypt, ethereumKeystoreParse, ethereumKeystoreWrite } from '../../src/formats/ethereum-keystore.js';
import { sealedSecretParse, sealedSecretKdfNew, sealedSecretDeriveKey } from '../../src/formats/identity-seal.js';
import { type JsonObject } from '../../src/formats/json.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { schemeLoad } from '../../src/keys/scheme.js';
import { vaultClose, vaultOpen, type Vault } from '../../src/vault/open.js';
import { backupImport } from '../../src/wallet/backup/import.js';
import { fileAccountsOpen } from '../../src/wallet/fileAccounts.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import { restoreFiles } from '../../src/wallet/restore.js';
import { backupEnvelope, backupKeyDerive, seededRandom } from './seeds.js';

const PW = 'findings-pw-⚑';
const DEPTH = 100_000;
/** A JSON value nested DEPTH levels deep, as text (it cannot be built as a value and serialised). */
const DEEP = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

/** The outcome of a call: a value, a keepsake error, or (the bug) anything else. */
async function outcome(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'result';
  } catch (err) {
    if (err instanceof BaseError) return `keepsake error ${err.name}`;
    return `foreign ${(err as Error)?.name}: ${(err as Error)?.message}`;
  }
}

const KEEPSAKE = /^(result|keepsake error \w+)$/;

let dir: string;
let vault: Vault;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-findings-'));
  vault = vaultOpen(join(dir, 'vault.sqlite'));
});
afterAll(async () => {
  vaultClose(vault);
  await rm(dir, { recursive: true, force: true });
});

/** A sealed secret in keepsake's format (its content is never opened by an import). */
const SEALED = JSON.stringify({
  v: 1,
  kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
  nonce: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
});

/** A keepsake backup (scrypt N=2^15) of any payload text, opened with PW; `fill` picks its salt and nonce bytes. */
async function keepsakeBackupOf(payload: string, fill = 8): Promise<string> {
  const salt = new Uint8Array(32).fill(fill);
  return backupEnvelope(await backupKeyDerive(PW, salt), salt, new Uint8Array(24).fill(fill + 1), payload, null);
}

/** The full message of the keepsake error a call throws ('' when it does not throw). */
async function errorMessage(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return '';
  } catch (err) {
    return err instanceof BaseError ? err.fullMessage : String(err);
  }
}

/** A 1-round Concordium export of any plaintext (decrypts with PW). */
async function concordiumExportOf(plaintext: string): Promise<string> {
  const { createCipheriv, pbkdf2Sync } = await import('node:crypto');
  const salt = Buffer.alloc(16, 1);
  const iv = Buffer.alloc(16, 2);
  const cipher = createCipheriv('aes-256-cbc', pbkdf2Sync(PW, salt, 1, 32, 'sha256'), iv);
  const cipherText = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return JSON.stringify({
    cipherText: cipherText.toString('base64'),
    metadata: { keyLen: 32, iterations: 1, salt: salt.toString('base64'), initializationVector: iv.toString('base64') },
  });
}

describe('deeply nested values (JSON.stringify of file content throws RangeError)', () => {
  it('inspect: a keepsake backup whose "version" is deeply nested (keepsake-backup.ts, the version message) — no password needed', async () => {
    const text = `{"type":"keepsake-backup","version":${DEEP}}`;
    expect(await outcome(() => inspectFile(text))).toMatch(KEEPSAKE);
  });

  it('Concordium export whose "metadata.hashAlgorithm" is deeply nested (desktop.ts, the hash message) — before any password check', async () => {
    const json = JSON.parse(
      `{"cipherText":"AAAAAAAAAAAAAAAAAAAAAA==","metadata":{"iterations":1,"salt":"AAAA","initializationVector":"AAAAAAAAAAAAAAAAAAAAAA==","hashAlgorithm":${DEEP}}}`,
    ) as JsonObject;
    expect(await outcome(() => concordiumDesktopOpen(json, PW))).toMatch(KEEPSAKE);
  });

  it('Ethereum keystore whose "crypto.cipher" or "crypto.kdf" is deeply nested (ethereum-keystore.ts, the cipher/KDF messages)', async () => {
    const cipher = JSON.parse(`{"version":3,"crypto":{"cipher":${DEEP}}}`) as JsonObject;
    expect(await outcome(() => ethereumKeystoreParse(cipher))).toMatch(KEEPSAKE);
    const kdf = JSON.parse(
      `{"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"${'00'.repeat(16)}"},"ciphertext":"${'00'.repeat(32)}","mac":"${'00'.repeat(32)}","kdfparams":{"salt":"00","dklen":32},"kdf":${DEEP}}}`,
    ) as JsonObject;
    expect(await outcome(() => ethereumKeystoreParse(kdf))).toMatch(KEEPSAKE);
  });

  it('Apps "Export all" list whose entry has deeply nested meta (fileAccounts.ts keyedEntry: JSON.stringify(json))', async () => {
    const pair = await pairFromSuri('//Alice', 'ed25519');
    const { polkadotJsWrite } = await import('../../src/formats/polkadot-js/write.js');
    const file = await polkadotJsWrite(pair, PW, { params: { N: 1 << 15, r: 8, p: 1 } });
    const text = `[${JSON.stringify({ ...file, meta: { name: 'deep', tags: '@DEEP@' } }).replace('"@DEEP@"', DEEP)}]`;
    expect(await outcome(() => fileAccountsOpen(text, PW))).toMatch(KEEPSAKE);
  });

  it('restore: an Apps watch-only entry with deeply nested meta (restore.ts candidateOf: JSON.stringify(original))', async () => {
    const text = `[{"address":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","meta":${DEEP}}]`;
    expect(await outcome(() => restoreFiles(vault, [{ file: 'apps.json', text }], PW))).toMatch(KEEPSAKE);
  });

  it('backup import: a Concordium export whose decrypted content holds a deeply nested entry (backup.ts importConcordium/concordiumKey)', async () => {
    const plaintext = `{"identities":[],"accounts":[],"addressBook":[],"credentials":[],"wallets":[{"id":${DEEP}}]}`;
    expect(await outcome(async () => backupImport(vault, await concordiumExportOf(plaintext), PW))).toMatch(KEEPSAKE);
  });

  it('backup import: a keepsake backup whose decrypted payload holds a deeply nested sealed phrase (backup.ts validatePayload)', async () => {
    const text = await keepsakeBackupOf(`{"version":1,"identities":[{"name":"Main","sealed":${DEEP}}],"accounts":[],"addresses":[]}`, 4);
    expect(await outcome(() => backupImport(vault, text, PW))).toMatch(KEEPSAKE);
  });
});

describe('found after the first fixes', () => {
  // Found by the long fuzz run against 7d5f72d, fixed in 278e315: since 46d56a5, jsonParse measures the nesting of its
  // text before parsing (jsonDepth reads text.length); validatePayload (backup.ts) passes it
  // JSON.stringify(identity.sealed), which is undefined when an identity has no "sealed" field, so
  // jsonDepth throws TypeError "Cannot read properties of undefined (reading 'length')" — before 46d56a5
  // JSON.parse(undefined) threw a SyntaxError that became NotJsonError. The CLI prints "Unexpected error
  // (TypeError): this is a bug" for a damaged backup opened with its right password.
  it('backup import: a keepsake backup whose identity has no "sealed" field is refused as damaged, not a TypeError', async () => {
    const text = await keepsakeBackupOf('{"version":1,"identities":[{"name":"Main","createdAt":1}],"accounts":[],"addresses":[]}', 6);
    expect(await outcome(() => backupImport(vault, text, PW))).toMatch(KEEPSAKE);
  });
});

describe('found by the long run against 278e315 (fixed since)', () => {
  // Found by the long fuzz run against 278e315. validatePayload (backup.ts) takes any number as an
  // identity's or account's createdAt (and an account's ss58Prefix); the vault's STRICT INTEGER columns
  // refuse a fraction, SQLite answers SQLITE_CONSTRAINT_DATATYPE, and vaultError reports it as
  // VaultUnavailableError "The vault … cannot be used: an unexpected storage error occurred" — blaming the
  // vault and the disk for a damaged backup. Nothing is written (the transaction rolls back).
  it('backup import: a keepsake backup whose identity has a fractional createdAt is refused as damaged, not as a storage error', async () => {
    const text = await keepsakeBackupOf(`{"version":1,"identities":[{"name":"Main","createdAt":1.5,"sealed":${SEALED}}],"accounts":[],"addresses":[]}`);
    const result = await outcome(() => backupImport(vault, text, PW));
    expect(result).toMatch(KEEPSAKE);
    expect(result).not.toBe('keepsake error VaultUnavailableError');
  });

  // Found by the long fuzz run against 278e315. A 0x seed typed after "//" (or after the phrase's "/")
  // is read as a derivation-path junction; ethereum refuses the path and InvalidPathError quotes it
  // whole — the seed, a secret, in the message. 46d56a5 stops quoting paths with spaces (phrase words)
  // or over 80 characters; "//0x" + 64 hex digits + "//hard" is 75.
  it('a 0x seed typed as a path junction is not quoted back in the error', async () => {
    const seed = `0x${'6cbfec3df34e163817e009b1d45e59d19c88d83006c888fc5226c4c6b139b7af'}`;
    const message = await errorMessage(() => pairFromSuri(`//${seed}//hard`, 'ethereum'));
    expect(message).not.toBe('');
    expect(message).not.toContain(seed.slice(2));
  });
});

describe('KDF parameters within the caps that node:crypto refuses (RangeError instead of a keepsake error)', () => {
  it('Ethereum keystore with scrypt n=2^16, r=1, p=1 (node requires N < 2^(16·r))', async () => {
    const ethereum = await schemeLoad('ethereum');
    const pair = ethereum.fromSeed(new Uint8Array(32).fill(3));
    const good = await ethereumKeystoreWrite(pair.secretKey, ethereum.accountId(pair.publicKey), PW, {
      params: { N: 1 << 10, r: 8, p: 1 },
      random: seededRandom(9),
    });
    const crypto = good['crypto'] as JsonObject;
    const json = { ...good, crypto: { ...crypto, kdfparams: { ...(crypto['kdfparams'] as JsonObject), n: 1 << 16, r: 1, p: 1 } } };
    expect(await outcome(async () => ethereumKeystoreDecrypt(ethereumKeystoreParse(json), PW))).toMatch(KEEPSAKE);
    // The same file through the whole-file reader used by `restore` and `verify`.
    expect(await outcome(() => fileAccountsOpen(JSON.stringify(json), PW))).toMatch(KEEPSAKE);
  });

  it('sealed secret (identity phrase in the vault or a backup) with scrypt r=-1, or N=2^16 with r=1: sealedSecretParse accepts it, sealedSecretDeriveKey throws RangeError', async () => {
    const kdf = sealedSecretKdfNew(seededRandom(5), { N: 1 << 10, r: 8, p: 1 });
    for (const params of [
      { N: 1 << 10, r: -1, p: 1 },
      { N: 1 << 16, r: 1, p: 1 },
    ]) {
      const sealed = sealedSecretParse(JSON.stringify({ v: 1, kdf: { ...kdf, ...params }, nonce: 'AAAA', ciphertext: 'AAAA' }));
      expect(await outcome(() => sealedSecretDeriveKey('123456', sealed.kdf)), JSON.stringify(params)).toMatch(KEEPSAKE);
    }
  });
});

describe('secret URIs (pairFromSuri)', () => {
  it('a 0x seed with a typo (a non-hex digit) throws RangeError from the curve library instead of InvalidSuriError (fromSuri.ts: isHexSeed only checks the 0x prefix)', async () => {
    const seed = `0x6cbfec3S${'ab'.repeat(28)}`; // 66 characters, one of them not hex
    for (const type of ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const) {
      expect(await outcome(() => pairFromSuri(seed, type)), type).toMatch(KEEPSAKE);
    }
  });

  it('a "/" typed inside a recovery phrase: the error quotes the rest of the phrase as the derivation path (a secret in a message)', async () => {
    // A 24-word phrase with "/" typed for the space after word 12: keepsake reads words 1–12 as the
    // phrase (here they happen to form a valid 12-word phrase) and words 13–24 as a soft-derivation
    // path, which ed25519, ecdsa and ethereum refuse — quoting that "path", half of the recovery phrase.
    // (For ethereum the path is checked first, so it is quoted whatever the first 12 words are.)
    const words =
      'legal winner thank year wave sausage worth useful legal winner thank yellow abandon ability able about above absent absorb abstract absurd abuse access accident'.split(
        ' ',
      );
    const suri = `${words.slice(0, 12).join(' ')}/${words.slice(12).join(' ')}`;
    for (const type of ['ed25519', 'ecdsa', 'ethereum'] as const) {
      const message = await errorMessage(() => pairFromSuri(suri, type));
      expect(message, type).not.toBe('');
      expect(message, `${type}: ${message}`).not.toContain(`${words[13]} ${words[14]} ${words[15]}`);
    }
  });
});

describe('keepsake backup payload fields of the wrong kind (found by the long run)', () => {
  it('an identity without its sealed phrase, or a Concordium item without its original entry: CorruptFileError, not a TypeError', async () => {
    const { keepsakeBackupWrite } = await import('../../src/formats/keepsake-backup.js');
    for (const payload of [
      { version: 1, identities: [{ name: 'Main' }], accounts: [], addresses: [] },
      { version: 1, identities: [], accounts: [], addresses: [], concordium: { items: [{ collection: 'wallets', key: 'k' }] } },
    ]) {
      const text = JSON.stringify(await keepsakeBackupWrite(payload, PW, { params: { N: 1 << 15, r: 8, p: 1 } }));
      expect(await outcome(() => backupImport(vault, text, PW))).toBe('keepsake error CorruptFileError');
    }
  });
});
