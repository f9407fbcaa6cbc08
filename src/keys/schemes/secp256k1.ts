import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ecdsaAccountId, ethereumAddressFromUncompressed } from '../address.js';
import { InvalidKeyError } from '../../errors/key.js';
import type { KeyType } from '../types.js';
import { seedDeriveHard } from './hdkd.js';
import type { KeyScheme } from './scheme.js';

function makeScheme(type: KeyType): KeyScheme {
  const fromSeed = (seed: Uint8Array) => {
    if (!secp256k1.utils.isValidSecretKey(seed)) throw new InvalidKeyError({ type, reason: 'the secret is not a valid secp256k1 scalar' });
    return { secretKey: seed.slice(), publicKey: secp256k1.getPublicKey(seed, true) };
  };
  return {
    type,
    secretLengths: [32],
    fromSeed,
    publicFromSecret: (secretKey) => fromSeed(secretKey).publicKey,
    accountId:
      type === 'ethereum'
        ? (publicKey) => ethereumAddressFromUncompressed(secp256k1.Point.fromBytes(publicKey).toBytes(false))
        : (publicKey) => ecdsaAccountId(publicKey),
    // Substrate-style hard derivation (not BIP-32): Polkadot{.js} uses it for both ecdsa and ethereum junctions.
    deriveHard: (secretKey, chainCode) => fromSeed(seedDeriveHard('Secp256k1HDKD', secretKey, chainCode)),
  };
}

export const ecdsa = makeScheme('ecdsa');
export const ethereum = makeScheme('ethereum');
