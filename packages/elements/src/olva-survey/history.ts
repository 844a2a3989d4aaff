/**
 * The steps of a survey in the browser's history, so that the Back button (or a phone's back
 * gesture) goes to the previous step instead of leaving the page with the answers, and
 * Forward to a step already visited.
 *
 * Each step is a history entry made with `pushState`, the page's URL untouched: the step lives
 * in the entry's state only, under `olva`, keyed by the survey (several surveys may share a
 * page), beside whatever state the page keeps there itself. Coming back to the page from
 * another one (its entry still holds the step) shows that step again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isJsonObject } from '@olva/schema';

/** A step of the survey: a section id, or `review`. */
export type Step = string;

/** Where the surveys keep their steps in `history.state`. */
const FIELD = 'olva';

type StepMap = Record<string, Step>;


/** The steps recorded in a history state, by survey key. */
function stepsIn(state: unknown): StepMap {
  const steps = isJsonObject(state) ? state[FIELD] : undefined;
  return isJsonObject(steps) ? steps as StepMap : {};
}

/** One survey's steps in the history; `onStep` shows a step reached by Back or Forward. */
export class StepHistory implements ReactiveController {
  /** Identifies the survey among the page's entries; set when its questionnaire starts. */
  key: string | undefined;
  /**
   * Whether a step gets an entry of its own; false in a kiosk, whose steps only replace the
   * current entry. Its visitors share one tab: the entries pushed for one visitor would let the
   * next walk Back through the previous visitor's pages. Going back over them at the restart
   * (`history.go(-n)`) leaves them reachable by Forward until the next push, and needs the
   * entry's position, which the History API does not give (a visitor may have gone Back, or
   * jumped several entries from Back's menu); replacing leaves nothing to reach, in Chromium as
   * anywhere. A visitor steps back with the form's Previous button.
   */
  pushes = true;

  constructor(host: ReactiveControllerHost, private readonly onStep: (step: Step) => void) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** The step the current history entry holds for this survey (after a reload, or Back from another page). */
  current(): Step | undefined {
    return this.key === undefined ? undefined : stepsIn(history.state)[this.key];
  }

  /** Records `step` in the current entry (the first step shown, or a step that replaces another). */
  replace(step: Step): void {
    const state = this.#stateWith(step);
    if (state !== undefined) history.replaceState(state, '');
  }

  /** Adds an entry for `step`, the one Back leaves (a kiosk replaces the current one: see `pushes`). */
  push(step: Step): void {
    if (!this.pushes) return this.replace(step);
    if (this.current() === step) return;
    const state = this.#stateWith(step);
    if (state !== undefined) history.pushState(state, '');
  }

  /**
   * The current state with this survey's step set, the page's own state and other surveys'
   * steps kept; undefined when the page keeps a state that is not an object (left alone).
   */
  #stateWith(step: Step): Record<string, unknown> | undefined {
    const state: unknown = history.state;
    if (this.key === undefined || (state !== null && state !== undefined && !isJsonObject(state))) return undefined;
    return { ...(state ?? {}), [FIELD]: { ...stepsIn(state), [this.key]: step } };
  }

  #onPopState = (event: PopStateEvent): void => {
    if (this.key === undefined) return;
    const step = stepsIn(event.state)[this.key];
    // An entry without this survey's step belongs to the page (its own router): leave the survey as it is.
    if (step !== undefined) this.onStep(step);
  };
}
