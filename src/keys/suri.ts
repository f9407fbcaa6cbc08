import { utf8 } from '../crypto/bytes.js';
import { InvalidSuriError, SuriTooLongError } from '../errors/suri.js';
import { pathLimitsCheck } from './junction.js';

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

/** The longest secret URI keepsake reads, in UTF-8 bytes: a 24-word phrase, a path at its limit and a long password fit. */
export const SURI_MAX_BYTES = 2048;

const HEX_SEED = /^0x[0-9a-fA-F]+$/;
const WORDS = /^[\p{L}\p{M}\d]+( [\p{L}\p{M}\d]+)*$/u;

/**
 * Splits a secret URI `<phrase | 0x seed>[//hard|/soft]*[///password]` into its parts.
 * Input is normalised to NFC (as Polkadot{.js}); whitespace around the words of the phrase is collapsed.
 * Whitespace at the end of a path or password is kept: Polkadot{.js} derives with it (`//a ` is not `//a`).
 * An input over {@link SURI_MAX_BYTES}, or a path over the limits of `pathLimitsCheck`, is refused
 * before anything else is done with it.
 *
 * @example
 * suriParse('//Alice') // → { phrase: DEV_PHRASE, path: '//Alice', password: undefined }
 */
export function suriParse(input: string): Suri {
  // UTF-16 units never outnumber UTF-8 bytes, so a long string is refused before it is encoded.
  if (input.length > SURI_MAX_BYTES || utf8(input).length > SURI_MAX_BYTES) throw new SuriTooLongError({ limit: SURI_MAX_BYTES });
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
  pathLimitsCheck(path);
  if (phrase.length === 0) throw new InvalidSuriError({ reason: 'there is no phrase or seed before the path' });
  if (!HEX_SEED.test(phrase) && !WORDS.test(phrase)) {
    throw new InvalidSuriError({ reason: 'the phrase may hold only words of letters and digits separated by spaces, or a 0x hex seed' });
  }
  return { phrase, path, password };
}
