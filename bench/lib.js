// Shared helpers for bench/run.js and bench/vault.js: timing whole processes, round-robin runs,
// summaries and the plain-text tables every section prints.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

/**
 * Runs `argv` with this `node` as a fresh process and returns its wall clock (spawn → exit, ms) and
 * output. Throws if it does not exit 0: a fast command that fails is not a result.
 */
export function timeProcess(label, argv, { cwd, env }) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || r.status !== 0) {
    throw new Error(`${label} failed (exit ${r.status ?? r.signal ?? r.error?.message}):\n${(r.stderr || r.stdout || '').trim().slice(0, 2000)}`);
  }
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Warm-up runs, then `runs` rounds in which every case runs once, the order rotating each round so
 * load from other processes falls on all cases about equally. Per case:
 *   argv(i)          the arguments for this case's i-th run (0-based, warm-ups included); called before the clock starts
 *   check(result, i) optional, after the run (not timed): throw if the output is wrong
 *   after(i)         optional clean-up after the run (not timed)
 * Returns { [id]: ms[] } (measured runs only).
 */
export function roundRobin(cases, { runs, warmup, cwd, env, progress }) {
  const count = new Map();
  const once = (c) => {
    const i = count.get(c.id) ?? 0;
    count.set(c.id, i + 1);
    const argv = c.argv(i);
    const result = timeProcess(c.label, argv, { cwd, env });
    c.check?.(result, i);
    c.after?.(i);
    return result.ms;
  };
  for (let w = 0; w < warmup; w++) for (const c of cases) once(c);
  const samples = Object.fromEntries(cases.map((c) => [c.id, []]));
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(i + k) % cases.length];
      samples[c.id].push(once(c));
    }
    if (progress && process.stderr.isTTY) process.stderr.write(`\r  ${progress}: round ${i + 1}/${runs}`);
  }
  if (progress && process.stderr.isTTY) process.stderr.write('\n');
  return samples;
}

/**
 * One section's measurement: logs what runs, then {@link roundRobin} between two load-average readings.
 * Returns { runs, warmup, samples, load0, load1 }, as {@link sectionPrint} takes them.
 */
export function measure(ctx, name, cases, { runs, warmup, note = '' }) {
  ctx.log(`${name}: ${cases.length} cases × (${warmup} warm-up + ${runs} runs), round-robin${note}`);
  const load0 = loadavg();
  const samples = roundRobin(cases, { runs, warmup, cwd: ctx.root, env: ctx.env, progress: name });
  const load1 = loadavg();
  return { runs, warmup, samples, load0, load1 };
}

export function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
  };
  return { median: q(0.5), p25: q(0.25), p75: q(0.75), min: s[0], max: s[s.length - 1], n: s.length };
}

/** The per-round ratio a[i] / b[i], summarised. */
export function pairedRatio(samples, a, b) {
  return summarize(samples[a].map((x, i) => x / samples[b][i]));
}

/** A check that the median of case `a` over the median of case `b` stays at or under `atMost` (or at or over `atLeast`). */
export function ratioCheck(samples, { id, what, a, b, atMost, atLeast }) {
  const ratio = summarize(samples[a]).median / summarize(samples[b]).median;
  return {
    id,
    what,
    ratio,
    paired: pairedRatio(samples, a, b),
    target: atMost === undefined ? `≥ ${atLeast}×` : `≤ ${atMost}×`,
    pass: atMost === undefined ? ratio >= atLeast : ratio <= atMost,
  };
}

/** A check that a time (ms) stays under `limit` ms. */
export function msCheck(id, what, ms, limit) {
  return { id, what, ms, target: `< ${limit} ms`, pass: ms < limit };
}

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The process table: median, p25, p75, min, max per case. */
export function casesTable(cases, stats) {
  const rows = [['process (wall clock, ms)', 'median', 'p25', 'p75', 'min', 'max']];
  for (const c of cases) {
    const s = stats[c.id];
    rows.push([c.label, s.median, s.p25, s.p75, s.min, s.max].map((v, i) => (i === 0 ? v : v.toFixed(1))));
  }
  return table(rows);
}

/** The checks table: value (ms or ratio), paired spread, target, PASS/MISS. */
export function checksTable(checks) {
  const rows = [['check', 'value', 'paired p25–median–p75', 'target', 'result']];
  for (const c of checks) {
    rows.push([
      c.what,
      c.ratio === undefined ? `${c.ms.toFixed(1)} ms` : `${c.ratio.toFixed(3)}×`,
      c.paired === undefined ? '' : `${c.paired.p25.toFixed(3)}–${c.paired.median.toFixed(3)}–${c.paired.p75.toFixed(3)}`,
      c.target,
      c.pass ? 'PASS' : 'MISS',
    ]);
  }
  return table(rows);
}

/**
 * Prints a section's block: its title, fixture, runs and load average, the process table, the checks
 * table, then `notes`. Every section prints this one layout.
 */
export function sectionPrint(say, { title, fixture, runs, warmup, load0, load1, cases, stats, checks, notes }) {
  say('');
  say(`== ${title} ==`);
  say(`${fixture}; ${runs} runs each (+${warmup} warm-up), interleaved`);
  say(`load average before ${load0.map(round2).join(' ')}, after ${load1.map(round2).join(' ')}`);
  say('');
  say(casesTable(cases, stats));
  say('');
  say(checksTable(checks));
  for (const n of notes) say(n);
}

/** A check as it goes into the JSON report (rounded). */
export function checkJson(c) {
  return {
    ...c,
    ...(c.ms === undefined ? {} : { ms: round2(c.ms) }),
    ...(c.ratio === undefined ? {} : { ratio: round3(c.ratio) }),
    ...(c.paired === undefined ? {} : { paired: { median: round3(c.paired.median), p25: round3(c.paired.p25), p75: round3(c.paired.p75) } }),
  };
}

/** A case as it goes into the JSON report: its command (temporary paths as $TMP), statistics and samples. */
export function caseJson(c, stats, samples, { tmp, root, argv }) {
  return {
    id: c.id,
    label: c.label,
    command: ['node', ...argv.map((a) => a.replaceAll(tmp, '$TMP').replace(root + '/', ''))].join(' '),
    ...roundAll(stats),
    samples: samples.map(round2),
  };
}

export function intEnv(name, fallback, min) {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: ${name} must be an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return n;
}

export function truthy(v) {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function round2(x) {
  return Math.round(x * 100) / 100;
}
export function round3(x) {
  return Math.round(x * 1000) / 1000;
}
export function roundAll(s) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === 'n' ? v : round2(v)]));
}
