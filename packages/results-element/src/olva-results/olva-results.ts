import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import type { GroupResults, QuestionFigures, ResultsDocument } from '@olva/analysis';
import { COMPARISON_KINDS, percent, questionChart, svgElement, type ChartLang, type ComparisonKind } from '@olva/charts';
import { localize } from '@olva/runtime';
import { adoptTheme } from './styles.js';
import { loadResults, ResultsLoadError } from './load.js';
import { resultsStrings, type ResultsStrings } from './strings.js';
import { dataTables } from './tables.js';
import { chartComparisons, comparisonSentence, comparisonTable, questionComparisons, type QuestionComparison } from './comparisons.js';

/** The attributes of the element besides `src` and `lang`, each also a property. */
const ATTRIBUTES = ['territory', 'wave', 'questions', 'heading', 'comparisons'] as const;

/** What the element shows. */
type View = 'idle' | 'loading' | 'failed' | 'empty' | 'shown';

/**
 * The key figures of a published OLVA results document, for a territory's web site: each
 * question with its chart (SVG, `role="img"`, its values in words) and its data table, every
 * small count hidden as the document hides it ("< 3"). Loading, errors and empty results are
 * said in a live region. French by default, English with `lang="en"`.
 *
 * ```html
 * <script type="module" src="https://collecte.example.org/results-embed/olva-results.js"></script>
 * <olva-results src="https://collecte.example.org/v1/public/results/commune:35238/2026" lang="fr"></olva-results>
 * ```
 *
 * @tagname olva-results
 * @summary Published OLVA results: charts and data tables.
 *
 * @attr {string} src - URL of the results document (a static file, or the collector's public results).
 * @attr {string} territory - The group to show, `level:code`, when the document holds several.
 * @attr {string} wave - The wave to show when the document holds several.
 * @attr {string} questions - Question ids to show, in this order (default: all).
 * @attr {string} heading - The title.
 * @attr {string} comparisons - `none`, or the comparisons to show among `previous-wave national network` (default: all the document has).
 * @attr {"fr" | "en"} lang - The language (French by default).
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
 * @csspart comparison - One comparison of a question, in a sentence beside its chart.
 * @csspart comparisons - The comparisons' data table (also `table`).
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
 * @cssprop [--olva-chart-font=inherit] - Font of the charts' text.
 * @cssprop [--olva-chart-text=#1b1b1b] - Charts' text, the median's line and the comparison marks.
 * @cssprop [--olva-chart-muted=#595959] - Charts' secondary text.
 * @cssprop [--olva-chart-grid=#d0d0d0] - Charts' grid lines.
 * @cssprop [--olva-chart-bar=#3b7bb3] - Bars of shares.
 * @cssprop [--olva-chart-interval=#1b1b1b] - Confidence intervals on the bars.
 * @cssprop [--olva-chart-box=#dce8f3] - Quartile boxes of numbers.
 * @cssprop [--olva-chart-hidden=#767676] - Segments of hidden counts ("masqué").
 * @cssprop [--olva-chart-series-0=#1f4e79] - First series of stacked bars (matrices).
 * @cssprop [--olva-chart-series-1=#8a3b12] - Second series.
 * @cssprop [--olva-chart-series-2=#2e6b30] - Third series.
 * @cssprop [--olva-chart-series-3=#6b2f7a] - Fourth series.
 * @cssprop [--olva-chart-series-4=#005f66] - Fifth series.
 * @cssprop [--olva-chart-series-5=#7a5a00] - Sixth series.
 * @cssprop [--olva-chart-series-6=#a3195b] - Seventh series.
 * @cssprop [--olva-chart-series-7=#4d4d4d] - Eighth series (then the palette starts again).
 */
export class OlvaResults extends HTMLElement {
  /** The attributes followed (each also a property); `lang` is the element's own. */
  static observedAttributes = ['src', 'lang', ...ATTRIBUTES];

  /** URL of the results document: a static `results.json`, or the collector's `/v1/public/results/<level:code>/<wave>`. Fetched without cookies. */
  declare src: string | undefined;
  /** The group to show, `level:code`, when the document holds several (default: the first). */
  declare territory: string | undefined;
  /** The wave to show when the document holds several. */
  declare wave: string | undefined;
  /** Question ids to show, in this order, separated by spaces or commas (default: all). */
  declare questions: string | undefined;
  /** The title (default: "Résultats : Rennes, vague 2026", the document's `territoryName`, else "commune 35238"). */
  declare heading: string | undefined;
  /**
   * The comparisons to show when the document has them: `none`, or some of `previous-wave`,
   * `national`, `network` separated by spaces or commas (default: all).
   */
  declare comparisons: string | undefined;

  #root = this.attachShadow({ mode: 'open' });
  #results: ResultsDocument | undefined;
  #view: View = 'idle';
  #failure: ResultsLoadError | null = null;
  #abort: AbortController | null = null;
  #charts = new Map<string, SVGElement | null>();
  #queued = false;

  constructor() {
    super();
    adoptTheme(this.#root);
  }

  /** The results document itself, instead of `src`. */
  get results(): ResultsDocument | undefined {
    return this.#results;
  }

  set results(doc: ResultsDocument | undefined) {
    this.#results = doc;
    if (doc) this.#view = 'shown';
    this.#refresh();
  }

  get #locale(): ChartLang {
    return this.lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  get #strings(): ResultsStrings {
    return resultsStrings(this.#locale);
  }

  connectedCallback(): void {
    // Said in French unless told otherwise: the host says so to screen readers.
    if (!this.lang) this.lang = 'fr';
    this.#update();
  }

  disconnectedCallback(): void {
    this.#abort?.abort();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'src') {
      if (value) void this.#load(value);
    } else this.#refresh();
  }

  /** The group, questions, language or comparisons changed: charts are built again. */
  #refresh(): void {
    this.#charts.clear();
    if (this.#results && this.#view !== 'loading') this.#view = this.#shownQuestions().length ? 'shown' : 'empty';
    this.#update();
  }

  /** Renders once per task, whatever changed in it (lit-html updates only what differs). */
  #update(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      render(this.#template(), this.#root);
    });
  }

  async #load(src: string): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#view = 'loading';
    this.#failure = null;
    this.#update();
    try {
      const doc = await loadResults(src, abort.signal);
      if (abort.signal.aborted) return;
      this.#view = 'idle';
      this.results = doc;
      // The render queued by `results` runs before this continuation: the event follows it.
      await null;
      this.dispatchEvent(new CustomEvent('olva-results-load', { bubbles: true, composed: true, detail: { questions: this.#shownQuestions().length } }));
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = error instanceof ResultsLoadError ? error : new ResultsLoadError('fetch', String(error));
      this.#failure = failure;
      this.#view = 'failed';
      this.#update();
      this.dispatchEvent(new CustomEvent('olva-results-error', { bubbles: true, composed: true, detail: { message: failure.message, reason: failure.reason } }));
    }
  }

  /** The group the attributes select, or the first. */
  #group(): GroupResults | undefined {
    const groups = this.#results?.groups ?? [];
    const [level, code] = (this.territory ?? '').split(':');
    return groups.find((g) => (!this.territory || (g.territory.level === level && g.territory.code === code)) && (!this.wave || g.wave === this.wave));
  }

  #shownQuestions(): QuestionFigures[] {
    const all = this.#group()?.questions ?? [];
    const ids = (this.questions ?? '').split(/[\s,]+/).filter(Boolean);
    if (!ids.length) return all;
    return ids.map((id) => all.find((q) => q.id === id)).filter((q): q is QuestionFigures => !!q);
  }

  /** The comparisons the `comparisons` attribute asks for. */
  #kinds(): ComparisonKind[] {
    const asked = (this.comparisons ?? '').split(/[\s,]+/).filter(Boolean);
    return COMPARISON_KINDS.filter((k) => !asked.length || asked.includes(k));
  }

  /**
   * The chart of a question, built once per document and language (DOM, no HTML parsing),
   * its compared shares marked on its bars; its description also says the sentences beside it.
   */
  #chart(q: QuestionFigures, index: number, compared: QuestionComparison[], sentences: string[]): SVGElement | null {
    if (!this.#charts.has(q.id)) {
      const node = questionChart(q, { lang: this.#locale, rules: this.#results!.rules, id: `olva-chart-${index}`, width: 560, comparisons: chartComparisons(compared) });
      const svg = node ? svgElement(node, this.ownerDocument) : null;
      if (sentences.length) svg?.querySelector('desc')?.append(` ${sentences.join(' ')}`);
      this.#charts.set(q.id, svg);
    }
    return this.#charts.get(q.id) ?? null;
  }

  #renderQuestion(q: QuestionFigures, index: number): TemplateResult {
    const s = this.#strings;
    const lang = this.#locale;
    const rules = this.#results!.rules;
    const label = localize(q.label, lang);
    const heading = `olva-q-${index}`;
    if (q.status === 'withheld') {
      return html`<section part="question" class="question" aria-labelledby=${heading}>
        <h3 id=${heading}>${label}</h3><p part="base" class="note">${q.withheldReason === 'filter-suppressed' ? s.withheldFilter : q.withheldReason === 'complementary' ? s.withheldSecret : s.withheld(rules.minBase)}</p></section>`;
    }
    const minBase = rules.comparison.minBase;
    const compared: QuestionComparison[] = questionComparisons(q, label, this.#group()!.comparisons, this.#kinds(), lang, s);
    const sentences = compared.map((c) => comparisonSentence(c, s, lang, minBase));
    const chart = this.#chart(q, index, compared, sentences);
    return html`<section part="question" class="question" aria-labelledby=${heading}>
      <h3 id=${heading}>${label}</h3>
      <p part="base" class="note">${q.base ? s.base(q.base.answered, q.base.asked) : nothing}
        ${q.status === 'small' ? html`<strong>${s.smallBase}</strong>` : nothing}
        ${q.kind === 'multiple' ? s.multiple : nothing}</p>
      ${chart ? html`<figure part="chart">${chart}</figure>` : nothing}
      ${sentences.map((t) => html`<p part="comparison">${t}</p>`)}
      <details part="data"><summary>${s.showTable}</summary>
        <div class="table" role="region" tabindex="0" aria-labelledby=${heading}>${dataTables(q, label, lang, s, rules.minCell)}${compared.length ? comparisonTable(label, compared, s, lang, minBase) : nothing}</div>
      </details>
    </section>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const s = this.#strings;
    switch (this.#view) {
      case 'idle':
        return this.src || this.results ? nothing : html`<p part="status" class="note">${s.noSource}</p>`;
      case 'loading':
        return html`<p part="status" class="note">${s.loading}</p>`;
      case 'failed': {
        const reason = this.#failure?.reason;
        return html`<p part="error" class="error" role="alert">${reason === 'not-found' ? s.notPublished : reason === 'format' ? s.notResults : s.failed}</p>`;
      }
      case 'empty':
        return html`<p part="status" class="note">${s.empty}</p>`;
      case 'shown': {
        const group = this.#group()!;
        const title = this.heading || s.title(group.territoryName ?? s.territory(group.territory.level, group.territory.code), group.wave);
        const rules = this.#results!.rules;
        const kinds = this.#kinds();
        const c = group.comparisons ?? {};
        const compares = (c.previousWave && kinds.includes('previous-wave')) || (c.national && kinds.includes('national')) || (c.network && kinds.includes('network'));
        return html`<h2 part="title" id="olva-results-title">${title}</h2>
          <p part="summary" class="note">${s.responses(group.responses)} ${s.method(rules.minCell)}
            ${compares ? s.compareMethod(rules.comparison.minBase, percent(rules.comparison.alpha, this.#locale)) : nothing}
            ${c.previousWave?.available === false && kinds.includes('previous-wave') ? s.noPrevious(c.previousWave.wave) : nothing}
            ${c.previousWave?.available && kinds.includes('previous-wave') ? this.#composition() : nothing}</p>
          ${this.#shownQuestions().map((q, i) => this.#renderQuestion(q, i))}`;
      }
    }
  }

  /**
   * The network's previous wave pooled other territories (the document's `network-composition`
   * note, decision 0018): said beside its column, as a sentence; nothing otherwise.
   */
  #composition(): string | typeof nothing {
    const text = this.#results!.notes?.find((n) => n.code === 'network-composition')?.text[this.#locale];
    return text ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : nothing;
  }

  /** What the live region says for the current state (errors are said by their role="alert"). */
  #liveText(): string {
    const s = this.#strings;
    if (this.#view === 'loading') return s.loading;
    if (this.#view === 'empty') return s.empty;
    if (this.#view === 'shown') return s.loaded(this.#shownQuestions().length);
    return '';
  }

  #template(): TemplateResult {
    // The live region stays outside the busy part: a screen reader holds back what changes
    // inside an aria-busy element, and "loading" must be said.
    return html`<div role="status" class="visually-hidden">${this.#liveText()}</div>
      <div part="results" aria-busy=${this.#view === 'loading'}>${this.#renderBody()}</div>`;
  }
}

// Each attribute is also a property, as Lit's reactive properties were (`el.wave = '2026'`).
for (const name of ['src', ...ATTRIBUTES]) {
  Object.defineProperty(OlvaResults.prototype, name, {
    get(this: HTMLElement) {
      return this.getAttribute(name) ?? undefined;
    },
    set(this: HTMLElement, value: string | null | undefined) {
      if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, value);
    },
  });
}
