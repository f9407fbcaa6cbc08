#!/usr/bin/env node
// keepsake benchmark: opening one Polkadot{.js} file, timed as whole processes.
//
//   npm run bench                      (builds, then runs this file)
//   node bench/run.js [--json]         (after `npm run build`)
//
// Environment:
//   BENCH_RUNS=N     measured runs per case (default 15)
//   BENCH_WARMUP=N   warm-up runs per case, not counted (default 2, at least 1: the first one
//                    also checks that every command exits 0 and --version prints the version)
//   BENCH_STRICT=1   exit 1 when a target is missed (default: report only, exit 0)
//   BENCH_KEEP=1     keep the temporary directory with the file and password
//
// See bench/README.md for what is measured and how to read the table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const json = process.argv.includes('--json');
const log = (s = '') => process.stderr.write(`${s}\n`);
const say = json ? log : (s = '') => process.stdout.write(`${s}\n`);

const RUNS = intEnv('BENCH_RUNS', 15, 1);
const WARMUP = intEnv('BENCH_WARMUP', 2, 1);
const STRICT = truthy(process.env.BENCH_STRICT);
const KEEP = truthy(process.env.BENCH_KEEP);

const TARGETS = {
  vsPolkadot: 0.6, // keepsake verify ≤ 0.6 × Polkadot{.js} open
  vsFloor: 1.3, // keepsake verify ≤ 1.3 × one native scrypt process
  versionMs: 150, // keepsake --version < 150 ms
};

// ---------------------------------------------------------------------------------------------
// 1. The file: a Polkadot{.js} single-account file made by @polkadot/keyring itself (scrypt 2^17/8/1).

const tmp = mkdtempSync(join(tmpdir(), 'keepsake-bench-'));
const file = join(tmp, 'account.json');
const pwFile = join(tmp, 'password.txt');
let exitCode = 0;
try {
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

  // -------------------------------------------------------------------------------------------
  // 2. The cases: each one a fresh `node` process, the way a user runs it.
  const node = process.execPath;
  const cases = [
    { id: 'keepsake', label: 'keepsake verify', argv: [join(root, 'bin/keepsake.js'), 'verify', file, '--password-file', pwFile] },
    { id: 'polkadot', label: 'Polkadot{.js} open', argv: [join(here, 'polkadot-open.js'), file, pwFile] },
    { id: 'native', label: 'native scrypt (floor)', argv: [join(here, 'native-scrypt.js'), file, pwFile] },
    { id: 'version', label: 'keepsake --version', argv: [join(root, 'bin/keepsake.js'), '--version'] },
    { id: 'node', label: 'node (empty, reference)', argv: ['-e', '0'] },
  ];
  const env = { ...process.env, KEEPSAKE_VAULT: join(tmp, 'vault.sqlite') };
  delete env.KEEPSAKE_DEBUG;
  delete env.NODE_OPTIONS;

  const timeOnce = (c) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(node, c.argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error || r.status !== 0) {
      throw new Error(`${c.label} failed (exit ${r.status ?? r.signal ?? r.error?.message}):\n${(r.stderr || r.stdout || '').trim()}`);
    }
    return { ms, stdout: r.stdout };
  };

  const load0 = loadavg();
  log(`keepsake bench: ${cases.length} cases × (${WARMUP} warm-up + ${RUNS} runs), round-robin; file ${file}`);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  for (let w = 0; w < WARMUP; w++) {
    for (const c of cases) {
      const { stdout } = timeOnce(c);
      if (w === 0 && c.id === 'version' && stdout.trim() !== version) throw new Error(`keepsake --version printed ${JSON.stringify(stdout)}`);
    }
  }
  const samples = Object.fromEntries(cases.map((c) => [c.id, []]));
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order every round so no case always runs right after the same neighbour.
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(i + k) % cases.length];
      samples[c.id].push(timeOnce(c).ms);
    }
    if (process.stderr.isTTY) process.stderr.write(`\r  round ${i + 1}/${RUNS}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const load1 = loadavg();

  // -------------------------------------------------------------------------------------------
  // 3. Report.
  const stats = Object.fromEntries(cases.map((c) => [c.id, summarize(samples[c.id])]));
  const med = (id) => stats[id].median;
  const paired = (a, b) => summarize(samples[a].map((x, i) => x / samples[b][i]));
  const checks = [
    {
      id: 'vsPolkadot',
      what: 'keepsake / Polkadot{.js}',
      ratio: med('keepsake') / med('polkadot'),
      paired: paired('keepsake', 'polkadot'),
      target: `≤ ${TARGETS.vsPolkadot}×`,
      pass: med('keepsake') / med('polkadot') <= TARGETS.vsPolkadot,
    },
    {
      id: 'vsFloor',
      what: 'keepsake / native floor',
      ratio: med('keepsake') / med('native'),
      paired: paired('keepsake', 'native'),
      target: `≤ ${TARGETS.vsFloor}×`,
      pass: med('keepsake') / med('native') <= TARGETS.vsFloor,
    },
    { id: 'version', what: 'keepsake --version', ms: med('version'), target: `< ${TARGETS.versionMs} ms`, pass: med('version') < TARGETS.versionMs },
  ];

  const report = {
    node: process.version,
    cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadavg: { before: load0.map(round2), after: load1.map(round2) },
    runs: RUNS,
    warmup: WARMUP,
    kdf: { ...kdf, dkLen: 64 },
    cases: cases.map((c) => ({ id: c.id, label: c.label, command: ['node', ...c.argv.map((a) => a.replace(tmp, '$TMP').replace(root + '/', ''))].join(' '), ...roundAll(stats[c.id]), samples: samples[c.id].map(round2) })),
    checks: checks.map((c) => ({ ...c, ...(c.ms === undefined ? {} : { ms: round2(c.ms) }), ...(c.ratio === undefined ? {} : { ratio: round3(c.ratio) }), ...(c.paired === undefined ? {} : { paired: { median: round3(c.paired.median), p25: round3(c.paired.p25), p75: round3(c.paired.p75) } }) })),
    overheadOverFloorMs: round2(med('keepsake') - med('native')),
    pass: checks.every((c) => c.pass),
  };

  say('');
  say(`keepsake bench — node ${report.node}, ${report.cpus}`);
  say(`file: Polkadot{.js} sr25519 account made by @polkadot/keyring, scrypt N=2^17 r=8 p=1; ${RUNS} runs each (+${WARMUP} warm-up), interleaved`);
  say(`load average before ${report.loadavg.before.join(' ')}, after ${report.loadavg.after.join(' ')}`);
  say('');
  const rows = [['process (wall clock, ms)', 'median', 'p25', 'p75', 'min', 'max']];
  for (const c of cases) {
    const s = stats[c.id];
    rows.push([c.label, s.median, s.p25, s.p75, s.min, s.max].map((v, i) => (i === 0 ? v : v.toFixed(1))));
  }
  say(table(rows));
  say('');
  const crow = [['check', 'value', 'paired p25–median–p75', 'target', 'result']];
  for (const c of checks) {
    crow.push([
      c.what,
      c.ratio === undefined ? `${c.ms.toFixed(1)} ms` : `${c.ratio.toFixed(3)}×`,
      c.paired === undefined ? '' : `${c.paired.p25.toFixed(3)}–${c.paired.median.toFixed(3)}–${c.paired.p75.toFixed(3)}`,
      c.target,
      c.pass ? 'PASS' : 'MISS',
    ]);
  }
  say(table(crow));
  say('');
  say(`keepsake verify − native floor: ${report.overheadOverFloorMs.toFixed(1)} ms of overhead (median vs median); node -e 0 alone: ${stats.node.median.toFixed(1)} ms`);
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

function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
  };
  return { median: q(0.5), p25: q(0.25), p75: q(0.75), min: s[0], max: s[s.length - 1], n: s.length };
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function intEnv(name, fallback, min) {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: ${name} must be an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return n;
}

function truthy(v) {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function round2(x) {
  return Math.round(x * 100) / 100;
}
function round3(x) {
  return Math.round(x * 1000) / 1000;
}
function roundAll(s) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === 'n' ? v : round2(v)]));
}
