import { blake2b } from '@noble/hashes/blake2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import { blake2b512 } from '../crypto/blake2.js';
import { bytesToHex, hexToBytes, utf8 } from '../crypto/bytes.js';
import { InvalidAddressError } from '../errors/address.js';

const SS58_PRE = utf8('SS58PRE');
/** Prefixes SS58 reserves (46, 47) and the range it allows (0..16383). */
const RESERVED = new Set([46, 47]);

/** A decoded SS58 address: its network prefix and the 32- or 33-byte account key. */
export type Ss58Decoded = { prefix: number; publicKey: Uint8Array };

/**
 * `SS58PRE ‖ payload ‖ checksum[2]` in one buffer, the checksum (blake2b-512 of the first two parts,
 * its first two bytes) filled in; the address is base58 of everything after `SS58PRE`. One allocation
 * and one native hash per address: `account list` computes ten thousand of them.
 */
function checksummed(head: Uint8Array, key: Uint8Array): Uint8Array {
  const buffer = new Uint8Array(SS58_PRE.length + head.length + key.length + 2);
  buffer.set(SS58_PRE);
  buffer.set(head, SS58_PRE.length);
  buffer.set(key, SS58_PRE.length + head.length);
  const sum = blake2b512(buffer.subarray(0, buffer.length - 2));
  buffer[buffer.length - 2] = sum[0]!;
  buffer[buffer.length - 1] = sum[1]!;
  return buffer;
}

/**
 * SS58 address of a 32- or 33-byte key for a network prefix (one byte below 64, two bytes up to 16383).
 * https://docs.substrate.io/reference/address-formats/
 *
 * @example
 * ss58Encode(publicKey, 0) // Polkadot
 */
export function ss58Encode(publicKey: Uint8Array, prefix = 42): string {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 16383 || RESERVED.has(prefix)) {
    throw new InvalidAddressError({ address: String(prefix), reason: 'SS58 prefixes are 0–16383, except 46 and 47' });
  }
  if (publicKey.length !== 32 && publicKey.length !== 33) {
    throw new InvalidAddressError({ address: bytesToHex(publicKey), reason: 'an account key is 32 or 33 bytes' });
  }
  const head = prefix < 64 ? new Uint8Array([prefix]) : new Uint8Array([((prefix & 0b1111_1100) >> 2) | 0b0100_0000, (prefix >> 8) | ((prefix & 0b11) << 6)]);
  return base58.encode(checksummed(head, publicKey).subarray(SS58_PRE.length));
}

/** Decodes an SS58 account address; throws {@link InvalidAddressError} naming what is wrong. */
export function ss58Decode(address: string): Ss58Decoded {
  let raw: Uint8Array;
  try {
    raw = base58.decode(address);
  } catch {
    throw new InvalidAddressError({ address, reason: 'it has characters that base58 does not use (0, O, I, l or non-letters)' });
  }
  const first = raw[0];
  if (first === undefined || first & 0b1000_0000) throw new InvalidAddressError({ address, reason: 'its network prefix byte is invalid' });
  const prefixLength = first & 0b0100_0000 ? 2 : 1;
  const keyLength = raw.length - prefixLength - 2;
  if (keyLength !== 32 && keyLength !== 33) {
    throw new InvalidAddressError({ address, reason: `it is ${address.length} characters long, not the length of an account address` });
  }
  const sum = checksummed(raw.subarray(0, prefixLength), raw.subarray(prefixLength, raw.length - 2)).subarray(-2);
  if (sum[0] !== raw[raw.length - 2] || sum[1] !== raw[raw.length - 1]) {
    throw new InvalidAddressError({ address, reason: 'its checksum does not match (a character is wrong or missing)' });
  }
  const second = raw[1] ?? 0;
  const prefix = prefixLength === 1 ? first : ((first & 0b0011_1111) << 2) | (second >> 6) | ((second & 0b0011_1111) << 8);
  if (RESERVED.has(prefix)) throw new InvalidAddressError({ address, reason: `prefix ${prefix} is reserved and no network uses it` });
  return { prefix, publicKey: raw.slice(prefixLength, prefixLength + keyLength) };
}

/**
 * EIP-55 mixed-case checksummed form of a 20-byte Ethereum address.
 * https://eips.ethereum.org/EIPS/eip-55
 */
export function ethereumChecksum(address20: Uint8Array): string {
  const hex = bytesToHex(address20).slice(2);
  const hash = keccak_256(utf8(hex));
  let out = '0x';
  for (let i = 0; i < hex.length; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? hex[i]!.toUpperCase() : hex[i];
  }
  return out;
}

const ETH_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Decodes a `0x` Ethereum address; mixed case must carry a valid EIP-55 checksum. */
export function ethereumDecode(address: string): Uint8Array {
  if (!ETH_ADDRESS.test(address)) throw new InvalidAddressError({ address, reason: 'an Ethereum address is 0x followed by 40 hex digits' });
  const bytes = hexToBytes(address);
  const body = address.slice(2);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && ethereumChecksum(bytes) !== address) {
    throw new InvalidAddressError({ address, reason: 'its EIP-55 checksum (the upper/lower case pattern) does not match' });
  }
  return bytes;
}

/** Ethereum address (20 bytes) of an uncompressed 65-byte secp256k1 public key. */
export function ethereumAddressFromUncompressed(publicKey65: Uint8Array): Uint8Array {
  return keccak_256(publicKey65.subarray(1)).slice(12);
}

/** Substrate account id of an ecdsa public key: blake2b-256 of the 33-byte compressed key. */
export function ecdsaAccountId(publicKey33: Uint8Array): Uint8Array {
  return blake2b(publicKey33, { dkLen: 32 });
}
