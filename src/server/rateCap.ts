/**
 * A plain rate cap (token bucket) for routes that check no stored secret but still cost work on
 * every call — the live address preview derives a key from the phrase typed, a few milliseconds each.
 * A person typing, with the page's debounce, asks a few times a second; a script looping on the route
 * is slowed to `perSecond` instead of taking the server's cores.
 */
export class RateCap {
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly now: () => number;
  private tokens: number;
  private last: number;

  constructor(options: { burst?: number; perSecond?: number; now?: () => number } = {}) {
    this.burst = options.burst ?? 20;
    this.perSecond = options.perSecond ?? 10;
    this.now = options.now ?? (() => Date.now());
    this.tokens = this.burst;
    this.last = this.now();
  }

  /**
   * Takes one call, or says how long to wait for the next one.
   *
   * @example
   * const wait = cap.take(); if (wait > 0) return tooMany(wait)
   */
  take(): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}
