import { StoreTooLargeError } from '../../errors/store.js';
import { LEVELDB_CAPS } from './caps.js';
import { logRecords } from './log.js';
import { tableRecords } from './table.js';
import type { LeveldbCaps, LeveldbFile, LeveldbProblem, LeveldbRecord, LeveldbSink } from './types.js';

/**
 * Which of a store's files hold records: `log` for a write-ahead log (`NNNNNN.log`), `table` for a
 * sorted table (`NNNNNN.ldb`, or `.sst` as older LevelDB named them; google/leveldb `db/filename.cc`),
 * undefined for the rest (CURRENT, LOCK, LOG, MANIFEST-…, anything else), which hold none. A caller
 * that reads a directory reads only the files this names.
 */
export function leveldbFileKind(name: string): 'log' | 'table' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.log')) return 'log';
  if (lower.endsWith('.ldb') || lower.endsWith('.sst')) return 'table';
  return undefined;
}

/**
 * Every record of every .log and .ldb/.sst file (all versions, deletions included), and what could
 * not be read. Never throws on damaged input; throws {@link StoreTooLargeError} when there are more
 * files than `caps.maxFiles` or a record file is larger than `caps.maxFileBytes`, before reading any.
 * Past `caps.maxRecords` reading stops, with a problem saying so. Values of records read from a .log
 * share memory with the file's bytes.
 *
 * @example
 * const { records, problems } = leveldbRecords([{ name: '000003.log', bytes }]);
 */
export function leveldbRecords(files: readonly LeveldbFile[], caps: LeveldbCaps = LEVELDB_CAPS): { records: LeveldbRecord[]; problems: LeveldbProblem[] } {
  if (files.length > caps.maxFiles) throw new StoreTooLargeError({ size: files.length, limit: caps.maxFiles });
  for (const file of files) {
    if (leveldbFileKind(file.name) !== undefined && file.bytes.length > caps.maxFileBytes) {
      throw new StoreTooLargeError({ file: file.name, size: file.bytes.length, limit: caps.maxFileBytes });
    }
  }
  const records: LeveldbRecord[] = [];
  const problems: LeveldbProblem[] = [];
  let full = false;
  for (const file of files) {
    const kind = leveldbFileKind(file.name);
    if (kind === undefined || full) continue;
    const sink: LeveldbSink = { file: file.name, caps, records, problems, full };
    if (kind === 'log') logRecords(sink, file.bytes);
    else tableRecords(sink, file.bytes);
    full = sink.full;
  }
  return { records, problems };
}
