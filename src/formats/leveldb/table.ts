import { blockEntries } from './block.js';
import { crcMaskedMatches } from './crc.js';
import { snappyUncompress } from './snappy.js';
import { type LeveldbSink, sinkProblem, sinkRecord } from './types.js';
import { fixed32Read, fixed64Read, varint64Read } from './varint.js';

// google/leveldb `table/format.h`: the footer is 2 × 20 bytes of block handles (padded) and the magic.
const FOOTER = 48;
const MAGIC_LO = 0x8b80fb57;
const MAGIC_HI = 0xdb477524;
// Each block is followed by compression type (1 byte) and masked crc32c(block ‖ type) (`kBlockTrailerSize`).
const TRAILER = 5;
// `include/leveldb/options.h` CompressionType.
const NONE = 0;
const SNAPPY = 1;
const ZSTD = 2;

type Handle = { offset: number; size: number };

/**
 * Every entry of every data block of a .ldb/.sst table (google/leveldb `doc/table_format.md`,
 * `table/format.cc`, `table/table.cc`): the footer points to the index block, whose values are the
 * handles (varint64 offset, varint64 size) of the data blocks. A data block's keys are internal keys,
 * user key ‖ fixed64(sequence << 8 | type), type 1 a value and 0 a deletion (`db/dbformat.h`). Every
 * version a table holds is kept, not only the newest: a table may hold older writes of a key.
 *
 * A block that fails its checksum, is compressed in a way keepsake cannot read (zstd, which newer
 * LevelDB builds may write), or is damaged is one problem, and the other blocks are still read.
 */
export function tableRecords(sink: LeveldbSink, bytes: Uint8Array): void {
  if (bytes.length < FOOTER) {
    sinkProblem(sink, `is ${bytes.length} bytes, too short to be a table (its footer alone is ${FOOTER}); skipped`);
    return;
  }
  const footer = bytes.length - FOOTER;
  if (fixed32Read(bytes, footer + 40) !== MAGIC_LO || fixed32Read(bytes, footer + 44) !== MAGIC_HI) {
    sinkProblem(sink, 'does not end with a table footer (the file is cut off or not a LevelDB table); skipped');
    return;
  }
  const metaindex = handleRead(bytes, footer, footer + 40);
  const index = metaindex && handleRead(bytes, metaindex.next, footer + 40);
  if (index === undefined) {
    sinkProblem(sink, 'has a damaged footer; skipped');
    return;
  }
  const indexBlock = blockRead(sink, bytes, index.handle, 'the index block');
  if (indexBlock === undefined) return;
  const { entries: handles, problem } = blockEntries(indexBlock);
  if (problem !== undefined) sinkProblem(sink, `the index block ${problem}; the data blocks it lists after that were not read`);
  handles.forEach((entry, i) => {
    if (sink.full) return;
    const handle = handleRead(entry.value, 0, entry.value.length);
    if (handle === undefined) {
      sinkProblem(sink, `the index's entry ${i} is damaged; data block ${i} was skipped`);
      return;
    }
    const block = blockRead(sink, bytes, handle.handle, `data block ${i}`);
    if (block === undefined) return;
    const data = blockEntries(block);
    for (const { key, value } of data.entries) {
      if (sink.full) return;
      if (key.length < 8) {
        sinkProblem(sink, `data block ${i} has a key of ${key.length} bytes, too short for a LevelDB key; skipped`);
        continue;
      }
      const tag = fixed64Read(key, key.length - 8);
      const type = Number(tag & 0xffn);
      const sequence = tag >> 8n;
      if (type !== 0 && type !== 1) {
        sinkProblem(sink, `data block ${i} has an entry of unknown type ${type}; skipped`);
        continue;
      }
      if (value.length > sink.caps.maxValueBytes) {
        sinkProblem(sink, `data block ${i}: the value written at sequence ${sequence} is ${value.length} bytes, more than ${sink.caps.maxValueBytes}; skipped`);
        continue;
      }
      sinkRecord(sink, { key: key.subarray(0, key.length - 8), value: type === 1 ? value : null, sequence, file: sink.file });
    }
    if (data.problem !== undefined) sinkProblem(sink, `data block ${i} ${data.problem}; the rest of the block was skipped`);
  });
}

function handleRead(bytes: Uint8Array, offset: number, end: number): { handle: Handle; next: number } | undefined {
  const start = varint64Read(bytes, offset, end);
  const size = start && varint64Read(bytes, start.next, end);
  return size === undefined || start === undefined ? undefined : { handle: { offset: start.value, size: size.value }, next: size.next };
}

/** A block's contents, checked and decompressed, or undefined after noting why not. */
function blockRead(sink: LeveldbSink, bytes: Uint8Array, handle: Handle, what: string): Uint8Array | undefined {
  const limit = sink.caps.maxBlockBytes;
  if (handle.offset + handle.size + TRAILER > bytes.length) {
    sinkProblem(sink, `${what} lies past the end of the file (the file is cut off); skipped`);
    return undefined;
  }
  if (handle.size > limit) {
    sinkProblem(sink, `${what} is ${handle.size} bytes, more than the ${limit} a block may have; skipped`);
    return undefined;
  }
  const end = handle.offset + handle.size;
  if (!crcMaskedMatches(bytes.subarray(handle.offset, end + 1), fixed32Read(bytes, end + 1))) {
    sinkProblem(sink, `${what} fails its checksum; skipped`);
    return undefined;
  }
  const raw = bytes.subarray(handle.offset, end);
  const compression = bytes[end] as number;
  if (compression === NONE) return raw;
  if (compression === SNAPPY) {
    const out = snappyUncompress(raw, limit);
    if (typeof out === 'string') {
      sinkProblem(sink, `${what} cannot be decompressed: ${out}; skipped`);
      return undefined;
    }
    return out;
  }
  sinkProblem(sink, `${what} is compressed with ${compression === ZSTD ? 'zstd' : `an unknown method (${compression})`}, which keepsake cannot read; skipped`);
  return undefined;
}
