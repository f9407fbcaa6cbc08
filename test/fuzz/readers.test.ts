/**
 * Property-based fuzzing of every reader keepsake has (issue 8, "Fuzzing"): random bytes, random
 * JSON, format-shaped JSON, and mutations of valid files of every format (see mutate.ts). For every
 * input, every reader ends in a result or one of keepsake's own errors (`BaseError`) — no TypeError,
 * RangeError or other foreign error, no hang, no KDF over the caps, no secret in any message.
 *
 * Short inside `npm test`; long with `npm run fuzz` (FUZZ_RUNS scales the runs, see config.ts).
 * Failures are collected per reader and reported together with the shortest input that showed each.
 *
 * node:crypto's scrypt and PBKDF2 are wrapped to *observe* every derivation (each call goes through
 * to node:crypto unchanged): that is how a run proves no input made keepsake derive over its caps.
 */
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { concordiumDesktopOpen, concordiumDesktopValidate } from '../../src/formats/concordium/desktop.js';
import { formatDetect } from '../../src/formats/detect.js';
import { ethereumKeystoreDecrypt, ethereumKeystoreParse } from '../../src/formats/ethereum-keystore.js';
import { sealedSecretOpen, sealedSecretParse, sealedSecretDeriveKey } from '../../src/formats/identity-seal.js';
import { isObject, type JsonObject } from '../../src/formats/json.js';
import { keepsakeBackupOpen, keepsakeBackupParse } from '../../src/formats/keepsake-backup.js';
import { fileAddressDecode } from '../../src/formats/polkadot-js/address.js';
import { polkadotJsBatchOpen } from '../../src/formats/polkadot-js/batch.js';
import { scryptHeaderRead } from '../../src/formats/polkadot-js/kdf.js';
import { polkadotJsOpen } from '../../src/formats/polkadot-js/open.js';
import { polkadotJsParse } from '../../src/formats/polkadot-js/parse.js';
import { ethereumDecode, ss58Decode } from '../../src/keys/address.js';
import { concordiumDecode } from '../../src/keys/concordium.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { mnemonicToBip39Seed, mnemonicToMiniSecret, mnemonicValidate } from '../../src/keys/mnemonic.js';
import { suriParse } from '../../src/keys/suri.js';
import { KEY_TYPES } from '../../src/keys/types.js';
import { VaultUnavailableError } from '../../src/errors/vault.js';
import { vaultClose, vaultOpen, type Vault } from '../../src/vault/open.js';
import { addressParse } from '../../src/wallet/addressParse.js';
import { backupImport } from '../../src/wallet/backup/import.js';
import { fileAccountsOpen } from '../../src/wallet/fileAccounts.js';
import { inspectFile } from '../../src/wallet/inspect.js';
import { verifyFile } from '../../src/wallet/verify.js';
import { fcParams, LONG_MODE, PASSWORDS, PATH_PW, PIN, PW, runs, SEED, testTimeout } from './config.js';
import { kdfLog, kdfWindowReset } from './kdf-log.js';
import { fileInputArb, keyInputArb, mutationArb, randomJsonArb, randomTextArb, seedArb, shapedJsonArb, type Built } from './mutate.js';
import { FuzzStats, show } from './outcome.js';
import { backupEnvelope, backupKeyDerive, MNEMONIC, seedsBuild, type Seed, type Seeds } from './seeds.js';

// Observe (never replace) every derivation keepsake asks node:crypto for.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const log = await import('./kdf-log.js');
  const scryptObserved = (...args: unknown[]) => {
    log.kdfRecordScrypt(typeof args[3] === 'object' ? args[3] : undefined);
    return (actual.scrypt as (...a: unknown[]) => unknown)(...args);
  };
  const scryptSyncObserved = (...args: unknown[]) => {
    log.kdfRecordScrypt(args[3]);
    return (actual.scryptSync as (...a: unknown[]) => unknown)(...args);
  };
  const pbkdf2Observed = (...args: unknown[]) => {
    log.kdfRecordPbkdf2(args[2]);
    return (actual.pbkdf2 as (...a: unknown[]) => unknown)(...args);
  };
  const pbkdf2SyncObserved = (...args: unknown[]) => {
    log.kdfRecordPbkdf2(args[2]);
    return (actual.pbkdf2Sync as (...a: unknown[]) => unknown)(...args);
  };
  const wrapped = { scrypt: scryptObserved, scryptSync: scryptSyncObserved, pbkdf2: pbkdf2Observed, pbkdf2Sync: pbkdf2SyncObserved };
  return { ...actual, ...wrapped, default: { ...actual, ...wrapped } };
});

const stats = new FuzzStats();
let seeds: Seeds;
let secrets: string[];
let dir: string;

beforeAll(async () => {
  seeds = await seedsBuild();
  const words = MNEMONIC.split(' ');
  // The secrets of the seeds, and every two neighbouring words of the phrase (one word may be quoted: "word 3 is not in the list").
  secrets = [...seeds.secrets, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
  dir = await mkdtemp(join(tmpdir(), 'keepsake-fuzz-'));
  // The observer sees node:crypto's calls (building the seeds derived keys).
  expect(kdfLog.scrypt + kdfLog.pbkdf2).toBeGreaterThan(0);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  if (LONG_MODE || process.env['FUZZ_VERBOSE']) {
    console.log(`\n=== fuzz summary (FUZZ_SEED=${SEED}) ===\n${stats.summary()}`);
    for (const f of stats.allFailures())
      console.log(`\n[${f.target}] ${f.signature} (${f.count}×)\n  input (${f.label}): ${show(f.text, 600)}\n  ${f.detail.split('\n').join('\n  ')}`);
  }
});

/** The name every reader is given for the fuzz input (its messages quote it), and the options that pass it. */
const FILE = 'fuzz.json';
const IN_FILE = { file: FILE };

/** The secrets a call must not reveal: the seeds' and the password it was given. */
const secretsWith = (password?: string) => (password === undefined ? secrets : [...secrets, password]);

/** Parses a fuzz input as JSON when it is JSON (the format readers below take parsed values). */
function jsonOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Probes a reader of parsed JSON; an input that is not JSON is not given to it (formatDetect covers text). */
async function probeJson(target: string, input: Built, read: (value: unknown) => unknown, password?: string): Promise<void> {
  const json = jsonOf(input.text);
  if (json.ok) await stats.probe(target, input, () => read(json.value), secretsWith(password));
}

/** Probes a reader of one JSON object (its callers check for an object first); other input is not given to it. */
async function probeObject(target: string, input: Built, read: (value: JsonObject) => unknown, password?: string): Promise<void> {
  const json = jsonOf(input.text);
  if (json.ok && isObject(json.value)) {
    const value = json.value;
    await stats.probe(target, input, () => read(value), secretsWith(password));
  }
}

const passwordArb = fc.constantFrom(...PASSWORDS);

/** Mutations of valid files (`weight` runs in `weight + 1`), now and then `other` input: most runs reach deep into a reader. */
function mostlyMutations(mutations: fc.Arbitrary<Built>, weight: number, other: fc.Arbitrary<Built>): fc.Arbitrary<Built> {
  return fc.oneof({ weight, arbitrary: mutations }, { weight: 1, arbitrary: other });
}

/** Runs a property whose body never throws (the stats collect), then fails the test with every distinct problem. */
async function fuzz<T>(targets: string[], arb: fc.Arbitrary<T>, numRuns: number, body: (value: T) => Promise<void>): Promise<void> {
  kdfWindowReset();
  await fc.assert(fc.asyncProperty(arb, body), fcParams(numRuns));
  const problems = targets.flatMap((t) => stats.failures(t).map((f) => `[${t}] ${f}`));
  expect(problems, `${problems.join('\n\n')}\n\nreplay: FUZZ_SEED=${SEED} (with the same FUZZ_RUNS)`).toEqual([]);
  // The fuzzer's own budget: mutations keep scrypt parameters cheap or refused, so no input made keepsake
  // derive anywhere near the caps (N·r·p ≤ 2^22: at most 64 MiB and ~0.5 s, never N=2^20 at 1 GiB).
  expect(kdfLog.window.scryptCost, 'a fuzz input made keepsake run an expensive scrypt (generator bug)').toBeLessThanOrEqual(2 ** 22);
}

/** One test per property, with a time limit sized to its runs. */
function property(name: string, numRuns: number, msPerRun: number, fn: (numRuns: number) => Promise<void>): void {
  it(`${name} (${numRuns} runs)`, () => fn(numRuns), testTimeout(numRuns, msPerRun));
}

describe('whole files, no password: formatDetect and inspectFile', () => {
  const n = runs(500, 1);
  property('any text → a format or a keepsake error; KDF parameters at and past the caps are only reported', n, 20, (numRuns) =>
    fuzz(['formatDetect', 'inspectFile'], fileInputArb(seeds.files, { atCap: true }), numRuns, async (input: Built) => {
      await stats.probe('formatDetect', input, () => formatDetect(input.text, FILE), secrets);
      await stats.probe('inspectFile', input, () => inspectFile(input.text, IN_FILE), secrets);
    }),
  );
});

describe('whole files with a password: fileAccountsOpen and verifyFile', () => {
  /** One input, with a password, through `verify` or through the reader `restore` uses (both properties below). */
  const openOrVerify = async ([input, password, verify]: [Built, string, boolean]): Promise<void> => {
    if (verify) await stats.probe('verifyFile', input, () => verifyFile(input.text, password, IN_FILE), secretsWith(password));
    else
      await stats.probe(
        'fileAccountsOpen',
        input,
        () => fileAccountsOpen(input.text, password, { file: FILE, lockedEntries: 'keep', convertKeystores: true }),
        secretsWith(password),
      );
  };
  /** Each input with a password, and whether it goes to `verify` (else to the reader of `restore`). */
  const withPasswordAndMode = (files: fc.Arbitrary<Built>) => fc.tuple(files, passwordArb, fc.boolean());
  const targets = ['fileAccountsOpen', 'verifyFile'];
  const cheap = runs(200, 0.4);
  property('cheap files (legacy, unencrypted, Apps lists, keystores at N=2^10 or PBKDF2) and random input', cheap, 60, (numRuns) =>
    fuzz(
      targets,
      withPasswordAndMode(
        fc.oneof(
          { weight: 1, arbitrary: randomTextArb },
          { weight: 1, arbitrary: randomJsonArb },
          { weight: 2, arbitrary: shapedJsonArb },
          { weight: 12, arbitrary: mutationArb(seeds.accountFiles.filter((s) => s.cost === 0)) },
        ),
      ),
      numRuns,
      openOrVerify,
    ),
  );
  const scrypted = runs(40, 0.06);
  property('scrypt files (N=2^15 single, batch, Apps list) mutated, incl. KDF headers past the caps', scrypted, 400, (numRuns) => {
    const files = seeds.accountFiles.filter((s) => s.cost > 0);
    return fuzz(targets, withPasswordAndMode(mostlyMutations(mutationArb(files), 8, seedArb(files))), numRuns, openOrVerify);
  });
});

describe('format readers', () => {
  const parseRuns = runs(300, 1);
  property('Polkadot{.js} parse and scrypt header: structure only, KDF parameters at and past the caps', parseRuns, 10, (numRuns) =>
    fuzz(
      ['polkadotJsParse'],
      fc.oneof(
        { weight: 6, arbitrary: mutationArb(seeds.polkadot, { atCap: true }) },
        { weight: 1, arbitrary: shapedJsonArb },
        { weight: 1, arbitrary: randomJsonArb },
      ),
      numRuns,
      (input: Built) =>
        probeJson('polkadotJsParse', input, (value) => {
          const parsed = polkadotJsParse(value, FILE);
          if (parsed.cipher === 'scrypt') scryptHeaderRead(parsed.encoded, FILE);
          return parsed;
        }),
    ),
  );

  const openRuns = runs(120, 0.3);
  property('Polkadot{.js} open (single and batch), legacy and unencrypted files mostly', openRuns, 60, (numRuns) =>
    fuzz(
      ['polkadotJsOpen'],
      fc.tuple(
        fc.oneof(
          { weight: 6, arbitrary: mutationArb(seeds.polkadot.filter((s) => s.cost === 0 || s.name.includes('batch (legacy'))) },
          { weight: 1, arbitrary: mutationArb(seeds.polkadot) },
          { weight: 1, arbitrary: shapedJsonArb },
        ),
        passwordArb,
      ),
      numRuns,
      ([input, password]) =>
        probeJson(
          'polkadotJsOpen',
          input,
          async (value) => {
            const parsed = polkadotJsParse(value, FILE);
            return parsed.kind === 'batch' ? polkadotJsBatchOpen(parsed, password, IN_FILE) : polkadotJsOpen(parsed, password, IN_FILE);
          },
          password,
        ),
    ),
  );

  const ksRuns = runs(200, 0.3);
  property('Ethereum keystore parse and decrypt (scrypt N=2^10, PBKDF2), KDF parameters cheap or refused', ksRuns, 40, (numRuns) =>
    fuzz(['ethereumKeystore'], fc.tuple(mostlyMutations(mutationArb(seeds.keystore), 8, shapedJsonArb), passwordArb), numRuns, ([input, password]) =>
      probeObject('ethereumKeystore', input, async (value) => ethereumKeystoreDecrypt(ethereumKeystoreParse(value, FILE), password, IN_FILE), password),
    ),
  );
  const ksCapRuns = runs(150, 0.5);
  property('Ethereum keystore parse: KDF parameters at the caps are accepted or refused, never derived', ksCapRuns, 10, (numRuns) =>
    fuzz(['ethereumKeystoreParse'], mutationArb(seeds.keystore, { atCap: true }), numRuns, (input: Built) =>
      probeObject('ethereumKeystoreParse', input, (value) => ethereumKeystoreParse(value, FILE)),
    ),
  );

  const ccdRuns = runs(200, 0.3);
  property('Concordium desktop/mobile export open (PBKDF2 ≤ 10^5 rounds in the open path)', ccdRuns, 40, (numRuns) =>
    fuzz(['concordiumDesktopOpen'], fc.tuple(mostlyMutations(mutationArb(seeds.concordium), 8, shapedJsonArb), passwordArb), numRuns, ([input, password]) =>
      probeObject('concordiumDesktopOpen', input, (value) => concordiumDesktopOpen(value, password, IN_FILE), password),
    ),
  );

  const validateRuns = runs(300, 1);
  property('Concordium decrypted content: concordiumDesktopValidate on mutated and random data', validateRuns, 10, (numRuns) =>
    fuzz(['concordiumDesktopValidate'], mostlyMutations(mutationArb([plainSeed()]), 6, randomJsonArb), numRuns, (input: Built) =>
      probeJson('concordiumDesktopValidate', input, (value) => concordiumDesktopValidate(value, FILE)),
    ),
  );

  const backupParseRuns = runs(250, 1);
  property('keepsake backup parse: KDF parameters at and past the caps, never derived', backupParseRuns, 10, (numRuns) =>
    fuzz(['keepsakeBackupParse'], mostlyMutations(mutationArb(seeds.backup, { atCap: true }), 6, shapedJsonArb), numRuns, (input: Built) =>
      probeObject('keepsakeBackupParse', input, (value) => keepsakeBackupParse(value, FILE)),
    ),
  );
  const backupOpenRuns = runs(16, 0.02);
  property('keepsake backup open (scrypt N=2^15 when the parameters pass)', backupOpenRuns, 400, (numRuns) =>
    fuzz(['keepsakeBackupOpen'], fc.tuple(mutationArb(seeds.backup), passwordArb), numRuns, ([input, password]) =>
      probeObject('keepsakeBackupOpen', input, async (value) => keepsakeBackupOpen(keepsakeBackupParse(value, FILE), password, IN_FILE), password),
    ),
  );

  const sealedRuns = runs(250, 0.5);
  property('sealed identity phrase: sealedSecretParse, then the PIN key (N=2^10 or refused) and the box', sealedRuns, 20, (numRuns) =>
    fuzz(
      ['sealedSecret'],
      fc.tuple(mostlyMutations(mutationArb(seeds.sealed), 8, randomJsonArb), fc.constantFrom(PIN, PIN, '000000', PW)),
      numRuns,
      async ([input, pin]) => {
        await stats.probe(
          'sealedSecret',
          input,
          async () => {
            const sealed = sealedSecretParse(input.text);
            const key = await sealedSecretDeriveKey(pin, sealed.kdf);
            return sealedSecretOpen(key, sealed) === undefined ? 'wrong PIN' : 'opened';
          },
          secretsWith(pin),
        );
      },
    ),
  );
  const sealedCapRuns = runs(100, 0.3);
  property('sealed identity phrase: sealedSecretParse with KDF parameters at the caps (never derived)', sealedCapRuns, 10, (numRuns) =>
    fuzz(['sealedSecretParse'], mutationArb(seeds.sealed, { atCap: true }), numRuns, async (input: Built) => {
      await stats.probe('sealedSecretParse', input, () => sealedSecretParse(input.text), secrets);
    }),
  );
});

describe('whole-wallet import: backupImport (all or nothing)', () => {
  let vault: Vault;
  let imports = 0;
  let concordiumKey: Uint8Array;
  const salt = randomBytes(16);
  let backupKey: Uint8Array;
  const backupSalt = randomBytes(32);

  beforeAll(async () => {
    vault = vaultOpen(join(dir, 'import.sqlite'));
    concordiumKey = new Uint8Array(pbkdf2Sync(PW, salt, 1, 32, 'sha256'));
    backupKey = await backupKeyDerive(PW, backupSalt);
  });
  afterAll(() => {
    if (vault) vaultClose(vault);
  });

  /**
   * A fingerprint of what the vault holds (rows, highest row id, bytes per column), computed by SQLite:
   * it must not change when an import fails. Successful imports make the vault grow, so it is replaced
   * by a fresh one every 100 imports (the fingerprint stays cheap and the disk is not filled).
   */
  function snapshot(): string {
    return ['identities', 'accounts', 'addresses', 'concordium_items', 'settings']
      .map((t) => {
        const columns = (vault.db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => `total(length(CAST("${c.name}" AS BLOB)))`);
        return JSON.stringify(
          vault.db
            .prepare(`SELECT count(*), max(rowid), ${columns.join(', ')} FROM ${t}`)
            .raw()
            .get(),
        );
      })
      .join('|');
  }

  function rotate(): void {
    if (++imports % 100 !== 0) return;
    const old = vault.file;
    vaultClose(vault);
    for (const f of [old, `${old}-wal`, `${old}-shm`]) rmSync(f, { force: true });
    vault = vaultOpen(join(dir, `import-${imports}.sqlite`));
  }

  /** Encrypts any text the way a Concordium export does (PBKDF2 with 1 round, so each run is cheap). */
  function concordiumEnvelope(plaintext: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', concordiumKey, iv);
    const cipherText = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return JSON.stringify({
      cipherText: cipherText.toString('base64'),
      metadata: {
        keyLen: 32,
        iterations: 1,
        salt: salt.toString('base64'),
        initializationVector: iv.toString('base64'),
        encryptionMethod: 'AES-256',
        keyDerivationMethod: 'PBKDF2WithHmacSHA256',
        hashAlgorithm: 'sha256',
      },
    });
  }

  /** Encrypts any text as a keepsake backup payload (the key is derived once; the reader derives it again, N=2^15). */
  function backupPayloadEnvelope(plaintext: string): string {
    return backupEnvelope(backupKey, backupSalt, randomBytes(24), plaintext, '2024-01-01T00:00:00.000Z');
  }

  async function importProbe(target: string, input: Built, text: string, password: string): Promise<void> {
    rotate();
    const before = snapshot();
    let failure: unknown;
    await stats.probe(
      target,
      input,
      async () => {
        try {
          return await backupImport(vault, text, password, IN_FILE);
        } catch (err) {
          failure = err ?? 'thrown';
          throw err;
        }
      },
      secretsWith(password),
    );
    // Nothing is changed in the vault by an import that fails (DESIGN.md).
    if (failure !== undefined && snapshot() !== before)
      stats.report(target, 'vault-changed', 'a failed import changed the vault', input, 'the vault differs from before the import');
    // The vault is healthy and the disk roomy: a storage error here means the file's content made SQLite fail.
    if (failure instanceof VaultUnavailableError) {
      const cause = failure.cause as { code?: unknown; message?: unknown } | undefined;
      stats.report(
        target,
        'storage-error-from-content',
        `${String(cause?.code)}: ${String(cause?.message).replace(/\d+/g, 'N').slice(0, 80)}`,
        input,
        failure.message,
      );
    }
  }

  const ccdRuns = runs(150, 0.3);
  property('Concordium export whose decrypted content is mutated (deep nesting, huge values, wrong types)', ccdRuns, 40, (numRuns) =>
    fuzz(['backupImport(concordium)'], mostlyMutations(mutationArb([plainSeed()]), 8, randomJsonArb), numRuns, async (input: Built) => {
      await importProbe('backupImport(concordium)', input, concordiumEnvelope(input.text), PW);
    }),
  );
  const fileRuns = runs(100, 0.3);
  property('Concordium export file mutated (envelope, KDF parameters cheap or refused)', fileRuns, 40, (numRuns) =>
    fuzz(['backupImport(concordium file)'], fc.tuple(mutationArb(seeds.concordium), passwordArb), numRuns, async ([input, password]) => {
      await importProbe('backupImport(concordium file)', input, input.text, password);
    }),
  );
  const payloadRuns = runs(16, 0.02);
  property('keepsake backup whose decrypted payload is mutated (identities, accounts, sealed secrets, addresses)', payloadRuns, 400, (numRuns) =>
    fuzz(['backupImport(keepsake)'], mutationArb([payloadSeed()]), numRuns, async (input: Built) => {
      await importProbe('backupImport(keepsake)', input, backupPayloadEnvelope(input.text), PW);
    }),
  );
});

describe('keys: SURI, mnemonic, addresses', () => {
  const suriRuns = runs(400, 0.5);
  property('suriParse and pairFromSuri (every key type)', suriRuns, 20, (numRuns) =>
    fuzz(['suriParse', 'pairFromSuri'], fc.tuple(keyInputArb(seeds.suris), fc.constantFrom(...KEY_TYPES)), numRuns, async ([input, type]) => {
      await stats.probe('suriParse', input, () => suriParse(input.text), suriSecrets(input.text));
      await stats.probe('pairFromSuri', input, () => pairFromSuri(input.text, type), suriSecrets(input.text));
    }),
  );
  const mnemonicRuns = runs(300, 1);
  property('mnemonic validation and derivation', mnemonicRuns, 20, (numRuns) =>
    fuzz(
      ['mnemonic'],
      fc.tuple(
        keyInputArb([MNEMONIC, 'legal winner thank year wave sausage worth useful legal winner thank yellow', 'zoo '.repeat(23) + 'vote']),
        fc.nat({ max: 2 }),
      ),
      numRuns,
      async ([input, which]) => {
        await stats.probe(
          'mnemonic',
          input,
          () => (which === 0 ? mnemonicValidate(input.text) : which === 1 ? mnemonicToMiniSecret(input.text, 'pw') : mnemonicToBip39Seed(input.text)),
          secrets,
        );
      },
    ),
  );
  const addressRuns = runs(500, 1);
  property('ss58Decode, ethereumDecode, concordiumDecode, fileAddressDecode, addressParse', addressRuns, 10, (numRuns) =>
    fuzz(
      ['ss58Decode', 'ethereumDecode', 'concordiumDecode', 'fileAddressDecode', 'addressParse'],
      keyInputArb(seeds.addresses),
      numRuns,
      async (input: Built) => {
        await stats.probe('ss58Decode', input, () => ss58Decode(input.text), secrets);
        await stats.probe('ethereumDecode', input, () => ethereumDecode(input.text), secrets);
        await stats.probe('concordiumDecode', input, () => concordiumDecode(input.text), secrets);
        await stats.probe('fileAddressDecode', input, () => fileAddressDecode(input.text), secrets);
        await stats.probe('addressParse', input, () => addressParse(input.text), secrets);
      },
    ),
  );
});

/**
 * Secrets of a SURI input: the seeds' (the phrase and its neighbouring word pairs, keys, passwords), and
 * the `///password` it carries. A derivation path is not a secret (wallets show it, and keepsake lists it),
 * so the seed's path password counts only while it is still written after `///`: a mutation that breaks
 * the marker (`//'/secret`) has made it a path junction.
 */
function suriSecrets(text: string): string[] {
  const marker = text.indexOf('///');
  const password = marker === -1 ? '' : text.slice(marker + 3);
  const base = secrets.filter((s) => s !== PATH_PW);
  return password.includes(PATH_PW) ? [...base, password, PATH_PW] : base;
}

/** What a Concordium export decrypts to, as a seed for content mutations. */
function plainSeed(): Seed {
  const { rest, genesis, ...lists } = seeds.concordiumPlain;
  const json = { ...rest, ...lists, ...(genesis ? { genesis } : {}) };
  return { name: 'concordium plaintext', text: JSON.stringify(json), json, kdf: 'none', cost: 0 };
}

let payloadCache: Seed | undefined;
/** What the keepsake backup seed decrypts to, as a seed for payload mutations. */
function payloadSeed(): Seed {
  if (payloadCache) return payloadCache;
  throw new Error('payload seed not ready');
}

beforeAll(async () => {
  const env = keepsakeBackupParse(seeds.backup[0]!.json as JsonObject);
  const payload = await keepsakeBackupOpen(env, PW);
  payloadCache = { name: 'keepsake backup payload', text: JSON.stringify(payload), json: payload, kdf: 'none', cost: 0 };
});
