import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, utf8 } from '../../crypto/bytes.js';

/**
 * Substrate's hard derivation for seed-based schemes (ed25519, secp256k1):
 * blake2b-256( SCALE(compact-length ‖ "<Name>HDKD") ‖ seed ‖ chainCode ). See substrate `sp_core::ed25519::derive_hard_key`.
 */
export function seedDeriveHard(tag: string, seed: Uint8Array, chainCode: Uint8Array): Uint8Array {
  const name = utf8(tag);
  // compact length for < 64 bytes is a single byte: length << 2.
  return blake2b(concatBytes(new Uint8Array([name.length << 2]), name, seed, chainCode), { dkLen: 32 });
}
