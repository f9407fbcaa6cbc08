import { randomBytes } from 'node:crypto';
import { novaDecrypt, novaEncrypt } from '../../test/support/nova.js';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../errors/file.js';
import { WrongPasswordError } from '../errors/password.js';
import type { JsonObject } from './json.js';
import { NOVA_MAX_WALLETS, novaBackupDecrypt, novaBackupLooksLike, novaBackupParse, novaBackupWrite, novaModifiedAt } from './nova-backup.js';
import { thrown } from '../../test/support/rejection.js';

// Nova Wallet's cloud backup, built here independently of keepsake's crypto modules (node:crypto scrypt,
// the oracle's secretbox) from Nova's published source:
// novasamatech/nova-wallet-android feature-cloud-backup-impl/.../data/encryption/CloudBackupEncryption.kt
// (salt32 ‖ nonce24 ‖ secretbox; scrypt N=16384 r=8 p=1, 32 bytes), .../data/serializer/CloudBackupSerializer.kt
// and feature-cloud-backup-api/.../domain/model/CloudBackup.kt (field names; Gson writes byte arrays as 0x-hex);
// novasamatech/nova-wallet-ios novawallet/Common/Services/CloudBackup/Model/CloudBackupFileModel.swift (types).

const PW = 'nova-backup-pw';
const hex = (b: Uint8Array, prefix = true) => (prefix ? '0x' : '') + Buffer.from(b).toString('hex');

function sampleFile(password = PW, prefix = true): { file: JsonObject; entropy: Uint8Array; pub: Uint8Array } {
  const entropy = new Uint8Array(randomBytes(16));
  const pub = new Uint8Array(randomBytes(32));
  const privateJson = {
    wallets: [
      {
        walletId: 'w-1',
        entropy: hex(entropy, prefix),
        substrate: {
          seed: null,
          keypair: { publicKey: hex(pub, prefix), privateKey: hex(new Uint8Array(32), prefix), nonce: hex(new Uint8Array(32), prefix) },
          derivationPath: null,
        },
        ethereum: null,
        chainAccounts: [],
      },
    ],
  };
  const file = {
    publicData: {
      modifiedAt: 1_700_000_000_000,
      wallets: [
        {
          walletId: 'w-1',
          substratePublicKey: hex(pub, prefix),
          substrateAccountId: hex(pub, prefix),
          substrateCryptoType: 'SR25519',
          ethereumAddress: null,
          ethereumPublicKey: null,
          name: 'Main',
          type: 'SECRETS',
          chainAccounts: [
            {
              chainId: '91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
              publicKey: null,
              accountId: hex(pub, prefix),
              cryptoType: 'SubstrateECDSA',
            },
          ],
        },
        {
          walletId: 'w-2',
          substratePublicKey: hex(pub),
          substrateAccountId: hex(pub),
          substrateCryptoType: null,
          ethereumAddress: null,
          ethereumPublicKey: null,
          name: 'Watched',
          type: 'WATCH_ONLY',
          chainAccounts: [],
        },
      ],
    },
    privateData: novaEncrypt(privateJson, password),
  };
  return { file, entropy, pub };
}

describe('novaBackupParse / novaBackupDecrypt (a file built from Nova source)', () => {
  it('reads the public part without a password', () => {
    const { file, pub } = sampleFile();
    expect(novaBackupLooksLike(file)).toBe(true);
    const parsed = novaBackupParse(file);
    expect(parsed.modifiedAt).toBe(1_700_000_000_000);
    expect(parsed.wallets.map((w) => [w.name, w.type, w.substrateCryptoType])).toEqual([
      ['Main', 'SECRETS', 'sr25519'],
      ['Watched', 'WATCH_ONLY', null],
    ]);
    expect(parsed.wallets[0]!.substratePublicKey).toEqual(pub);
    expect(parsed.wallets[0]!.chainAccounts[0]!.cryptoType).toBe('ecdsa');
  });

  it('opens the private part with the password, hex with or without 0x (Android / iOS)', async () => {
    for (const prefix of [true, false]) {
      const { file, entropy } = sampleFile(PW, prefix);
      const wallets = await novaBackupDecrypt(novaBackupParse(file), PW);
      expect(wallets[0]!.walletId).toBe('w-1');
      expect(wallets[0]!.entropy).toEqual(entropy);
      expect(wallets[0]!.substrate!.keypair!.nonce!.length).toBe(32);
    }
  });

  it('a wrong password is WrongPasswordError', async () => {
    const { file } = sampleFile();
    await expect(novaBackupDecrypt(novaBackupParse(file), 'not-it')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('a tampered private part reads as a wrong password (secretbox cannot tell), a truncated one is damage', async () => {
    const { file } = sampleFile();
    const data = file['privateData'] as string;
    const flipped = data.slice(0, -2) + (data.endsWith('00') ? '01' : '00');
    await expect(novaBackupDecrypt(novaBackupParse({ ...file, privateData: flipped }), PW)).rejects.toBeInstanceOf(WrongPasswordError);
    expect(thrown(() => novaBackupParse({ ...file, privateData: data.slice(0, 100) }))).toBeInstanceOf(CorruptFileError);
    expect(thrown(() => novaBackupParse({ ...file, privateData: data.slice(0, -1) }))).toBeInstanceOf(CorruptFileError);
  });

  it('hostile counts and sizes are refused before any work', () => {
    const { file } = sampleFile();
    const pub = file['publicData'] as JsonObject;
    const many = { ...file, publicData: { ...pub, wallets: Array.from({ length: NOVA_MAX_WALLETS + 1 }, () => ({})) } };
    expect((thrown(() => novaBackupParse(many)) as Error).message).toMatch(/more than the 1000/);
    const huge = { ...file, privateData: '0x' + '00'.repeat(10 * 1024 * 1024 + 1) };
    expect((thrown(() => novaBackupParse(huge)) as Error).message).toMatch(/larger than any Nova backup/);
    const wallet = (pub['wallets'] as JsonObject[])[0]!;
    const badType = { ...file, publicData: { ...pub, wallets: [{ ...wallet, type: 'MULTISIG' }] } };
    expect((thrown(() => novaBackupParse(badType)) as Error).message).toMatch(/unknown type "MULTISIG"/);
    const empty = { ...file, publicData: { ...pub, wallets: [] } };
    expect(thrown(() => novaBackupParse(empty))).toBeInstanceOf(CorruptFileError);
  });

  it('a private part that is not the shape Nova writes is damage, after the password', async () => {
    const { file } = sampleFile();
    const broken = { ...file, privateData: novaEncrypt({ wallets: 'x' }, PW) };
    await expect(novaBackupDecrypt(novaBackupParse(broken), PW)).rejects.toBeInstanceOf(CorruptFileError);
  });
});

describe('novaBackupWrite (opened by the independent decoder)', () => {
  it("writes Nova's field names and types, as the iOS app writes them (hex without 0x: iCloud Drive is where a person can place the file)", async () => {
    const pub = new Uint8Array(randomBytes(32));
    const entropy = new Uint8Array(randomBytes(32));
    const written = await novaBackupWrite(
      {
        modifiedAt: 1234,
        wallets: [
          {
            walletId: 'k-1',
            substratePublicKey: pub,
            substrateAccountId: pub,
            substrateCryptoType: 'sr25519',
            ethereumAddress: null,
            ethereumPublicKey: null,
            name: 'Mine',
            type: 'SECRETS',
            chainAccounts: [],
          },
        ],
      },
      [
        {
          walletId: 'k-1',
          entropy,
          substrate: { seed: null, keypair: { publicKey: pub, privateKey: new Uint8Array(32), nonce: new Uint8Array(32) }, derivationPath: '' },
          ethereum: null,
          chainAccounts: [],
        },
      ],
      PW,
    );
    const w = ((written['publicData'] as JsonObject)['wallets'] as JsonObject[])[0]!;
    // CloudBackup.kt WalletPublicInfo / CloudBackupFileModel.swift WalletPublicInfo: these keys, these types.
    expect(Object.keys(w).sort()).toEqual(
      [
        'chainAccounts',
        'ethereumAddress',
        'ethereumPublicKey',
        'name',
        'substrateAccountId',
        'substrateCryptoType',
        'substratePublicKey',
        'type',
        'walletId',
      ].sort(),
    );
    expect(w['substrateCryptoType']).toBe('SR25519');
    // substrate-sdk-ios `toHex()` writes no prefix (CloudBackupSecretsExporting.swift).
    expect(w['substratePublicKey']).toBe(hex(pub, false));
    expect(typeof written['privateData']).toBe('string');
    expect(written['privateData']).toMatch(/^[0-9a-f]+$/);
    const opened = novaDecrypt(written['privateData'] as string, PW) as { wallets: JsonObject[] };
    const pw = opened.wallets[0]!;
    expect(Object.keys(pw).sort()).toEqual(['chainAccounts', 'entropy', 'ethereum', 'substrate', 'walletId']);
    expect(pw['entropy']).toBe(hex(entropy, false));
    const keypair = (pw['substrate'] as JsonObject)['keypair'] as JsonObject;
    for (const v of Object.values(keypair)) expect(v).toMatch(/^[0-9a-f]+$/);
    expect(Object.keys(pw['substrate'] as JsonObject).sort()).toEqual(['derivationPath', 'keypair', 'seed']);
    expect(() => novaDecrypt(written['privateData'] as string, 'other')).toThrow();
    // And keepsake reads back what it wrote.
    const back = await novaBackupDecrypt(novaBackupParse(written), PW);
    expect(back[0]!.entropy).toEqual(entropy);
  });
});

describe('novaModifiedAt', () => {
  it('reads milliseconds (Android) and seconds (iOS)', () => {
    expect(novaModifiedAt(1_700_000_000_000).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(novaModifiedAt(1_700_000_000).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
});
