import { afterEach, describe, expect, it, vi } from 'vitest';
import { Countdown, DEFAULT_RESET_AFTER, resetDelay } from './kiosk.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('kiosk countdown', () => {
  it('leaves the receipt long enough to copy its number by default', () => {
    expect(resetDelay(undefined)).toBe(DEFAULT_RESET_AFTER);
    expect(DEFAULT_RESET_AFTER).toBeGreaterThanOrEqual(30);
    expect(resetDelay(5)).toBe(5);
  });

  it('holds while paused and counts on from where it was', () => {
    vi.useFakeTimers();
    const ticks: number[] = [];
    let ended = false;
    const countdown = new Countdown();
    countdown.start(3, (left) => ticks.push(left), () => (ended = true));
    vi.advanceTimersByTime(1000);
    countdown.pause();
    expect(countdown.paused).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(ended).toBe(false);
    expect(ticks).toEqual([3, 2]);
    countdown.resume();
    vi.advanceTimersByTime(1000);
    expect(ended).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(ended).toBe(true);
    expect(ticks).toEqual([3, 2, 2, 1]);
  });
});
