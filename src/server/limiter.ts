/**
 * Slows down guessing of passwords and PINs through the server.
 *
 * Every request that checks a secret takes a {@link Ticket} before any work starts, naming what it
 * tries the secret against (its targets: an identity, an account, the SHA-256 of an uploaded file).
 * A target gets `free` failures within the window; after that each try waits for a penalty that
 * doubles with every further failure (429 with Retry-After). Tries still running count as used, so
 * a burst sent at once cannot get past the free tries before the first of them fails.
 *
 * A success forgets only its own targets' failures: a call that succeeds at will (a file whose
 * password the caller knows) cannot clear the failures of another. A global budget counts every
 * failure on any target and is never reset by a success, so switching targets (editing a file so
 * its hash changes) does not buy fresh tries either.
 */
export type LimiterOptions = {
  /** Failures per target within the window before tries must wait (default 5). */
  free?: number;
  /** Failures on all targets together within the window before every try must wait (default 10). */
  globalFree?: number;
  /** How long a failure is remembered (default one minute); also the longest penalty. */
  windowMs?: number;
  now?: () => number;
};

/** One reserved try. Settle it exactly once; later calls do nothing. */
export type Ticket = {
  /** The secret was wrong: counts against every target of the ticket and the global budget. */
  failed(): void;
  /** The secret was right: forgets the failures of this ticket's targets (never the global budget's). */
  succeeded(): void;
  /** Neither (the request was refused before any secret was tried): gives the reservation back. */
  released(): void;
};

export type LimiterVerdict =
  | { ok: true; ticket: Ticket }
  /** `busy`: the free tries are all taken by requests still running; `failures`: too many failed. */
  | { ok: false; waitMs: number; reason: 'failures' | 'busy' };

type Counter = { failures: number[]; inFlight: number };

/** How long a try waits when only tries still running fill the budget: they settle within about that. */
const BUSY_WAIT_MS = 1000;

export class FailureLimiter {
  private readonly free: number;
  private readonly globalFree: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly targets = new Map<string, Counter>();
  private readonly global: Counter = { failures: [], inFlight: 0 };

  constructor(options: LimiterOptions = {}) {
    this.free = options.free ?? 5;
    this.globalFree = options.globalFree ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Reserves a try against `targets` (at least one), or says how long to wait.
   *
   * @example
   * const v = limiter.take([`identity:${id}`])
   * if (!v.ok) return tooMany(v.waitMs)
   * try { await work(); v.ticket.succeeded() } catch { v.ticket.failed() }
   */
  take(targets: readonly string[]): LimiterVerdict {
    const t = this.now();
    this.forgetOld(t);
    const keys = [...new Set(targets)];
    const counters = keys.map((k) => this.targets.get(k) ?? { failures: [], inFlight: 0 });
    const waits = [this.waitOf(this.global, this.globalFree, t), ...counters.map((c) => this.waitOf(c, this.free, t))];
    const blocked = waits.filter((w) => w.ms > 0);
    if (blocked.length > 0) {
      return { ok: false, waitMs: Math.max(...blocked.map((w) => w.ms)), reason: blocked.some((w) => w.reason === 'failures') ? 'failures' : 'busy' };
    }
    keys.forEach((k, i) => this.targets.set(k, counters[i]!));
    for (const c of [this.global, ...counters]) c.inFlight++;
    return { ok: true, ticket: this.ticketFor(keys, counters) };
  }

  private ticketFor(keys: string[], counters: Counter[]): Ticket {
    let settled = false;
    const settle = (outcome: 'failed' | 'succeeded' | 'released') => {
      if (settled) return;
      settled = true;
      const t = this.now();
      for (const c of [this.global, ...counters]) c.inFlight--;
      if (outcome === 'failed') for (const c of [this.global, ...counters]) c.failures.push(t);
      if (outcome === 'succeeded') for (const c of counters) c.failures = [];
      keys.forEach((k, i) => {
        const c = counters[i]!;
        if (c.inFlight === 0 && c.failures.length === 0 && this.targets.get(k) === c) this.targets.delete(k);
      });
    };
    return { failed: () => settle('failed'), succeeded: () => settle('succeeded'), released: () => settle('released') };
  }

  private waitOf(c: Counter, free: number, t: number): { ms: number; reason: 'failures' | 'busy' } {
    if (c.failures.length + c.inFlight < free) return { ms: 0, reason: 'failures' };
    // The free tries are used up by tries still running: wait for them to settle (one at a time after that).
    if (c.inFlight > 0) return { ms: BUSY_WAIT_MS, reason: c.failures.length >= free ? 'failures' : 'busy' };
    const penalty = Math.min(this.windowMs, 1000 * 2 ** (c.failures.length - free));
    return { ms: Math.max(0, c.failures[c.failures.length - 1]! + penalty - t), reason: 'failures' };
  }

  /** Drops failures older than the window, and targets with nothing left to remember (bounded memory). */
  private forgetOld(t: number): void {
    const recent = (c: Counter) => (c.failures = c.failures.filter((f) => t - f < this.windowMs));
    recent(this.global);
    for (const [k, c] of this.targets) if (recent(c).length === 0 && c.inFlight === 0) this.targets.delete(k);
  }
}
