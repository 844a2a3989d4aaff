// The line of readers waiting for a snapshot slot, its timers fired by hand.
import { describe, expect, it } from 'vitest';
import { SnapshotSlots, SnapshotsBusyError, type SlotTimer } from './snapshot-slots.js';

/** A timer whose armed firings the test calls itself. */
function handTimer(): { timer: SlotTimer; armed: (() => void)[] } {
  const armed: (() => void)[] = [];
  return {
    armed,
    timer: (fire) => {
      armed.push(fire);
      return () => { armed.splice(armed.indexOf(fire), 1); };
    },
  };
}

describe('SnapshotSlots', () => {
  it('gives a freed slot to the first reader in line, and refuses one taking a slot at once while some wait', async () => {
    const waits = handTimer();
    const slots = new SnapshotSlots(1, { idleMs: 60_000, idleTimer: handTimer().timer, waitTimer: waits.timer });
    const first = slots.take(() => {});
    const served: string[] = [];
    const a = slots.wait(() => {}).then((s) => { served.push('a'); return s; });
    const b = slots.wait(() => {}).then((s) => { served.push('b'); return s; });
    expect(slots.waiting).toBe(2);
    expect(() => slots.take(() => {})).toThrow(SnapshotsBusyError);
    const settled = () => new Promise((resolve) => setImmediate(resolve));
    first.release();
    await settled();
    expect(served).toEqual(['a']);
    (await a).release();
    await settled();
    expect(served).toEqual(['a', 'b']);
    (await b).release();
    expect(slots.inUse).toBe(0);
    expect(waits.armed).toEqual([]);
  });

  it('refuses a reader whose wait ran out, or whose signal aborted, and gives it no slot afterwards', async () => {
    const waits = handTimer();
    const slots = new SnapshotSlots(1, { idleMs: 60_000, idleTimer: handTimer().timer, waitTimer: waits.timer });
    const held = slots.take(() => {});
    const late = slots.wait(() => {});
    waits.armed[0]!();
    await expect(late).rejects.toThrow(SnapshotsBusyError);
    const gone = new AbortController();
    const abandoned = slots.wait(() => {}, gone.signal);
    gone.abort();
    await expect(abandoned).rejects.toThrow(SnapshotsBusyError);
    expect(slots.waiting).toBe(0);
    expect(waits.armed).toEqual([]);
    held.release();
    expect(slots.inUse).toBe(0);
    // A slot free: given at once, no timer armed.
    (await slots.wait(() => {})).release();
    expect(waits.armed).toEqual([]);
  });
});
