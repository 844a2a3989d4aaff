/**
 * Stacked bars, one bar per row (the rows of a matrix): each code a segment in its colour
 * and pattern, named in the legend, its share written inside when it fits. Hidden counts are
 * not drawn one by one: what the shown shares leave is one grey "masqué" segment, which
 * reveals nothing the published base does not (base − shown counts). It is chequered and named
 * in the legend too, so that a sliver too narrow for its word is not told by its grey alone.
 */
import { el, type SvgNode } from './svg.js';
import { frame, lines, pattern, text, LINE, SPACED_CHAR, type ChartBase } from './frame.js';
import { CHART_COLOURS, seriesColour } from './theme.js';
import { hiddenText, isShown, labelled, percent, words, wrap, SMALL_BASE_MARK, type ChartLang } from './format.js';
import { notes } from './share-bars.js';

/** One segment: a code's share in one row. */
export interface StackedSegment {
  share: number | null;
  suppressed?: 'small' | 'complementary';
}

/** One bar. `segments` follow `categories`; absent when the row is withheld. */
export interface StackedRow {
  label: string;
  segments?: StackedSegment[];
  smallBase?: boolean;
}

/** Input of {@link stackedBars}. */
export interface StackedBarsInput extends ChartBase {
  /** The codes, in order: the legend. */
  categories: { label: string }[];
  rows: StackedRow[];
  minCell: number;
  lang?: ChartLang;
}

const BAR = 24;
const GAP = 10;
const SWATCH = 14;

/** The text equivalent of one row. */
function describe(row: StackedRow, categories: { label: string }[], minCell: number, lang: ChartLang): string {
  if (!row.segments) return labelled(row.label, lang === 'en' ? 'not published (base too small)' : 'non publié (base trop petite)', lang);
  const parts = row.segments.map((s, i) => labelled(categories[i]?.label ?? '', isShown(s) ? percent(s.share, lang) : hiddenText(s.suppressed ?? 'complementary', minCell, lang), lang));
  return `${labelled(row.label, parts.join(', '), lang)}${row.smallBase ? ` (${words(lang).smallBase.replace(/\.$/, '').toLowerCase()})` : ''}`;
}

/** The chart. */
export function stackedBars(input: StackedBarsInput): SvgNode {
  const lang = input.lang ?? 'fr';
  const width = input.width ?? 640;
  const chars = Math.floor(width / SPACED_CHAR);
  const defs = input.categories.map((_, i) => pattern(`${input.id}-p${i}`, seriesColour(i).cls, seriesColour(i).fill, i));
  const legend = input.categories.map((c, i) => ({ label: c.label, fill: `url(#${input.id}-p${i})` }));
  // What hidden counts leave has its own pattern and legend entry, not only its grey.
  const hiddenFill = `url(#${input.id}-hidden)`;
  if (input.rows.some((r) => r.segments?.some((s) => !isShown(s)))) {
    defs.push(pattern(`${input.id}-hidden`, 'olva-chart-hidden', CHART_COLOURS.hidden, 'hidden'));
    legend.push({ label: words(lang).hidden, fill: hiddenFill });
  }
  const body: SvgNode[] = [];
  // Legend: swatches with the same pattern as the segments, wrapped in lines.
  let x = 0;
  let y = 4;
  for (const c of legend) {
    const label = c.label.length > 40 ? `${c.label.slice(0, 39)}…` : c.label;
    const w = SWATCH + 6 + label.length * SPACED_CHAR + 16;
    if (x > 0 && x + w > width) { x = 0; y += LINE + 4; }
    body.push(el('rect', { x, y, width: SWATCH, height: SWATCH, fill: c.fill }));
    body.push(text(x + SWATCH + 6, y + SWATCH - 2, label));
    x += w;
  }
  y += SWATCH + LINE + 10;
  const kinds = new Set<string>();
  let anySmall = false;
  for (const row of input.rows) {
    const label = wrap(row.label, chars);
    body.push(...lines(0, y, label));
    y += (label.length - 1) * LINE + 6;
    if (!row.segments) {
      body.push(text(0, y + BAR / 2 + 5, lang === 'en' ? 'Not published (base too small)' : 'Non publié (base trop petite)', { 'font-style': 'italic' }, true));
    } else {
      let at = 0;
      let hidden = false;
      for (const [i, s] of row.segments.entries()) {
        if (!isShown(s)) { hidden = true; kinds.add(s.suppressed ?? 'complementary'); continue; }
        const w = Math.max(0, s.share) * width;
        if (w <= 0) continue;
        body.push(el('rect', { x: at, y, width: w, height: BAR, fill: `url(#${input.id}-p${i})`, stroke: '#ffffff', 'stroke-width': 1 }));
        if (w >= 40) {
          const c = seriesColour(i);
          body.push(el('text', {
            x: at + w / 2, y: y + BAR / 2 + 5, 'text-anchor': 'middle', fill: '#ffffff', 'font-weight': 'bold',
            stroke: c.fill, class: `${c.cls}-stroke`, 'stroke-width': 3, 'paint-order': 'stroke',
          }, [percent(s.share, lang)]));
        }
        at += w;
      }
      if (hidden && at < width) {
        body.push(el('rect', { x: at, y, width: width - at, height: BAR, fill: hiddenFill, stroke: '#ffffff', 'stroke-width': 1 }));
        if (width - at >= 56) body.push(el('text', { x: at + (width - at) / 2, y: y + BAR / 2 + 5, 'text-anchor': 'middle', fill: '#ffffff', 'font-style': 'italic' }, [words(lang).hidden]));
      }
      if (row.smallBase) { anySmall = true; body.push(text(width, y - 6, SMALL_BASE_MARK, { 'text-anchor': 'end', 'font-weight': 'bold' })); }
    }
    y += BAR + GAP + LINE;
  }
  const footer = notes(input.minCell, lang, false, kinds);
  if (anySmall) footer.unshift(`${SMALL_BASE_MARK} ${words(lang).smallBase}`);
  const noteNodes = footer.map((n, i) => text(0, y - LINE + (i + 1) * LINE, n, { 'font-size': 12 }, true));
  y += footer.length * LINE;
  const description = [...input.rows.map((r) => describe(r, input.categories, input.minCell, lang)), ...footer].join('. ').replace(/\.\./g, '.');
  return frame(input, y, description, [...body, ...noteNodes], defs);
}
