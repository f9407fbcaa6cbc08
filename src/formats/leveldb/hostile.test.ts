/**
 * Damaged and hostile stores: each damage is one clear problem, never an exception (save the cap
 * error, raised before any work), and nothing is read that was not written.
 */
import fc from 'fast-check';
import { compress } from 'snappyjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBuild, blockBuild, internalKey, logBuild, type Store, type StoreOp, storeWrite, tableBuild } from '../../../test/support/leveldb.js';
import { BaseError } from '../../errors/base.js';
import { StoreTooLargeError } from '../../errors/store.js';
import { LEVELDB_CAPS, type LeveldbFile, type LeveldbRecord, leveldbLatest, leveldbRecords } from './index.js';
import { snappyUncompress } from './snappy.js';

const text = new TextEncoder();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const id = (r: LeveldbRecord) => `${hex(r.key)}:${r.sequence}:${r.value === null ? 'del' : hex(r.value)}`;

// One real store with both kinds of file: tables (Snappy) from a compaction, then a .log with a value over 32 KiB.
let real: Store;
let realIds: Set<string>;
beforeAll(async () => {
  const ops: StoreOp[] = [];
  for (let i = 0; i < 120; i++)
    ops.push({ type: 'put', key: `account:0x${i}`, value: text.encode(JSON.stringify({ address: `5A${i}`, pad: 'y'.repeat(200) })) });
  ops.push({ type: 'compact' });
  for (let i = 0; i < 20; i++) ops.push({ type: 'put', key: `account:0x${i}`, value: text.encode(`{"v":${i}}`) });
  ops.push({ type: 'del', key: 'account:0x7' }, { type: 'put', key: 'metadata:x', value: new Uint8Array(40_000).fill(5) });
  real = await storeWrite(ops);
  realIds = new Set(leveldbRecords(real.files).records.map(id));
});
afterAll(() => real.remove());

const logOf = () => real.files.find((f) => f.name.endsWith('.log')) as LeveldbFile;
const tableOf = () => real.files.find((f) => f.name.endsWith('.ldb')) as LeveldbFile;
const only = (file: LeveldbFile, bytes: Uint8Array = file.bytes) => leveldbRecords([{ name: file.name, bytes }]);

describe('the real store, as found', () => {
  it('has both kinds of file, and reads without a problem', () => {
    expect(logOf().bytes.length).toBeGreaterThan(40_000);
    expect(tableOf()).toBeDefined();
    expect(leveldbRecords(real.files).problems).toEqual([]);
    expect(realIds.size).toBe(142); // 120 puts, 20 overwrites, a deletion, a 40 KB value
  });
});

describe('damaged files: one clear problem each, the rest still read', () => {
  it('a .log cut inside its last record (the browser was killed) keeps the records before it', () => {
    const log = logOf();
    const whole = only(log).records;
    const cut = only(log, log.bytes.subarray(0, log.bytes.length - 10));
    expect(cut.records.map(id)).toEqual(whole.slice(0, -1).map(id));
    expect(cut.problems).toEqual([
      { file: log.name, reason: expect.stringMatching(/^the log ends inside (a|the) record .*; the records before it were read$/) },
    ]);
  });

  it('a .log cut inside a record that spans blocks keeps the records before it', () => {
    const log = logOf();
    const whole = only(log).records;
    const cut = only(log, log.bytes.subarray(0, 32768 + 100)); // the 40 KB value's FIRST piece is in block 0
    expect(cut.records.map(id)).toEqual(whole.slice(0, -1).map(id));
    expect(cut.problems).toHaveLength(1);
    expect(cut.problems[0]?.reason).toMatch(/ends inside the record begun at byte/);
  });

  it('a flipped byte in a .log record fails its checksum: that block is skipped, the next read', () => {
    const log = logOf();
    const bytes = log.bytes.slice();
    bytes[20] = (bytes[20] as number) ^ 0x40;
    const { records, problems } = only(log, bytes);
    expect(problems[0]).toEqual({ file: log.name, reason: 'the record at byte 0 fails its checksum; the rest of block 0 was skipped' });
    for (const r of records) expect(realIds.has(id(r))).toBe(true);
    expect(records.length).toBeLessThan(only(log).records.length);
  });

  it('a table cut short, or with a flipped byte in a data block, is one problem', () => {
    const table = tableOf();
    const cut = only(table, table.bytes.subarray(0, table.bytes.length - 1));
    expect(cut).toEqual({
      records: [],
      problems: [{ file: table.name, reason: 'does not end with a table footer (the file is cut off or not a LevelDB table); skipped' }],
    });
    const bytes = table.bytes.slice();
    bytes[10] = (bytes[10] as number) ^ 1;
    const flipped = only(table, bytes);
    expect(flipped.problems).toEqual([{ file: table.name, reason: 'data block 0 fails its checksum; skipped' }]);
    expect(flipped.records.length).toBeGreaterThan(0);
    expect(flipped.records.length).toBeLessThan(only(table).records.length);
  });

  it('a Snappy block that is damaged but carries a good checksum is one problem', () => {
    const bad = tableBuild([
      { contents: new Uint8Array([0x0a, 0x09, 0x01, 0x02]), compression: 1 }, // says 10 bytes, then a copy from before the start
      { contents: blockBuild([{ key: internalKey('account:0x01', 5), value: text.encode('{}') }]) },
    ]);
    const { records, problems } = leveldbRecords([{ name: '000005.ldb', bytes: bad }]);
    expect(problems).toEqual([{ file: '000005.ldb', reason: 'data block 0 cannot be decompressed: its Snappy data copies from before its start; skipped' }]);
    expect(records).toEqual([{ key: text.encode('account:0x01'), value: text.encode('{}'), sequence: 5n, file: '000005.ldb' }]);
  });

  it('a Snappy block declaring a huge length is refused before anything is allocated', () => {
    const huge = tableBuild([{ contents: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x61]), compression: 1 }]);
    expect(only({ name: '1.ldb', bytes: huge }).problems).toEqual([
      {
        file: '1.ldb',
        reason: `data block 0 cannot be decompressed: it declares 4294967295 bytes once decompressed, more than the ${LEVELDB_CAPS.maxBlockBytes} a block may have; skipped`,
      },
    ]);
  });

  it('Snappy data snappyjs would mishandle is refused by the walk before it: a literal of 2^31 bytes, a stream short of its length', () => {
    // A literal whose 4-byte length has its top bit set: snappyjs reads it as negative and then steps
    // through about 2^31 bytes that are not there (the test would hang, not fail, without the walk).
    expect(snappyUncompress(new Uint8Array([0x05, 0xfc, 0x00, 0x00, 0x00, 0x80, 0x61]), 1000)).toBe('its Snappy data is cut off');
    // Declares 5 bytes, holds a 1-byte literal: snappyjs would return 5 bytes, 4 of them zeros.
    expect(snappyUncompress(new Uint8Array([0x05, 0x00, 0x61]), 1000)).toBe('its Snappy data is shorter than it declares');
    expect(snappyUncompress(new Uint8Array([0x01, 0x04, 0x61, 0x62]), 1000)).toBe('its Snappy data is longer than it declares');
    expect(snappyUncompress(new Uint8Array([0x05, 0x00, 0x61, 0x01]), 1000)).toBe('its Snappy data is cut off');
  });

  it('zstd and unknown compression are named as what keepsake cannot read', () => {
    const block = blockBuild([{ key: internalKey('a', 1), value: text.encode('v') }]);
    const zstd = tableBuild([
      { contents: block, compression: 2 },
      { contents: block, compression: 9 },
    ]);
    expect(only({ name: '2.ldb', bytes: zstd }).problems.map((p) => p.reason)).toEqual([
      'data block 0 is compressed with zstd, which keepsake cannot read; skipped',
      'data block 1 is compressed with an unknown method (9), which keepsake cannot read; skipped',
    ]);
  });

  it('a block whose restart array points outside it is one problem', () => {
    const entries = [{ key: internalKey('a', 1), value: text.encode('v') }];
    const outside = tableBuild([{ contents: blockBuild(entries, [0, 5000]) }]);
    expect(only({ name: '3.ldb', bytes: outside }).problems.map((p) => p.reason)).toEqual([
      'data block 0 has restart point 1 at byte 5000, outside its 13 bytes of entries; the rest of the block was skipped',
    ]);
    const tooMany = blockBuild(entries, [0]);
    tooMany.set([0xff, 0xff, 0xff, 0x0f], tooMany.length - 4);
    expect(only({ name: '4.ldb', bytes: tableBuild([{ contents: tooMany }]) }).problems.map((p) => p.reason)).toEqual([
      'data block 0 declares 268435455 restart points, more than fit in it; the rest of the block was skipped',
    ]);
  });

  it('an index pointing past the end of the file, or a block over the cap, is one problem', () => {
    // A footer alone: metaindex handle (0, 0), index handle (offset 1000, size 10), padding, magic.
    const footer = new Uint8Array(48);
    footer.set([0, 0, 0xe8, 0x07, 10]);
    footer.set([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb], 40);
    expect(only({ name: '5.ldb', bytes: footer }).problems.map((p) => p.reason)).toEqual([
      'the index block lies past the end of the file (the file is cut off); skipped',
    ]);
    const bytes = tableBuild([{ contents: blockBuild([{ key: internalKey('a', 1), value: text.encode('v') }]) }]);
    const caps = { ...LEVELDB_CAPS, maxBlockBytes: 16 };
    expect(leveldbRecords([{ name: '6.ldb', bytes }], caps).problems.map((p) => p.reason)).toEqual([
      'the index block is 23 bytes, more than the 16 a block may have; skipped',
    ]);
  });

  it('write batches that lie about their operations keep the ones before the lie', () => {
    const log = logBuild([
      batchBuild(10, [{ key: 'a', value: '1' }, { key: 'b' }], 5),
      new Uint8Array([...batchBuild(20, [{ key: 'c', value: '2' }], 2), 7, 1, 2]),
      new Uint8Array([...batchBuild(30, [{ key: 'd', value: '3' }], 2), 1, 0xff, 0xff, 0xff, 0xff, 0x0f]),
      new Uint8Array([1, 2, 3]),
    ]);
    const { records, problems } = leveldbRecords([{ name: '9.log', bytes: log }]);
    expect(records.map((r) => [new TextDecoder().decode(r.key), r.value === null ? null : new TextDecoder().decode(r.value), r.sequence])).toEqual([
      ['a', '1', 10n],
      ['b', null, 11n],
      ['c', '2', 20n],
      ['d', '3', 30n],
    ]);
    expect(problems.map((p) => p.reason)).toEqual([
      'the write batch at byte 0 declares 5 operations but holds 2',
      'the write batch at byte 27 has an unknown operation (tag 7) after 1 of its 2 operations; the rest was skipped',
      'the write batch at byte 54 is cut off in operation 2 of 2; the rest was skipped',
      'the write batch at byte 84 is too short for a write batch (3 bytes); skipped',
    ]);
  });

  it('a directory of junk: each record file one problem, the other files ignored', () => {
    const junk = (n: number, seed: number) => new Uint8Array(n).map((_, i) => (i * 7919 + seed * 104729) % 256);
    const files = [
      { name: 'CURRENT', bytes: junk(16, 1) },
      { name: 'LOCK', bytes: new Uint8Array(0) },
      { name: 'MANIFEST-000002', bytes: junk(50, 2) },
      { name: 'notes.txt', bytes: junk(999, 3) },
      { name: '000003.log', bytes: junk(70_000, 4) },
      { name: '000004.ldb', bytes: junk(5000, 5) },
      { name: '000005.sst', bytes: junk(10, 6) },
      { name: '000006.log', bytes: new Uint8Array(0) },
    ];
    const { records, problems } = leveldbRecords(files);
    expect(records).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual(['000003.log', '000003.log', '000003.log', '000004.ldb', '000005.sst']);
    expect(problems[0]?.reason).toBe('the record at byte 0 fails its checksum; the rest of block 0 was skipped');
    expect(problems[4]?.reason).toBe('is 10 bytes, too short to be a table (its footer alone is 48); skipped');
  });

  it('more records than the cap: the reading stops, with one problem saying so', () => {
    const caps = { ...LEVELDB_CAPS, maxRecords: 10 };
    const { records, problems } = leveldbRecords(real.files, caps);
    expect(records).toHaveLength(10);
    expect(problems).toEqual([{ file: expect.any(String), reason: 'more than 10 records in the store; the rest were not read' }]);
  });

  it('a value over the cap is skipped, as one problem', () => {
    const caps = { ...LEVELDB_CAPS, maxValueBytes: 30_000 };
    const { records, problems } = leveldbRecords([logOf()], caps);
    expect(records).toHaveLength(only(logOf()).records.length - 1);
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^the write batch at byte \d+: the value written at sequence \d+ is 40000 bytes, more than 30000; skipped$/),
    ]);
  });
});

describe('caps checked before any work', () => {
  it('too many files, or a record file too big, is a StoreTooLargeError with one sentence', () => {
    const many = Array.from({ length: LEVELDB_CAPS.maxFiles + 1 }, (_, i) => ({ name: `${i}.ldb`, bytes: new Uint8Array(0) }));
    expect(() => leveldbRecords(many)).toThrow(StoreTooLargeError);
    expect(() => leveldbRecords(many)).toThrow(
      `The wallet storage folder holds ${LEVELDB_CAPS.maxFiles + 1} files, more than the ${LEVELDB_CAPS.maxFiles} a wallet's storage has; it was not read.`,
    );
    const caps = { ...LEVELDB_CAPS, maxFileBytes: 1000 };
    expect(() => leveldbRecords([logOf()], caps)).toThrow(
      `The wallet storage folder has a file ${logOf().name} of ${logOf().bytes.length} bytes, more than the 1000 bytes a wallet's storage file has; it was not read.`,
    );
    // A big file that holds no records (Chromium's text LOG) is not read, so not refused.
    expect(leveldbRecords([{ name: 'LOG', bytes: new Uint8Array(2000) }], caps)).toEqual({ records: [], problems: [] });
  });
});

describe('properties', () => {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  );
  type Mutation = { kind: 'flip' | 'cut' | 'insert' | 'set'; at: number; bit?: number; bytes?: Uint8Array };
  function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.kind === 'flip') {
      const out = bytes.slice();
      out[at] = (out[at] ?? 0) ^ (1 << (m.bit ?? 0));
      return out;
    }
    if (m.kind === 'cut') return bytes.slice(0, at);
    const add = m.bytes ?? new Uint8Array(0);
    if (m.kind === 'insert') return new Uint8Array([...bytes.subarray(0, at), ...add, ...bytes.subarray(at)]);
    const out = bytes.slice();
    out.set(add.subarray(0, Math.max(0, out.length - at)), at);
    return out;
  }

  it('mutated real files: never an exception, and every record found is one that was written', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ file: fc.nat(), m: mutation }), { minLength: 1, maxLength: 4 }), (changes) => {
        const files = real.files.map((f) => ({ ...f }));
        for (const { file, m } of changes) {
          const f = files[file % files.length] as LeveldbFile;
          f.bytes = mutate(f.bytes, m);
        }
        const { records, problems } = leveldbRecords(files);
        for (const r of records) expect(realIds.has(id(r))).toBe(true);
        for (const p of problems) expect(p.reason).toMatch(/^[a-z].*[^.]$/);
        leveldbLatest(records);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });

  it('hand-made logs and tables with good checksums around random contents: never an exception, each problem a sentence about its file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 5 }),
        fc.array(fc.record({ contents: fc.uint8Array({ maxLength: 200 }), compression: fc.integer({ min: 0, max: 2 }) }), { maxLength: 4 }),
        (logs, blocks) => {
          const { problems } = leveldbRecords([
            { name: '1.log', bytes: logBuild(logs) },
            { name: '2.ldb', bytes: tableBuild(blocks) },
          ]);
          for (const p of problems) {
            expect(['1.log', '2.ldb']).toContain(p.file);
            expect(p.reason).toMatch(/^[a-z].*[^.]$/);
          }
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 500) },
    );
  });

  it('Snappy: what snappyjs compresses comes back whole; any other bytes give bytes of the declared length or a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expect(snappyUncompress(compress(bytes), 1 << 20)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const out = snappyUncompress(bytes, 1 << 20);
        if (typeof out === 'string') return;
        // The varint32 length header, read here by hand.
        let declared = 0;
        for (let i = 0; i < 5; i++) {
          const b = bytes[i] as number;
          declared += (b & 0x7f) * 2 ** (7 * i);
          if (b < 0x80) break;
        }
        expect(out.length).toBe(declared);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 2000) },
    );
  });

  it('the cap error is a keepsake error (a BaseError) whose kind is failed', () => {
    const err = new StoreTooLargeError({ size: 3, limit: 2 });
    expect(err).toBeInstanceOf(BaseError);
    expect(err.kind).toBe('failed');
  });
});
