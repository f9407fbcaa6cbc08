// keepsake's reader of a LevelDB store (what Chromium keeps an extension's chrome.storage.local in):
// bytes of the store's files in, every record still on disk out. Pure: the caller reads the files.
export type { LeveldbCaps, LeveldbFile, LeveldbProblem, LeveldbRecord } from './types.js';
export { LEVELDB_CAPS } from './caps.js';
export { leveldbFileKind, leveldbRecords } from './records.js';
export { leveldbLatest } from './latest.js';
