/**
 * Settings shared by the fuzz suite: how many runs (short inside `npm test`, long with `npm run fuzz`),
 * the per-call time limit, and the secrets that must never show up in a message.
 *
 * `FUZZ_RUNS` scales every property: a property declared as `runs(short, weight)` makes `short` runs
 * in `npm test` and `max(short, FUZZ_RUNS × weight)` runs when `FUZZ_RUNS` is set. The weight is
 * about 1 for properties that do no KDF work and smaller for those that derive a key per run.
 * `npm run fuzz` sets FUZZ_RUNS=20000 unless given another (about 5–6 minutes on 2 cores) and prints
 * a summary: runs, results, errors by class, KDF work, and every distinct failure with its input.
 * `FUZZ_SEED` replays a run (every failure report names the seed it ran with).
 */

const env = (name: string): number | undefined => {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export const FUZZ_RUNS = env('FUZZ_RUNS');
export const FUZZ_SEED = env('FUZZ_SEED');
export const LONG_MODE = FUZZ_RUNS !== undefined;

/** Number of runs for a property: `short` inside `npm test`, scaled by FUZZ_RUNS in the long mode. */
export function runs(short: number, weight: number): number {
  return FUZZ_RUNS === undefined ? short : Math.max(short, Math.round(FUZZ_RUNS * weight));
}

/** A test's time limit: generous, since the long mode runs for minutes and the machine is shared. */
export function testTimeout(numRuns: number, msPerRun: number): number {
  return Math.max(120_000, numRuns * msPerRun * 4);
}

/** Every single call into a reader must end within this (a hang is a failure, not a slow test). */
export const CALL_TIMEOUT_MS = env('FUZZ_CALL_TIMEOUT_MS') ?? 10_000;

/** The fast-check seed of this run: FUZZ_SEED to replay one, else a fresh one (printed with every failure). */
export const SEED = FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31);

/** fast-check parameters for one property. */
export function fcParams(numRuns: number): { numRuns: number; seed: number } {
  return { numRuns, seed: SEED };
}

// --- Secrets: every seed file is locked with these, and no message may ever contain them. -----------

/** The password of every seed file ("correct horse battery staple" with a marker no message can contain by chance). */
export const PW = 'correct horse battery staple ⚑fz-7Qx';
/** A wrong password, also a secret (a wrong guess is still what the user typed). */
export const WRONG_PW = 'Tr0ub4dor&3 ⚑fz-wrong-9Kd';
/** The own password of a batch entry that the batch password does not open. */
export const ENTRY_PW = 'entry-only secret ⚑fz-E4m';
/** The PIN of the identity in the keepsake backup seed and of the sealed-secret seed. */
export const PIN = '⚑fz-pin-771903';
/** The `///password` of an identity account in the keepsake backup seed. */
export const PATH_PW = 'derivation-secret-⚑fz-P2';

/** Passwords the readers are called with: mostly the right one (reaches the code after decryption). */
export const PASSWORDS = [PW, PW, PW, WRONG_PW, '', '0x', '0xdeadbeef', 'ä'.repeat(40), `${WRONG_PW}\u0000\ud800`] as const;
