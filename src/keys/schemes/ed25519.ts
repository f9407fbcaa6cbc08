import { ed25519 as curve } from '@noble/curves/ed25519.js';
import { concatBytes } from '../../crypto/bytes.js';
import { seedDeriveHard } from './hdkd.js';
import type { KeyScheme } from './scheme.js';

function fromSeed(seed: Uint8Array) {
  const publicKey = curve.getPublicKey(seed);
  return { publicKey, secretKey: concatBytes(seed, publicKey) };
}

export const ed25519: KeyScheme = {
  type: 'ed25519',
  // 64 = seed ‖ public (generation 3). A bare 32-byte seed (generations 1–2) is not a secret in this
  // layout: readers rebuild seed ‖ public from it with fromSeed, as Polkadot{.js} does (keyring pair/index.ts).
  secretLengths: [64],
  fromSeed,
  publicFromSecret: (secretKey) => curve.getPublicKey(secretKey.subarray(0, 32)),
  accountId: (publicKey) => publicKey,
  deriveHard: (secretKey, chainCode) => fromSeed(seedDeriveHard('Ed25519HDKD', secretKey.subarray(0, 32), chainCode)),
};
