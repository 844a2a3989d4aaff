/**
 * The data table that follows every chart (RGAA 1.x: the chart's content as text): one row
 * per code with its share, interval and count, hidden counts written as the chart writes them
 * ("< 3", "masqué"), and one column per comparison, headed by the shape that marks it on the
 * chart. Matrices get one row per matrix row;
 * numeric questions their summary and classes.
 */
import type { Category, ClassCategory, MatrixFigures, NumericFigures, ResultsRules } from '@olva/analysis';
import { categoryLabel, hiddenText, markGlyph, number, percent, readerQuartiles } from '@olva/charts';
import { html, type Markup } from './html.js';
import type { Lang } from './i18n.js';
import { say } from './words.js';
import { valueKey, type ComparisonColumn } from './comparisons.js';

/** A category's share as written: the percentage, or why it is hidden. */
export function shareText(c: Pick<Category, 'share' | 'suppressed'>, rules: ResultsRules, lang: Lang): string {
  if (c.share === null || c.suppressed) return hiddenText(c.suppressed ?? 'complementary', rules.minCell, lang);
  return percent(c.share, lang);
}

function intervalText(c: Category, lang: Lang): string {
  // "22–36 %": the unit once, so the column stays narrow.
  return c.interval ? `${Math.round(c.interval.low * 100)}–${percent(c.interval.high, lang)}` : say(lang, 'dash');
}

function countText(c: Category, rules: ResultsRules, lang: Lang): string {
  return c.count === null ? hiddenText(c.suppressed ?? 'complementary', rules.minCell, lang) : number(c.count, lang);
}

/** The label of a numeric class: "moins de 5", "de 5 à 10", "20 et plus". */
export function classLabel(c: ClassCategory, unit: string, lang: Lang): string {
  const u = unit ? ` ${unit}` : '';
  if (c.from === null && c.to !== null) return say(lang, 'under', { b: number(c.to, lang) }) + u;
  if (c.to === null && c.from !== null) return say(lang, 'over', { a: number(c.from, lang) }) + u;
  return say(lang, 'from', { a: number(c.from ?? 0, lang), b: number(c.to ?? 0, lang) }) + u;
}

function compared(column: ComparisonColumn, key: string, rules: ResultsRules, lang: Lang): Markup {
  const v = column.values.get(key);
  if (!v || v.share === null) return html`<td>${say(lang, 'dash')}</td>`;
  return html`<td>${percent(v.share, lang)}${v.notable ? html`<abbr class="notable" title="${say(lang, 'notableNote', { n: rules.comparison.minBase })}">${say(lang, 'notableMark')}</abbr>` : ''}</td>`;
}

/** Table of a distribution, multiple choice or numeric classes. */
export function categoriesTable(caption: string, categories: Category[], rules: ResultsRules, lang: Lang, options: { columns?: ComparisonColumn[]; label?: (c: Category) => string } = {}): Markup {
  const columns = options.columns ?? [];
  const label = options.label ?? ((c: Category) => categoryLabel(c, lang));
  return html`<table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${say(lang, 'answer')}</th><th scope="col">${say(lang, 'share')}</th><th scope="col">${say(lang, 'interval')}</th><th scope="col">${say(lang, 'count')}</th>${columns.map((c) => html`<th scope="col"><span aria-hidden="true">${markGlyph(c.kind)} </span>${c.heading[lang]}</th>`)}</tr></thead>
<tbody>${categories.map((c) => html`<tr><th scope="row">${label(c)}</th><td>${shareText(c, rules, lang)}</td><td>${intervalText(c, lang)}</td><td>${countText(c, rules, lang)}</td>${columns.map((col) => compared(col, valueKey(undefined, c.code), rules, lang))}</tr>`)}</tbody></table>`;
}

/** Table of a matrix: one row per matrix row, one column per code, and the row's base. */
export function matrixTable(caption: string, figures: MatrixFigures, rules: ResultsRules, lang: Lang): Markup {
  const rows = figures.rows ?? [];
  const codes = rows.find((r) => r.categories)?.categories ?? [];
  return html`<table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${say(lang, 'row')}</th>${codes.map((c) => html`<th scope="col">${categoryLabel(c, lang)}</th>`)}<th scope="col">${say(lang, 'base')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${categoryLabel(r, lang)}</th>${
    r.categories ? r.categories.map((c) => html`<td>${shareText(c, rules, lang)}</td>`) : html`<td colspan="${codes.length}">${r.withheldReason === 'complementary' ? say(lang, 'withheldSecret') : say(lang, 'withheld', { n: rules.minBase })}</td>`
  }<td>${r.base ? number(r.base.answered, lang) : say(lang, 'dash')}${r.status === 'small' ? ' †' : ''}</td></tr>`)}</tbody></table>`;
}

/** Table of a numeric summary: respondents, mean and quartiles. */
export function numericTable(caption: string, figures: NumericFigures, unit: string, lang: Lang): Markup {
  const s = { ...figures.summary!, ...readerQuartiles(figures, figures.summary!) };
  const v = (x: number) => `${number(x, lang)}${unit ? ` ${unit}` : ''}`;
  return html`<table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${say(lang, 'n')}</th><th scope="col">${say(lang, 'q1')}</th><th scope="col">${say(lang, 'median')}</th><th scope="col">${say(lang, 'q3')}</th><th scope="col">${say(lang, 'mean')}</th></tr></thead>
<tbody><tr><td>${number(s.n, lang)}</td><td>${v(s.q1)}</td><td>${v(s.median)}</td><td>${v(s.q3)}</td><td>${v(s.mean)}</td></tr></tbody></table>`;
}
