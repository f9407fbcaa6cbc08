import { randomBytes, scryptSync } from 'node:crypto';
import { naclDecrypt, naclEncrypt } from '@polkadot/util-crypto';

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
