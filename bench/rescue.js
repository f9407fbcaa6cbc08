// `keepsake rescue scan` of an extension store vs LevelDB itself reading it (bench/native-leveldb.js).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { encodeAddress, cryptoWaitReady } from '@polkadot/util-crypto';
import { ClassicLevel } from 'classic-level';
import { measure, summarize } from './lib.js';
import { sectionOut } from './vault.js';

export const RESCUE_TARGETS = {
  rescueScanRatio: 3, // rescue scan (every version of every record, each account inspected) ≤ 3 × LevelDB iterating the live entries
};

/**
 * A store as the Polkadot{.js} extension leaves one after long use: `COUNT` accounts (one real
 * key file, its address changed for each — scan inspects, it does not decrypt), a tenth of them
 * removed and a tenth overwritten, and `metadata:` entries of a few hundred KB, compacted into tables.
 */
async function storeWrite(dir, count) {
  await cryptoWaitReady();
  const file = new Keyring({ type: 'sr25519' }).addFromUri('//bench-rescue').toJson('bench password');
  const db = new ClassicLevel(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  const keys = [];
  for (let i = 0; i < count; i++) {
    const publicKey = new Uint8Array(32);
    new DataView(publicKey.buffer).setUint32(0, i + 1);
    const address = encodeAddress(publicKey, 42);
    const key = `account:0x${Buffer.from(publicKey).toString('hex')}`;
    keys.push(key);
    await db.put(key, JSON.stringify({ ...file, address, meta: { ...file.meta, name: `Account ${i}` } }));
  }
  for (let i = 0; i < 20; i++) await db.put(`metadata:0x${String(i).padStart(64, '0')}`, JSON.stringify({ blob: '-'.repeat(200_000) }));
  for (let i = 0; i < count; i += 10) await db.del(keys[i]);
  for (let i = 5; i < count; i += 10) await db.put(keys[i], JSON.stringify({ ...file, meta: { ...file.meta, name: `Replaced ${i}` } }));
  await db.compactRange('a', 'z');
  for (let i = 3; i < count; i += 50) await db.put(keys[i], JSON.stringify({ ...file, meta: { ...file.meta, name: `Renamed ${i}` } }));
  await db.close();
}

export async function rescueSection(ctx) {
  const COUNT = 2000;
  ctx.log(`rescue: writing an extension store with ${COUNT} accounts (LevelDB, compacted)…`);
  const base = join(ctx.tmp, 'rescue-store');
  await storeWrite(base, COUNT);
  // Two copies: LevelDB rewrites its folder when it opens it; keepsake only reads its own.
  const forKeepsake = join(ctx.tmp, 'rescue-profile', 'Default', 'Local Extension Settings', 'mopnmbcafieddcagagdcbnhejhlodfdd');
  const forLevelDb = join(ctx.tmp, 'rescue-native');
  mkdirSync(join(forKeepsake, '..'), { recursive: true });
  cpSync(base, forKeepsake, { recursive: true });
  cpSync(base, forLevelDb, { recursive: true });
  const cases = [
    {
      id: 'scan',
      label: 'keepsake rescue scan --profile DIR --json',
      argv: () => [ctx.bin, 'rescue', 'scan', '--profile', join(ctx.tmp, 'rescue-profile'), '--json'],
      check: (r, i) => {
        if (i > 0) return;
        const accounts = JSON.parse(r.stdout).stores.flatMap((s) => s.accounts);
        const live = accounts.filter((a) => a.state === 'live').length;
        if (live !== COUNT - COUNT / 10 || accounts.length <= live) throw new Error(`rescue scan found ${live} live of ${accounts.length}`);
      },
    },
    { id: 'native', label: 'LevelDB (classic-level) iterating the live entries (floor)', argv: () => [join(ctx.here, 'native-leveldb.js'), forLevelDb] },
  ];
  const measured = measure(ctx, 'rescue', cases, { runs: ctx.RUNS, warmup: ctx.WARMUP });
  const median = (id) => summarize(measured.samples[id]).median;
  const ratio = median('scan') / median('native');
  const checks = [
    {
      id: 'rescueScan',
      what: 'rescue scan ÷ LevelDB reading the live entries',
      ratio,
      target: `≤ ${RESCUE_TARGETS.rescueScanRatio}×`,
      pass: ratio <= RESCUE_TARGETS.rescueScanRatio,
    },
  ];
  return sectionOut(ctx, {
    id: 'rescue',
    title: 'Rescue: scanning an extension store vs LevelDB itself',
    fixture: `one extension store: ${COUNT} accounts, ${COUNT / 10} removed, ${COUNT / 10} overwritten, 20 × 200 KB metadata, compacted`,
    cases,
    measured,
    checks,
    notes: (stats) => [
      '',
      `scan − LevelDB: ${(stats.scan.median - stats.native.median).toFixed(1)} ms (keepsake reads every version in every file, checks every CRC, and inspects each account found; LevelDB reads the live ones)`,
    ],
  });
}
