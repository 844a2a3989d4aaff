/**
 * Kiosk mode (channel="kiosk"), for a stand at an association fair: after each response the
 * receipt stays a few seconds, then the form starts again, empty, for the next visitor.
 */

/** Seconds the receipt stays when `reset-after` is absent or unreadable. */
export const DEFAULT_RESET_AFTER = 10;

/** Reads `reset-after`: a whole number of seconds, at least 1. */
export function resetDelay(attribute: number | null | undefined): number {
  return typeof attribute === 'number' && Number.isFinite(attribute) && attribute >= 1 ? Math.round(attribute) : DEFAULT_RESET_AFTER;
}

/** A one-second countdown; `onTick` gets the seconds left, `onEnd` runs at zero. */
export class Countdown {
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number, onTick: (left: number) => void, onEnd: () => void): void {
    this.stop();
    let left = seconds;
    onTick(left);
    this.timer = setInterval(() => {
      left -= 1;
      if (left > 0) return onTick(left);
      this.stop();
      onEnd();
    }, 1000);
  }

  /** Stops counting; nothing runs afterwards. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
