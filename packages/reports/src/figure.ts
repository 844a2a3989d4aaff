/**
 * One question as every report shows it: its heading, its chart (`@olva/charts`), the data
 * table that follows the chart, the base and its disclosure marks, the comparisons, and the
 * analyst's comment when one is written.
 */
import type { Category, QuestionFigures, ResultsRules } from '@olva/analysis';
import { numericUnit, questionChart, shareBars, svgMarkup, number } from '@olva/charts';
import { localize } from '@olva/runtime';
import { html, trusted, type Markup } from './html.js';
import { colon, type Lang } from './i18n.js';
import { say } from './words.js';
import { categoriesTable, classLabel, matrixTable, numericTable } from './tables.js';
import { chartComparisons, comparisonColumns, nationalNotes } from './comparisons.js';
import type { ReportSubject } from './subject.js';

/** How a question is shown. */
export interface FigureOptions {
  lang: Lang;
  /** The heading; the question's label by default. */
  title?: string;
  /** Heading level. */
  level?: 2 | 3;
  /** Only the `top` most frequent published codes (multiple choices on the key-figures sheet). */
  top?: number;
  /** Chart width in the chart's units (the chart scales to its box). */
  width?: number;
  /** The analyst's comment, already rendered. */
  comment?: Markup;
  /** Show the question's id (and its wording when the heading is another title) under the heading (full report). */
  wording?: boolean;
  /** Also the numeric summary table when classes are shown (default true). */
  summary?: boolean;
  /** Say under the figure what its comparison columns are, and how national categories differ
   * (default true; a sheet says it once, and leaves the details to the full report). */
  compareNote?: boolean;
}

/** The base of a question, as a sentence; the disclosure status with it. */
export function baseText(f: Pick<QuestionFigures, 'base' | 'status' | 'withheldReason'>, rules: ResultsRules, lang: Lang): string {
  if (f.withheldReason === 'filter-suppressed') return say(lang, 'withheldFilter');
  if (f.withheldReason === 'complementary') return say(lang, 'withheldSecret');
  if (f.status === 'withheld' || !f.base) return say(lang, 'withheld', { n: rules.minBase });
  const b = f.base;
  const answered = number(b.answered, lang);
  // "150 répondants sur 150 interrogés" read as a response rate of 100 %: the second number is
  // the associations the question was put to, among those that answered the survey.
  const of = b.asked === null ? ` (${say(lang, 'conditional')})` : b.asked === b.answered ? '' : say(lang, 'ofAsked', { n: number(b.asked, lang) });
  const text = `${say(lang, 'base')}${colon(lang)}${answered} ${say(lang, 'respondents')}${of}.`;
  return f.status === 'small' ? `${text} ${say(lang, 'small', { n: rules.smallBase })}` : text;
}

/** The `top` published codes by count, the hidden ones left out (they say nothing more). */
function topOf(categories: Category[], top: number | undefined): Category[] {
  if (!top || categories.length <= top) return categories;
  return categories.filter((c) => c.count !== null).sort((a, b) => b.count! - a.count!).slice(0, top);
}

/** The chart and table of a question, or the reason it has none. */
function chartAndTable(subject: ReportSubject, f: QuestionFigures, id: string, title: string, o: FigureOptions): { body: Markup; note?: string } {
  const { lang } = o;
  const rules = subject.document.rules;
  const chartOf = (figures: QuestionFigures) => {
    const node = questionChart(figures, { lang, rules, id: `c-${id}`, title, width: o.width, comparisons: chartComparisons(subject, f, lang, o.compareNote !== false),
      // A sheet names the markers once, in its note (comparedNote): no legend per chart.
      legend: o.compareNote !== false });
    return node ? trusted(svgMarkup(node)) : '';
  };
  const caption = `${title} (${lang === 'en' ? 'data of the chart' : 'données du graphique'})`;
  if (f.status === 'withheld') return { body: html`` };
  switch (f.kind) {
    case 'distribution':
    case 'multiple': {
      const all = f.categories ?? [];
      const shown = topOf(all, o.top);
      const chart = chartOf({ ...f, categories: shown });
      const note = shown.length < all.length ? say(lang, 'top', { k: shown.length, n: all.length }) : undefined;
      return { body: html`<div class="chart">${chart}</div>${categoriesTable(caption, shown, rules, lang, { columns: comparisonColumns(subject, f) })}`, note };
    }
    case 'matrix':
      return { body: html`<div class="chart">${chartOf(f)}</div>${matrixTable(caption, f, rules, lang)}` };
    case 'numeric': {
      const unit = numericUnit(f.unit, lang);
      const parts: Markup[] = [];
      if (f.classes) {
        const label = (c: Category) => classLabel(c as never, unit, lang);
        const bars = shareBars({
          title, id: `c-${id}`, width: o.width, lang, minCell: rules.minCell, smallBase: f.status === 'small',
          bars: f.classes.map((c) => ({ label: label(c), share: c.share, interval: c.interval, suppressed: c.suppressed })),
        });
        parts.push(html`<div class="chart">${trusted(svgMarkup(bars))}</div>`, categoriesTable(caption, f.classes, rules, lang, { label }));
      } else {
        parts.push(html`<div class="chart">${chartOf(f)}</div>`);
      }
      if (f.summary && (o.summary !== false || !f.classes)) parts.push(numericTable(`${title} (${lang === 'en' ? 'summary' : 'résumé'})`, f, unit, lang));
      return { body: html`${parts}` };
    }
  }
}

/** A question's block: heading, chart, table, base, comparisons note, comment. */
export function questionBlock(subject: ReportSubject, f: QuestionFigures, o: FigureOptions): Markup {
  const { lang } = o;
  const rules = subject.document.rules;
  const id = f.id.replace(/[^a-z0-9_-]/gi, '-');
  const title = o.title ?? localize(f.label, lang);
  const { body, note } = chartAndTable(subject, f, id, title, o);
  // Matrices show no comparison columns (one table of rows × codes): no note about them either.
  const columns = f.status === 'withheld' || f.kind === 'matrix' ? [] : comparisonColumns(subject, f);
  const heading = o.level === 2 ? html`<h2 id="h-${id}">${title}</h2>` : html`<h3 id="h-${id}">${title}</h3>`;
  return html`<section class="question question-${f.kind} status-${f.status}" id="q-${id}" aria-labelledby="h-${id}">
${heading}
${o.wording ? html`<p class="wording">${o.title ? html`${localize(f.label, lang)} ` : ''}<span class="qid">${f.id}</span></p>` : ''}
${body}
<p class="base${f.status === 'ok' ? '' : ` ${f.status}`}">${baseText(f, rules, lang)}${note ? ` ${note}.` : ''}</p>
${columns.length && o.compareNote !== false ? html`<p class="compare-note">${say(lang, 'comparedWith')}${colon(lang)}${columns.map((c, i) => html`${i ? (lang === 'en' ? '; ' : ' ; ') : ''}${c.heading[lang]} (${c.source[lang]})`)}. ${
    [...columns.flatMap((c) => [...c.values.values()])].some((v) => v.notable) ? say(lang, 'notableNote', { n: rules.comparison.minBase }) : say(lang, 'noVerdict')
  }</p>` : ''}
${f.status === 'withheld' ? '' : nationalNotes(subject, f, lang, o.compareNote !== false, true).map((n) => html`<p class="compare-note national">${n}</p>`)}
${o.comment ? html`<div class="comment"><h4>${say(lang, 'comment')}</h4>${o.comment}</div>` : ''}
</section>`;
}
