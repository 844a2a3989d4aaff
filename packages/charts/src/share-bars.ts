/**
 * Horizontal bars of shares, one per code, each with its 95% Wilson interval. A hidden count
 * is never drawn: its bar is absent and its value reads "< 3" (or "masqué" for a complementary
 * suppression). A small base hatches the bars and says so in a note.
 */
import { el, type SvgNode } from './svg.js';
import { frame, lines, text, pattern, LINE, SPACED_CHAR, type ChartBase } from './frame.js';
import { CHART_COLOURS } from './theme.js';
import { hiddenText, isShown, labelled, percent, words, wrap, type ChartLang } from './format.js';
import { barMarks, barMarksText, marksLegend, marksText, type ChartComparison } from './marks.js';

/** One bar: a code's share as a results document gives it. */
export interface ShareBar {
  label: string;
  /** Null when the count is hidden. */
  share: number | null;
  interval?: { low: number; high: number } | null;
  suppressed?: 'small' | 'complementary';
  /** The compared shares, in the order of the input's `comparisons` (null: none to draw). */
  compared?: readonly (number | null | undefined)[];
}

/** Input of {@link shareBars}. */
export interface ShareBarsInput extends ChartBase {
  bars: ShareBar[];
  /** The frequency rule's threshold, written as "< minCell" for a small count. */
  minCell: number;
  /** True when the base is small (`status: "small"`): read with care. */
  smallBase?: boolean;
  lang?: ChartLang;
  /** Comparisons marked on the bars (each bar's `compared` gives their shares), named in a legend. */
  comparisons?: readonly ChartComparison[];
  /** False: no legend drawn (a page names the markers once, e.g. with `marksText`); the description still names them. */
  legend?: boolean;
}

const BAR = 20;
const GAP = 10;
const VALUE_COLUMN = 120;

/** The text equivalent of one bar, its compared shares with it. */
function describe(bar: ShareBar, minCell: number, lang: ChartLang, comparisons: readonly ChartComparison[]): string {
  if (!isShown(bar)) return labelled(bar.label, hiddenText(bar.suppressed ?? 'complementary', minCell, lang), lang);
  const interval = bar.interval ? ` (${labelled(words(lang).interval, `${percent(bar.interval.low, lang)} – ${percent(bar.interval.high, lang)}`, lang)})` : '';
  return labelled(bar.label, percent(bar.share, lang) + interval, lang) + barMarksText(comparisons, bar.compared ?? [], lang);
}

/** Notes under a chart: small base, what "< 3" and "masqué" mean. */
export function notes(minCell: number, lang: ChartLang, smallBase: boolean, kinds: Set<string>): string[] {
  const w = words(lang);
  const out: string[] = [];
  if (smallBase) out.push(w.smallBase);
  if (kinds.has('small')) out.push(lang === 'en' ? `< ${minCell}: 1 to ${minCell - 1} answers, not shown (statistical confidentiality).` : `< ${minCell} : de 1 à ${minCell - 1} réponses, non montré (secret statistique).`);
  if (kinds.has('complementary')) out.push(w.complementaryNote);
  return out;
}

/** The chart. */
export function shareBars(input: ShareBarsInput): SvgNode {
  const lang = input.lang ?? 'fr';
  const width = input.width ?? 640;
  const plot = width - VALUE_COLUMN;
  const chars = Math.floor(width / SPACED_CHAR);
  const body: SvgNode[] = [];
  const defs: SvgNode[] = [];
  const smallId = `${input.id}-small`;
  if (input.smallBase) defs.push(pattern(smallId, 'olva-chart-bar', CHART_COLOURS.bar, 1));
  const kinds = new Set<string>();
  const comparisons = input.comparisons ?? [];
  const legend = marksLegend(input.legend === false ? [] : comparisons, width, LINE);
  body.push(...legend.nodes);
  let y = LINE + legend.height;
  const top = y - LINE + 4;
  for (const bar of input.bars) {
    const label = wrap(bar.label, chars);
    body.push(...lines(0, y, label));
    y += (label.length - 1) * LINE + 6;
    const mid = y + BAR / 2;
    if (!isShown(bar)) {
      kinds.add(bar.suppressed ?? 'complementary');
      body.push(text(plot + 8, mid + 5, hiddenText(bar.suppressed ?? 'complementary', input.minCell, lang), { 'font-style': 'italic' }));
    } else {
      const share = Math.min(1, Math.max(0, bar.share));
      body.push(el('rect', {
        x: 0, y, width: share * plot, height: BAR,
        class: input.smallBase ? undefined : 'olva-chart-bar',
        fill: input.smallBase ? `url(#${smallId})` : CHART_COLOURS.bar,
      }));
      if (bar.interval) {
        const lo = bar.interval.low * plot;
        const hi = bar.interval.high * plot;
        body.push(el('path', {
          d: `M${lo} ${mid}H${hi}M${lo} ${mid - 6}V${mid + 6}M${hi} ${mid - 6}V${mid + 6}`,
          class: 'olva-chart-interval', stroke: CHART_COLOURS.interval, 'stroke-width': 1.5, fill: 'none',
        }));
      }
      body.push(...barMarks(comparisons, bar.compared ?? [], plot, y, BAR));
      body.push(text(plot + 8, mid + 5, percent(bar.share, lang), { 'font-weight': 'bold' }));
    }
    y += BAR + GAP + LINE;
  }
  // The 0, 50 and 100 % grid lines behind the bars.
  const gridBottom = y - LINE - GAP + 4;
  const grid = [0, 0.5, 1].map((t) => el('path', { d: `M${t * plot} ${top}V${gridBottom}`, class: 'olva-chart-grid', stroke: CHART_COLOURS.grid, 'stroke-dasharray': t === 0 ? undefined : '2 3' }));
  const axis = [0, 0.5, 1].map((t) => text(t * plot, gridBottom + LINE, percent(t, lang), { 'text-anchor': t === 0 ? 'start' : t === 1 ? 'end' : 'middle' }, true));
  y = gridBottom + LINE + 4;
  const footer = notes(input.minCell, lang, !!input.smallBase, kinds);
  const noteNodes = footer.map((n, i) => text(0, y + (i + 1) * LINE, n, { 'font-size': 12 }, true));
  y += footer.length * LINE + 8;
  const description = [...(comparisons.length ? [marksText(comparisons, lang)] : []), ...input.bars.map((b) => describe(b, input.minCell, lang, comparisons)), ...footer].join('. ').replace(/\.\./g, '.');
  return frame(input, y, description, [...grid, ...body, ...axis, ...noteNodes], defs);
}
