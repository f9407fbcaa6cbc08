/**
 * The two functions of `@polkadot/util-crypto` that `@polkadot/ui-shared`'s Polkadot identicon calls,
 * for the browser bundle (vite.config.ts points that import here). The real package starts its
 * WebAssembly crypto when it loads, which the page's Content-Security-Policy forbids (no
 * 'wasm-unsafe-eval') and which would add its whole crypto to the page; the identicon needs only a
 * BLAKE2b hash and an SS58 decode. Both are written the way util-crypto writes them, on the same
 * audited primitives util-crypto falls back to without WebAssembly (@noble/hashes, @scure/base), so the
 * circles are Polkadot{.js}'s own: test/web/polkadotUtilCrypto.test.ts compares them with the real package.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { base58 } from '@scure/base';

/** util-crypto `blake2AsU8a(data, bitLength)`: BLAKE2b with a `bitLength / 8`-byte digest, no key. */
export function blake2AsU8a(data: Uint8Array, bitLength: 64 | 128 | 256 | 384 | 512 = 256): Uint8Array {
  return blake2b(data, { dkLen: Math.ceil(bitLength / 8) });
}

const SS58_PREFIX = new TextEncoder().encode('SS58PRE');

/**
 * util-crypto `decodeAddress(address)`: the public key (account id) inside an SS58 address, its
 * checksum checked (BLAKE2b-512 of "SS58PRE" ‖ prefix ‖ key, first two bytes); a `0x…` hex string is
 * taken as the key itself. Throws on anything else (the identicon then draws its grey placeholder).
 */
export function decodeAddress(address: string | Uint8Array): Uint8Array {
  if (address instanceof Uint8Array) return address;
  if (/^0x(?:[0-9a-fA-F]{2})*$/.test(address)) return hexBytes(address.slice(2));
  const decoded = base58.decode(address);
  // A one-byte prefix below 64; a two-byte one has bit 6 of the first byte set (SS58 spec).
  const prefixLength = (decoded[0]! & 0b0100_0000) !== 0 ? 2 : 1;
  const keyLength = decoded.length - prefixLength - 2;
  if (keyLength !== 32 && keyLength !== 33) throw new Error('Not an SS58 address of a public key.');
  const body = decoded.subarray(0, prefixLength + keyLength);
  const hash = blake2b(concat(SS58_PREFIX, body), { dkLen: 64 });
  // Bit 7 set, or the reserved prefixes 46 and 47, is not an address (util-crypto checkAddressChecksum).
  const valid =
    (decoded[0]! & 0b1000_0000) === 0 &&
    decoded[0] !== 46 &&
    decoded[0] !== 47 &&
    decoded[decoded.length - 2] === hash[0] &&
    decoded[decoded.length - 1] === hash[1];
  if (!valid) throw new Error('Invalid SS58 checksum.');
  return decoded.slice(prefixLength, prefixLength + keyLength);
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
