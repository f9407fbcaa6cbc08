import { hexToBytes, isHex, utf8 } from '../../crypto/bytes.js';

/**
 * The bytes scrypt receives for a password, as Polkadot{.js} computes them: `scryptEncode` passes the
 * string through `@polkadot/util` `u8aToU8a`, which reads `0x` followed by pairs of hex digits as the
 * bytes they spell (so `0xDEADBEEF` and `0xdeadbeef` are one password, and `0x` is the empty one);
 * any other password is its UTF-8. Only the scrypt (version 3) path does this: versions 0–2 key the
 * box with the UTF-8 of the password as typed (`util-crypto/json/decryptData.ts`).
 */
export function polkadotJsPasswordBytes(password: string): Uint8Array {
  return isHex(password) ? hexToBytes(password) : utf8(password);
}
