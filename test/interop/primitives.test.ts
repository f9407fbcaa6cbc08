/**
 * The building blocks agree with Polkadot{.js}: SS58 and EIP-55 addresses, BIP-39 phrases and the
 * Substrate mini-secret, junction chain codes. Cheap properties, so they run many cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { u8aToHex } from '@polkadot/util';
import {
  cryptoWaitReady,
  decodeAddress,
  encodeAddress,
  ethereumEncode,
  keyExtractPath,
  mnemonicToEntropy,
  mnemonicToLegacySeed,
  mnemonicToMiniSecret as utilMnemonicToMiniSecret,
  mnemonicValidate as utilMnemonicValidate,
} from '@polkadot/util-crypto';
import { ethereumChecksum, ethereumDecode, ss58Decode, ss58Encode } from '../../src/keys/address.js';
import { junctionChainCode } from '../../src/keys/junction.js';
import { mnemonicGenerate, mnemonicToBip39Seed, mnemonicToMiniSecret, mnemonicValidate } from '../../src/keys/mnemonic.js';
import { junctionTextArb, mnemonicArb, prefixArb, runs, suriPasswordArb } from './oracle.js';

beforeAll(async () => {
  await cryptoWaitReady();
});

const key32or33 = fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 33, maxLength: 33 }));

describe('SS58 addresses', () => {
  it('ss58Encode gives the address util-crypto encodeAddress gives, for every prefix', () => {
    fc.assert(
      fc.property(key32or33, prefixArb, (key, prefix) => {
        expect(ss58Encode(key, prefix)).toBe(encodeAddress(key, prefix));
      }),
      { numRuns: runs(500) },
    );
  });

  it('ss58Decode reads what util-crypto writes: the same key and prefix', () => {
    fc.assert(
      fc.property(key32or33, prefixArb, (key, prefix) => {
        const decoded = ss58Decode(encodeAddress(key, prefix));
        expect(decoded.prefix).toBe(prefix);
        expect(u8aToHex(decoded.publicKey)).toBe(u8aToHex(key));
        expect(u8aToHex(decodeAddress(ss58Encode(key, prefix)))).toBe(u8aToHex(key));
      }),
      { numRuns: runs(300) },
    );
  });

  it('a changed character is refused by both', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), prefixArb, fc.nat(), (key, prefix, at) => {
        const address = encodeAddress(key, prefix);
        const i = at % address.length;
        const swapped = address[i] === '2' ? '3' : '2';
        const edited = address.slice(0, i) + swapped + address.slice(i + 1);
        let oracleAccepts = true;
        try {
          // util-crypto refuses a bad checksum; a change in the prefix bytes may still decode to another valid
          // address only with a matching checksum, which a single edit does not give (2 bytes of blake2b).
          decodeAddress(edited);
        } catch {
          oracleAccepts = false;
        }
        let keepsakeAccepts = true;
        try {
          ss58Decode(edited);
        } catch {
          keepsakeAccepts = false;
        }
        expect(keepsakeAccepts).toBe(oracleAccepts);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('Ethereum addresses', () => {
  it('ethereumChecksum is EIP-55 as util-crypto ethereumEncode writes it, and ethereumDecode reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const address = ethereumChecksum(bytes);
        expect(address).toBe(ethereumEncode(bytes));
        expect(u8aToHex(ethereumDecode(address))).toBe(u8aToHex(bytes));
        expect(u8aToHex(ethereumDecode(address.toLowerCase()))).toBe(u8aToHex(bytes));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('BIP-39 phrases', () => {
  it('keepsake phrases of every length are valid for util-crypto and carry the entropy they were made from', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(12 as const, 15 as const, 18 as const, 21 as const, 24 as const),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (words, entropy) => {
          const phrase = mnemonicGenerate(words, (n) => entropy.slice(0, n));
          expect(phrase.split(' ')).toHaveLength(words);
          expect(utilMnemonicValidate(phrase)).toBe(true);
          expect(u8aToHex(mnemonicToEntropy(phrase))).toBe(u8aToHex(entropy.slice(0, (words / 3) * 4)));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('keepsake accepts util-crypto phrases, and gives the same mini-secret for any ///password', () => {
    fc.assert(
      fc.property(mnemonicArb, suriPasswordArb, (phrase, password) => {
        mnemonicValidate(phrase);
        expect(u8aToHex(mnemonicToMiniSecret(phrase, password))).toBe(u8aToHex(utilMnemonicToMiniSecret(phrase, password)));
      }),
      { numRuns: runs(100) },
    );
  });

  it('the BIP-39 seed (ethereum) is the one util-crypto mnemonicToLegacySeed gives', () => {
    fc.assert(
      fc.property(mnemonicArb, (phrase) => {
        expect(u8aToHex(mnemonicToBip39Seed(phrase))).toBe(u8aToHex(mnemonicToLegacySeed(phrase, '', false, 64)));
      }),
      { numRuns: runs(50) },
    );
  });
});

describe('junction chain codes', () => {
  it('are the chain codes util-crypto DeriveJunction computes, hard and soft', () => {
    fc.assert(
      fc.property(junctionTextArb, fc.boolean(), (text, hard) => {
        const [junction] = keyExtractPath((hard ? '//' : '/') + text).path;
        expect(junction).toBeDefined();
        expect(junction!.isHard).toBe(hard);
        expect(u8aToHex(junctionChainCode(text))).toBe(u8aToHex(junction!.chainCode));
      }),
      { numRuns: runs(500) },
    );
  });
});
