/**
 * LevelDB stores for the tests of src/formats/leveldb: real ones written by LevelDB itself
 * (classic-level, a devDependency: src/ never imports it), and hand-built files for damage LevelDB
 * never writes (a bad Snappy block with a good checksum, a restart array pointing outside its block),
 * laid out from google/leveldb `doc/log_format.md` and `doc/table_format.md` — not with keepsake's code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import crc32c from 'crc-32/crc32c.js';
import type { LeveldbFile } from '../../src/formats/leveldb/index.js';

export type StoreOp =
  | { type: 'put'; key: string; value: Uint8Array }
  | { type: 'del'; key: string }
  | { type: 'batch'; ops: ({ type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string })[] }
  | { type: 'compact' }
  | { type: 'reopen' };

export type Store = { dir: string; files: LeveldbFile[]; live: Map<string, Uint8Array>; remove: () => void };

const text = new TextEncoder();

/**
 * Runs `ops` on a new LevelDB (as Chromium's extension storage does: string keys, byte values),
 * closes it, and returns its files and what LevelDB itself iterates afterwards. `compact` compacts
 * the whole range (the memtable becomes a .ldb table); `reopen` closes and opens the store again
 * (LevelDB turns the old .log into a table).
 */
export async function storeWrite(ops: readonly StoreOp[], options: { compression?: boolean } = {}): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-leveldb-'));
  const open = async () => {
    const db = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view', compression: options.compression ?? true });
    await db.open();
    return db;
  };
  let db = await open();
  for (const op of ops) {
    if (op.type === 'put') await db.put(text.encode(op.key), op.value);
    else if (op.type === 'del') await db.del(text.encode(op.key));
    else if (op.type === 'batch')
      await db.batch(
        op.ops.map((o) => (o.type === 'put' ? { type: 'put', key: text.encode(o.key), value: o.value } : { type: 'del', key: text.encode(o.key) })),
      );
    else if (op.type === 'compact') await db.compactRange(new Uint8Array(0), new Uint8Array([0xff, 0xff, 0xff, 0xff]));
    else {
      await db.close();
      db = await open();
    }
  }
  await db.close();
  const files = storeFiles(dir);
  // What LevelDB reads, from a fresh open of the closed store (then closed before anything else reads it).
  db = await open();
  const live = new Map<string, Uint8Array>();
  for await (const [key, value] of db.iterator()) live.set(`0x${Buffer.from(key).toString('hex')}`, new Uint8Array(value));
  await db.close();
  return { dir, files, live, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The files of a store directory, as a caller would read them. */
export function storeFiles(dir: string): LeveldbFile[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** LevelDB's masked CRC-32C (`util/crc32c.h`). */
export function maskedCrc(bytes: Uint8Array): number {
  const crc = crc32c.buf(bytes) >>> 0;
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** A block of entries with whole keys, one restart point each (or the `restarts` given). */
export function blockBuild(entries: readonly { key: Uint8Array; value: Uint8Array }[], restarts?: readonly number[]): Uint8Array {
  const out: number[] = [];
  const points: number[] = [];
  for (const { key, value } of entries) {
    points.push(out.length);
    out.push(...varint(0), ...varint(key.length), ...varint(value.length), ...key, ...value);
  }
  const array = restarts ?? (points.length === 0 ? [0] : points);
  for (const p of array) out.push(...u32(p));
  out.push(...u32(array.length));
  return new Uint8Array(out);
}

/** An internal key: user key ‖ fixed64(sequence << 8 | type) (`db/dbformat.h`). */
export function internalKey(key: string, sequence: number, type: 0 | 1 = 1): Uint8Array {
  const user = text.encode(key);
  const out = new Uint8Array(user.length + 8);
  out.set(user);
  new DataView(out.buffer).setBigUint64(user.length, (BigInt(sequence) << 8n) | BigInt(type), true);
  return out;
}

/**
 * A table file: each data block (raw bytes stored with the compression byte given, 0 none, 1
 * Snappy, 2 zstd) with its trailer, an empty metaindex block, the index block listing them, and the
 * footer with the magic number.
 */
export function tableBuild(blocks: readonly { contents: Uint8Array; compression?: number; lastKey?: Uint8Array }[]): Uint8Array {
  const out: number[] = [];
  const handles: { key: Uint8Array; value: Uint8Array }[] = [];
  const put = (contents: Uint8Array, compression: number) => {
    const offset = out.length;
    const withType = new Uint8Array(contents.length + 1);
    withType.set(contents);
    withType[contents.length] = compression;
    out.push(...withType, ...u32(maskedCrc(withType)));
    return [...varint(offset), ...varint(contents.length)];
  };
  blocks.forEach((b, i) => handles.push({ key: b.lastKey ?? internalKey(`k${i}`, 1), value: new Uint8Array(put(b.contents, b.compression ?? 0)) }));
  const metaindex = put(blockBuild([]), 0);
  const index = put(blockBuild(handles), 0);
  const footer = [...metaindex, ...index];
  while (footer.length < 40) footer.push(0);
  footer.push(...u32(0x8b80fb57), ...u32(0xdb477524));
  return new Uint8Array([...out, ...footer]);
}

/** A .log file of the given records, each one FULL physical record (all fitting in the first block). */
export function logBuild(records: readonly Uint8Array[]): Uint8Array {
  const out: number[] = [];
  for (const data of records) {
    const withType = new Uint8Array(data.length + 1);
    withType[0] = 1;
    withType.set(data, 1);
    out.push(...u32(maskedCrc(withType)), data.length & 0xff, data.length >>> 8, ...withType);
  }
  return new Uint8Array(out);
}

/** A write batch: sequence ‖ count ‖ ops (`db/write_batch.cc`). */
export function batchBuild(sequence: number, ops: readonly { key: string; value?: string }[], count = ops.length): Uint8Array {
  const out: number[] = [];
  const seq = new Uint8Array(8);
  new DataView(seq.buffer).setBigUint64(0, BigInt(sequence), true);
  out.push(...seq, ...u32(count));
  for (const op of ops) {
    const key = text.encode(op.key);
    if (op.value === undefined) out.push(0, ...varint(key.length), ...key);
    else {
      const value = text.encode(op.value);
      out.push(1, ...varint(key.length), ...key, ...varint(value.length), ...value);
    }
  }
  return new Uint8Array(out);
}
