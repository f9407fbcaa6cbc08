import { fixed32Read, varint32Read } from './varint.js';

/** One key/value entry of a table block. */
export type BlockEntry = { key: Uint8Array; value: Uint8Array };

/**
 * The entries of one table block, in order, and the reason reading stopped early if it did
 * (google/leveldb `table/block.cc`, `table/block_builder.cc`). A block is entries, then the restart
 * array (fixed32 offsets of entries whose key is stored whole) and its count (fixed32). An entry is
 * varint32 shared ‖ varint32 non-shared ‖ varint32 value length ‖ key delta ‖ value; its key is the
 * first `shared` bytes of the previous key followed by the delta.
 *
 * The entries are read front to back up to the restart array, so every entry is found even when a
 * restart offset is wrong; the restart array is still checked (each offset inside the entries), as
 * LevelDB's own iterator relies on it. Keys are fresh arrays (prefix compression rebuilds them);
 * values are views of `block`.
 */
export function blockEntries(block: Uint8Array): { entries: BlockEntry[]; problem?: string } {
  const entries: BlockEntry[] = [];
  if (block.length < 4) return { entries, problem: 'is too short to be a block' };
  const restarts = fixed32Read(block, block.length - 4);
  // (size − 4) / 4 restarts at most fit (Block::Block's max_restarts_allowed).
  if (restarts > (block.length - 4) / 4) return { entries, problem: `declares ${restarts} restart points, more than fit in it` };
  const limit = block.length - 4 * (restarts + 1);
  for (let i = 0; i < restarts; i++) {
    const offset = fixed32Read(block, limit + 4 * i);
    if (offset >= limit && !(offset === 0 && limit === 0))
      return { entries, problem: `has restart point ${i} at byte ${offset}, outside its ${limit} bytes of entries` };
  }
  let previous = new Uint8Array(0);
  let pos = 0;
  while (pos < limit) {
    const shared = varint32Read(block, pos, limit);
    const nonShared = shared && varint32Read(block, shared.next, limit);
    const valueLength = nonShared && varint32Read(block, nonShared.next, limit);
    if (shared === undefined || nonShared === undefined || valueLength === undefined) return { entries, problem: `has a damaged entry at byte ${pos}` };
    const keyStart = valueLength.next;
    const valueStart = keyStart + nonShared.value;
    const valueEnd = valueStart + valueLength.value;
    if (shared.value > previous.length || valueEnd > limit) return { entries, problem: `has a damaged entry at byte ${pos}` };
    const key = new Uint8Array(shared.value + nonShared.value);
    key.set(previous.subarray(0, shared.value));
    key.set(block.subarray(keyStart, valueStart), shared.value);
    entries.push({ key, value: block.subarray(valueStart, valueEnd) });
    previous = key;
    pos = valueEnd;
  }
  return { entries };
}
