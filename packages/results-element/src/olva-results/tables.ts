/**
 * The data table of each question: the chart's equivalent, with a caption and header cells
 * (`scope`), every hidden count written as the chart writes it.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Category, MatrixFigures, NumericFigures, QuestionFigures } from '@olva/analysis';
import { categoryLabel, hiddenText, number, percent, readerQuartiles, type ChartLang } from '@olva/charts';
import type { ResultsStrings } from './strings.js';

/** A cell that has no value to show: a dash for the eye, words for a screen reader. */
export function blank(s: ResultsStrings): TemplateResult {
  return html`<span aria-hidden="true">—</span><span class="visually-hidden">${s.notPublishedCell}</span>`;
}

function categoryRow(c: Category, lang: ChartLang, s: ResultsStrings, minCell: number): TemplateResult {
  const hidden = c.count === null || c.suppressed !== undefined;
  return html`<tr>
    <th scope="row">${categoryLabel(c, lang)}</th>
    <td>${hidden ? hiddenText(c.suppressed ?? 'complementary', minCell, lang) : String(c.count)}</td>
    <td>${hidden || c.share === null ? blank(s) : percent(c.share, lang)}</td>
    <td>${hidden || !c.interval ? blank(s) : `${percent(c.interval.low, lang)} – ${percent(c.interval.high, lang)}`}</td>
  </tr>`;
}

function categoriesTable(caption: string, categories: Category[], lang: ChartLang, s: ResultsStrings, minCell: number): TemplateResult {
  return html`<table part="table">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${s.answer}</th><th scope="col">${s.count}</th><th scope="col">${s.share}</th><th scope="col">${s.interval}</th></tr></thead>
    <tbody>${categories.map((c) => categoryRow(c, lang, s, minCell))}</tbody>
  </table>`;
}

function matrixTable(caption: string, q: MatrixFigures, lang: ChartLang, s: ResultsStrings, minCell: number): TemplateResult {
  const codes = q.rows?.find((r) => r.categories)?.categories ?? [];
  return html`<table part="table">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${s.row}</th><th scope="col">${s.rowBase}</th>${codes.map((c) => html`<th scope="col">${categoryLabel(c, lang)}</th>`)}</tr></thead>
    <tbody>${(q.rows ?? []).map((r) => html`<tr>
      <th scope="row">${categoryLabel(r, lang)}</th>
      <td>${r.base ? String(r.base.answered) : blank(s)}</td>
      ${codes.map((_, i) => {
        const c = r.categories?.[i];
        if (!c) return html`<td>${blank(s)}</td>`;
        return html`<td>${c.share === null || c.suppressed ? hiddenText(c.suppressed ?? 'complementary', minCell, lang) : percent(c.share, lang)}</td>`;
      })}
    </tr>`)}</tbody>
  </table>`;
}

function numericTable(caption: string, q: NumericFigures, lang: ChartLang, s: ResultsStrings): TemplateResult | typeof nothing {
  if (!q.summary) return nothing;
  const m = { ...q.summary, ...readerQuartiles(q, q.summary) };
  return html`<table part="table">
    <caption>${caption}${s.unit(q.unit) ? ` (${s.unit(q.unit)})` : ''}</caption>
    <thead><tr><th scope="col">${s.n}</th><th scope="col">${s.mean}</th><th scope="col">${s.q1}</th><th scope="col">${s.median}</th><th scope="col">${s.q3}</th></tr></thead>
    <tbody><tr>${[m.n, m.mean, m.q1, m.median, m.q3].map((v) => html`<td>${number(v, lang)}</td>`)}</tr></tbody>
  </table>`;
}

/** The data table(s) of a question's figures (nothing for a withheld base). */
export function dataTables(q: QuestionFigures, label: string, lang: ChartLang, s: ResultsStrings, minCell: number): TemplateResult | typeof nothing {
  const caption = s.tableCaption(label);
  switch (q.kind) {
    case 'distribution':
    case 'multiple':
      return q.categories ? categoriesTable(caption, q.categories, lang, s, minCell) : nothing;
    case 'matrix':
      return q.rows ? matrixTable(caption, q, lang, s, minCell) : nothing;
    case 'numeric':
      return html`${numericTable(caption, q, lang, s)}${q.classes ? categoriesTable(s.classesCaption(label), q.classes, lang, s, minCell) : nothing}`;
  }
}
