import { randomBytes, scryptSync } from 'node:crypto';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate, mnemonicToEntropy, naclDecrypt, naclEncrypt } from '@polkadot/util-crypto';
import { pairFromSuri } from '../../src/keys/fromSuri.js';

// Nova Wallet's cloud backup cipher, independent of keepsake's crypto modules (node:crypto scrypt, the
// oracle's secretbox), from novasamatech/nova-wallet-android
// feature-cloud-backup-impl/.../data/encryption/CloudBackupEncryption.kt: hex(salt32 ‖ nonce24 ‖ secretbox),
// key = scrypt(password UTF-8, salt, N=16384, r=8, p=1, 32).

const hex = (b: Uint8Array) => '0x' + Buffer.from(b).toString('hex');

/** Encrypts `privateJson` as Nova does, with fresh random salt and nonce. */
export function novaEncrypt(privateJson: unknown, password: string): string {
  const salt = randomBytes(32);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 32, { N: 16384, r: 8, p: 1 });
  const { encrypted, nonce } = naclEncrypt(new TextEncoder().encode(JSON.stringify(privateJson)), new Uint8Array(key));
  return hex(new Uint8Array(Buffer.concat([salt, nonce, encrypted])));
}

/** Opens `privateData` as Nova does (the independent decoder). */
export function novaDecrypt(privateData: string, password: string): unknown {
  const bytes = Buffer.from(privateData.replace(/^0x/, ''), 'hex');
  const key = scryptSync(Buffer.from(password, 'utf8'), bytes.subarray(0, 32), 32, { N: 16384, r: 8, p: 1 });
  const opened = naclDecrypt(new Uint8Array(bytes.subarray(56)), new Uint8Array(bytes.subarray(32, 56)), new Uint8Array(key));
  if (opened === null) throw new Error('not opened');
  return JSON.parse(new TextDecoder().decode(opened));
}

/**
 * A Nova backup of three wallets, its keys made by the oracle (@polkadot/keyring) from a fresh phrase: a phrase
 * wallet (substrate root + Ethereum at Nova's `//44//60//0/0/0`), a wallet made from a raw ed25519 seed, and a
 * Polkadot Vault wallet. `edit` changes the public and private wallet lists before encryption.
 */
export type NovaSample = {
  text: string;
  phrase: string;
  substrate: string;
  ethereum: string;
  keyed: string;
  watched: string;
  json: Record<string, unknown>;
  privateJson: Record<string, unknown>;
};

export async function novaSample(
  password: string,
  edit: (pub: Record<string, unknown>[], priv: Record<string, unknown>[]) => void = () => {},
): Promise<NovaSample> {
  const phrase = mnemonicGenerate(12);
  const entropy = mnemonicToEntropy(phrase);
  const keyring = new Keyring({ ss58Format: 42 });
  const sub = keyring.addFromUri(phrase, {}, 'sr25519');
  const eth = new Keyring({ type: 'ethereum' }).addFromUri(`${phrase}/m/44'/60'/0'/0/0`);
  // A wallet Nova made from a raw key: the ed25519 seed as `privateKey` (no phrase).
  const seed = new Uint8Array(randomBytes(32));
  const keyedPair = await pairFromSuri(hex(seed), 'ed25519');
  const keyed = keyring.encodeAddress(keyedPair.publicKey, 42);
  const watchedKey = new Uint8Array(randomBytes(32));
  const pub: Record<string, unknown>[] = [
    {
      walletId: 'phrase-wallet',
      substratePublicKey: hex(sub.publicKey),
      substrateAccountId: hex(sub.publicKey),
      substrateCryptoType: 'SR25519',
      ethereumAddress: hex(eth.addressRaw),
      ethereumPublicKey: hex(eth.publicKey),
      name: 'Daily',
      type: 'SECRETS',
      chainAccounts: [],
    },
    {
      walletId: 'key-wallet',
      substratePublicKey: hex(keyedPair.publicKey),
      substrateAccountId: hex(keyedPair.publicKey),
      substrateCryptoType: 'ED25519',
      ethereumAddress: null,
      ethereumPublicKey: null,
      name: 'Imported key',
      type: 'SECRETS',
      chainAccounts: [],
    },
    {
      walletId: 'vault-wallet',
      substratePublicKey: hex(watchedKey),
      substrateAccountId: hex(watchedKey),
      substrateCryptoType: 'SR25519',
      ethereumAddress: null,
      ethereumPublicKey: null,
      name: 'Vault phone',
      type: 'POLKADOT_VAULT',
      chainAccounts: [],
    },
  ];
  const priv: Record<string, unknown>[] = [
    {
      walletId: 'phrase-wallet',
      entropy: hex(entropy),
      substrate: { seed: null, keypair: null, derivationPath: '' },
      ethereum: { keypair: null, derivationPath: '//44//60//0/0/0' },
      chainAccounts: [],
    },
    {
      walletId: 'key-wallet',
      entropy: null,
      substrate: { seed: hex(seed), keypair: { publicKey: hex(keyedPair.publicKey), privateKey: hex(seed), nonce: null }, derivationPath: null },
      ethereum: null,
      chainAccounts: [],
    },
  ];
  edit(pub, priv);
  const privateJson = { wallets: priv };
  const json = { publicData: { modifiedAt: Date.now(), wallets: pub }, privateData: novaEncrypt(privateJson, password) };
  return {
    text: JSON.stringify(json),
    phrase,
    substrate: sub.address,
    ethereum: eth.address,
    keyed,
    watched: keyring.encodeAddress(watchedKey, 42),
    json,
    privateJson,
  };
}
