import { type LeveldbSink, sinkProblem, sinkRecord } from './types.js';
import { fixed32Read, fixed64Read, varint32Read } from './varint.js';

/**
 * The records of one WriteBatch, as a .log record holds it (google/leveldb `db/write_batch.cc`):
 * sequence fixed64 ‖ count fixed32 ‖ count × (tag 1 = put: varstring key, varstring value |
 * tag 0 = delete: varstring key), varstring = varint32 length ‖ bytes. The i-th operation has
 * sequence + i (`WriteBatchInternal::InsertInto` → `MemTableInserter`, which bumps the sequence per op).
 *
 * LevelDB refuses a damaged batch whole; keepsake keeps the operations before the damage (they were
 * written as they read) and notes the rest as a problem.
 */
export function batchRecords(sink: LeveldbSink, batch: Uint8Array, where: string): void {
  if (batch.length < 12) {
    sinkProblem(sink, `${where} is too short for a write batch (${batch.length} bytes); skipped`);
    return;
  }
  const base = fixed64Read(batch, 0);
  const count = fixed32Read(batch, 8);
  let pos = 12;
  let found = 0;
  while (pos < batch.length && !sink.full) {
    const tag = batch[pos] as number;
    pos += 1;
    if (tag !== 0 && tag !== 1) {
      sinkProblem(sink, `${where} has an unknown operation (tag ${tag}) after ${found} of its ${count} operations; the rest was skipped`);
      return;
    }
    const keyLength = varint32Read(batch, pos);
    if (keyLength === undefined || keyLength.next + keyLength.value > batch.length) {
      sinkProblem(sink, `${where} is cut off in operation ${found + 1} of ${count}; the rest was skipped`);
      return;
    }
    const key = batch.subarray(keyLength.next, keyLength.next + keyLength.value);
    pos = keyLength.next + keyLength.value;
    let value: Uint8Array | null = null;
    if (tag === 1) {
      const valueLength = varint32Read(batch, pos);
      if (valueLength === undefined || valueLength.next + valueLength.value > batch.length) {
        sinkProblem(sink, `${where} is cut off in operation ${found + 1} of ${count}; the rest was skipped`);
        return;
      }
      value = batch.subarray(valueLength.next, valueLength.next + valueLength.value);
      pos = valueLength.next + valueLength.value;
    }
    const sequence = base + BigInt(found);
    found += 1;
    if (value !== null && value.length > sink.caps.maxValueBytes) {
      sinkProblem(sink, `${where}: the value written at sequence ${sequence} is ${value.length} bytes, more than ${sink.caps.maxValueBytes}; skipped`);
      continue;
    }
    sinkRecord(sink, { key, value, sequence, file: sink.file });
  }
  if (found !== count && !sink.full) sinkProblem(sink, `${where} declares ${count} operations but holds ${found}`);
}
