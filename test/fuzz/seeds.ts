/**
 * Valid files of every format keepsake reads, built with keepsake's own writers at cheap KDF
 * parameters (Polkadot{.js} scrypt N=2^15, keystore N=2^10, Concordium 10,000 PBKDF2 rounds,
 * sealed secrets N=2^10), plus the published vectors of /work/shared/vectors. The fuzzer mutates
 * these, so a mutation starts from something every reader accepts and explores the code behind it.
 *
 * Every seed is locked with {@link PW} (a marker no message can contain by chance), and every key
 * in them comes from {@link MNEMONIC}: both, and the secret keys, go into {@link SECRETS}.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesToHex, utf8 } from '../../src/crypto/bytes.js';
import { scrypt } from '../../src/crypto/scrypt.js';
import { secretboxSeal } from '../../src/crypto/secretbox.js';
import { concordiumDesktopWrite, type ConcordiumExport } from '../../src/formats/concordium/desktop.js';
import { ethereumKeystoreWrite } from '../../src/formats/ethereum-keystore.js';
import { sealedSecretKdfNew, sealedSecretDeriveKey, sealedSecretSeal } from '../../src/formats/identity-seal.js';
import { base64Encode, type JsonObject } from '../../src/formats/json.js';
import { keepsakeBackupOpen, keepsakeBackupParse, keepsakeBackupWrite } from '../../src/formats/keepsake-backup.js';
import { polkadotJsEncoding, polkadotJsEncrypt } from '../../src/formats/polkadot-js/encrypt.js';
import { SCRYPT_COMPAT } from '../../src/formats/polkadot-js/kdf.js';
import { pkcs8Encode } from '../../src/formats/polkadot-js/pkcs8.js';
import { polkadotJsWrite } from '../../src/formats/polkadot-js/write.js';
import { accountAddress } from '../../src/keys/account.js';
import { ss58Encode } from '../../src/keys/address.js';
import { concordiumEncode } from '../../src/keys/concordium.js';
import { pairFromSuri } from '../../src/keys/fromSuri.js';
import { mnemonicGenerate } from '../../src/keys/mnemonic.js';
import { schemeLoad } from '../../src/keys/scheme.js';
import type { KeyPair, KeyType } from '../../src/keys/types.js';
import { vaultClose, vaultOpen } from '../../src/vault/open.js';
import { addressAdd } from '../../src/wallet/addressBook.js';
import { backupExport } from '../../src/wallet/backup/export.js';
import { backupImport } from '../../src/wallet/backup/import.js';
import { identityDerive } from '../../src/wallet/identity/derive.js';
import { identityRecover } from '../../src/wallet/identity/create.js';
import { restoreFiles } from '../../src/wallet/restore.js';
import { ENTRY_PW, PATH_PW, PIN, PW } from './config.js';
import { loadVectors } from '../support/vectors.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** A deterministic byte source, so the seeds (and a replayed fuzz run) are the same every time. */
export function seededRandom(seed: number): (length: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}

/** The recovery phrase every seed key is derived from: a secret. */
export const MNEMONIC = mnemonicGenerate(12, seededRandom(0xf022));

/** Where the KDF parameters of a seed live, so mutations can aim at them. */
export type KdfSite = 'polkadot-header' | 'keystore-scrypt' | 'keystore-pbkdf2' | 'concordium' | 'keepsake-backup' | 'sealed' | 'none';

export type Seed = {
  name: string;
  /** The file as written (JSON text). */
  text: string;
  /** Its parsed JSON, the starting point of structural mutations. */
  json: unknown;
  kdf: KdfSite;
  /** Roughly what one open of the unmutated file costs, in scrypt-2^15 units (for budgeting). */
  cost: number;
};

export type Seeds = {
  /** Whole wallet files, the input of formatDetect / inspectFile / fileAccountsOpen / verifyFile. */
  files: Seed[];
  /** The subset that fileAccountsOpen reads (Polkadot{.js}, batch, Apps, keystore). */
  accountFiles: Seed[];
  /** Cheap to open (no scrypt, or scrypt N ≤ 2^10): many runs fit in the short mode. */
  cheap: Seed[];
  polkadot: Seed[];
  keystore: Seed[];
  concordium: Seed[];
  /** Concordium exports written with 1 PBKDF2 round, for fuzzing what the file decrypts to. */
  concordiumPlain: ConcordiumExport;
  backup: Seed[];
  sealed: Seed[];
  /** Valid SURIs, addresses and phrases, the starting points for the key-level fuzzers. */
  suris: string[];
  addresses: string[];
  /** Every secret the seeds hold: no message may contain any of them. */
  secrets: string[];
};

const hexNo0x = (b: Uint8Array) => bytesToHex(b).slice(2);

function seed(name: string, json: unknown, kdf: KdfSite, cost: number): Seed {
  return { name, text: JSON.stringify(json), json, kdf, cost };
}

/** A version 0–2 file: the password zero-padded to 32 bytes is the secretbox key (no KDF: free to open). */
function legacyFile(pair: KeyPair, password: string, address: string, version: '0' | '2', random: (n: number) => Uint8Array): JsonObject {
  const key = new Uint8Array(32);
  key.set(utf8(password).subarray(0, 32));
  const nonce = random(24);
  const sealed = secretboxSeal(key, nonce, pkcs8Encode(pair.secretKey, pair.publicKey));
  const body = new Uint8Array(24 + sealed.length);
  body.set(nonce);
  body.set(sealed, 24);
  return {
    address,
    encoded: version === '0' ? bytesToHex(body) : base64Encode(body),
    encoding:
      version === '0'
        ? { content: 'pkcs8', type: 'xsalsa20-poly1305', version: '0' }
        : { content: ['pkcs8', pair.type], type: 'xsalsa20-poly1305', version: '2' },
    meta: { name: `legacy ${pair.type} v${version}`, whenCreated: 1595277797639 },
  };
}

/** `type: ["none"]`: the pkcs8 in clear (its secret is in the file; it is still never to be echoed). */
function plainFile(pair: KeyPair, address: string): JsonObject {
  return {
    address,
    encoded: bytesToHex(pkcs8Encode(pair.secretKey, pair.publicKey)),
    encoding: { content: ['pkcs8', pair.type], type: ['none'], version: '3' },
    meta: { name: `plain ${pair.type}`, tags: [], genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3' },
  };
}

async function addressOf(pair: KeyPair, prefix = 42): Promise<string> {
  const scheme = await schemeLoad(pair.type);
  return pair.type === 'ecdsa' || pair.type === 'ethereum' ? bytesToHex(pair.publicKey) : accountAddress(pair.type, scheme.accountId(pair.publicKey), prefix);
}

type Vectors = { json: { password: string; keyType: KeyType; file: JsonObject }[]; suri: { suri: string; type: KeyType }[]; ss58: unknown[] };

export async function seedsBuild(): Promise<Seeds> {
  const random = seededRandom(0x5eed);
  const secrets = new Set<string>([PW, ENTRY_PW, PIN, PATH_PW, MNEMONIC]);
  const pairs: Record<KeyType, KeyPair> = {} as Record<KeyType, KeyPair>;
  for (const type of ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const) {
    const pair = await pairFromSuri(type === 'ethereum' ? `${MNEMONIC}/m/44'/60'/0'/0/7` : `${MNEMONIC}//fuzz//${type}`, type);
    pairs[type] = pair;
    secrets.add(hexNo0x(pair.secretKey));
    secrets.add(hexNo0x(pair.secretKey.subarray(0, 32)));
  }
  const addr = {
    sr25519: await addressOf(pairs.sr25519, 0),
    ed25519: await addressOf(pairs.ed25519, 2),
    ecdsa: await addressOf(pairs.ecdsa),
    ethereum: await addressOf(pairs.ethereum),
  };

  // --- Polkadot{.js} single-account files -------------------------------------------------------------
  const scrypted: Record<KeyType, JsonObject> = {} as Record<KeyType, JsonObject>;
  for (const type of ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const) {
    scrypted[type] = await polkadotJsWrite(pairs[type], PW, {
      meta: { name: `Fuzz ${type}`, whenCreated: 1700000000000 },
      params: SCRYPT_COMPAT,
      random,
      prefix: type === 'sr25519' ? 0 : 42,
    });
  }
  const legacyV2 = legacyFile(pairs.sr25519, PW, addr.sr25519, '2', random);
  const legacyV0 = legacyFile(pairs.ed25519, PW, addr.ed25519, '0', random);
  const legacyEcdsa = legacyFile(pairs.ecdsa, PW, addr.ecdsa, '2', random);
  const plain = plainFile(pairs.ed25519, addr.ed25519);
  const plainEth = plainFile(pairs.ethereum, addr.ethereum);
  const vectors = loadVectors<Vectors>('polkadot-js');

  const polkadot: Seed[] = [
    ...(['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const).map((t) => seed(`polkadot-js ${t} N=2^15`, scrypted[t], 'polkadot-header', 1)),
    seed('polkadot-js legacy v2 sr25519', legacyV2, 'none', 0),
    seed('polkadot-js legacy v0 ed25519 (hex, no key type)', legacyV0, 'none', 0),
    seed('polkadot-js legacy v2 ecdsa', legacyEcdsa, 'none', 0),
    seed('polkadot-js unencrypted ed25519', plain, 'none', 0),
    seed('polkadot-js unencrypted ethereum', plainEth, 'none', 0),
    // The published vectors (their own passwords; opened with PW they fail as a wrong password after one scrypt).
    ...vectors.json.map((v, i) =>
      seed(
        `vector ${i} ${v.keyType} v${String((v.file['encoding'] as JsonObject)['version'])}`,
        v.file,
        (v.file['encoding'] as JsonObject)['version'] === '3' ? 'polkadot-header' : 'none',
        1,
      ),
    ),
  ];

  // --- The extension's batch file (one scrypt outside; entries legacy or scrypt inside) --------------
  const batchOf = async (name: string, entries: JsonObject[], cost: number) => {
    const encoded = await polkadotJsEncrypt(utf8(JSON.stringify(entries)), PW, { params: SCRYPT_COMPAT, random });
    const json = { encoded, encoding: polkadotJsEncoding(['batch-pkcs8']), accounts: entries.map((e) => ({ address: e['address'], meta: e['meta'] })) };
    return seed(name, json, 'polkadot-header', cost);
  };
  const otherPw = legacyFile(pairs.ecdsa, ENTRY_PW, addr.ecdsa, '2', random);
  const batchCheap = await batchOf('polkadot-js batch (legacy entries)', [legacyV2, plain, otherPw], 1);
  const batchFull = await batchOf('polkadot-js batch (scrypt entry)', [scrypted.ed25519, legacyV0], 2);

  // --- Polkadot-JS Apps "Export all": a plain list, with watch-only entries -------------------------
  const multisig = {
    address: ss58Encode(random(32), 42),
    meta: { name: 'Multisig', isMultisig: true, threshold: 2, who: [addr.sr25519, addr.ed25519], whenCreated: 1700000000001 },
    publicKey: hexNo0x(random(32)),
    type: 'sr25519',
  };
  const watchEth = { address: accountAddress('ethereum', random(20)), meta: { name: 'Watch eth', isExternal: true }, type: 'ethereum' };
  const appsCheap = seed('apps list (legacy + watch-only)', [legacyV2, legacyEcdsa, multisig, watchEth], 'none', 0);
  const appsFull = seed('apps list (scrypt + watch-only)', [scrypted.sr25519, plainEth, multisig], 'polkadot-header', 1);

  // --- Ethereum keystores ------------------------------------------------------------------------------
  const ethScheme = await schemeLoad('ethereum');
  const ethId = ethScheme.accountId(pairs.ethereum.publicKey);
  const keystore = [
    seed(
      'ethereum keystore scrypt N=2^10',
      await ethereumKeystoreWrite(pairs.ethereum.secretKey, ethId, PW, { params: { N: 1 << 10, r: 8, p: 1 }, random }),
      'keystore-scrypt',
      0,
    ),
    seed('ethereum keystore vector (pbkdf2)', loadVectors<{ file: JsonObject }>('ethereum-keystore').file, 'keystore-pbkdf2', 1),
  ];
  // The same key under PBKDF2 at 1,000 rounds: cheap, and the MAC checks out with PW.
  keystore.push(
    seed('ethereum keystore pbkdf2 c=1000', await pbkdf2Keystore(JSON.parse(keystore[0]!.text) as JsonObject, pairs.ethereum.secretKey), 'keystore-pbkdf2', 0),
  );

  // --- Concordium ---------------------------------------------------------------------------------------
  const concordiumPlain = concordiumData(random);
  const concordium = [
    seed('concordium desktop export', await concordiumDesktopWrite(concordiumPlain, PW, { random }), 'concordium', 0),
    seed(
      'concordium mobile export',
      await (async () => {
        const json = await concordiumDesktopWrite(
          { ...emptyExport(), rest: { type: 'concordium-mobile-wallet-data', v: 1, environment: 'mainnet', value: { identities: [] } } },
          PW,
          { random, iterations: 100000 },
        );
        delete (json['metadata'] as JsonObject)['keyLen'];
        return json;
      })(),
      'concordium',
      0.3,
    ),
  ];

  // --- Sealed secret (an identity phrase under its PIN) -----------------------------------------------
  const sealKdf = sealedSecretKdfNew(random, { N: 1 << 10, r: 8, p: 1 });
  const sealKey = await sealedSecretDeriveKey(PIN, sealKdf);
  const sealed = [seed('sealed phrase N=2^10', sealedSecretSeal(sealKey, sealKdf, utf8(MNEMONIC), random), 'sealed', 0)];

  // --- keepsake's own backup, from a real vault (identity with a ///password account, accounts, addresses, Concordium) ---
  const backup = [
    seed('keepsake backup N=2^15', await keepsakeBackupSeed(concordium[0]!.text, legacyV2, scrypted.ecdsa, multisig, random), 'keepsake-backup', 1),
  ];

  // --- Key-level inputs ---------------------------------------------------------------------------------
  const suris = [
    MNEMONIC,
    `${MNEMONIC}//polkadot`,
    `${MNEMONIC}//fuzz/0//1/stash///${PATH_PW}`,
    `${MNEMONIC}/m/44'/60'/0'/0/7`,
    '//Alice',
    '//Alice/stash',
    `0x${hexNo0x(pairs.ed25519.secretKey.subarray(0, 32))}//hard`,
    `0x${hexNo0x(pairs.ecdsa.secretKey)}`,
    'shortseed',
    ...vectors.suri.map((s) => s.suri),
  ];
  const addresses = [
    addr.sr25519,
    addr.ed25519,
    addr.ecdsa,
    addr.ethereum,
    accountAddress('ethereum', ethId),
    accountAddress('sr25519', pairs.sr25519.publicKey, 2),
    ss58Encode(pairs.sr25519.publicKey, 16383),
    concordiumEncode(random(32)),
    multisig.address,
  ];

  const files = [...polkadot, batchCheap, batchFull, appsCheap, appsFull, ...keystore, ...concordium, ...backup];
  return {
    files,
    accountFiles: [...polkadot, batchCheap, batchFull, appsCheap, appsFull, ...keystore],
    cheap: files.filter((s) => s.cost === 0),
    polkadot: [...polkadot, batchCheap, batchFull, appsCheap, appsFull],
    keystore,
    concordium,
    concordiumPlain,
    backup,
    sealed,
    suris,
    addresses,
    secrets: [...secrets],
  };
}

/** A keystore for the same key with PBKDF2 (c=1000): built by hand from the scrypt one's layout. */
async function pbkdf2Keystore(template: JsonObject, privateKey: Uint8Array): Promise<JsonObject> {
  const { pbkdf2Sync, createCipheriv } = await import('node:crypto');
  const { keccak_256 } = await import('@noble/hashes/sha3.js');
  const salt = Buffer.alloc(32, 7);
  const iv = Buffer.alloc(16, 9);
  const dk = pbkdf2Sync(utf8(PW), salt, 1000, 32, 'sha256');
  const cipher = createCipheriv('aes-128-ctr', dk.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  const mac = keccak_256(Buffer.concat([dk.subarray(16, 32), ciphertext]));
  const crypto = template['crypto'] as JsonObject;
  return {
    ...template,
    crypto: {
      ...crypto,
      cipherparams: { iv: iv.toString('hex') },
      ciphertext: ciphertext.toString('hex'),
      kdf: 'pbkdf2',
      kdfparams: { c: 1000, dklen: 32, prf: 'hmac-sha256', salt: salt.toString('hex') },
      mac: hexNo0x(mac),
    },
  };
}

function emptyExport(): ConcordiumExport {
  return { identities: [], accounts: [], addressBook: [], credentials: [], externalCredentials: [], wallets: [], genesis: undefined, rest: {} };
}

/** What a Concordium Desktop Wallet export decrypts to (shapes from concordium-desktop-wallet `ExportData`). */
function concordiumData(random: (n: number) => Uint8Array): ConcordiumExport {
  const a1 = concordiumEncode(random(32));
  const a2 = concordiumEncode(random(32));
  return {
    identities: [
      {
        id: 1,
        identityNumber: 0,
        name: 'Fuzz identity',
        status: 'Confirmed',
        detail: '',
        codeUri: '',
        identityProvider: JSON.stringify({ ipInfo: { ipIdentity: 0, ipDescription: { name: 'Notabene' } } }),
        identityObject: JSON.stringify({ value: { attributeList: { chosenAttributes: {} }, preIdentityObject: { idCredPub: hexNo0x(random(48)) } } }),
        randomness: hexNo0x(random(32)),
        walletId: 1,
        version: 0,
      },
    ],
    accounts: [
      {
        name: 'Fuzz account',
        address: a1,
        identityId: 1,
        status: 'Confirmed',
        signatureThreshold: 1,
        isInitial: true,
        rewardFilter: '[]',
        selfAddress: '',
        deploymentTransactionId: '',
      },
      { name: 'Second', address: a2, identityId: 1, status: 'Confirmed', signatureThreshold: 1, isInitial: false },
    ],
    addressBook: [
      { name: 'Fuzz account', address: a1, readOnly: true },
      { name: 'Friend', address: concordiumEncode(random(32)), note: 'lunch', readOnly: false },
    ],
    credentials: [{ credId: hexNo0x(random(48)), accountAddress: a1, credentialNumber: 0, credentialIndex: 0, identityId: 1, walletId: 1 }],
    externalCredentials: [],
    wallets: [{ id: 1, identifier: hexNo0x(random(32)), type: 'ledgernanos' }],
    genesis: { id: 1, genesisBlock: '9dd9ca4d19e9393877d2c44b70f89acbfc0883c2243e5eeaecc0d1cd0503f478' },
    rest: {},
  };
}

/** A keepsake backup made by `backupExport` from a vault holding one of everything, re-locked at N=2^15. */
async function keepsakeBackupSeed(
  concordiumText: string,
  legacy: JsonObject,
  scrypted: JsonObject,
  watch: JsonObject,
  random: (n: number) => Uint8Array,
): Promise<JsonObject> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-fuzz-seed-'));
  try {
    const vault = vaultOpen(join(dir, 'vault.sqlite'));
    try {
      await restoreFiles(
        vault,
        [
          { file: 'legacy.json', text: JSON.stringify(legacy) },
          { file: 'ecdsa.json', text: JSON.stringify(scrypted) },
          { file: 'apps.json', text: JSON.stringify([watch]) },
        ],
        PW,
      );
      addressAdd(vault, { address: ss58Encode(random(32), 0), name: 'Shop', note: 'a note' });
      addressAdd(vault, { address: accountAddress('ethereum', random(20)), name: 'Exchange' });
      await identityRecover(vault, { name: 'Main', mnemonic: MNEMONIC, pin: PIN, pinKdf: { N: 1 << 10, r: 8, p: 1 }, random });
      await identityDerive(vault, 'Main', { pin: PIN, network: 'kusama' });
      await identityDerive(vault, 'Main', { pin: PIN, path: `//fuzz///${PATH_PW}`, type: 'ed25519', name: 'With password' });
      await backupImport(vault, concordiumText, PW);
      const { json } = await backupExport(vault, PW);
      const payload = await keepsakeBackupOpen(keepsakeBackupParse(JSON.parse(json) as JsonObject), PW);
      return keepsakeBackupWrite(payload, PW, { params: SCRYPT_COMPAT, random, now: new Date(1700000000000) });
    } finally {
      vaultClose(vault);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The key a keepsake backup at N=2^15, r=8, p=1 seals its payload with (the first 32 of the 64 bytes scrypt derives). */
export async function backupKeyDerive(password: string, salt: Uint8Array): Promise<Uint8Array> {
  return (await scrypt(utf8(password), salt, { N: 1 << 15, r: 8, p: 1 }, 64)).slice(0, 32);
}

/**
 * A keepsake backup around any payload *text*, sealed with a key from {@link backupKeyDerive}: keepsake's
 * writer takes a value, and the payloads the fuzz suite needs (nested deeper than JSON.stringify goes,
 * fields of the wrong kind) are written as text.
 */
export function backupEnvelope(key: Uint8Array, salt: Uint8Array, nonce: Uint8Array, payload: string, createdAt: string | null): string {
  return JSON.stringify({
    type: 'keepsake-backup',
    version: 1,
    kdf: { name: 'scrypt', N: 1 << 15, r: 8, p: 1, salt: base64Encode(salt) },
    cipher: 'xsalsa20-poly1305',
    nonce: base64Encode(nonce),
    ciphertext: base64Encode(secretboxSeal(key, nonce, utf8(payload))),
    createdAt,
  });
}
