/**
 * Known answers from NIST SP 800-38A (Appendix F.5.1 CTR-AES128, F.2.5/F.2.6 CBC-AES256), then
 * random inputs against @noble/ciphers' independent AES as oracle.
 */
import { cbc, ctr } from '@noble/ciphers/aes.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aes128Ctr, aes256CbcDecrypt, aes256CbcEncrypt } from './aes.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
/** A random key or IV of `length` bytes; random data of up to 100 bytes (for the oracle comparisons). */
const bytesArb = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const dataArb = fc.uint8Array({ maxLength: 100 });

const PLAINTEXT = hex(`6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
  30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710`);

describe('aes128Ctr (SP 800-38A F.5.1)', () => {
  const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
  const counter = hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
  const ciphertext = hex(`874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff
    5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee`);

  it('encrypts the four blocks to the published ciphertext, and back', () => {
    expect(aes128Ctr(key, counter, PLAINTEXT)).toEqual(ciphertext);
    expect(aes128Ctr(key, counter, ciphertext)).toEqual(PLAINTEXT);
  });

  it('a part of a block is the same prefix (a stream cipher: a 32-byte keystore key is two blocks)', () => {
    expect(aes128Ctr(key, counter, PLAINTEXT.subarray(0, 20))).toEqual(ciphertext.subarray(0, 20));
  });

  it('agrees with @noble/ciphers on random inputs', () => {
    fc.assert(
      fc.property(bytesArb(16), bytesArb(16), dataArb, (k, iv, data) => {
        expect(aes128Ctr(k, iv, data)).toEqual(ctr(k, iv).encrypt(data));
      }),
      { numRuns: 50 },
    );
  });
});

describe('aes256Cbc (SP 800-38A F.2.5, F.2.6)', () => {
  const key = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
  const iv = hex('000102030405060708090a0b0c0d0e0f');
  const ciphertext = hex(`f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d
    39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b`);

  it('encrypts the four blocks to the published ciphertext, then one block of PKCS#7 padding; decrypts it back', () => {
    const out = aes256CbcEncrypt(key, iv, PLAINTEXT);
    expect(out.length).toBe(80);
    expect(out.subarray(0, 64)).toEqual(ciphertext);
    expect(aes256CbcDecrypt(key, iv, out)).toEqual(PLAINTEXT);
  });

  it('refuses input that is not whole blocks', () => {
    expect(() => aes256CbcDecrypt(key, iv, ciphertext.subarray(0, 40))).toThrow();
  });

  it('agrees with @noble/ciphers (PKCS#7) on random inputs', () => {
    fc.assert(
      fc.property(bytesArb(32), bytesArb(16), dataArb, (k, v, data) => {
        const sealed = aes256CbcEncrypt(k, v, data);
        expect(sealed).toEqual(cbc(k, v).encrypt(data));
        expect(aes256CbcDecrypt(k, v, sealed)).toEqual(data);
      }),
      { numRuns: 50 },
    );
  });
});
