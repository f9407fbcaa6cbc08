import { uncompress } from 'snappyjs';
import { varint32Read } from './varint.js';

/**
 * A Snappy block's bytes, or the reason it cannot be had. The format (google/snappy
 * `format_description.txt`): varint32 uncompressed length, then elements — a literal (tag low bits
 * 00; length-1 in the tag's upper 6 bits, or in the next 1–4 bytes when those bits are 60–63) or a
 * copy of earlier output (01: length 4–11 and an 11-bit offset; 10: length 1–64 and a 16-bit offset;
 * 11: length 1–64 and a 32-bit offset).
 *
 * The declared length is checked against `maxBytes` before anything is allocated. The element stream
 * is then walked once without writing: snappyjs does not check that a literal's 32-bit length is
 * positive, that a copy's offset bytes are there, nor that the output fills exactly the declared
 * length, so a hostile block could make it loop for billions of steps or return a block padded with
 * zeros. Only a stream that passes is handed to it.
 */
export function snappyUncompress(compressed: Uint8Array, maxBytes: number): Uint8Array | string {
  const header = varint32Read(compressed, 0);
  if (header === undefined) return 'its Snappy length header is damaged';
  const declared = header.value;
  if (declared > maxBytes) return `it declares ${declared} bytes once decompressed, more than the ${maxBytes} a block may have`;
  let pos = header.next;
  let produced = 0;
  while (pos < compressed.length) {
    const tag = compressed[pos] as number;
    pos += 1;
    let length: number;
    if ((tag & 3) === 0) {
      length = (tag >>> 2) + 1;
      if (length > 60) {
        const size = length - 60;
        if (pos + size > compressed.length) return 'its Snappy data is cut off';
        length = 0;
        for (let i = size - 1; i >= 0; i--) length = length * 256 + (compressed[pos + i] as number);
        length += 1;
        pos += size;
      }
      if (pos + length > compressed.length) return 'its Snappy data is cut off';
      pos += length;
    } else {
      const offsetBytes = (tag & 3) === 1 ? 1 : (tag & 3) === 2 ? 2 : 4;
      if (pos + offsetBytes > compressed.length) return 'its Snappy data is cut off';
      let offset = 0;
      for (let i = offsetBytes - 1; i >= 0; i--) offset = offset * 256 + (compressed[pos + i] as number);
      if ((tag & 3) === 1) {
        length = ((tag >>> 2) & 7) + 4;
        offset += (tag >>> 5) << 8;
      } else {
        length = (tag >>> 2) + 1;
      }
      pos += offsetBytes;
      if (offset === 0 || offset > produced) return 'its Snappy data copies from before its start';
    }
    produced += length;
    if (produced > declared) return 'its Snappy data is longer than it declares';
  }
  if (produced !== declared) return 'its Snappy data is shorter than it declares';
  // The walk above proved the stream well formed; snappyjs's own checks are a second line.
  try {
    // A plain view (not a Node Buffer) so snappyjs answers with a plain Uint8Array.
    return uncompress(new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.length), maxBytes);
  } catch {
    return 'its Snappy data is damaged';
  }
}
