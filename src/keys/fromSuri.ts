import { HDKey } from '@scure/bip32';
import { hexToBytes, isHex, utf8, wipe } from '../crypto/bytes.js';
import { MnemonicLengthError } from '../errors/mnemonic.js';
import { InvalidPathError, InvalidSuriError } from '../errors/suri.js';
import { junctionsParse, pathLimitsCheck } from './junction.js';
import { mnemonicLooksLike, mnemonicToBip39Seed, mnemonicToMiniSecret } from './mnemonic.js';
import { schemeLoad } from './scheme.js';
import { suriParse } from './suri.js';
import type { KeyPair, KeyType } from './types.js';

const BIP32_PATH = /^m(\/\d+'?)*$/;

/**
 * The key pair a secret URI describes, derived exactly as Polkadot{.js} `keyring.createFromUri` does:
 * a mnemonic becomes a mini-secret (sr25519, ed25519, ecdsa) or a BIP-39 seed + BIP-32 path (ethereum);
 * a `0x` seed is used as it is; a short string is space-padded to 32 bytes.
 *
 * Where Polkadot{.js} would silently ignore part of the input (a `///password` with a raw seed or an
 * ethereum phrase, a path after an ethereum hex key), keepsake refuses instead, so a user never gets a
 * different account than the one they wrote down.
 *
 * @example
 * await pairFromSuri('//Alice', 'sr25519')
 */
export async function pairFromSuri(input: string, type: KeyType): Promise<KeyPair> {
  const { phrase, path, password } = suriParse(input);
  const scheme = await schemeLoad(type);
  const isHexSeed = phrase.startsWith('0x');
  const isMnemonic = !isHexSeed && mnemonicLooksLike(phrase);
  if (password !== undefined && !isMnemonic) {
    throw new InvalidSuriError({ reason: 'a ///password applies only to a mnemonic phrase, not to a raw seed' });
  }

  if (type === 'ethereum') {
    if (password !== undefined) {
      throw new InvalidSuriError({ reason: 'Polkadot{.js} ignores ///password for ethereum accounts, so keepsake does not accept one' });
    }
    if (isHexSeed) {
      if (path !== '') throw new InvalidPathError({ reason: 'an ethereum private key given as 0x… cannot be derived further' });
      return { type, ...scheme.fromSeed(seedBytes(phrase)) };
    }
    const bip32Path = path.slice(1);
    pathLimitsCheck(path);
    if (path !== '' && !BIP32_PATH.test(bip32Path)) {
      throw new InvalidPathError({ reason: "ethereum accounts use a BIP-44 path such as /m/44'/60'/0'/0/0", spaces: /\s/.test(path) });
    }
    const seed = isMnemonic ? mnemonicToBip39Seed(phrase) : rawSeed(phrase);
    try {
      const node = HDKey.fromMasterSeed(seed).derive(bip32Path === '' ? 'm' : bip32Path);
      if (node.privateKey === null) throw new InvalidPathError({ reason: 'it does not lead to a private key' });
      return { type, ...scheme.fromSeed(node.privateKey) };
    } finally {
      wipe(seed);
    }
  }

  const junctions = junctionsParse(path);
  const seed = isHexSeed ? seedBytes(phrase) : isMnemonic ? mnemonicToMiniSecret(phrase, password ?? '') : rawSeed(phrase);
  let pair = scheme.fromSeed(seed);
  wipe(seed);
  for (const [i, junction] of junctions.entries()) {
    const next = junction.hard ? scheme.deriveHard(pair.secretKey, junction.chainCode) : scheme.deriveSoft?.(pair.secretKey, junction.chainCode);
    if (next === undefined) {
      // The junction's text is not quoted: `phrase/MyPassword` is usually a ///password typed with one slash.
      throw new InvalidPathError({
        junction: i + 1,
        reason: `it is soft (one "/"), and ${type} keys have no soft derivation: use a hard junction (//), or three slashes (///) before a password`,
        spaces: /\s/.test(path),
      });
    }
    wipe(pair.secretKey);
    pair = next;
  }
  return { type, ...pair };
}

function seedBytes(hex: string): Uint8Array {
  if (hex.length !== 66 || !isHex(hex)) throw new InvalidSuriError({ reason: 'a 0x seed is exactly 32 bytes: 64 hex digits (0–9, a–f)' });
  return hexToBytes(hex);
}

function rawSeed(phrase: string): Uint8Array {
  // Polkadot{.js} takes any other phrase of at most 32 characters as a raw seed, padded with spaces.
  // Several words are almost always a recovery phrase with a word missing or extra: say so instead.
  const words = phrase.split(' ').length;
  if (words > 1) throw new MnemonicLengthError({ words });
  const bytes = utf8(phrase.padEnd(32));
  if (bytes.length !== 32) throw new InvalidSuriError({ reason: 'a raw seed (one word, not a recovery phrase) is at most 32 bytes' });
  return bytes;
}
