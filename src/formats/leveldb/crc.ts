import crc32c from 'crc-32/crc32c.js';

/**
 * Whether `stored` is the masked CRC-32C of `bytes`. LevelDB stores CRCs masked (rotated right 15
 * bits plus 0xa282ead8) so that a CRC over data that itself holds CRCs stays strong
 * (google/leveldb `util/crc32c.h` `Mask`/`Unmask`). The CRC-32C itself is the crc-32 package's.
 */
export function crcMaskedMatches(bytes: Uint8Array, stored: number): boolean {
  const crc = crc32c.buf(bytes) >>> 0;
  const masked = (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
  return masked === stored;
}
