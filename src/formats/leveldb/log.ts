import { batchRecords } from './batch.js';
import { crcMaskedMatches } from './crc.js';
import { type LeveldbSink, sinkProblem } from './types.js';
import { fixed32Read } from './varint.js';

// google/leveldb `db/log_format.h`: 32 KiB blocks, a 7-byte header per physical record.
const BLOCK = 32768;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

/**
 * Every write batch of a .log file (google/leveldb `doc/log_format.md`, `db/log_reader.cc`). A
 * physical record is masked crc32c(type ‖ data) fixed32 ‖ length u16le ‖ type ‖ data; fewer than 7
 * bytes left in a block are padding. A logical record is a FULL record, or FIRST, MIDDLE…, LAST
 * fragments joined. As LevelDB's reader does, a record that fails its checksum makes the rest of its
 * block unreadable (its length cannot be trusted), and reading resumes at the next block.
 *
 * A file that ends inside a record (the browser was killed while writing) keeps the records before it;
 * unlike LevelDB, which treats that as a clean end, keepsake notes it, since a write was lost.
 */
export function logRecords(sink: LeveldbSink, bytes: Uint8Array): void {
  let fragments: Uint8Array[] | undefined; // the pieces of a record begun by FIRST, if one is open
  let begun = 0; // the offset where that record began
  for (let blockStart = 0; blockStart < bytes.length && !sink.full; blockStart += BLOCK) {
    const blockEnd = Math.min(blockStart + BLOCK, bytes.length);
    let pos = blockStart;
    while (blockEnd - pos >= HEADER && !sink.full) {
      const length = (bytes[pos + 4] as number) | ((bytes[pos + 5] as number) << 8);
      const type = bytes[pos + 6] as number;
      if (type === 0 && length === 0) {
        // Zeros: space preallocated by LevelDB's mmap writer, or the rest of a block never written.
        break;
      }
      if (pos + HEADER + length > blockEnd) {
        if (blockEnd === bytes.length) {
          const start = fragments === undefined ? `a record at byte ${pos}` : `the record begun at byte ${begun}`;
          sinkProblem(sink, `the log ends inside ${start} (the browser may have stopped while writing); the records before it were read`);
        } else sinkProblem(sink, `block ${blockStart / BLOCK} has a record longer than the block at byte ${pos}; the rest of the block was skipped`);
        fragments = undefined;
        break;
      }
      if (!crcMaskedMatches(bytes.subarray(pos + 6, pos + HEADER + length), fixed32Read(bytes, pos))) {
        sinkProblem(sink, `the record at byte ${pos} fails its checksum; the rest of block ${blockStart / BLOCK} was skipped`);
        fragments = undefined;
        break;
      }
      const data = bytes.subarray(pos + HEADER, pos + HEADER + length);
      const at = pos;
      pos += HEADER + length;
      if (type === FULL || type === FIRST) {
        if (fragments !== undefined && fragments.some((f) => f.length > 0)) {
          sinkProblem(sink, `the record begun at byte ${begun} has no end; skipped`);
        }
        fragments = undefined;
        if (type === FULL) batchRecords(sink, data, `the write batch at byte ${at}`);
        else {
          fragments = [data];
          begun = at;
        }
      } else if (type === MIDDLE || type === LAST) {
        if (fragments === undefined) {
          sinkProblem(sink, `the record piece at byte ${at} has no beginning; skipped`);
          continue;
        }
        fragments.push(data);
        if (type === LAST) {
          batchRecords(sink, join(fragments), `the write batch at byte ${begun}`);
          fragments = undefined;
        }
      } else {
        sinkProblem(sink, `the record at byte ${at} has an unknown type ${type}; skipped`);
        fragments = undefined;
      }
    }
  }
  if (fragments !== undefined && !sink.full) {
    sinkProblem(sink, `the log ends inside the record begun at byte ${begun} (the browser may have stopped while writing); the records before it were read`);
  }
}

/** The fragments of one record as one array (bounded by the file's size, which the caller capped). */
function join(fragments: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(fragments.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of fragments) {
    out.set(f, at);
    at += f.length;
  }
  return out;
}
