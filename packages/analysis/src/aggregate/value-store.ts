/**
 * The values of one numeric question in one group, kept for its median and quartiles: the
 * only part of the analysis whose memory grows with the number of responses. Values are kept
 * exactly in a Float64Array (8 bytes each) up to a capacity, 100,000 by default (800 KB at
 * most per question and group); past it, the store keeps a uniform random sample of that size
 * (reservoir sampling, Vitter's algorithm R, with a fixed seed so that results are
 * reproducible) and says its quartiles are estimates. Count, sum and mean stay exact.
 */
import { quartiles, type Quartiles } from '../stats/quantiles.js';

/** Default number of values kept exactly per question and group. */
export const DEFAULT_EXACT_VALUES = 100_000;

/** The bounded store of one question's values in one group. */
export class ValueStore {
  private values = new Float64Array(16);
  private kept = 0;
  private seen = 0;
  private state = 0x9e3779b9;
  /** How many values are kept exactly. */
  readonly capacity: number;

  /** @param capacity values kept exactly before sampling (100,000 by default). */
  constructor(capacity: number = DEFAULT_EXACT_VALUES) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`the capacity of a value store is a whole number ≥ 1, got ${capacity}`);
    this.capacity = capacity;
  }

  /** Values offered so far. */
  get count(): number {
    return this.seen;
  }

  /** True while every value offered is kept, so that the quartiles are exact. */
  get exact(): boolean {
    return this.kept === this.seen;
  }

  /** Offers one value. */
  add(value: number): void {
    this.seen += 1;
    if (this.kept < this.capacity) {
      if (this.kept === this.values.length) {
        const grown = new Float64Array(Math.min(this.capacity, this.values.length * 2));
        grown.set(this.values);
        this.values = grown;
      }
      this.values[this.kept++] = value;
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.capacity) this.values[slot] = value;
  }

  /** Quartiles of the values kept (Hyndman & Fan definition 7), or null when there are none. */
  quartiles(): Quartiles | null {
    return quartiles(this.values.subarray(0, this.kept));
  }

  // xorshift32: enough to pick reservoir slots, and fixed so two runs give the same figures.
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }
}
