/**
 * Slows down repeated wrong passwords and PINs through the server: after `free` failures within the
 * window, each request that needs a secret waits until the penalty has passed (429 with Retry-After).
 */
export class FailureLimiter {
  private failures: number[] = [];
  constructor(
    private readonly free = 5,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before another secret may be tried (0 = go ahead). */
  waitMs(): number {
    const t = this.now();
    this.failures = this.failures.filter((f) => t - f < this.windowMs);
    if (this.failures.length < this.free) return 0;
    const penalty = Math.min(this.windowMs, 1000 * 2 ** (this.failures.length - this.free));
    return Math.max(0, this.failures[this.failures.length - 1]! + penalty - t);
  }

  failed(): void {
    this.failures.push(this.now());
  }

  succeeded(): void {
    this.failures = [];
  }
}
