/** A file of the store directory, by its base name (`000003.log`, `000005.ldb`). */
export type LeveldbFile = { name: string; bytes: Uint8Array };

/** One write found on disk: a put (`value` set) or a deletion (`value` null), with its sequence number and file. */
export type LeveldbRecord = { key: Uint8Array; value: Uint8Array | null; sequence: bigint; file: string };

/** What could not be read, as one sentence: `'block 3 fails its checksum; skipped'`. */
export type LeveldbProblem = { file: string; reason: string };

/** The limits a reader keeps to ({@link LEVELDB_CAPS} has the defaults and why). */
export type LeveldbCaps = { maxFiles: number; maxFileBytes: number; maxRecords: number; maxValueBytes: number; maxBlockBytes: number };

/** Where records found so far go, and how many more may come; shared by the log and table readers. */
export type LeveldbSink = {
  file: string;
  caps: LeveldbCaps;
  records: LeveldbRecord[];
  problems: LeveldbProblem[];
  /** Set once maxRecords is reached: every reader stops. */
  full: boolean;
};

/** Adds a record unless the cap is reached (then notes it once, and stops every reader). */
export function sinkRecord(sink: LeveldbSink, record: LeveldbRecord): void {
  if (sink.full) return;
  if (sink.records.length >= sink.caps.maxRecords) {
    sink.full = true;
    sink.problems.push({ file: sink.file, reason: `more than ${sink.caps.maxRecords} records in the store; the rest were not read` });
    return;
  }
  sink.records.push(record);
}

/** Notes a problem of the current file. */
export function sinkProblem(sink: LeveldbSink, reason: string): void {
  sink.problems.push({ file: sink.file, reason });
}
