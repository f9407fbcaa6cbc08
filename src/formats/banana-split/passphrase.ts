import { wordlist } from '@scure/bip39/wordlists/english.js';
import { systemRandom, type RandomSource } from '../../crypto/random.js';

/** Words in a passphrase, as Banana Split (`src/util/passPhrase.ts`) and Polkadot Vault make them. */
export const PASSPHRASE_WORDS = 4;

/**
 * A new shard passphrase: 4 words joined by "-". Banana Split draws each word from the first 2048
 * words of its list (paritytech/banana_split `src/util/passPhrase.ts`), 44 bits in all; keepsake draws
 * from the 2048-word BIP-39 English list already shipped in @scure/bip39 — the same entropy, a list
 * made to be written down (no two words share their first four letters), and no word list of our own.
 * 2048 = 2^11, so 11 bits of a random 16-bit number pick a word uniformly.
 *
 * @example
 * bananaSplitPassphrase() // 'orbit-lamp-tiger-salad'
 */
export function bananaSplitPassphrase(random: RandomSource = systemRandom): string {
  const bytes = random(2 * PASSPHRASE_WORDS);
  const words: string[] = [];
  for (let i = 0; i < PASSPHRASE_WORDS; i++) words.push(wordlist[((bytes[2 * i]! << 8) | bytes[2 * i + 1]!) & 0x7ff]!);
  return words.join('-');
}

/**
 * A passphrase as typed: surrounding space dropped and each run of spaces read as "-" (Banana Split's
 * recovery page does the same, so "orbit lamp tiger salad" opens shards made with "orbit-lamp-tiger-salad").
 */
export function bananaSplitPassphraseNormalize(typed: string): string {
  return typed.trim().replace(/\s+/g, '-');
}
