/**
 * A fixed-window rate limit per client address, kept in memory only: addresses are never
 * written anywhere, and a window's counters are dropped once it is over.
 */

/** Counts requests per key in one-minute windows. */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number, private readonly now: () => number = () => Date.now()) {}

  /** Counts one request; returns null when allowed, else the seconds until the next window. */
  hit(key: string): number | null {
    const n = this.count(key) + 1;
    this.counts.set(key, n);
    return n <= this.perMinute ? null : this.wait();
  }

  /** Without counting: null while `key` has used fewer than its requests of this window, else
   * the seconds until the next window. */
  spent(key: string): number | null {
    return this.count(key) < this.perMinute ? null : this.wait();
  }

  /** This window's count of `key`, after dropping the last window's counters. */
  private count(key: string): number {
    const window = Math.floor(this.now() / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    return this.counts.get(key) ?? 0;
  }

  private wait(): number {
    return Math.max(1, Math.ceil(((this.window + 1) * 60_000 - this.now()) / 1000));
  }
}
