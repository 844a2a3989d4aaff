/**
 * "Resume later" (the `resume` attribute, web only): the "Reprendre plus tard" button keeps the
 * answers on this device, and a respondent who comes back is offered the draft: resume it, or
 * start again. The copies themselves are written by `KeptAnswers`; this controller holds the
 * device's store, the offer and the buttons.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DraftStore, draftKey, type CompiledQuestionnaire, type Draft } from '@olva/runtime';
import type { Announcer } from './announcer.js';
import type { KeptAnswers } from './kept-answers.js';

/** What the survey does when the respondent answers the offer. */
export interface DraftActions {
  /** Puts the draft's answers back and shows its step. */
  resume(draft: Draft): void;
  /** Starts afresh: the focus goes to the first page. */
  discarded(): void;
}

/** One survey's "resume later" store and the offer of a draft found on the device. */
export class Drafts implements ReactiveController {
  #store: DraftStore | undefined;
  #offered: Draft | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #voice: Announcer;
  readonly #kept: KeptAnswers;
  readonly #actions: DraftActions;

  constructor(
    host: ReactiveControllerHost,
    voice: Announcer,
    kept: KeptAnswers,
    actions: DraftActions,
  ) {
    this.#host = host;
    this.#voice = voice;
    this.#kept = kept;
    this.#actions = actions;
    host.addController(this);
  }

  /** Nothing to open: the store is opened with each questionnaire. */
  hostConnected(): void {}

  /**
   * Opens the device's store of a questionnaire when "resume later" is offered, and reads the
   * draft to offer.
   * @returns the store (undefined when not offered), for `KeptAnswers`
   */
  start(questionnaire: CompiledQuestionnaire, offered: boolean): DraftStore | undefined {
    this.#store = offered ? new DraftStore(draftKey(questionnaire)) : undefined;
    this.#setOffered(this.#store?.load() ?? null);
    return this.#store;
  }

  /** Whether "Reprendre plus tard" is offered. */
  get available(): boolean {
    return this.#store !== undefined;
  }

  /**
   * The tab's answers came back: a draft of the device was made in this tab, so go on
   * following it rather than offer it.
   */
  followInTab(): void {
    if (!this.#offered) return;
    this.#setOffered(null);
    this.#kept.keepOnDevice();
  }

  /** The response left the form: nothing to offer. */
  withdraw(): void {
    this.#setOffered(null);
  }

  /** "Reprendre plus tard": keeps the answers on the device, from now on, and says whether it could. */
  save = (): void => {
    this.#kept.keepOnDevice();
    const saved = this.#store !== undefined && this.#kept.save();
    this.#voice.notify(saved ? 'info' : 'error', (s) => (saved ? s.draftSaved : s.draftNotSaved));
  };

  /** The offer, above the first page. */
  renderOffer(): TemplateResult | typeof nothing {
    const draft = this.#offered;
    if (!draft) return nothing;
    const strings = this.#voice.strings;
    return html`<div class="notice" part="notice">
      <p>${strings.draftFound(new Date(draft.savedAt))}</p>
      <div class="actions">
        <button type="button" part="button button-primary" class="primary" @click=${this.#resume}>${strings.resumeDraft}</button>
        <button type="button" part="button" @click=${this.#discard}>${strings.discardDraft}</button>
      </div>
    </div>`;
  }

  #setOffered(draft: Draft | null): void {
    this.#offered = draft;
    this.#host.requestUpdate();
  }

  #resume = (): void => {
    const draft = this.#offered;
    if (!draft) return;
    this.#setOffered(null);
    this.#kept.keepOnDevice();
    this.#actions.resume(draft);
  };

  #discard = (): void => {
    this.#store?.clear();
    this.#setOffered(null);
    this.#actions.discarded();
  };
}
