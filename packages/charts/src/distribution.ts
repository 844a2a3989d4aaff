/**
 * A numeric distribution as boxes: first quartile to third, the median as a thick line and
 * the mean as a diamond, on a shared axis. No whiskers: a minimum or a maximum would point at
 * one association, and results documents publish neither.
 */
import { el, type SvgNode } from './svg.js';
import { frame, lines, text, LINE, SPACED_CHAR, type ChartBase } from './frame.js';
import { CHART_COLOURS } from './theme.js';
import { labelled, number, words, wrap, SMALL_BASE_MARK, type ChartLang } from './format.js';

/** One box: a numeric summary as a results document gives it. */
export interface DistributionRow {
  label: string;
  q1: number;
  median: number;
  q3: number;
  mean?: number;
  n?: number;
  smallBase?: boolean;
}

/** Input of {@link numericDistribution}. */
export interface DistributionInput extends ChartBase {
  rows: DistributionRow[];
  /** The unit written after values ("ans", "salariés"), if any. */
  unit?: string;
  lang?: ChartLang;
}

const BOX = 22;

/** A round step near `span / 5`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number): number {
  if (!(span > 0)) return 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * The axis: from a round value below the lowest to one above the highest, from 0 when 0 is
 * near (counts, ages), not when it is far (years: an axis from 0 to 2026 would crush the boxes).
 */
export function axisDomain(rows: DistributionRow[]): { min: number; max: number; step: number } {
  const values = rows.flatMap((r) => [r.q1, r.median, r.q3, ...(r.mean === undefined ? [] : [r.mean])]);
  const least = Math.min(...values);
  const lo = least >= 0 && least < Math.max(...values) - least ? 0 : least;
  const hi = Math.max(...values, lo + 1);
  const step = niceStep(hi - lo);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

/** The text equivalent of one row. */
function describe(row: DistributionRow, unit: string, lang: ChartLang): string {
  const w = words(lang);
  const u = unit ? ` ${unit}` : '';
  const parts = [
    labelled(w.median, number(row.median, lang) + u, lang),
    labelled(w.quartiles, `${number(row.q1, lang)} – ${number(row.q3, lang)}${u}`, lang),
  ];
  if (row.mean !== undefined) parts.push(labelled(w.mean, number(row.mean, lang) + u, lang));
  if (row.n !== undefined) parts.push(`n = ${number(row.n, lang)}`);
  return `${labelled(row.label, parts.join(', '), lang)}${row.smallBase ? ` (${w.smallBase.replace(/\.$/, '').toLowerCase()})` : ''}`;
}

/** The chart. */
export function numericDistribution(input: DistributionInput): SvgNode {
  const lang = input.lang ?? 'fr';
  const width = input.width ?? 640;
  const unit = input.unit ?? '';
  const w = words(lang);
  const { min, max, step } = axisDomain(input.rows);
  const pad = 12;
  const scale = (v: number): number => pad + ((v - min) / (max - min)) * (width - 2 * pad);
  const body: SvgNode[] = [];
  // Legend in words: the shapes are also named, so nothing rests on colour.
  body.push(text(0, LINE, `▭ ${w.quartiles} (Q1 – Q3)   ┃ ${w.median}   ◆ ${w.mean}`, { 'font-size': 12 }, true));
  let y = LINE * 2 + 6;
  const top = y - 4;
  for (const row of input.rows) {
    const label = wrap(row.label + (row.smallBase ? ` ${SMALL_BASE_MARK}` : ''), Math.floor(width / SPACED_CHAR));
    body.push(...lines(0, y, label));
    y += (label.length - 1) * LINE + 6;
    const x1 = scale(row.q1);
    const x3 = scale(row.q3);
    const xm = scale(row.median);
    body.push(el('rect', { x: x1, y, width: Math.max(1, x3 - x1), height: BOX, class: 'olva-chart-box', fill: CHART_COLOURS.box, stroke: CHART_COLOURS.text, 'stroke-width': 1 }));
    body.push(el('path', { d: `M${xm} ${y - 3}V${y + BOX + 3}`, class: 'olva-chart-box-line', stroke: CHART_COLOURS.text, 'stroke-width': 3 }));
    if (row.mean !== undefined) {
      const xa = scale(row.mean);
      const c = y + BOX / 2;
      body.push(el('path', { d: `M${xa} ${c - 6}L${xa + 6} ${c}L${xa} ${c + 6}L${xa - 6} ${c}Z`, class: 'olva-chart-text', fill: CHART_COLOURS.text, stroke: '#ffffff', 'stroke-width': 1 }));
    }
    y += BOX + 4 + LINE;
    body.push(text(0, y - 4, `Q1 ${number(row.q1, lang)} · ${w.median} ${number(row.median, lang)} · Q3 ${number(row.q3, lang)}${row.mean === undefined ? '' : ` · ${w.mean} ${number(row.mean, lang)}`}${row.n === undefined ? '' : ` · n = ${number(row.n, lang)}`}${unit ? ` (${unit})` : ''}`, { 'font-size': 12 }, true));
    y += LINE + 6;
  }
  const bottom = y - LINE;
  const axis: SvgNode[] = [];
  for (let v = min; v <= max + step / 2; v += step) {
    const x = scale(v);
    axis.push(el('path', { d: `M${x} ${top}V${bottom}`, class: 'olva-chart-grid', stroke: CHART_COLOURS.grid, 'stroke-dasharray': '2 3' }));
    axis.push(text(x, bottom + LINE, number(Math.round(v * 1e6) / 1e6, lang), { 'text-anchor': 'middle', 'font-size': 12 }, true));
  }
  y = bottom + LINE + 8;
  const anySmall = input.rows.some((r) => r.smallBase);
  if (anySmall) { axis.push(text(0, y + LINE - 4, `${SMALL_BASE_MARK} ${w.smallBase}`, { 'font-size': 12 }, true)); y += LINE; }
  const description = input.rows.map((r) => describe(r, unit, lang)).join('. ');
  return frame(input, y, description, [...axis, ...body], []);
}
