#!/usr/bin/env node
// keepsake benchmark, timed as whole processes, in one run:
//   open     opening one Polkadot{.js} file: keepsake verify vs @polkadot/keyring vs one native scrypt
//   list     `account list --json` with 10,000 accounts                  (bench/vault.js)
//   backup   `backup export` / `backup import`, 1,000 accounts + 1,000 addresses (bench/vault.js)
//   restore  100 files (N=2^15) into an empty vault vs the Polkadot{.js} restore loop (bench/vault.js)
//   locked   a command on a locked vault vs a plain one, and the PBKDF2 floor  (bench/vault.js)
//   rescue   `rescue scan` of an extension store vs LevelDB itself reading it (bench/rescue.js)
//
//   npm run bench                      (builds, then runs this file)
//   node bench/run.js [--json]         (after `npm run build`)
//
// Environment:
//   BENCH_RUNS=N         measured runs per case in open, list and backup (default 15)
//   BENCH_WARMUP=N       warm-up runs per case there, not counted (default 2, at least 1: the first one
//                        also checks that every command exits 0 and prints what it should)
//   BENCH_VAULT_RUNS=N   measured runs per case in restore (default 3: the Polkadot{.js} loop takes ~1 min)
//   BENCH_VAULT_WARMUP=N warm-up runs per case in restore (default 0: every restore run checks its output)
//   BENCH_ONLY=a,b       only these sections (open, list, backup, restore, locked, rescue; default all)
//   BENCH_STRICT=1       exit 1 when a target is missed (default: report only, exit 0)
//   BENCH_KEEP=1         keep the temporary directory with the files, vaults and passwords
//
// See bench/README.md for what is measured and how to read the tables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { caseJson, checkJson, intEnv, measure, msCheck, ratioCheck, round2, sectionPrint, summarize, table, truthy } from './lib.js';
import { backupSection, listSection, lockedSection, restoreSection, TARGETS as VAULT_TARGETS } from './vault.js';
import { RESCUE_TARGETS, rescueSection } from './rescue.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const json = process.argv.includes('--json');
const log = (s = '') => process.stderr.write(`${s}\n`);
const say = json ? log : (s = '') => process.stdout.write(`${s}\n`);

const RUNS = intEnv('BENCH_RUNS', 15, 1);
const WARMUP = intEnv('BENCH_WARMUP', 2, 1);
const VAULT_RUNS = intEnv('BENCH_VAULT_RUNS', 3, 1);
const VAULT_WARMUP = intEnv('BENCH_VAULT_WARMUP', 0, 0);
const STRICT = truthy(process.env.BENCH_STRICT);
const KEEP = truthy(process.env.BENCH_KEEP);
const ALL_SECTIONS = ['open', 'list', 'backup', 'restore', 'locked', 'rescue'];
const SECTIONS = (process.env.BENCH_ONLY ?? '').trim() === '' ? ALL_SECTIONS : process.env.BENCH_ONLY.split(',').map((s) => s.trim());
for (const s of SECTIONS) {
  if (!ALL_SECTIONS.includes(s)) {
    process.stderr.write(`bench: BENCH_ONLY names "${s}"; the sections are ${ALL_SECTIONS.join(', ')}\n`);
    process.exit(2);
  }
}

const TARGETS = {
  vsPolkadot: 0.6, // keepsake verify ≤ 0.6 × Polkadot{.js} open
  vsFloor: 1.15, // keepsake verify ≤ 1.15 × one native scrypt process (issue 13; 1.3 before)
  versionMs: 150, // keepsake --version < 150 ms
  ...VAULT_TARGETS,
  ...RESCUE_TARGETS,
};

const tmp = mkdtempSync(join(tmpdir(), 'keepsake-bench-'));
const env = { ...process.env, KEEPSAKE_VAULT: join(tmp, 'vault.sqlite') };
delete env.KEEPSAKE_DEBUG;
delete env.NODE_OPTIONS;
const ctx = { root, here, tmp, env, cwd: root, bin: join(root, 'bin/keepsake.js'), say, log, RUNS, WARMUP, VAULT_RUNS, VAULT_WARMUP };
let exitCode = 0;
try {
  const report = {
    node: process.version,
    cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`,
    sections: SECTIONS,
    runs: RUNS,
    warmup: WARMUP,
    vaultRuns: VAULT_RUNS,
    vaultWarmup: VAULT_WARMUP,
    targets: TARGETS,
  };
  const allChecks = [];
  say('');
  say(`keepsake bench — node ${report.node}, ${report.cpus}; sections: ${SECTIONS.join(', ')}`);
  if (SECTIONS.includes('open')) {
    const open = await openSection();
    Object.assign(report, open.json);
    allChecks.push(...open.checks);
  }
  const vaultSections = { list: listSection, backup: backupSection, restore: restoreSection, locked: lockedSection, rescue: rescueSection };
  for (const id of ['list', 'backup', 'restore', 'locked', 'rescue']) {
    if (!SECTIONS.includes(id)) continue;
    const section = await vaultSections[id](ctx);
    report[id] = section.json;
    allChecks.push(...section.checks);
  }
  report.pass = allChecks.every((c) => c.pass);

  say('');
  say('== All checks ==');
  say(
    table([
      ['check', 'value', 'target', 'result'],
      ...allChecks.map((c) => [c.what, c.ratio === undefined ? `${c.ms.toFixed(1)} ms` : `${c.ratio.toFixed(3)}×`, c.target, c.pass ? 'PASS' : 'MISS']),
    ]),
  );
  say('');
  say(`Ratios are median/median; "paired" is the spread of per-round ratios (same round, adjacent runs).`);
  if (!report.pass) say(STRICT ? 'A target was missed (BENCH_STRICT is set: exit 1).' : 'A target was missed (reported only; set BENCH_STRICT=1 to fail).');
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (STRICT && !report.pass) exitCode = 1;
} catch (err) {
  log(`bench: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  if (KEEP) log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

// ---------------------------------------------------------------------------------------------
// Section "open": one Polkadot{.js} file, keepsake verify vs Polkadot{.js} vs one native scrypt.

async function openSection() {
  // 1. The file: a Polkadot{.js} single-account file made by @polkadot/keyring itself (scrypt 2^17/8/1).
  const file = join(tmp, 'account.json');
  const pwFile = join(tmp, 'password.txt');
  await cryptoWaitReady();
  const password = 'correct horse battery staple';
  const pair = new Keyring({ type: 'sr25519' }).addFromUri(mnemonicGenerate(12), { name: 'bench' });
  const account = pair.toJson(password);
  writeFileSync(file, JSON.stringify(account));
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  const header = Buffer.from(account.encoded, 'base64');
  const kdf = { N: header.readUInt32LE(32), p: header.readUInt32LE(36), r: header.readUInt32LE(40) };
  if (kdf.N !== 1 << 17 || kdf.r !== 8 || kdf.p !== 1) {
    throw new Error(`@polkadot/keyring wrote scrypt N=${kdf.N} r=${kdf.r} p=${kdf.p}, expected N=2^17 r=8 p=1`);
  }

  // 2. The cases: each one a fresh `node` process, the way a user runs it.
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const fixed = (argv) => () => argv;
  const cases = [
    { id: 'keepsake', label: 'keepsake verify', argv: fixed([join(root, 'bin/keepsake.js'), 'verify', file, '--password-file', pwFile]) },
    { id: 'polkadot', label: 'Polkadot{.js} open', argv: fixed([join(here, 'polkadot-open.js'), file, pwFile]) },
    { id: 'native', label: 'native scrypt (floor)', argv: fixed([join(here, 'native-scrypt.js'), file, pwFile]) },
    {
      id: 'version',
      label: 'keepsake --version',
      argv: fixed([join(root, 'bin/keepsake.js'), '--version']),
      check: ({ stdout }, i) => {
        if (i === 0 && stdout.trim() !== version) throw new Error(`keepsake --version printed ${JSON.stringify(stdout)}`);
      },
    },
    { id: 'node', label: 'node (empty, reference)', argv: fixed(['-e', '0']) },
  ];

  const measured = measure(ctx, 'open', cases, { runs: RUNS, warmup: WARMUP, note: `; file ${file}` });
  const { samples, load0, load1 } = measured;

  // 3. Report.
  const stats = Object.fromEntries(cases.map((c) => [c.id, summarize(samples[c.id])]));
  const med = (id) => stats[id].median;
  const checks = [
    ratioCheck(samples, { id: 'vsPolkadot', what: 'keepsake / Polkadot{.js}', a: 'keepsake', b: 'polkadot', atMost: TARGETS.vsPolkadot }),
    ratioCheck(samples, { id: 'vsFloor', what: 'keepsake / native floor', a: 'keepsake', b: 'native', atMost: TARGETS.vsFloor }),
    msCheck('version', 'keepsake --version', med('version'), TARGETS.versionMs),
  ];
  const overheadOverFloorMs = round2(med('keepsake') - med('native'));

  sectionPrint(say, {
    ...measured,
    title: 'Open one account file',
    fixture: 'file: Polkadot{.js} sr25519 account made by @polkadot/keyring, scrypt N=2^17 r=8 p=1',
    cases,
    stats,
    checks,
    notes: [
      '',
      `keepsake verify − native floor: ${overheadOverFloorMs.toFixed(1)} ms of overhead (median vs median); node -e 0 alone: ${stats.node.median.toFixed(1)} ms`,
    ],
  });

  return {
    checks,
    json: {
      loadavg: { before: load0.map(round2), after: load1.map(round2) },
      kdf: { ...kdf, dkLen: 64 },
      cases: cases.map((c) => caseJson(c, stats[c.id], samples[c.id], { tmp, root, argv: c.argv(0) })),
      checks: checks.map(checkJson),
      overheadOverFloorMs,
    },
  };
}
