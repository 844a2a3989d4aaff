/**
 * Kiosk mode (channel="kiosk"), for a stand at an association fair: after each response the
 * receipt stays long enough to note or copy its number, then the form starts again, empty, for
 * the next visitor. The countdown waits while the receipt is looked at (pointer over it, or
 * keyboard focus in it). A visitor who walks away mid-form must not leave their answers to the
 * next one: after `idle-after` seconds without a touch or a key, a warning counts `reset-after`
 * seconds down (WCAG 2.2.1: a simple action keeps the form), then the form starts again. Each
 * start asks the wave again: a kiosk outlives the collection's closing; on the closed notice it
 * asks every `idle-after` seconds, and starts again once the wave reopens.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Announcer } from './announcer.js';
import type { ReceiptOptions } from './receipt.js';

/** Seconds the receipt stays when `reset-after` is absent or unreadable: time to copy a 36-character number. */
export const DEFAULT_RESET_AFTER = 30;

/** Seconds without a touch or a key, mid-form, before the kiosk warns that it will start again. */
export const DEFAULT_IDLE_AFTER = 120;

/** Reads `reset-after` (or `idle-after`, with its own default): a whole number of seconds, at least 1. */
export function resetDelay(attribute: number | null | undefined, fallback = DEFAULT_RESET_AFTER): number {
  return typeof attribute === 'number' && Number.isFinite(attribute) && attribute >= 1 ? Math.round(attribute) : fallback;
}

/** What the kiosk reads of the survey. */
export interface KioskSurvey {
  /** The `idle-after` and `reset-after` attributes. */
  delays(): [idle: number | undefined, reset: number | undefined];
  /** True in a kiosk when a visitor left answers in the form (a page past the first holds some: its first page's required ones). */
  used(): boolean;
  /** Empties the form for the next visitor, and asks the collector again whether the wave still takes it (decision 0015). */
  restart(): void;
}

/** Events that say a visitor is there; a click or a key also keeps the form when it warns. */
const PRESENCE = ['pointerdown', 'keydown', 'click'];

/** A one-second countdown that can wait; `onTick` gets the seconds left, `onEnd` runs at zero. */
export class Countdown {
  // Private fields: the embed's minifier shortens their names, not those of public ones.
  #timer: ReturnType<typeof setInterval> | undefined;
  #left = 0;
  #onTick: (left: number) => void = () => undefined;
  #onEnd: () => void = () => undefined;
  #held = false;
  readonly #holds = new Set<string>();

  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number, onTick: (left: number) => void, onEnd: () => void): void {
    this.stop();
    this.#left = seconds;
    this.#onTick = onTick;
    this.#onEnd = onEnd;
    onTick(seconds);
    this.#run();
  }

  /** True while held: the count does not move. */
  get paused(): boolean {
    return this.#held;
  }

  /** Holds the count where it is (no-op when not counting). */
  pause(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#held = true;
  }

  /** Counts on from where it was held, with the full seconds it had left. */
  resume(): void {
    if (!this.#held) return;
    this.#held = false;
    this.#onTick(this.#left);
    this.#run();
  }

  /**
   * Holds the count for one reason (the pointer over the receipt, the focus in it), or
   * releases that reason; the count moves again once no reason holds it.
   * @returns what changed: 'paused', 'resumed', or null
   */
  hold(reason: string, held: boolean): 'paused' | 'resumed' | null {
    if (held) this.#holds.add(reason);
    else this.#holds.delete(reason);
    const hold = this.#holds.size > 0;
    if (hold === this.#held || (hold && this.#timer === undefined)) return null;
    if (hold) this.pause();
    else this.resume();
    return hold ? 'paused' : 'resumed';
  }

  /** Stops counting; nothing runs afterwards. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#held = false;
    this.#holds.clear();
  }

  #run(): void {
    this.#timer = setInterval(() => {
      if (--this.#left > 0) return this.#onTick(this.#left);
      this.stop();
      this.#onEnd();
    }, 1000);
  }
}

/** One survey's kiosk: the receipt's countdown, said when it waits or counts on, then `restart`. */
export class KioskReset implements ReactiveController {
  #countdown = new Countdown();
  #secondsLeft = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;
  #ask: ReturnType<typeof setTimeout> | undefined;
  /** The form warns that it will start again (a visitor was away). */
  #warning = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #voice: Announcer;
  readonly #survey: KioskSurvey;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    voice: Announcer,
    survey: KioskSurvey,
  ) {
    this.#host = host;
    this.#voice = voice;
    this.#survey = survey;
    host.addController(this);
    // On the survey, before its controls see them: the visitor is there.
    for (const type of PRESENCE) host.addEventListener(type, this.#present, true);
  }

  /** Nothing to start: the watch starts with a touch or a key. */
  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** The receipt is shown: the form starts again after `reset-after` seconds. */
  start(): void {
    this.#count();
  }

  /** No countdown, no warning (a new questionnaire, or the form started again). */
  stop(): void {
    this.#countdown.stop();
    clearTimeout(this.#idle);
    clearTimeout(this.#ask);
    this.#warning = false;
  }

  /** The collection is closed: `ask` runs after `idle-after` seconds, whatever the touches meanwhile. */
  recheck(ask: () => void): void {
    this.#ask = setTimeout(ask, this.#idleAfter());
  }

  /** `idle-after`, in milliseconds. */
  #idleAfter(): number {
    return resetDelay(this.#survey.delays()[0], DEFAULT_IDLE_AFTER) * 1000;
  }

  /** Counts `reset-after` seconds down, then starts again. */
  #count(): void {
    this.#countdown.start(resetDelay(this.#survey.delays()[1]), (left) => {
      this.#secondsLeft = left;
      this.#host.requestUpdate();
    }, () => this.#survey.restart());
  }

  /** A touch or a key: the visitor is there; the watch starts over, and a click or a key keeps the form. */
  #present = (event: Event): void => {
    if (this.#warning) {
      if (event.type === 'pointerdown') return;
      this.stop();
      this.#host.requestUpdate();
    }
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => {
      if (!this.#survey.used()) return;
      this.#warning = true;
      this.#count();
      const left = this.#secondsLeft;
      this.#voice.announce((s) => s.kioskReset(left));
    }, this.#idleAfter());
  };

  /** The warning of a form left alone: the seconds left, and the button that keeps it. */
  renderWarning(): TemplateResult | typeof nothing {
    return this.#warning
      ? html`<p class="notice idle" part="notice">${this.#voice.strings.kioskReset(this.#secondsLeft)} <button type="button" part="button">${this.#voice.strings.kioskStay}</button></p>`
      : nothing;
  }

  /** What the receipt shows of the kiosk: the seconds left, whether they wait, the button to start now. */
  receipt(): NonNullable<ReceiptOptions['kiosk']> {
    return { secondsLeft: this.#secondsLeft, paused: this.#countdown.paused, onNew: () => this.#survey.restart(), onHold: this.#hold };
  }

  /** The receipt is looked at, or no longer: the countdown waits, or counts on; either is said. */
  #hold = (how: 'pointer' | 'focus', held: boolean): void => {
    const change = this.#countdown.hold(how, held);
    if (change === 'paused') this.#voice.announce((_, flow) => flow.kioskPaused);
    else if (change === 'resumed') {
      const left = this.#secondsLeft;
      this.#voice.announce((s) => s.kioskReset(left));
    }
    if (change) this.#host.requestUpdate();
  };
}
