import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../crypto/bytes.js';
import { InvalidAddressError } from '../../errors/address.js';
import { BaseError } from '../../errors/base.js';
import { CorruptFileError } from '../../errors/file.js';
import { AddressMismatchError, InvalidKeyError } from '../../errors/key.js';
import { WrongPasswordError } from '../../errors/password.js';
import { accountAddress } from '../../keys/account.js';
import { ss58Decode, ss58Encode } from '../../keys/address.js';
import { pairFromSuri } from '../../keys/fromSuri.js';
import { schemeLoad } from '../../keys/scheme.js';
import type { KeyType } from '../../keys/types.js';
import { base64Decode, base64Encode, type JsonObject } from '../json.js';
import { polkadotJsOpen } from './open.js';
import { polkadotJsParse, type PolkadotJsSingle } from './parse.js';
import { pkcs8Encode } from './pkcs8.js';
import { rejection } from '../../../test/support/rejection.js';
import { loadVectors } from '../../../test/support/vectors.js';

type JsonVector = { password: string; keyType: KeyType; expectedPublicKey: string; expectedAddress: string; ss58Prefix: number; file: JsonObject };
const vectors = loadVectors<{ json: JsonVector[] }>('polkadot-js');
const byType = (type: KeyType) => vectors.json.find((v) => v.keyType === type && (v.file['encoding'] as JsonObject)['version'] === '3')!;
const SR = byType('sr25519');
const ECDSA = byType('ecdsa');
const ETH = byType('ethereum');
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

function single(file: unknown): PolkadotJsSingle {
  const parsed = polkadotJsParse(file);
  if (parsed.kind !== 'single') throw new Error('expected a single-account file');
  return parsed;
}

/** An unencrypted (`type: ["none"]`) file holding `pkcs8`: opens without any KDF work. */
function plainFile(pkcs8: Uint8Array, address: string, content: unknown): PolkadotJsSingle {
  return single({ encoded: bytesToHex(pkcs8), encoding: { content, type: ['none'], version: '3' }, address, meta: { name: 'plain' } });
}

describe('polkadotJsOpen: the json vectors', () => {
  for (const v of vectors.json) {
    it(`opens the ${v.keyType} file (version ${(v.file['encoding'] as JsonObject)['version']}) with its password`, async () => {
      const opened = await polkadotJsOpen(single(v.file), v.password);
      expect(opened.type).toBe(v.keyType);
      expect(bytesToHex(opened.publicKey)).toBe(v.expectedPublicKey);
      const scheme = await schemeLoad(opened.type);
      expect(bytesToHex(opened.accountId)).toBe(bytesToHex(scheme.accountId(opened.publicKey)));
      expect(accountAddress(opened.type, opened.accountId, v.ss58Prefix)).toBe(v.expectedAddress);
      expect(opened.secretKey).toHaveLength(v.keyType === 'sr25519' || v.keyType === 'ed25519' ? 64 : 32);
      expect(opened.name).toBe((v.file['meta'] as JsonObject)['name']);
    });
  }

  it('gives the address in the network format the file used', async () => {
    // SS58 file with prefix 2 (Kusama) stays Kusama; a hex-key ecdsa file gets the generic prefix 42; ethereum is EIP-55.
    expect((await polkadotJsOpen(single(SR.file), SR.password)).address).toBe(SR.file['address']);
    const ecdsa = await polkadotJsOpen(single(ECDSA.file), ECDSA.password);
    expect(ecdsa.prefix).toBe(42);
    expect(ecdsa.address).toBe(ss58Encode(ecdsa.accountId, 42));
    const eth = await polkadotJsOpen(single(ETH.file), ETH.password);
    expect(eth.address).toBe(ETH.expectedAddress);
  });

  it('accepts each address form Polkadot{.js} has written for secp256k1 keys', async () => {
    // ethereum: the EIP-55 address and the 0x compressed key, besides the SS58 of the 33-byte key in the vector.
    for (const address of [ETH.expectedAddress, ETH.expectedAddress.toLowerCase(), ETH.expectedPublicKey]) {
      expect((await polkadotJsOpen(single({ ...ETH.file, address }), ETH.password)).address, address).toBe(ETH.expectedAddress);
    }
    // ecdsa: the SS58 of its blake2 account id, besides the 0x compressed key in the vector.
    expect((await polkadotJsOpen(single({ ...ECDSA.file, address: ECDSA.expectedAddress }), ECDSA.password)).address).toBe(ECDSA.expectedAddress);
  });
});

describe('polkadotJsOpen: refusals', () => {
  for (const v of vectors.json) {
    it(`WrongPasswordError for the ${v.keyType} file (version ${(v.file['encoding'] as JsonObject)['version']}) with a wrong password`, async () => {
      const wrong = 'Wr0ng-pässword!';
      const err = await rejection(polkadotJsOpen(single(v.file), wrong));
      expect(err).toBeInstanceOf(WrongPasswordError);
      // Named by the address its owner knows: an ecdsa or ethereum file's `address` field holds the public key
      // (issue 12 #15; this assertion named the public key before), shown as the ecdsa SS58 / Ethereum address.
      const shown =
        v.keyType === 'ethereum' ? v.expectedAddress : v.keyType === 'ecdsa' ? ss58Encode(ss58Decode(v.expectedAddress).publicKey, 42) : v.file['address'];
      expect((err as WrongPasswordError).subject).toBe(shown);
      expect((err as WrongPasswordError).fullMessage).not.toContain(wrong);
    });
  }

  it('WrongPasswordError for an empty password and for the password with different case', async () => {
    expect(await rejection(polkadotJsOpen(single(SR.file), ''))).toBeInstanceOf(WrongPasswordError);
    expect(await rejection(polkadotJsOpen(single(SR.file), SR.password.toUpperCase()))).toBeInstanceOf(WrongPasswordError);
  });

  it('WrongPasswordError when one byte of the ciphertext is altered (a cipher cannot tell the two apart)', async () => {
    const bytes = base64Decode(SR.file['encoded'] as string)!;
    bytes[bytes.length - 5]! ^= 0x01;
    const err = await rejection(polkadotJsOpen(single({ ...SR.file, encoded: base64Encode(bytes) }), SR.password));
    expect(err).toBeInstanceOf(WrongPasswordError);
    expect((err as WrongPasswordError).fullMessage).toMatch(/altered/);
  });

  it('AddressMismatchError when the address is another valid account', async () => {
    const err = await rejection(polkadotJsOpen(single({ ...SR.file, address: ALICE }), SR.password));
    expect(err).toBeInstanceOf(AddressMismatchError);
    expect((err as AddressMismatchError).expected).toBe(ALICE);
    expect((err as AddressMismatchError).actual).toBe(ss58Encode(hexToBytes(SR.expectedPublicKey), 42));
    expect((err as Error).message).toContain(ALICE);
  });

  it('AddressMismatchError when an ethereum file names another Ethereum address', async () => {
    const other = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const err = await rejection(polkadotJsOpen(single({ ...ETH.file, address: other }), ETH.password));
    expect(err).toBeInstanceOf(AddressMismatchError);
    expect((err as AddressMismatchError).actual).toBe(ETH.expectedAddress);
  });

  it('AddressMismatchError when an sr25519 file names an Ethereum address', async () => {
    const err = await rejection(polkadotJsOpen(single({ ...SR.file, address: ETH.expectedAddress }), SR.password));
    expect(err).toBeInstanceOf(AddressMismatchError);
  });

  it('InvalidAddressError (before any KDF work) when the address does not decode', async () => {
    for (const address of ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ', 'not an address', '0x1234', '0xZZ' + 'a'.repeat(64)]) {
      expect(await rejection(polkadotJsOpen(single({ ...SR.file, address }), SR.password)), address).toBeInstanceOf(InvalidAddressError);
    }
  });

  it('InvalidKeyError when the recorded key type does not fit the key', async () => {
    const relabelled = { ...SR.file, encoding: { ...(SR.file['encoding'] as JsonObject), content: ['pkcs8', 'ed25519'] } };
    const err = await rejection(polkadotJsOpen(single(relabelled), SR.password));
    expect(err).toBeInstanceOf(InvalidKeyError);
  });
});

describe('polkadotJsOpen: key layouts (unencrypted bodies, no KDF)', async () => {
  const alice = await pairFromSuri('//Alice', 'sr25519');
  const aliceEd = await pairFromSuri('//Alice', 'ed25519');
  const aliceEdAddress = ss58Encode(aliceEd.publicKey);
  const aliceEcdsa = await pairFromSuri('//Alice', 'ecdsa');

  it('opens a generation 3 sr25519 body', async () => {
    const opened = await polkadotJsOpen(plainFile(pkcs8Encode(alice.secretKey, alice.publicKey), ALICE, ['pkcs8', 'sr25519']), '');
    expect(opened.address).toBe(ALICE);
    expect(bytesToHex(opened.secretKey)).toBe(bytesToHex(alice.secretKey));
    expect(opened.name).toBe('plain');
  });

  it('finds the key type when the file does not record it (version 0, string content)', async () => {
    const cases: [Uint8Array, string, KeyType][] = [
      [pkcs8Encode(alice.secretKey, alice.publicKey), ALICE, 'sr25519'],
      [pkcs8Encode(aliceEd.secretKey, aliceEd.publicKey), aliceEdAddress, 'ed25519'],
      [pkcs8Encode(aliceEcdsa.secretKey, aliceEcdsa.publicKey), bytesToHex(aliceEcdsa.publicKey), 'ecdsa'],
    ];
    for (const [pkcs8, address, type] of cases) {
      expect((await polkadotJsOpen(plainFile(pkcs8, address, 'pkcs8'), '')).type, type).toBe(type);
    }
  });

  it('rebuilds the full key from a generation 1–2 body (32-byte seed), in the layout Polkadot{.js} keeps', async () => {
    const seed = new Uint8Array(32).fill(0x42);
    for (const type of ['sr25519', 'ed25519'] as const) {
      const scheme = await schemeLoad(type);
      const pair = scheme.fromSeed(seed);
      const opened = await polkadotJsOpen(plainFile(pkcs8Encode(seed, pair.publicKey), ss58Encode(pair.publicKey), ['pkcs8', type]), '');
      expect(bytesToHex(opened.publicKey), type).toBe(bytesToHex(pair.publicKey));
      // Polkadot{.js} (keyring pair/index.ts) turns a 32-byte seed into the 64-byte secret of the type.
      expect(bytesToHex(opened.secretKey), type).toBe(bytesToHex(pair.secretKey));
    }
  });

  it('InvalidKeyError when the stored public half is not the secret’s own', async () => {
    const wrongPublic = pkcs8Encode(alice.secretKey, aliceEd.publicKey);
    const err = await rejection(polkadotJsOpen(plainFile(wrongPublic, ALICE, ['pkcs8', 'sr25519']), ''));
    expect(err).toBeInstanceOf(InvalidKeyError);
  });

  it('CorruptFileError when the body is not a key in the Polkadot{.js} layout', async () => {
    const notPkcs8 = pkcs8Encode(alice.secretKey, alice.publicKey);
    notPkcs8[0] = 0;
    expect(await rejection(polkadotJsOpen(plainFile(notPkcs8, ALICE, ['pkcs8', 'sr25519']), ''))).toBeInstanceOf(CorruptFileError);
  });

  it('InvalidKeyError for an ecdsa secret that is not a valid scalar', async () => {
    const zero = pkcs8Encode(new Uint8Array(32), aliceEcdsa.publicKey);
    const err = await rejection(polkadotJsOpen(plainFile(zero, bytesToHex(aliceEcdsa.publicKey), ['pkcs8', 'ecdsa']), ''));
    expect(err).toBeInstanceOf(BaseError);
  });
});
