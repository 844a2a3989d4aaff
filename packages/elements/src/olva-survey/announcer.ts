/**
 * What the survey says and where it puts the focus: the live region (words said to a screen
 * reader), the notice above the buttons, and the focus moved to a heading, an error or the
 * first box after a page changes.
 *
 * Words are kept as functions of the strings, not as text, so that they follow the language
 * shown: switching `lang` says them again in the new language.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Locale } from '@olva/runtime';
import { stringsFor, type Strings } from '../strings.js';
import { flowStrings, type FlowStrings } from './flow-strings.js';
import { reachable } from './paper-entry.js';

/** Words said to the respondent, taken from the strings of the language shown when they are shown. */
export type Words = (strings: Strings, flow: FlowStrings) => string;

/** A message shown above the buttons (and said in the live region). */
export interface Notice {
  kind: 'info' | 'error';
  words: Words;
}

/** What the live region says; `again` alternates so that the same words twice are said twice. */
interface Live {
  words: Words;
  again: boolean;
}

/** The element the announcer speaks for: it renders into `renderRoot`. */
export type AnnouncerHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/** One survey's live region, notice and focus moves; `locale` is the language shown. */
export class Announcer implements ReactiveController {
  #live: Live | null = null;
  #notice: Notice | null = null;

  readonly #host: AnnouncerHost;
  readonly #locale: () => Locale;

  constructor(host: AnnouncerHost, locale: () => Locale) {
    this.#host = host;
    this.#locale = locale;
    host.addController(this);
  }

  /** Nothing to open: the controller only needs the host's updates. */
  hostConnected(): void {}

  /** The interface strings of the language shown. */
  get strings(): Strings {
    return stringsFor(this.#locale());
  }

  /** The survey-flow strings of the language shown. */
  get flow(): FlowStrings {
    return flowStrings(this.#locale());
  }

  /** Says `words` in the live region. */
  announce(words: Words): void {
    // The same words twice in a row must still be said: make the text differ.
    this.#live = { words, again: !this.#live?.again };
    this.#host.requestUpdate();
  }

  /** Shows a notice above the buttons and says it. */
  notify(kind: Notice['kind'], words: Words): void {
    this.#notice = { kind, words };
    this.#host.requestUpdate();
    this.announce(words);
  }

  /** Takes the notice away (another page, a new response). */
  clearNotice(): void {
    if (this.#notice === null) return;
    this.#notice = null;
    this.#host.requestUpdate();
  }

  /** Focuses the element of `id` once the page shows it. */
  async focus(id: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  }

  /** Focuses the first control a typist can reach (data entry goes straight on typing). */
  async focusFirstInput(): Promise<void> {
    await this.#host.updateComplete;
    reachable(this.#host.renderRoot, '[part~="input"]')[0]?.focus();
  }

  /** The live region, always in the page so that what is put in it is said. */
  renderLive(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#liveText()}</div>`;
  }

  /** The notice, if any. */
  renderNotice(): TemplateResult | typeof nothing {
    const notice = this.#notice;
    if (!notice) return nothing;
    return html`<p class="notice ${notice.kind === 'error' ? 'error' : ''}" part="notice">${notice.words(this.strings, this.flow)}</p>`;
  }

  #liveText(): string {
    const live = this.#live;
    return live ? `${live.words(this.strings, this.flow)}${live.again ? '\u00a0' : ''}` : '';
  }
}
