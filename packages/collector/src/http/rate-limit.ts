/**
 * A fixed-window rate limit per client address, kept in memory only: addresses are never
 * written anywhere, and a window's counters are dropped once it is over.
 */

/** Counts requests per key in one-minute windows. */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Counts one request; returns null when allowed, else the seconds until the next window. */
  hit(key: string): number | null {
    const t = this.now();
    const window = Math.floor(t / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.perMinute) return null;
    return Math.max(1, Math.ceil(((window + 1) * 60_000 - t) / 1000));
  }
}
