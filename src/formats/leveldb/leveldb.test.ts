/**
 * The reader against LevelDB itself: stores written by classic-level (real LevelDB 1.20 with Snappy),
 * read back from their files. What keepsake calls the latest view must be what LevelDB iterates, and
 * the older writes must still be there as records.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Store, type StoreOp, storeWrite } from '../../../test/support/leveldb.js';
import { type LeveldbRecord, leveldbLatest, leveldbRecords } from './index.js';

const text = new TextEncoder();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.remove()));

async function store(ops: readonly StoreOp[], options?: { compression?: boolean }): Promise<Store> {
  const s = await storeWrite(ops, options);
  stores.push(s);
  return s;
}

/** An account entry as the extension stores it: the JSON text of a Polkadot{.js} account file, `size` bytes or more. */
function account(n: number, size = 300): Uint8Array {
  const json = JSON.stringify({
    address: `5Acc${n}`,
    encoded: 'x'.repeat(size),
    encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
    meta: { name: `n${n}` },
  });
  return text.encode(json);
}

/** The live keys and values of the latest view, as LevelDB's iteration gives them. */
function liveOf(records: readonly LeveldbRecord[]): Map<string, string> {
  const live = new Map<string, string>();
  for (const [key, r] of leveldbLatest(records)) if (r.value !== null) live.set(key, hex(r.value));
  return live;
}

function expectLatestIsLeveldbs(s: Store): LeveldbRecord[] {
  const { records, problems } = leveldbRecords(s.files);
  expect(problems).toEqual([]);
  expect(liveOf(records)).toEqual(new Map([...s.live].map(([k, v]) => [k, hex(v)])));
  return records;
}

/** Whether a put of `value` under `key` is among the records. */
function found(records: readonly LeveldbRecord[], key: string, value: Uint8Array): boolean {
  const k = hex(text.encode(key));
  const v = hex(value);
  return records.some((r) => r.value !== null && hex(r.key) === k && hex(r.value) === v);
}

const big = (n: number, fill: number) => new Uint8Array(n).map((_, i) => (i * 31 + fill) % 251);

describe('a store LevelDB wrote', () => {
  it('in its .log: the latest view is what LevelDB iterates, and overwritten values and deletions are records', async () => {
    const ops: StoreOp[] = [
      { type: 'put', key: 'account:0x01', value: account(1) },
      { type: 'put', key: 'account:0x02', value: account(2) },
      { type: 'put', key: 'account:0x01', value: account(11) }, // overwrites 1
      { type: 'del', key: 'account:0x02' },
      {
        type: 'batch',
        ops: [
          { type: 'put', key: 'account:0x03', value: account(3) },
          { type: 'del', key: 'account:0x01' },
          { type: 'put', key: 'authUrls', value: text.encode('{}') },
        ],
      },
      { type: 'put', key: 'metadata:0xabc', value: big(100_000, 7) }, // spans four 32 KiB log blocks
      { type: 'put', key: 'empty', value: new Uint8Array(0) },
    ];
    const s = await store(ops);
    expect(s.files.map((f) => f.name).filter((n) => n.endsWith('.log'))).toHaveLength(1);
    const records = expectLatestIsLeveldbs(s);
    for (const op of ops) if (op.type === 'put') expect(found(records, op.key, op.value)).toBe(true);
    expect(found(records, 'account:0x01', account(1))).toBe(true);
    expect(found(records, 'account:0x01', account(11))).toBe(true);
    const deletions = records.filter((r) => r.value === null).map((r) => new TextDecoder().decode(r.key));
    expect(deletions.sort()).toEqual(['account:0x01', 'account:0x02']);
    // Sequences are LevelDB's: one per operation, a batch's in its order.
    expect(records.map((r) => r.sequence)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    expect(leveldbLatest(records).get(`0x${hex(text.encode('account:0x01'))}`)?.value).toBeNull();
  });

  it('compacted into .ldb tables (Snappy): the latest view is what LevelDB iterates, and the tables hold the values', async () => {
    const ops: StoreOp[] = [];
    for (let i = 0; i < 400; i++) ops.push({ type: 'put', key: `account:0x${i.toString(16).padStart(4, '0')}`, value: account(i, 600) });
    for (let i = 0; i < 400; i += 3) ops.push({ type: 'del', key: `account:0x${i.toString(16).padStart(4, '0')}` });
    ops.push({ type: 'put', key: 'metadata:big', value: big(70_000, 3) });
    ops.push({ type: 'compact' });
    ops.push({ type: 'put', key: 'account:0x0001', value: account(9999) }); // after the compaction: in the new .log
    const s = await store(ops);
    const tables = s.files.filter((f) => f.name.endsWith('.ldb'));
    expect(tables.length).toBeGreaterThan(0);
    const records = expectLatestIsLeveldbs(s);
    const fromTables = records.filter((r) => r.file.endsWith('.ldb'));
    expect(fromTables.length).toBeGreaterThan(200);
    // The account values are repetitive JSON: the tables are far smaller than the values they hold, so Snappy was used.
    const tableBytes = tables.reduce((n, f) => n + f.bytes.length, 0);
    const valueBytes = fromTables.reduce((n, r) => n + (r.value?.length ?? 0), 0);
    expect(tableBytes * 2).toBeLessThan(valueBytes);
    expect(found(records, 'account:0x0001', account(1, 600))).toBe(true); // the overwritten one, in a table
    expect(found(records, 'account:0x0001', account(9999))).toBe(true);
  });

  it('uncompressed tables, after the store was opened again (its .log became a table)', async () => {
    const ops: StoreOp[] = [];
    for (let i = 0; i < 50; i++) ops.push({ type: 'put', key: `k${i}`, value: account(i) });
    ops.push({ type: 'reopen' }, { type: 'del', key: 'k3' }, { type: 'put', key: 'k4', value: account(44) });
    const s = await store(ops, { compression: false });
    expect(s.files.some((f) => f.name.endsWith('.ldb'))).toBe(true);
    const records = expectLatestIsLeveldbs(s);
    expect(found(records, 'k3', account(3))).toBe(true);
    expect(found(records, 'k4', account(4))).toBe(true);
  });

  it('property: after any sequence of writes, the latest view is what LevelDB iterates', async () => {
    const key = fc.constantFrom('account:0x01', 'account:0x02', 'account:0x03', 'authUrls', 'metadata:0x91', 'x');
    const value = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.integer({ min: 0, max: 70_000 }).map((n) => big(n, n % 13)),
    );
    const write = fc.oneof(fc.record({ type: fc.constant('put' as const), key, value }), fc.record({ type: fc.constant('del' as const), key }));
    const op: fc.Arbitrary<StoreOp> = fc.oneof(
      { weight: 6, arbitrary: write },
      { weight: 2, arbitrary: fc.record({ type: fc.constant('batch' as const), ops: fc.array(write, { maxLength: 6 }) }) },
      { weight: 1, arbitrary: fc.constant({ type: 'compact' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'reopen' as const }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), fc.boolean(), async (ops, compression) => {
        const s = await storeWrite(ops, { compression });
        try {
          expectLatestIsLeveldbs(s);
        } finally {
          s.remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});
