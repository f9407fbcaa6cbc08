import { randomBytes } from 'node:crypto';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../errors/file.js';
import { pairFromSuri } from '../keys/fromSuri.js';
import { WrongPasswordError } from '../errors/password.js';
import { accountList } from './accounts.js';
import { backupImport } from './backup/import.js';
import { identityList } from './identity/list.js';
import { identityShowPhrase } from './identity/showPhrase.js';
import { inspectFile } from './inspect.js';
import { bip44OfJunctions } from './novaBackup.js';
import { verifyFile } from './verify.js';
import { novaDecrypt, novaSample } from '../../test/support/nova.js';
import { addressAdd } from './addressBook.js';
import { backupExport } from './backup/export.js';
import { accountAdd } from './create.js';
import { identityRecover } from './identity/create.js';
import { identityDerive } from './identity/derive.js';
import { FAST_PIN, vaultDump, vaultsForFile } from '../../test/support/vaults.js';

// A Nova Wallet cloud backup as Nova writes it (field names and the cipher from
// novasamatech/nova-wallet-android feature-cloud-backup-api/.../domain/model/CloudBackup.kt and
// feature-cloud-backup-impl/.../data/encryption/CloudBackupEncryption.kt; the Ethereum path `//44//60//0/0/0`
// from common/.../utils/SubstrateSdkExt.kt), its keys made by the oracle (@polkadot/keyring) from a fresh
// phrase every run, then brought into a keepsake vault.

const PW = `nova-${randomBytes(6).toString('hex')}`;
const hex = (b: Uint8Array) => '0x' + Buffer.from(b).toString('hex');
const freshVault = vaultsForFile('nova');
const dump = vaultDump;

describe('a Nova Wallet cloud backup', () => {
  it('inspect lists its wallets without the password', async () => {
    const s = await novaSample(PW);
    const r = await inspectFile(s.text, { file: 'novawallet_backup.json' });
    expect(r.format).toBe('nova-backup');
    expect(r.wallets!.map((w) => [w.name, w.type, w.substrateAddress])).toEqual([
      ['Daily', 'SECRETS', s.substrate],
      ['Imported key', 'SECRETS', s.keyed],
      ['Vault phone', 'POLKADOT_VAULT', s.watched],
    ]);
    expect(r.wallets![0]!.ethereumAddress!.toLowerCase()).toBe(s.ethereum.toLowerCase());
    expect(r.kdf).toEqual({ name: 'scrypt', N: 16384, r: 8, p: 1 });
  });

  it('verify checks every key; import brings a phrase wallet in as an identity (PIN: the backup password), a key wallet as an account, a Vault wallet watch-only', async () => {
    const s = await novaSample(PW);
    const v = await verifyFile(s.text, PW);
    expect(v.restorable).toBe(true);
    expect(v.accounts.map((a) => [a.name, a.check])).toEqual([
      ['Daily', 'checked'],
      ['Daily (Ethereum)', 'checked'],
      ['Imported key', 'checked'],
      ['Vault phone', 'address-only'],
    ]);
    const vault = freshVault();
    const report = await backupImport(vault, s.text, PW, { file: 'novawallet_backup.json' });
    expect(report.restored.map((r) => r.kind)).toEqual(['identity', 'account', 'account', 'account', 'account']);
    expect(identityList(vault).map((i) => i.name)).toEqual(['Daily']);
    expect((await identityShowPhrase(vault, 'Daily', PW)).mnemonic).toBe(s.phrase);
    const accounts = accountList(vault);
    const byName = Object.fromEntries(accounts.map((a) => [a.name, a]));
    expect(byName['Daily']!.address).toBe(s.substrate);
    expect(byName['Daily (Ethereum)']!.address.toLowerCase()).toBe(s.ethereum.toLowerCase());
    expect(byName['Imported key']!.address).toBe(s.keyed);
    expect(byName['Vault phone']!.address).toBe(s.watched);
  }, 30_000);

  it('a wrong password: WrongPasswordError, the vault unchanged', async () => {
    const s = await novaSample(PW);
    const vault = freshVault();
    const before = dump(vault);
    await expect(backupImport(vault, s.text, 'wrong-password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(dump(vault)).toEqual(before);
  });

  it('a public key the private part does not give refuses the whole file, the vault unchanged', async () => {
    const other = new Uint8Array(randomBytes(32));
    for (const edit of [
      (pub: Record<string, unknown>[]) => Object.assign(pub[0]!, { substratePublicKey: hex(other), substrateAccountId: hex(other) }),
      (pub: Record<string, unknown>[]) => Object.assign(pub[1]!, { substratePublicKey: hex(other), substrateAccountId: hex(other) }),
    ]) {
      const s = await novaSample(PW, edit);
      const vault = freshVault();
      const before = dump(vault);
      const err = await backupImport(vault, s.text, PW).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CorruptFileError);
      expect((err as Error).message).toMatch(/does not give|not the key/);
      expect(dump(vault)).toEqual(before);
    }
  });

  it('a secret wallet missing from the private part is damage', async () => {
    const s = await novaSample(PW, (_pub, priv) => priv.splice(1, 1));
    await expect(verifyFile(s.text, PW)).rejects.toBeInstanceOf(CorruptFileError);
  });
});

describe('bip44OfJunctions', () => {
  it("reads Nova's junction form of a BIP-44 path", () => {
    expect(bip44OfJunctions('//44//60//0/0/0')).toBe("m/44'/60'/0'/0/0");
    expect(bip44OfJunctions('')).toBe('m');
    expect(bip44OfJunctions('//polkadot')).toBeUndefined();
  });
});

describe('keepsake → Nova → keepsake (backup export --format nova)', () => {
  it('writes identities, key-file and watch-only accounts as Nova wallets, says what Nova cannot hold, and reads back the same accounts', async () => {
    const vault = freshVault();
    const phrase = mnemonicGenerate(12);
    const pin = `pin-${randomBytes(4).toString('hex')}`;
    await identityRecover(vault, { name: 'Main', mnemonic: phrase, pin, pinKdf: FAST_PIN });
    await identityDerive(vault, 'Main', { pin, network: 'polkadot', path: '', name: 'Main root' });
    await identityDerive(vault, 'Main', { pin, type: 'ethereum', path: "/m/44'/60'/0'/0/0", name: 'Main eth' });
    await identityDerive(vault, 'Main', { pin, network: 'kusama', path: '//kusama///hidden', name: 'Main hidden' });
    await accountAdd(vault, { name: 'Own key', suri: `${mnemonicGenerate(12)}//x`, type: 'ed25519', password: PW, kdf: 'compat' });
    addressAdd(vault, { address: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', name: 'Exchange' });
    const before = accountList(vault);

    const result = await backupExport(vault, PW, { format: 'nova', pinFor: async () => pin });
    expect(result.notes).toEqual([expect.stringMatching(/address book \(1 entry\) was not written/)]);
    expect(result.counts).toEqual({ identities: 1, accounts: 4, addresses: 0 });
    // The independent decoder opens it; the names and types are Nova's (CloudBackup.kt, CloudBackupFileModel.swift).
    const json = JSON.parse(result.json) as { publicData: { modifiedAt: number; wallets: Record<string, unknown>[] }; privateData: string };
    // In seconds, as the iOS app writes it (CloudBackupServiceFacade.swift).
    expect(Math.abs(json.publicData.modifiedAt - Date.now() / 1000)).toBeLessThan(600);
    expect(json.publicData.wallets.map((w) => [w['name'], w['type'], w['substrateCryptoType']])).toEqual([
      ['Main', 'SECRETS', 'SR25519'],
      ['Main hidden', 'SECRETS', 'SR25519'],
      ['Own key', 'SECRETS', 'ED25519'],
    ]);
    const opened = novaDecrypt(json.privateData, PW) as {
      wallets: { entropy: string | null; substrate: { derivationPath: string | null }; ethereum: { derivationPath: string } | null }[];
    };
    const { mnemonicToEntropy } = await import('@polkadot/util-crypto');
    expect(opened.wallets[0]!.entropy).toBe(hex(mnemonicToEntropy(phrase)).slice(2));
    expect(opened.wallets[0]!.ethereum!.derivationPath).toBe('//44//60//0/0/0');
    expect(opened.wallets[1]!.substrate.derivationPath).toBe('//kusama///hidden');
    expect(opened.wallets[2]!.entropy).toBeNull();

    const back = freshVault();
    await backupImport(back, result.json, PW, { file: 'novawallet_backup.json' });
    const key = (a: { publicKey: string; type: string }) => `${a.type}:${a.publicKey}`;
    expect(accountList(back).map(key).sort()).toEqual(before.map(key).sort());
    // One phrase, one identity: the two wallets of Main's phrase come back as one.
    expect(identityList(back).map((i) => [i.name, i.accounts.length])).toEqual([['Main', 3]]);
    expect((await identityShowPhrase(back, 'Main', PW)).mnemonic).toBe(phrase);
  }, 60_000);
});

describe('Nova chain accounts, Ledger wallets and Ethereum key forms', () => {
  const POLKADOT = '91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

  it("a secret wallet's own key for one chain comes in as an account of that network; a Ledger wallet's chain accounts as watch-only; a chain key that is missing is said", async () => {
    const chainKey = await pairFromSuri(hex(new Uint8Array(randomBytes(32))), 'ed25519');
    const ledgerKey = new Uint8Array(randomBytes(32));
    const missing = new Uint8Array(randomBytes(32));
    const s = await novaSample(PW, (pub, priv) => {
      (pub[1]!['chainAccounts'] as unknown[]).push(
        { chainId: POLKADOT, publicKey: hex(chainKey.publicKey), accountId: hex(chainKey.publicKey), cryptoType: 'ED25519' },
        { chainId: POLKADOT, publicKey: hex(missing), accountId: hex(missing), cryptoType: 'SR25519' },
      );
      (priv[1]!['chainAccounts'] as unknown[]).push({
        accountId: hex(chainKey.publicKey),
        entropy: null,
        seed: null,
        keypair: { publicKey: hex(chainKey.publicKey), privateKey: hex(chainKey.secretKey.slice(0, 32)), nonce: null },
        derivationPath: null,
      });
      pub.push({
        walletId: 'ledger',
        substratePublicKey: null,
        substrateAccountId: null,
        substrateCryptoType: null,
        ethereumAddress: null,
        ethereumPublicKey: null,
        name: 'Ledger',
        type: 'LEDGER',
        chainAccounts: [{ chainId: POLKADOT, publicKey: hex(ledgerKey), accountId: hex(ledgerKey), cryptoType: 'ED25519' }],
      });
    });
    const vault = freshVault();
    const report = await backupImport(vault, s.text, PW);
    expect(report.notes).toEqual([expect.stringMatching(/"Imported key" has an account of its own on polkadot whose key is not in the file/)]);
    const byKey = Object.fromEntries(accountList(vault).map((a) => [a.publicKey, a]));
    expect(byKey[hex(chainKey.publicKey)]).toMatchObject({ network: 'polkadot', type: 'ed25519', name: 'Imported key (polkadot)' });
    expect(byKey[hex(ledgerKey)]).toMatchObject({ network: 'polkadot', type: 'ed25519', name: 'Ledger (polkadot)' });
    expect(byKey[hex(missing)]).toBeUndefined();
  }, 30_000);

  it('an Ethereum public key written uncompressed (65 bytes) is the same key', async () => {
    const { secp256k1 } = await import('@noble/curves/secp256k1.js');
    const s = await novaSample(PW, (pub) => {
      const compressed = Buffer.from(String(pub[0]!['ethereumPublicKey']).slice(2), 'hex');
      pub[0]!['ethereumPublicKey'] = hex(secp256k1.Point.fromBytes(compressed).toBytes(false));
    });
    const v = await verifyFile(s.text, PW);
    expect(v.accounts.find((a) => a.name === 'Daily (Ethereum)')!.address.toLowerCase()).toBe(s.ethereum.toLowerCase());
  }, 30_000);
});
