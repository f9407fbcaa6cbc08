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
    // Deterministic nonce so the same path always gives the same secret bytes (as Polkadot{.js}).
    const child = HDKD.secretSoft(secretKey, chainCode, new Uint8Array(32));
    return { secretKey: child, publicKey: getPublicKey(child) };
  },
};
