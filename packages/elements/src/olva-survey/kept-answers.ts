/**
 * Answers that survive leaving the page: a respondent who follows a link, goes Back past the
 * first step, reloads, or whose phone drops the tab in the background finds the answers again
 * on coming back.
 *
 * Two copies, both through the runtime's `DraftStore`:
 * - the tab's copy, in `sessionStorage`, kept always (web and phone): it lives as long as the
 *   tab, never reaches another tab or a later visit, and is forgotten once the response is sent;
 * - the device's copy, in `localStorage`, only once the respondent asked for "resume later";
 *   after that click every later answer is kept too, not only those of the moment of the click.
 *
 * Both are written when the page is hidden or left (`visibilitychange`, `pagehide`: the last
 * moments a browser reliably gives, on phones included) and at each step.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftStore, type AnswerMap, type Draft, type DraftStorage } from '@olva/runtime';

/** What to keep: the answers and the step shown. */
export interface KeptSnapshot {
  answers: AnswerMap;
  section: string | undefined;
}

/**
 * When this document ran the embed: a copy saved before was left by an earlier document.
 * (Not `performance.timeOrigin`: a reload starts the new document before the old one's
 * `pagehide` writes its copy.)
 */
const DOCUMENT_OPENED = Date.now();

function tabStorage(): DraftStorage | undefined {
  try {
    return (globalThis as { sessionStorage?: DraftStorage }).sessionStorage;
  } catch {
    // Reading sessionStorage throws when the browser blocks storage for the page.
    return undefined;
  }
}

/** Keeps one survey's answers through navigations; `snapshot` reads them (undefined: nothing to keep). */
export class KeptAnswers implements ReactiveController {
  #tab: DraftStore | undefined;
  #device: DraftStore | undefined;
  /** True once the respondent asked to resume later: the device's copy follows every answer. */
  #keepOnDevice = false;

  constructor(host: ReactiveControllerHost, private readonly snapshot: () => KeptSnapshot | undefined) {
    host.addController(this);
  }

  /**
   * Starts keeping the answers of one questionnaire.
   * @param key the draft key (`draftKey(compiled)` and the survey's place on the page)
   * @param tab whether the tab keeps a copy (not in a kiosk, where the next visitor must find nothing)
   * @param device the device's store when "resume later" is offered
   */
  start(key: string, tab: boolean, device: DraftStore | undefined): void {
    const storage = tab ? tabStorage() : undefined;
    this.#tab = storage ? new DraftStore(key, storage) : undefined;
    this.#device = device;
    this.#keepOnDevice = false;
  }

  /**
   * The tab's copy, if the respondent was here before in this tab: only a copy left by an
   * earlier document (this page before a reload, or before the respondent went elsewhere and
   * came back). One written since this document opened belongs to an element the page took
   * away (a page that starts a new response with a new element, a story tool switching
   * stories): its answers must not pass to the next respondent.
   */
  loadTab(): Draft | null {
    const draft = this.#tab?.load() ?? null;
    return draft && Date.parse(draft.savedAt) <= DOCUMENT_OPENED ? draft : null;
  }

  /** From now on, the device's copy follows every answer (after "resume later", or a draft resumed). */
  keepOnDevice(): void {
    this.#keepOnDevice = true;
  }

  /**
   * Writes the copies now.
   * @returns false when the device's copy was wanted and could not be written
   */
  save(): boolean {
    const snapshot = this.snapshot();
    if (!snapshot) return true;
    const empty = Object.keys(snapshot.answers).length === 0;
    if (empty) this.#tab?.clear();
    else this.#tab?.save(snapshot.answers, snapshot.section);
    return this.#keepOnDevice && this.#device ? this.#device.save(snapshot.answers, snapshot.section) : true;
  }

  /** Forgets both copies (the response left the form) and stops following answers on the device. */
  clear(): void {
    this.#tab?.clear();
    this.#device?.clear();
    this.#keepOnDevice = false;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#onLeave);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    this.save();
    window.removeEventListener('pagehide', this.#onLeave);
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #onLeave = (): void => {
    this.save();
  };

  #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.save();
  };
}
