/**
 * What the fuzzed readers asked node:crypto to derive. `readers.test.ts` wraps node:crypto's
 * `scrypt`/`pbkdf2` (passing every call through unchanged) and records each call here, so a run can
 * prove that no input made keepsake derive with parameters over its caps (DESIGN.md: scrypt N ≤ 2^20,
 * r ≤ 16, p ≤ 4 — keystores may trade p for N·r·p ≤ 2^23 —, PBKDF2 ≤ 10,000,000 rounds).
 * No imports: the mock factory loads this module before anything else.
 */
export type KdfLog = {
  scrypt: number;
  pbkdf2: number;
  /** The largest scrypt memory cost (128·N·r bytes) and PBKDF2 round count asked for. */
  maxScryptBytes: number;
  maxPbkdf2: number;
  /** Every call over the caps, described (must stay empty). */
  overCap: string[];
  /** The costliest scrypt (N·r·p) asked for since {@link kdfWindowReset}: the fuzzer's own budget. */
  window: { scryptCost: number };
};

export const kdfLog: KdfLog = { scrypt: 0, pbkdf2: 0, maxScryptBytes: 0, maxPbkdf2: 0, overCap: [], window: { scryptCost: 0 } };

export function kdfWindowReset(): void {
  kdfLog.window = { scryptCost: 0 };
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

export function kdfRecordScrypt(options: unknown): void {
  const o = (options ?? {}) as Record<string, unknown>;
  const N = num(o['N'] ?? o['cost'], 16384);
  const r = num(o['r'] ?? o['blockSize'], 8);
  const p = num(o['p'] ?? o['parallelization'], 1);
  kdfLog.scrypt++;
  kdfLog.maxScryptBytes = Math.max(kdfLog.maxScryptBytes, 128 * N * r);
  kdfLog.window.scryptCost = Math.max(kdfLog.window.scryptCost, N * r * p);
  const within = N <= 2 ** 20 && r <= 16 && (p <= 4 || N * r * p <= 2 ** 23);
  if (!within) kdfLog.overCap.push(`scrypt N=${N} r=${r} p=${p}`);
}

export function kdfRecordPbkdf2(iterations: unknown): void {
  const c = num(iterations, 0);
  kdfLog.pbkdf2++;
  kdfLog.maxPbkdf2 = Math.max(kdfLog.maxPbkdf2, c);
  if (c > 10_000_000) kdfLog.overCap.push(`pbkdf2 ${c} rounds`);
}
