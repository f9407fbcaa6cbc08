import { ed25519 as curve } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../crypto/bytes.js';
import { BaseError } from '../errors/base.js';
import { MnemonicLengthError, MnemonicWordError } from '../errors/mnemonic.js';
import { InvalidPathError, InvalidSuriError, PathTooLongError, SuriTooLongError } from '../errors/suri.js';
import { accountAddress } from './account.js';
import { ss58Decode } from './address.js';
import { pairFromSuri } from './fromSuri.js';
import { schemeLoad } from './scheme.js';
import { DEV_PHRASE } from './suri.js';
import type { KeyType } from './types.js';
import { rejection } from '../../test/support/rejection.js';
import { loadVectors } from '../../test/support/vectors.js';

type SuriVector = { type: KeyType; suri: string; publicKey: string } & Record<`address${number}`, string>;
const vectors = loadVectors<{
  devPhrase: string;
  suri: SuriVector[];
}>('polkadot-js');

/** The `addressNN` fields of a vector, as [prefix, address]. */
function addressesOf(v: SuriVector): [number, string][] {
  return Object.entries(v)
    .filter(([k]) => /^address\d+$/.test(k))
    .map(([k, a]) => [Number(k.slice('address'.length)), a as string]);
}

describe('pairFromSuri: known-answer vectors', () => {
  it('has the vectors, and the same development phrase', () => {
    expect(vectors.suri.length).toBeGreaterThanOrEqual(21);
    expect(vectors.devPhrase).toBe(DEV_PHRASE);
  });

  for (const v of vectors.suri) {
    const addresses = addressesOf(v);
    it(`${v.type} ${v.suri.replace(/^(\S+ \S+) .* (\S+)/, '$1 … $2')} → ${addresses.map(([p]) => p).join(',')}`, async () => {
      expect(addresses.length).toBeGreaterThan(0);
      const pair = await pairFromSuri(v.suri, v.type);
      expect(pair.type).toBe(v.type);
      expect(bytesToHex(pair.publicKey)).toBe(v.publicKey);
      const scheme = await schemeLoad(v.type);
      const accountId = scheme.accountId(pair.publicKey);
      for (const [prefix, address] of addresses) {
        expect(accountAddress(v.type, accountId, prefix), `address${prefix}`).toBe(address);
        if (v.type !== 'ethereum') expect(ss58Decode(address)).toEqual({ prefix, publicKey: accountId });
      }
      // The secret has the layout Polkadot{.js} keeps in pkcs8.
      expect(pair.secretKey).toHaveLength(v.type === 'ecdsa' || v.type === 'ethereum' ? 32 : 64);
    });
  }
});

describe('pairFromSuri: forms of the secret', () => {
  it('reads //Alice as the development phrase + //Alice', async () => {
    const short = await pairFromSuri('//Alice', 'sr25519');
    const long = await pairFromSuri(`${DEV_PHRASE}//Alice`, 'sr25519');
    expect(bytesToHex(short.publicKey)).toBe(bytesToHex(long.publicKey));
    expect(accountAddress('sr25519', short.publicKey)).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  });

  it("takes a 0x seed as the mini-secret (//Alice's seed as subkey prints it)", async () => {
    const pair = await pairFromSuri('0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a', 'sr25519');
    expect(bytesToHex(pair.publicKey)).toBe('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
  });

  it('derives from a 0x seed like from a phrase', async () => {
    const seedPair = await pairFromSuri('0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a//stash', 'sr25519');
    const phrasePair = await pairFromSuri('//Alice//stash', 'sr25519');
    expect(bytesToHex(seedPair.publicKey)).toBe(bytesToHex(phrasePair.publicKey));
  });

  it('takes a short string as a raw seed, space-padded to 32 bytes', async () => {
    const pair = await pairFromSuri('Alice', 'ed25519');
    expect(bytesToHex(pair.publicKey)).toBe(bytesToHex(curve.getPublicKey(utf8('Alice'.padEnd(32)))));
  });

  it('gives the same key for the same phrase typed with extra spaces', async () => {
    const a = await pairFromSuri(`  ${DEV_PHRASE.split(' ').join('   ')}//Alice`, 'sr25519');
    expect(accountAddress('sr25519', a.publicKey)).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  });

  it('uses an ethereum 0x private key as it is', async () => {
    const key = '0x' + '11'.repeat(32);
    const pair = await pairFromSuri(key, 'ethereum');
    expect(bytesToHex(pair.secretKey)).toBe(key);
    expect(pair.publicKey).toHaveLength(33);
  });

  it('uses the BIP-32 master key for an ethereum phrase without a path', async () => {
    const root = await pairFromSuri(DEV_PHRASE, 'ethereum');
    const derived = await pairFromSuri(`${DEV_PHRASE}/m/44'/60'/0'/0/0`, 'ethereum');
    expect(bytesToHex(root.publicKey)).not.toBe(bytesToHex(derived.publicKey));
    expect(bytesToHex((await pairFromSuri(`${DEV_PHRASE}/m`, 'ethereum')).publicKey)).toBe(bytesToHex(root.publicKey));
  });
});

describe('pairFromSuri: refusals', () => {
  it('has no soft derivation for ed25519 and ecdsa; the junction is named by position, never quoted', async () => {
    for (const type of ['ed25519', 'ecdsa'] as const) {
      const err = await rejection(pairFromSuri(`${DEV_PHRASE}//Alice/SoftJunction7`, type));
      expect(err).toBeInstanceOf(InvalidPathError);
      expect((err as Error).message).toContain('Junction 2');
      expect((err as BaseError).fullMessage).not.toContain('SoftJunction7');
    }
  });

  it('refuses a ///password with a raw or hex seed (Polkadot{.js} would ignore it)', async () => {
    expect(await rejection(pairFromSuri('Alice///pw', 'sr25519'))).toBeInstanceOf(InvalidSuriError);
    expect(await rejection(pairFromSuri(`0x${'11'.repeat(32)}///pw`, 'sr25519'))).toBeInstanceOf(InvalidSuriError);
  });

  it('refuses a ///password for ethereum', async () => {
    expect(await rejection(pairFromSuri(`${DEV_PHRASE}///pw`, 'ethereum'))).toBeInstanceOf(InvalidSuriError);
  });

  it('refuses a path after an ethereum private key, and a non-BIP-44 ethereum path', async () => {
    expect(await rejection(pairFromSuri(`0x${'11'.repeat(32)}//0`, 'ethereum'))).toBeInstanceOf(InvalidPathError);
    expect(await rejection(pairFromSuri(`${DEV_PHRASE}//Alice`, 'ethereum'))).toBeInstanceOf(InvalidPathError);
  });

  it('refuses a 0x seed that is not 32 bytes', async () => {
    for (const seed of ['0x11', `0x${'11'.repeat(31)}`, `0x${'11'.repeat(33)}`]) {
      expect(await rejection(pairFromSuri(seed, 'sr25519')), seed).toBeInstanceOf(InvalidSuriError);
    }
  });

  it('says a phrase with a word missing is a phrase of the wrong length, not a raw seed', async () => {
    const eleven = DEV_PHRASE.split(' ').slice(0, 11).join(' ');
    const err = await rejection(pairFromSuri(eleven, 'sr25519'));
    expect(err).toBeInstanceOf(MnemonicLengthError);
  });

  it('names a misspelt word of a 12-word phrase', async () => {
    const err = await rejection(pairFromSuri(DEV_PHRASE.replace('lake', 'laek'), 'sr25519'));
    expect(err).toBeInstanceOf(MnemonicWordError);
    expect((err as MnemonicWordError).position).toBe(4);
  });

  it('refuses a raw seed longer than 32 bytes', async () => {
    expect(await rejection(pairFromSuri('a'.repeat(33), 'sr25519'))).toBeInstanceOf(InvalidSuriError);
    expect(await rejection(pairFromSuri('é'.repeat(17), 'sr25519'))).toBeInstanceOf(InvalidSuriError);
  });

  it('never puts the ///password in an error', async () => {
    const err = await rejection(pairFromSuri(`${DEV_PHRASE}/soft///hunter2-secret`, 'ed25519'));
    expect(err).toBeInstanceOf(InvalidPathError);
    expect((err as Error).message).not.toContain('hunter2');
  });
});

describe('pairFromSuri: secrets typed into the path are never quoted (security review #14)', () => {
  it('a ///password typed with one slash: refused for ed25519, ecdsa and ethereum without quoting it', async () => {
    for (const type of ['ed25519', 'ecdsa', 'ethereum'] as const) {
      const err = await rejection(pairFromSuri(`${DEV_PHRASE}/MySecretPass123`, type));
      expect(err, type).toBeInstanceOf(InvalidPathError);
      expect((err as BaseError).fullMessage, type).not.toContain('MySecretPass123');
      expect((err as BaseError).fullMessage, type).not.toContain('Secret');
    }
  });

  it('a misspelt word is named by position only', async () => {
    const err = await rejection(pairFromSuri(DEV_PHRASE.replace('basket', 'fabricx'), 'sr25519'));
    expect(err).toBeInstanceOf(MnemonicWordError);
    expect((err as BaseError).fullMessage).toContain('Word 7');
    expect((err as BaseError).fullMessage).not.toContain('fabricx');
  });
});

describe('pairFromSuri: path limits, before any derivation (security review #11)', () => {
  it('refuses 10,000 junctions (the whole secret is over its limit) and 65 junctions, for every key type', async () => {
    for (const type of ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const) {
      expect(await rejection(pairFromSuri(`${DEV_PHRASE}${'//a'.repeat(10_000)}`, type)), type).toBeInstanceOf(SuriTooLongError);
      const tooMany = type === 'ethereum' ? `/m${"/0'".repeat(65)}` : '//a'.repeat(65);
      expect(await rejection(pairFromSuri(`${DEV_PHRASE}${tooMany}`, type)), type).toBeInstanceOf(PathTooLongError);
    }
  });

  it('derives 64 junctions, the most it accepts (ethereum: a 64-step BIP-32 path)', async () => {
    expect((await pairFromSuri(`${DEV_PHRASE}${'//a'.repeat(64)}`, 'sr25519')).publicKey).toHaveLength(32);
    expect((await pairFromSuri(`${DEV_PHRASE}/m${"/0'".repeat(63)}`, 'ethereum')).publicKey).toHaveLength(33);
  });
});
