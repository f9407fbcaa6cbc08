import type { LeveldbCaps } from './types.js';

/**
 * Limits for a browser extension's LevelDB store (a few MB), each well above what such a store holds
 * and low enough that a wrong folder or a hostile file cannot make keepsake allocate without bound:
 * - maxFiles 256: a store of a few MB has a CURRENT, a MANIFEST, a LOCK, a LOG or two, one or two .log
 *   files and a handful of tables (LevelDB compacts level 0 at 4 tables and makes tables of about
 *   2 MB, `db/dbformat.h` `kL0_CompactionTrigger`, `options.h` `max_file_size`).
 * - maxFileBytes 64 MiB: a .log grows to the write buffer (4 MB by default, `options.h`
 *   `write_buffer_size`) plus the last batch before it is turned into a table; a table is about 2 MB.
 * - maxRecords 250,000: every write still on disk; an account is one record of about 1 KB.
 * - maxValueBytes 16 MiB: the largest values an extension keeps are chain metadata (hundreds of KB).
 * - maxBlockBytes 32 MiB: a table block is about 4 KB (`options.h` `block_size`), but one large value
 *   makes a block of its own size, so this stays above maxValueBytes.
 */
export const LEVELDB_CAPS: LeveldbCaps = Object.freeze({
  maxFiles: 256,
  maxFileBytes: 64 * 1024 * 1024,
  maxRecords: 250_000,
  maxValueBytes: 16 * 1024 * 1024,
  maxBlockBytes: 32 * 1024 * 1024,
});
