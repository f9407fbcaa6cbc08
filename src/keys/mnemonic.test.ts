import { mnemonicToMiniSecret as oracleMiniSecret } from '@polkadot/util-crypto';
import { thrown } from '../../test/support/rejection.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/bytes.js';
import type { RandomSource } from '../crypto/random.js';
import { MnemonicChecksumError, MnemonicLengthError, MnemonicWordError } from '../errors/mnemonic.js';
import {
  MNEMONIC_LENGTHS,
  mnemonicGenerate,
  mnemonicLooksLike,
  mnemonicNormalize,
  mnemonicToBip39Seed,
  mnemonicToEntropyChecked,
  mnemonicToMiniSecret,
  mnemonicValidate,
} from './mnemonic.js';
import { DEV_PHRASE } from './suri.js';

const ABANDON_12 = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('mnemonicGenerate', () => {
  for (const words of MNEMONIC_LENGTHS) {
    it(`makes a valid ${words}-word phrase`, () => {
      const phrase = mnemonicGenerate(words);
      expect(phrase.split(' ')).toHaveLength(words);
      expect(() => mnemonicValidate(phrase)).not.toThrow();
      expect(mnemonicToEntropyChecked(phrase)).toHaveLength((words / 3) * 4);
    });
  }

  it('defaults to 12 words', () => {
    expect(mnemonicGenerate().split(' ')).toHaveLength(12);
  });

  it('uses the injected randomness (BIP-39 zero-entropy vectors)', () => {
    const zeros: RandomSource = (n) => new Uint8Array(n);
    expect(mnemonicGenerate(12, zeros)).toBe(ABANDON_12);
    expect(mnemonicGenerate(24, zeros)).toBe(`${'abandon '.repeat(23)}art`);
  });

  it('asks for exactly the entropy the length needs', () => {
    const asked: number[] = [];
    const spy: RandomSource = (n) => {
      asked.push(n);
      return new Uint8Array(n).fill(0x7f);
    };
    for (const words of MNEMONIC_LENGTHS) mnemonicGenerate(words, spy);
    expect(asked).toEqual([16, 20, 24, 28, 32]);
  });

  it('round-trips any entropy through the phrase', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MNEMONIC_LENGTHS), fc.uint8Array({ minLength: 32, maxLength: 32 }), (words, bytes) => {
        const entropy = bytes.slice(0, (words / 3) * 4);
        const phrase = mnemonicGenerate(words, (n) => entropy.slice(0, n));
        expect(bytesToHex(mnemonicToEntropyChecked(phrase))).toBe(bytesToHex(entropy));
      }),
    );
  });
});

describe('mnemonicValidate', () => {
  it('accepts the development phrase and the BIP-39 vectors', () => {
    expect(() => mnemonicValidate(DEV_PHRASE)).not.toThrow();
    expect(() => mnemonicValidate(ABANDON_12)).not.toThrow();
  });

  it('names an unknown word by its position (1-based), never quoting it (it is most of a word of the phrase)', () => {
    const words = DEV_PHRASE.split(' ');
    words[4] = 'notaword';
    const err = thrown(() => mnemonicValidate(words.join(' ')));
    expect(err).toBeInstanceOf(MnemonicWordError);
    expect((err as MnemonicWordError).position).toBe(5);
    expect((err as MnemonicWordError).message).toContain('Word 5');
    expect((err as MnemonicWordError).message).not.toContain('notaword');
  });

  it('names the first unknown word when several are wrong', () => {
    const words = DEV_PHRASE.split(' ');
    words[2] = 'zzz';
    words[9] = 'yyy';
    const err = thrown(() => mnemonicValidate(words.join(' '))) as MnemonicWordError;
    expect(err).toBeInstanceOf(MnemonicWordError);
    expect(err.position).toBe(3);
  });

  it('reports a bad checksum when two words are swapped', () => {
    const words = DEV_PHRASE.split(' ');
    [words[0], words[1]] = [words[1]!, words[0]!];
    const err = thrown(() => mnemonicValidate(words.join(' ')));
    expect(err).toBeInstanceOf(MnemonicChecksumError);
    expect((err as Error).message).toContain('12-word');
  });

  it('reports a bad checksum when the last word is replaced by another list word', () => {
    expect(thrown(() => mnemonicValidate(ABANDON_12.replace(/about$/, 'abandon')))).toBeInstanceOf(MnemonicChecksumError);
  });

  it('refuses word counts BIP-39 does not allow', () => {
    const words = DEV_PHRASE.split(' ');
    for (const n of [1, 11, 13, 23, 25]) {
      const phrase = Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
      const err = thrown(() => mnemonicValidate(phrase));
      expect(err, `${n} words`).toBeInstanceOf(MnemonicLengthError);
      expect((err as Error).message).toContain(`this one has ${n}`);
    }
  });

  it('checks the length before the words, so 11 words report the length even with a typo', () => {
    const phrase = DEV_PHRASE.split(' ').slice(0, 11);
    phrase[0] = 'notaword';
    expect(thrown(() => mnemonicValidate(phrase.join(' ')))).toBeInstanceOf(MnemonicLengthError);
  });

  it('forgives case and extra spaces as a person types them', () => {
    expect(mnemonicNormalize(`  ${DEV_PHRASE.toUpperCase().split(' ').join('  \t')} `)).toBe(DEV_PHRASE);
    expect(() => mnemonicValidate(DEV_PHRASE.toUpperCase())).not.toThrow();
  });

  it('throws only its own errors for any input', () => {
    const word = fc.oneof(fc.constantFrom(...wordlist), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 25 }), (words) => {
        const err = thrown(() => mnemonicValidate(words.join(' ')));
        if (err !== undefined) expect([MnemonicLengthError, MnemonicWordError, MnemonicChecksumError].some((c) => err instanceof c)).toBe(true);
      }),
    );
  });
});

describe('mnemonicLooksLike', () => {
  it('is true for BIP-39 word counts only', () => {
    expect(mnemonicLooksLike(DEV_PHRASE)).toBe(true);
    expect(mnemonicLooksLike('Alice')).toBe(false);
    expect(mnemonicLooksLike(DEV_PHRASE.split(' ').slice(0, 11).join(' '))).toBe(false);
  });
});

describe('mnemonicToMiniSecret', () => {
  it('matches Polkadot{.js} (PBKDF2 over the entropy, not the words)', () => {
    for (const [phrase, password] of [
      [DEV_PHRASE, ''],
      [DEV_PHRASE, 'password'],
      [ABANDON_12, 'Substrate'],
    ] as const) {
      expect(bytesToHex(mnemonicToMiniSecret(phrase, password))).toBe(bytesToHex(oracleMiniSecret(phrase, password, undefined, true)));
    }
  });

  it('refuses an invalid phrase', () => {
    expect(thrown(() => mnemonicToMiniSecret(ABANDON_12.replace(/about$/, 'abandon')))).toBeInstanceOf(MnemonicChecksumError);
  });
});

describe('mnemonicToBip39Seed', () => {
  it('gives the BIP-39 reference seed (Trezor vector, passphrase TREZOR)', () => {
    expect(bytesToHex(mnemonicToBip39Seed(ABANDON_12, 'TREZOR'))).toBe(
      '0xc55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04',
    );
  });
});
