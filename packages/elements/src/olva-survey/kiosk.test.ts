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

  it('waits while any reason holds it', () => {
    vi.useFakeTimers();
    let ended = false;
    const countdown = new Countdown();
    countdown.start(2, () => undefined, () => (ended = true));
    expect(countdown.hold('pointer', true)).toBe('paused');
    expect(countdown.hold('focus', true)).toBeNull();
    expect(countdown.hold('pointer', false)).toBeNull();
    vi.advanceTimersByTime(5_000);
    expect(ended).toBe(false);
    expect(countdown.hold('focus', false)).toBe('resumed');
    vi.advanceTimersByTime(2_000);
    expect(ended).toBe(true);
  });
});
