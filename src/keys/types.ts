/** The four key types Polkadot{.js} files carry. */
export const KEY_TYPES = ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export function isKeyType(value: unknown): value is KeyType {
  return typeof value === 'string' && (KEY_TYPES as readonly string[]).includes(value);
}

/**
 * A key pair in the layout Polkadot{.js} keeps: sr25519 secret = 64 bytes (ed25519-expanded key ‖ nonce),
 * ed25519 secret = seed ‖ public (64 bytes), ecdsa/ethereum secret = 32 bytes with a 33-byte compressed public key.
 */
export type KeyPair = { type: KeyType; publicKey: Uint8Array; secretKey: Uint8Array };
