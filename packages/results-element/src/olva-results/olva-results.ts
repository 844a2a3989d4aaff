import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { GroupResults, QuestionFigures, ResultsDocument } from '@olva/analysis';
import { questionChart, svgElement, type ChartLang } from '@olva/charts';
import { localize } from '@olva/runtime';
import { theme } from './theme.js';
import { loadResults, ResultsLoadError } from './load.js';
import { resultsStrings, type ResultsStrings } from './strings.js';
import { dataTables } from './tables.js';

/** What the element shows. */
type View = 'idle' | 'loading' | 'failed' | 'empty' | 'shown';

/**
 * The key figures of a published OLVA results document, for a territory's web site: each
 * question with its chart (SVG, `role="img"`, its values in words) and its data table, every
 * small count hidden as the document hides it ("< 3"). Loading, errors and empty results are
 * said in a live region. French by default, English with `lang="en"`.
 *
 * ```html
 * <script type="module" src="https://…/olva-results.js"></script>
 * <olva-results src="https://collecte.example.org/v1/public/results/commune:35238/2026" lang="fr"></olva-results>
 * ```
 *
 * @tagname olva-results
 * @summary Published OLVA results: charts and data tables.
 *
 * @fires {CustomEvent} olva-results-load - The document is loaded and shown. `detail.questions` (count shown).
 * @fires {CustomEvent} olva-results-error - Loading failed. `detail.message`, `detail.reason` (`fetch`, `not-found`, `format`).
 *
 * @csspart results - The whole.
 * @csspart title - The title.
 * @csspart summary - The number of responses and how to read the figures.
 * @csspart question - The box of one question.
 * @csspart base - The base of a question (respondents), and its small-base warning.
 * @csspart chart - The figure holding a chart.
 * @csspart data - The disclosure holding a data table.
 * @csspart table - A data table.
 * @csspart status - Loading and empty messages.
 * @csspart error - The loading error.
 *
 * @cssprop [--olva-font-family=inherit] - Font of all text (as `<olva-survey>`; all its `--olva-*` tokens apply).
 * @cssprop [--olva-color-text=#1f2328] - Text.
 * @cssprop [--olva-color-text-muted=#545d68] - Notes.
 * @cssprop [--olva-color-border=#6b7280] - Table borders and separators.
 * @cssprop [--olva-color-surface=#f4f5f7] - Table headers.
 * @cssprop [--olva-color-primary=#1f4fbf] - The "data table" disclosure.
 * @cssprop [--olva-chart-bar=#3b7bb3] - Bars of shares (see `@olva/charts` for every `--olva-chart-*`).
 */
export class OlvaResults extends LitElement {
  static override styles = theme;

  static override properties = {
    src: { type: String },
    lang: { type: String, reflect: true },
    territory: { type: String },
    wave: { type: String },
    questions: { type: String },
    heading: { type: String },
    results: { attribute: false },
    _view: { state: true },
    _failure: { state: true },
  };

  /** URL of the results document: a static `results.json`, or the collector's `/v1/public/results/<level:code>/<wave>`. Fetched without cookies. */
  declare src: string | undefined;
  /** `fr` (default) or `en`. */
  declare lang: string;
  /** The group to show, `level:code`, when the document holds several (default: the first). */
  declare territory: string | undefined;
  /** The wave to show when the document holds several. */
  declare wave: string | undefined;
  /** Question ids to show, in this order, separated by spaces or commas (default: all). */
  declare questions: string | undefined;
  /** The title (default: "Résultats : <territory>, vague <wave>"). */
  declare heading: string | undefined;
  /** The results document itself, instead of `src`. */
  declare results: ResultsDocument | undefined;
  declare _view: View;
  declare _failure: ResultsLoadError | null;

  #abort: AbortController | null = null;
  #charts = new Map<string, SVGElement | null>();

  constructor() {
    super();
    this.lang = 'fr';
    this._view = 'idle';
    this._failure = null;
  }

  private get locale(): ChartLang {
    return this.lang?.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  private get strings(): ResultsStrings {
    return resultsStrings(this.locale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src && !changed.has('results')) void this.load(this.src);
    if (changed.has('results') && this.results) this._view = 'shown';
    if (changed.has('results') || changed.has('lang') || changed.has('territory') || changed.has('wave') || changed.has('questions')) {
      this.#charts.clear();
      if (this.results && this._view !== 'loading') this._view = this.shownQuestions().length ? 'shown' : 'empty';
    }
  }

  private async load(src: string): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this._view = 'loading';
    this._failure = null;
    try {
      const doc = await loadResults(src, abort.signal);
      if (abort.signal.aborted) return;
      this._view = 'idle';
      this.results = doc;
      await this.updateComplete;
      this.dispatchEvent(new CustomEvent('olva-results-load', { bubbles: true, composed: true, detail: { questions: this.shownQuestions().length } }));
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = error instanceof ResultsLoadError ? error : new ResultsLoadError('fetch', String(error));
      this._failure = failure;
      this._view = 'failed';
      this.dispatchEvent(new CustomEvent('olva-results-error', { bubbles: true, composed: true, detail: { message: failure.message, reason: failure.reason } }));
    }
  }

  /** The group the attributes select, or the first. */
  private group(): GroupResults | undefined {
    const groups = this.results?.groups ?? [];
    const [level, code] = (this.territory ?? '').split(':');
    return groups.find((g) => (!this.territory || (g.territory.level === level && g.territory.code === code)) && (!this.wave || g.wave === this.wave));
  }

  private shownQuestions(): QuestionFigures[] {
    const all = this.group()?.questions ?? [];
    const ids = (this.questions ?? '').split(/[\s,]+/).filter(Boolean);
    if (!ids.length) return all;
    return ids.map((id) => all.find((q) => q.id === id)).filter((q): q is QuestionFigures => !!q);
  }

  /** The chart of a question, built once per document and language (DOM, no HTML parsing). */
  private chart(q: QuestionFigures, index: number): SVGElement | null {
    if (!this.#charts.has(q.id)) {
      const node = questionChart(q, { lang: this.locale, rules: this.results!.rules, id: `olva-chart-${index}`, width: 560 });
      this.#charts.set(q.id, node ? svgElement(node, this.ownerDocument) : null);
    }
    return this.#charts.get(q.id) ?? null;
  }

  private renderQuestion(q: QuestionFigures, index: number): TemplateResult {
    const s = this.strings;
    const lang = this.locale;
    const rules = this.results!.rules;
    const label = localize(q.label, lang);
    const heading = `olva-q-${index}`;
    if (q.status === 'withheld') {
      return html`<section part="question" class="question" aria-labelledby=${heading}>
        <h3 id=${heading}>${label}</h3><p part="base" class="note">${q.withheldReason === 'filter-suppressed' ? s.withheldFilter : s.withheld(rules.minBase)}</p></section>`;
    }
    const chart = this.chart(q, index);
    return html`<section part="question" class="question" aria-labelledby=${heading}>
      <h3 id=${heading}>${label}</h3>
      <p part="base" class="note">${q.base ? s.base(q.base.answered, q.base.asked) : nothing}
        ${q.status === 'small' ? html`<strong>${s.smallBase}</strong>` : nothing}
        ${q.kind === 'multiple' ? s.multiple : nothing}</p>
      ${chart ? html`<figure part="chart">${chart}</figure>` : nothing}
      <details part="data"><summary>${s.showTable}</summary>
        <div class="table" role="region" tabindex="0" aria-labelledby=${heading}>${dataTables(q, label, lang, s, rules.minCell)}</div>
      </details>
    </section>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const s = this.strings;
    switch (this._view) {
      case 'idle':
        return this.src || this.results ? nothing : html`<p part="status" class="note">${s.noSource}</p>`;
      case 'loading':
        return html`<p part="status" class="note">${s.loading}</p>`;
      case 'failed': {
        const reason = this._failure?.reason;
        return html`<p part="error" class="error" role="alert">${reason === 'not-found' ? s.notPublished : reason === 'format' ? s.notResults : s.failed}</p>`;
      }
      case 'empty':
        return html`<p part="status" class="note">${s.empty}</p>`;
      case 'shown': {
        const group = this.group()!;
        const title = this.heading || s.title(s.territory(group.territory.level, group.territory.code), group.wave);
        return html`<h2 part="title" id="olva-results-title">${title}</h2>
          <p part="summary" class="note">${s.responses(group.responses)} ${s.method(this.results!.rules.minCell)}</p>
          ${this.shownQuestions().map((q, i) => this.renderQuestion(q, i))}`;
      }
    }
  }

  /** What the live region says for the current state (errors are said by their role="alert"). */
  private liveText(): string {
    const s = this.strings;
    if (this._view === 'loading') return s.loading;
    if (this._view === 'empty') return s.empty;
    if (this._view === 'shown') return s.loaded(this.shownQuestions().length);
    return '';
  }

  protected override render(): TemplateResult {
    // The live region stays outside the busy part: a screen reader holds back what changes
    // inside an aria-busy element, and "loading" must be said.
    return html`<div role="status" class="visually-hidden">${this.liveText()}</div>
      <div part="results" aria-busy=${this._view === 'loading' ? 'true' : 'false'}>${this.renderBody()}</div>`;
  }
}
