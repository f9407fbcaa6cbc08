import { entropyToMnemonic, mnemonicToEntropy, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { concatBytes, utf8 } from '../crypto/bytes.js';
import { pbkdf2Now } from '../crypto/pbkdf2.js';
import { systemRandom, type RandomSource } from '../crypto/random.js';
import { MnemonicChecksumError, MnemonicLengthError, MnemonicWordError } from '../errors/mnemonic.js';

export const MNEMONIC_LENGTHS = [12, 15, 18, 21, 24] as const;
export type MnemonicLength = (typeof MNEMONIC_LENGTHS)[number];

const WORDS = new Set(wordlist);

/**
 * A new BIP-39 English phrase of `words` words (entropy = words·32/3 bits).
 *
 * @example
 * mnemonicGenerate(24)
 */
export function mnemonicGenerate(words: MnemonicLength = 12, random: RandomSource = systemRandom): string {
  const entropy = random((words / 3) * 4);
  try {
    return entropyToMnemonic(entropy, wordlist);
  } finally {
    entropy.fill(0);
  }
}

/** Normalises spacing and case of a phrase as a person might type it. */
export function mnemonicNormalize(phrase: string): string {
  return phrase.normalize('NFKD').trim().toLowerCase().split(/\s+/u).join(' ');
}

/**
 * Checks a phrase and returns its BIP-39 entropy. Throws an error naming the first unknown word,
 * a wrong word count, or a bad checksum.
 */
export function mnemonicToEntropyChecked(phrase: string): Uint8Array {
  const words = mnemonicNormalize(phrase).split(' ');
  if (!(MNEMONIC_LENGTHS as readonly number[]).includes(words.length)) throw new MnemonicLengthError({ words: words.length });
  words.forEach((word, i) => {
    if (!WORDS.has(word)) throw new MnemonicWordError({ position: i + 1 });
  });
  try {
    return mnemonicToEntropy(words.join(' '), wordlist);
  } catch {
    throw new MnemonicChecksumError({ words: words.length });
  }
}

/** Throws unless `phrase` is a valid BIP-39 English phrase; see {@link mnemonicToEntropyChecked}. */
export function mnemonicValidate(phrase: string): void {
  mnemonicToEntropyChecked(phrase).fill(0);
}

/** True when `phrase` has a BIP-39 word count (so it is meant as a mnemonic, not a raw seed). */
export function mnemonicLooksLike(phrase: string): boolean {
  return (MNEMONIC_LENGTHS as readonly number[]).includes(phrase.trim().split(/\s+/u).length);
}

/**
 * Substrate's mini-secret: PBKDF2-HMAC-SHA512(BIP-39 *entropy*, "mnemonic" + password, 2048)[0..32]
 * (substrate-bip39 `mini_secret_from_entropy`) — not the BIP-39 seed, which hashes the words.
 */
export function mnemonicToMiniSecret(phrase: string, password = ''): Uint8Array {
  const entropy = mnemonicToEntropyChecked(phrase);
  try {
    const seed = pbkdf2Now(entropy, concatBytes(utf8('mnemonic'), utf8(password)), 2048, 64, 'sha512');
    const mini = seed.slice(0, 32);
    seed.fill(0);
    return mini;
  } finally {
    entropy.fill(0);
  }
}

/** The standard BIP-39 seed (64 bytes) used by BIP-32/BIP-44 wallets such as MetaMask. */
export function mnemonicToBip39Seed(phrase: string, password = ''): Uint8Array {
  mnemonicValidate(phrase);
  return mnemonicToSeedSync(mnemonicNormalize(phrase), password);
}
