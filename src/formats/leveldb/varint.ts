/**
 * LevelDB's integer encodings (google/leveldb `util/coding.h`, `util/coding.cc`): fixed-width
 * little-endian, and base-128 varints of at most 5 bytes (32-bit) or 10 bytes (64-bit). Every reader
 * here is bounded by `end`, returning undefined rather than reading past it.
 */

/** A decoded varint and the offset just after it. */
export type Varint = { value: number; next: number };

/**
 * A varint32 at `offset` (before `end`), or undefined when it is cut off or longer than 5 bytes
 * (`GetVarint32Ptr`). The value fits a JS number exactly.
 */
export function varint32Read(bytes: Uint8Array, offset: number, end = bytes.length): Varint | undefined {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const at = offset + i;
    if (at >= end) return undefined;
    const byte = bytes[at] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return value > 0xffffffff ? undefined : { value, next: at + 1 };
  }
  return undefined;
}

/**
 * A varint64 at `offset`, as a number, or undefined when cut off, longer than 10 bytes, or above
 * 2^53 (a block offset or size that large is damage: no file keepsake reads comes near it).
 */
export function varint64Read(bytes: Uint8Array, offset: number, end = bytes.length): Varint | undefined {
  let value = 0;
  for (let i = 0; i < 10; i++) {
    const at = offset + i;
    if (at >= end) return undefined;
    const byte = bytes[at] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return Number.isSafeInteger(value) ? { value, next: at + 1 } : undefined;
  }
  return undefined;
}

/** A fixed32 (little-endian) at `offset`; the caller has checked that 4 bytes are there. */
export function fixed32Read(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16) | ((bytes[offset + 3] as number) << 24)) >>> 0
  );
}

/** A fixed64 (little-endian) at `offset` as a bigint; the caller has checked that 8 bytes are there. */
export function fixed64Read(bytes: Uint8Array, offset: number): bigint {
  return (BigInt(fixed32Read(bytes, offset + 4)) << 32n) | BigInt(fixed32Read(bytes, offset));
}
