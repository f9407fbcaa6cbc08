import { HDKD, getPublicKey, secretFromSeed } from '@scure/sr25519';
import type { KeyScheme } from './scheme.js';

// Schnorrkel keys as Substrate uses them; the 64-byte secret is the ed25519-expanded form that
// Polkadot{.js} stores in pkcs8 (@scure/sr25519 uses the same layout).
export const sr25519: KeyScheme = {
  type: 'sr25519',
  secretLengths: [64],
  fromSeed(seed) {
    const secretKey = secretFromSeed(seed);
    return { secretKey, publicKey: getPublicKey(secretKey) };
  },
  publicFromSecret: (secretKey) => getPublicKey(secretKey),
  accountId: (publicKey) => publicKey,
  deriveHard(secretKey, chainCode) {
    const child = HDKD.secretHard(secretKey, chainCode);
    return { secretKey: child, publicKey: getPublicKey(child) };
  },
  deriveSoft(secretKey, chainCode) {
    // A fixed nonce seed so the same path always gives the same secret bytes. Polkadot{.js} draws it at
    // random: its key half (the scalar) and public key equal ours, only the signing-nonce half differs.
    const child = HDKD.secretSoft(secretKey, chainCode, new Uint8Array(32));
    return { secretKey: child, publicKey: getPublicKey(child) };
  },
};
