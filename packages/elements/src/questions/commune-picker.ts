/**
 * <olva-commune-picker>: the commune question's control, a WAI-ARIA 1.2 combobox with a
 * listbox popup fed by the collector's `GET /v1/communes` (name, postcode or INSEE code).
 * It renders into its own light DOM, which lies in the shadow root of <olva-survey>: label,
 * control, list and error stay in one root, and the survey's styles apply. The answer is the
 * INSEE code of the commune picked; without the search (no endpoint, offline, collector
 * failing) a typed code is the answer, as the runtime checks its shape.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Strings } from '../strings.js';
import { communeInWords, knowsCommune, lookUpCommune, rememberCommune, searchCommunes, type CommuneMatch } from './commune-search.js';

/** Wait after the last key before searching: one request per pause, not per key. */
const DEBOUNCE_MS = 200;
const CODE = /^(?:\d{5}|2[AB]\d{3})$/;

/** The commune combobox (internal to <olva-survey>; see `renderCommune`). */
export class OlvaCommunePicker extends LitElement {
  static override properties = {
    controlId: { attribute: false },
    value: { attribute: false },
    typed: { attribute: false },
    invalid: { attribute: false },
    required: { attribute: false },
    describedBy: { attribute: false },
    endpoint: { attribute: false },
    strings: { attribute: false },
    _text: { state: true },
    _results: { state: true },
    _open: { state: true },
    _active: { state: true },
    _status: { state: true },
    _notice: { state: true },
  };

  /** Id of the input, which the question's label names. */
  declare controlId: string;
  /** The current answer (an INSEE code, or what was typed when nothing was picked). */
  declare value: string | undefined;
  /** What the respondent last typed, as kept by the survey. */
  declare typed: string | undefined;
  declare invalid: boolean;
  declare required: boolean;
  /** Ids of the question's hint, help and error. */
  declare describedBy: string;
  /** The survey's `endpoint`; without it there is no search. */
  declare endpoint: string | undefined;
  declare strings: Strings;
  /** Called with the new answer and the text shown. */
  onAnswer: (value: string | undefined, typed: string) => void = () => undefined;

  declare private _text: string;
  declare private _results: CommuneMatch[];
  declare private _open: boolean;
  declare private _active: number;
  declare private _status: string;
  declare private _notice: string;

  /** The last answer given to the survey: a different `value` comes from outside (draft, reset). */
  #emitted: string | undefined;
  #initialised = false;
  #focused = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  /** The active option and the list's state at the last draw. */
  #drawnActive = -1;
  #drawnOpen = false;

  constructor() {
    super();
    this.controlId = '';
    this.invalid = false;
    this.required = false;
    this.describedBy = '';
    this._text = '';
    this._results = [];
    this._open = false;
    this._active = -1;
    this._status = '';
    this._notice = '';
  }

  /** Light DOM: the parts belong to the survey's shadow root (labels and ids work across them). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#initialised || (changed.has('value') && this.value !== this.#emitted)) {
      this._text = this.typed ?? (this.value === undefined ? '' : communeInWords(this.value));
      this.#emitted = this.value;
      this.#initialised = true;
      this.#close();
      this._notice = '';
      this.#nameAnswer();
    }
  }

  /** An answer from elsewhere (a resumed draft) shows its commune's name once the collector gives it. */
  #nameAnswer(): void {
    const code = this.value;
    const endpoint = this.endpoint?.trim();
    if (!endpoint || code === undefined || !CODE.test(code) || knowsCommune(code)) return;
    void lookUpCommune(endpoint, code).then((commune) => {
      if (commune && this.value === code && this._text === code) this._text = communeInWords(code);
    });
  }

  protected override updated(): void {
    // The box shows `_text` even where typing made the two differ since the last draw (what
    // Lit's `live()` does, without its weight in the embed).
    const box = this.querySelector<HTMLInputElement>('input.commune');
    if (box && box.value !== this._text) box.value = this._text;
    // Compared with the last draw rather than read from Lit's changed map, whose keys are the
    // state properties' names: the embed's minifier renames those (rollup.config.mjs).
    if (this._active !== this.#drawnActive && this._open && this._active >= 0) {
      this.querySelector(`#${CSS.escape(`${this.controlId}-communes-${this._active}`)}`)?.scrollIntoView({ block: 'nearest' });
    }
    // A list that opens under the fold (on a phone, under the on-screen keyboard) comes into view.
    if (this._open && !this.#drawnOpen) this.querySelector('ul')?.scrollIntoView({ block: 'nearest' });
    this.#drawnActive = this._active;
    this.#drawnOpen = this._open;
  }

  #emit(value: string | undefined, text: string): void {
    this.#emitted = value;
    this.onAnswer(value, text);
  }

  #announce(text: string): void {
    // The same words twice in a row must still be said: make the text differ.
    this._status = this._status === text ? `${text}\u00a0` : text;
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  #close(): void {
    this._open = false;
    this._active = -1;
  }

  #onInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    const query = text.trim();
    this._text = text;
    this._notice = '';
    this.#close();
    this.#emit(query === '' ? undefined : query.toUpperCase(), text);
    this.#cancel();
    this._results = [];
    if (this.endpoint?.trim() && query.length >= 2) this.#timer = setTimeout(() => void this.#search(query), DEBOUNCE_MS);
  };

  async #search(query: string): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    let results: CommuneMatch[];
    try {
      results = await searchCommunes(this.endpoint!.trim(), query, abort.signal);
    } catch {
      if (abort.signal.aborted) return;
      this._notice = this.strings.communeOffline;
      if (this.#focused) this.#announce(this.strings.communeOffline);
      return;
    }
    if (abort.signal.aborted) return;
    for (const commune of results) rememberCommune(commune);
    this._results = results;
    if (!this.#focused) return this.#settle();
    this._active = -1;
    this._open = this.#focused && results.length > 0;
    const code = query.toUpperCase();
    const exact = CODE.test(code) ? results.find((c) => c.code === code) : undefined;
    let said = this.strings.communeResults(results.length);
    if (CODE.test(code) && !exact && results.some((c) => c.postcodes.includes(code))) {
      // A postcode is not an answer: the collector would refuse the response.
      this._notice = this.strings.communePostcode(code);
      said = `${this._notice} ${said}`;
      if (this.#emitted === code) this.#emit(undefined, this._text);
    }
    if (this.#focused) this.#announce(said);
  }

  #pick(commune: CommuneMatch): void {
    const text = communeInWords(commune.code);
    this.#cancel();
    this._text = text;
    this._results = [];
    this._notice = '';
    this.#close();
    this.#emit(commune.code, text);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const count = this._results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!this._open) {
          this._open = true;
          this._active = event.altKey ? -1 : 0;
        } else {
          this._active = (this._active + 1) % count;
        }
        break;
      case 'ArrowUp':
        if (count === 0 || !this._open) return;
        event.preventDefault();
        this._active = this._active <= 0 ? count - 1 : this._active - 1;
        break;
      case 'Enter':
        if (!this._open || this._active < 0 || event.isComposing) return;
        // Picking is not sending the page.
        event.preventDefault();
        event.stopPropagation();
        this.#pick(this._results[this._active]);
        break;
      case 'Escape':
        if (!this._open) return;
        event.preventDefault();
        event.stopPropagation();
        this.#close();
        break;
    }
  };

  #onFocus = (): void => {
    this.#focused = true;
  };

  #onBlur = (): void => {
    this.#focused = false;
    this.#close();
    this.#settle();
  };

  /**
   * The box is left (or its list came after it was: a typist's Enter): the commune the text
   * can only mean, the one found or the one found of that very name (whatever the case), is the answer.
   */
  #settle(): void {
    const text = this._text.trim().toLowerCase();
    const [commune, other] = this._results.filter((c, _, all) => !all[1] || c.name.toLowerCase() === text);
    if (commune && !other) this.#pick(commune);
  }

  protected override render(): TemplateResult {
    const listId = `${this.controlId}-communes`;
    const noticeId = `${this.controlId}-notice`;
    const describedBy = [this.describedBy, this._notice ? noticeId : ''].filter(Boolean).join(' ');
    const active = this._open && this._active >= 0 ? `${listId}-${this._active}` : '';
    return html`${this._notice ? html`<span class="hint notice" id=${noticeId}>${this._notice}</span>` : nothing}
      <input part="input" class="commune" type="text" id=${this.controlId}
        role="combobox" aria-autocomplete="list" aria-expanded=${this._open}
        aria-controls=${listId} aria-activedescendant=${active || nothing}
        autocomplete="off" spellcheck="false" maxlength="100"
        aria-invalid=${this.invalid} aria-required=${this.required}
        aria-describedby=${describedBy || nothing}
        @input=${this.#onInput} @keydown=${this.#onKeydown} @focus=${this.#onFocus} @blur=${this.#onBlur} />
      <ul class="communes" part="listbox" role="listbox" id=${listId} aria-label=${this.strings.communeList} ?hidden=${!this._open}>
        ${this._results.map((c, i) => html`<li role="option" id="${listId}-${i}" part="option"
          aria-selected=${i === this._active}
          @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#pick(c)}
          >${communeInWords(c.code)}</li>`)}
      </ul>
      <span class="visually-hidden" role="status">${this._status}</span>`;
  }
}

/** Registers <olva-commune-picker> once (a second embed on the page keeps the first). */
export function defineCommunePicker(): void {
  if (!customElements.get('olva-commune-picker')) customElements.define('olva-commune-picker', OlvaCommunePicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'olva-commune-picker': OlvaCommunePicker;
  }
}
