import { randomBytes as nodeRandomBytes } from 'node:crypto';

/** A source of random bytes; tests inject a deterministic one to build files byte for byte. */
export type RandomSource = (length: number) => Uint8Array;

export const systemRandom: RandomSource = (length) => {
  const b = nodeRandomBytes(length);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
