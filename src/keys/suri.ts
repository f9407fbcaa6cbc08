import { InvalidSuriError } from '../errors/suri.js';

/** Polkadot{.js} and Substrate's development phrase; `//Alice` alone means this phrase + `//Alice`. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

export type Suri = {
  /** A mnemonic, a `0x` hex seed, or a short raw string seed. */
  phrase: string;
  /** The derivation path as written, e.g. `//polkadot/0` (empty for the root). */
  path: string;
  /** The `///password` part, if any. */
  password: string | undefined;
};

const HEX_SEED = /^0x[0-9a-fA-F]+$/;
const WORDS = /^[\p{L}\p{M}\d]+( [\p{L}\p{M}\d]+)*$/u;

/**
 * Splits a secret URI `<phrase | 0x seed>[//hard|/soft]*[///password]` into its parts.
 * Input is normalised to NFC (as Polkadot{.js}); whitespace around the words of the phrase is collapsed.
 * Whitespace at the end of a path or password is kept: Polkadot{.js} derives with it (`//a ` is not `//a`).
 *
 * @example
 * suriParse('//Alice') // → { phrase: DEV_PHRASE, path: '//Alice', password: undefined }
 */
export function suriParse(input: string): Suri {
  let suri = input.normalize('NFC').trimStart();
  if (suri.startsWith('//')) suri = DEV_PHRASE + suri;
  let password: string | undefined;
  const marker = suri.indexOf('///');
  if (marker !== -1) {
    password = suri.slice(marker + 3);
    suri = suri.slice(0, marker);
  }
  const slash = suri.indexOf('/');
  const phrase = (slash === -1 ? suri : suri.slice(0, slash)).trim().split(/\s+/u).join(' ');
  const path = slash === -1 ? '' : suri.slice(slash);
  if (phrase.length === 0) throw new InvalidSuriError({ reason: 'there is no phrase or seed before the path' });
  if (!HEX_SEED.test(phrase) && !WORDS.test(phrase)) {
    throw new InvalidSuriError({ reason: 'the phrase may hold only words of letters and digits separated by spaces, or a 0x hex seed' });
  }
  return { phrase, path, password };
}
