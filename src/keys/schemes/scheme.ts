import type { KeyType } from '../types.js';

/** What every key type offers; soft derivation exists only for sr25519. */
export interface KeyScheme {
  readonly type: KeyType;
  /** Pair from a 32-byte mini-secret / seed (Polkadot{.js} `*PairFromSeed`). */
  fromSeed(seed: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  /** Public key from the secret as stored in pkcs8 (throws when the bytes are not a valid secret). */
  publicFromSecret(secretKey: Uint8Array): Uint8Array;
  /** Hard junction: a new pair from the parent secret and a 32-byte chain code. */
  deriveHard(secretKey: Uint8Array, chainCode: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  /** Soft junction, or undefined when the type has none. */
  deriveSoft?: (secretKey: Uint8Array, chainCode: Uint8Array) => { publicKey: Uint8Array; secretKey: Uint8Array };
  /**
   * The account id an address encodes: the public key itself (sr25519, ed25519), blake2b-256 of the
   * compressed key (ecdsa), or the 20-byte keccak address (ethereum).
   */
  accountId(publicKey: Uint8Array): Uint8Array;
  /** Lengths of the secret part of pkcs8 the type accepts. */
  readonly secretLengths: readonly number[];
}
