/**
 * Concordium wallet export files made the way the wallets make them, written here from their
 * published algorithm and schema — never with keepsake's code — so a test cannot pass because
 * keepsake agrees with itself.
 *
 * Desktop wallet (concordium-desktop-wallet `app/utils/encryption.ts`, `ExportData`):
 * key = PBKDF2-HMAC-SHA256(password, salt[16], 10000, 32); AES-256-CBC (PKCS#7) with a 16-byte IV;
 * `{"cipherText": b64, "metadata": {keyLen, iterations, salt, initializationVector, encryptionMethod,
 * keyDerivationMethod, hashAlgorithm}}`. Mobile wallet: the same envelope with 100000 iterations, a
 * 32-byte salt and no `keyLen`, around `{"type":"concordium-mobile-wallet-data","v":1,…}`.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, vaultMigrate } from '../../src/vault/migrate.js';

const base58check = createBase58check(sha256);

/** A Concordium account address: base58check(0x01 ‖ 32 bytes), 50 characters. */
export function concordiumAddress(key: Uint8Array = randomBytes(32)): string {
  const payload = new Uint8Array(33);
  payload[0] = 1;
  payload.set(key, 1);
  return base58check.encode(payload);
}

export type ConcordiumEnvelope = { cipherText: string; metadata: Record<string, unknown> };

/** The algorithms every export's metadata names (desktop and mobile wallet alike). */
export const EXPORT_ALGORITHMS = { encryptionMethod: 'AES-256', keyDerivationMethod: 'PBKDF2WithHmacSHA256', hashAlgorithm: 'sha256' } as const;

/** A desktop export's envelope, its metadata as the desktop writes it and no real ciphertext: for what reads a file's kind, not its content. */
export const DESKTOP_ENVELOPE_STUB: ConcordiumEnvelope = {
  cipherText: 'AAAA',
  metadata: {
    keyLen: 32,
    iterations: 10000,
    salt: 'AAAA',
    initializationVector: 'AAAA',
    ...EXPORT_ALGORITHMS,
  },
};

export type EncryptOptions = { iterations?: number; saltLength?: number; keyLen?: boolean; salt?: Buffer; iv?: Buffer };

/** Encrypts `plaintext` (any JSON value) as the desktop wallet does (or, with options, the mobile wallet). */
export function concordiumEncrypt(plaintext: unknown, password: string, options: EncryptOptions = {}): ConcordiumEnvelope {
  const iterations = options.iterations ?? 10_000;
  const salt = options.salt ?? randomBytes(options.saltLength ?? 16);
  const iv = options.iv ?? randomBytes(16);
  const key = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const cipherText = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
  return {
    cipherText: cipherText.toString('base64'),
    metadata: {
      ...(options.keyLen === false ? {} : { keyLen: 32 }),
      iterations,
      salt: salt.toString('base64'),
      initializationVector: iv.toString('base64'),
      ...EXPORT_ALGORITHMS,
    },
  };
}

/** Opens an export as the desktop wallet does (throws on a wrong password, as its "Unable to decrypt file"). */
export function concordiumDecrypt(envelope: ConcordiumEnvelope, password: string): unknown {
  const m = envelope.metadata;
  const salt = Buffer.from(String(m['salt']), 'base64');
  const iv = Buffer.from(String(m['initializationVector']), 'base64');
  const key = pbkdf2Sync(password, salt, Number(m['iterations']), Number(m['keyLen'] ?? 32), String(m['hashAlgorithm'] ?? 'sha256'));
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  const plain = Buffer.concat([decipher.update(Buffer.from(envelope.cipherText, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}

export const GENESIS_MAINNET = '9dd9ca4d19e9393877d2c44b70f89acbfc0883c2243e5eeaecc0d1cd0503f478';
export const GENESIS_TESTNET = '4221332d34e1694168c2a0c0b3fd0f273809612cb13d000d5c2e00e85f50f796';

export type DesktopExport = {
  accounts: Record<string, unknown>[];
  identities: Record<string, unknown>[];
  addressBook: Record<string, unknown>[];
  credentials: Record<string, unknown>[];
  externalCredentials: Record<string, unknown>[];
  wallets: Record<string, unknown>[];
  genesis?: { id: number; genesisBlock: string };
};

/**
 * A realistic desktop export: `identities` identities on one Ledger wallet, each with an initial and
 * a second account and their credentials, one external credential, and an address book.
 * `tag` makes names and keys distinct between two exports.
 */
export function desktopExportData(options: { tag?: string; identities?: number; genesisBlock?: string | null; addressBook?: number } = {}): DesktopExport {
  const tag = options.tag ?? 'A';
  const n = options.identities ?? 2;
  const identities: Record<string, unknown>[] = [];
  const accounts: Record<string, unknown>[] = [];
  const credentials: Record<string, unknown>[] = [];
  const wallets = [{ id: 1, identifier: randomBytes(32).toString('hex'), type: 'ledgernanos' }];
  for (let i = 0; i < n; i++) {
    const identityObject = {
      v: 0,
      value: {
        preIdentityObject: { idCredPub: randomBytes(48).toString('hex'), choiceArData: { arIdentities: [1, 2, 3], threshold: 2 } },
        attributeList: {
          validTo: '202812',
          createdAt: '202312',
          maxAccounts: 200,
          chosenAttributes: { firstName: `Ana ${tag}${i}`, countryOfResidence: 'DK' },
        },
        signature: randomBytes(48).toString('hex'),
      },
    };
    identities.push({
      id: i + 1,
      identityNumber: i,
      name: `Concordium identity ${tag}${i}`,
      status: 'confirmed',
      detail: '',
      codeUri: `https://id.example/code/${tag}${i}`,
      identityProvider: JSON.stringify({
        ipInfo: { ipIdentity: 0, ipDescription: { name: 'Notabene (Staging)', url: 'https://notabene.id', description: 'Identity verified by Notabene' } },
        arsInfos: {},
        metadata: { issuanceStart: 'https://id.example/start' },
      }),
      identityObject: JSON.stringify(identityObject),
      randomness: randomBytes(32).toString('hex'),
      walletId: 1,
      version: 1,
    });
    for (const [k, isInitial] of [
      [0, true],
      [1, false],
    ] as const) {
      const address = concordiumAddress();
      accounts.push({
        name: `${tag}${i} account ${k}`,
        address,
        identityId: i + 1,
        status: 'confirmed',
        signatureThreshold: 1,
        isInitial,
        rewardFilter: '[]',
        maxTransactionId: 0,
        deploymentTransactionId: isInitial ? null : randomBytes(32).toString('hex'),
        selfAmounts: '0',
        incomingAmounts: '[]',
        totalDecrypted: '0',
        allDecrypted: true,
      });
      credentials.push({
        credId: randomBytes(48).toString('hex'),
        accountAddress: address,
        credentialNumber: k,
        credentialIndex: 0,
        identityId: i + 1,
        walletId: 1,
        external: false,
        policy: JSON.stringify({ createdAt: '202312', validTo: '202812', revealedAttributes: {} }),
      });
    }
  }
  const addressBook: Record<string, unknown>[] = accounts.map((a) => ({ name: a['name'], address: a['address'], note: undefined, readOnly: true }));
  for (let i = 0; i < (options.addressBook ?? 2); i++)
    addressBook.push({ name: `Friend ${tag}${i}`, address: concordiumAddress(), note: `paid rent ${i}`, readOnly: false });
  const external = { accountAddress: concordiumAddress(), credId: randomBytes(48).toString('hex'), note: 'shared account' };
  // JSON drops `note: undefined`, as the desktop wallet's JSON.stringify does.
  const data = JSON.parse(
    JSON.stringify({
      accounts,
      identities,
      addressBook,
      credentials,
      externalCredentials: [external],
      wallets,
      ...(options.genesisBlock === null ? {} : { genesis: { id: 1, genesisBlock: options.genesisBlock ?? GENESIS_MAINNET } }),
    }),
  ) as DesktopExport;
  return data;
}

/** What the Concordium Mobile Wallet's "Export" encrypts. */
export function mobileExportData(): Record<string, unknown> {
  return {
    type: 'concordium-mobile-wallet-data',
    v: 1,
    environment: 'mainnet',
    value: {
      identities: [
        {
          idObject: { v: 0, value: { attributeList: { chosenAttributes: {} } } },
          privateIdObjectData: { aci: {}, randomness: randomBytes(32).toString('hex') },
          name: 'Mobile identity',
        },
      ],
      accounts: [{ name: 'Mobile account', address: concordiumAddress(), accountKeys: { keys: {} }, credentials: {} }],
      recipients: [{ name: 'Someone', address: concordiumAddress() }],
    },
  };
}

/**
 * A vault as keepsake wrote it before Concordium data was sealed (schema 50, issue 14): the export's
 * identities, accounts, credentials and wallets stored readable, keyed as that version keyed them.
 */
export function legacyConcordiumVault(file: string, data: DesktopExport): void {
  const db = new Database(file);
  try {
    vaultMigrate(
      db,
      file,
      MIGRATIONS.filter((m) => m.version <= 50),
    );
    const insert = db.prepare('INSERT INTO concordium_items (collection, item_key, name, original) VALUES (?, ?, ?, ?)');
    for (const i of data.identities) insert.run('identities', String(i['identityObject']), i['name'], JSON.stringify(i));
    for (const a of data.accounts) insert.run('accounts', String(a['address']), a['name'], JSON.stringify(a));
    for (const c of data.credentials) insert.run('credentials', String(c['credId']), null, JSON.stringify(c));
    for (const c of data.externalCredentials) insert.run('externalCredentials', String(c['credId']), null, JSON.stringify(c));
    for (const w of data.wallets) insert.run('wallets', String(w['identifier']), null, JSON.stringify(w));
    db.prepare("INSERT INTO settings (key, value) VALUES ('concordium.genesis', ?)").run(JSON.stringify(data.genesis));
  } finally {
    db.close();
  }
}
