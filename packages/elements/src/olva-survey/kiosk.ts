/**
 * Kiosk mode (channel="kiosk"), for a stand at an association fair: after each response the
 * receipt stays long enough to note or copy its number, then the form starts again, empty, for
 * the next visitor. The countdown waits while the receipt is looked at (pointer over it, or
 * keyboard focus in it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Announcer } from './announcer.js';
import type { ReceiptOptions } from './receipt.js';

/** Seconds the receipt stays when `reset-after` is absent or unreadable: time to copy a 36-character number. */
export const DEFAULT_RESET_AFTER = 30;

/** Reads `reset-after`: a whole number of seconds, at least 1. */
export function resetDelay(attribute: number | null | undefined): number {
  return typeof attribute === 'number' && Number.isFinite(attribute) && attribute >= 1 ? Math.round(attribute) : DEFAULT_RESET_AFTER;
}

/** A one-second countdown that can wait; `onTick` gets the seconds left, `onEnd` runs at zero. */
export class Countdown {
  private timer: ReturnType<typeof setInterval> | undefined;
  private left = 0;
  private onTick: (left: number) => void = () => undefined;
  private onEnd: () => void = () => undefined;
  private held = false;
  private readonly holds = new Set<string>();

  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number, onTick: (left: number) => void, onEnd: () => void): void {
    this.stop();
    this.left = seconds;
    this.onTick = onTick;
    this.onEnd = onEnd;
    onTick(this.left);
    this.run();
  }

  /** True while held: the count does not move. */
  get paused(): boolean {
    return this.held;
  }

  /** Holds the count where it is (no-op when not counting). */
  pause(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.held = true;
  }

  /** Counts on from where it was held, with the full seconds it had left. */
  resume(): void {
    if (!this.held) return;
    this.held = false;
    this.onTick(this.left);
    this.run();
  }

  /**
   * Holds the count for one reason (the pointer over the receipt, the focus in it), or
   * releases that reason; the count moves again once no reason holds it.
   * @returns what changed: 'paused', 'resumed', or null
   */
  hold(reason: string, held: boolean): 'paused' | 'resumed' | null {
    if (held) this.holds.add(reason);
    else this.holds.delete(reason);
    const hold = this.holds.size > 0;
    if (hold === this.held || (hold && this.timer === undefined)) return null;
    if (hold) this.pause();
    else this.resume();
    return hold ? 'paused' : 'resumed';
  }

  /** Stops counting; nothing runs afterwards. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.held = false;
    this.holds.clear();
  }

  private run(): void {
    this.timer = setInterval(() => {
      this.left -= 1;
      if (this.left > 0) return this.onTick(this.left);
      this.stop();
      this.onEnd();
    }, 1000);
  }
}

/** One survey's kiosk: the receipt's countdown, said when it waits or counts on, then `restart`. */
export class KioskReset implements ReactiveController {
  #countdown = new Countdown();
  #secondsLeft = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly voice: Announcer,
    private readonly restart: () => void,
  ) {
    host.addController(this);
  }

  /** Nothing to start: the countdown starts with a receipt. */
  hostConnected(): void {}

  hostDisconnected(): void {
    this.#countdown.stop();
  }

  /** The receipt is shown: the form starts again after `reset-after` seconds. */
  start(resetAfter: number | undefined): void {
    this.#countdown.start(resetDelay(resetAfter), (left) => {
      this.#secondsLeft = left;
      this.host.requestUpdate();
    }, () => this.restart());
  }

  /** No countdown (a new questionnaire, or the form started again). */
  stop(): void {
    this.#countdown.stop();
  }

  /** What the receipt shows of the kiosk: the seconds left, whether they wait, the button to start now. */
  receipt(): NonNullable<ReceiptOptions['kiosk']> {
    return { secondsLeft: this.#secondsLeft, paused: this.#countdown.paused, onNew: () => this.restart(), onHold: this.#hold };
  }

  /** The receipt is looked at, or no longer: the countdown waits, or counts on; either is said. */
  #hold = (how: 'pointer' | 'focus', held: boolean): void => {
    const change = this.#countdown.hold(how, held);
    if (change === 'paused') this.voice.announce((_, flow) => flow.kioskPaused);
    else if (change === 'resumed') {
      const left = this.#secondsLeft;
      this.voice.announce((s) => s.kioskReset(left));
    }
    if (change) this.host.requestUpdate();
  };
}
