/**
 * Comparisons drawn on share bars: at each compared share a thin tick across the bar and a
 * shape under it, both distinct per kind of comparison (line style and shape: nothing rests on
 * colour), named in a legend above the bars and in the chart's description. The caller gives
 * the names (the words of its sentences and data table, said once there) and only the shares
 * it may show; share-bars.ts draws no marker on a bar whose own share is hidden.
 */
import { el, type SvgNode } from './svg.js';
import { lines, LINE } from './frame.js';
import { CHART_COLOURS } from './theme.js';
import { labelled, percent, words, wrap, type ChartLang } from './format.js';

/** The comparisons a chart marks, in the order they are drawn and named. */
export const COMPARISON_KINDS = ['previous-wave', 'national', 'network'] as const;

/** One kind of comparison: each has its own shape and line style. */
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];

/** A comparison drawn on the bars. */
export interface ChartComparison {
  kind: ComparisonKind;
  /** Its name, said beside each compared share in the description ("Vague 2025", "France"). */
  label: string;
  /** Where its figures come from, added to the name in the legend ("même territoire"). */
  source?: string;
}

/** Room under a bar for one row of shapes. */
export const MARK_ROW = 11;

const halo = { stroke: '#ffffff', 'stroke-width': 1 };

/** Per kind: the glyph that names it in text, its tick's dashes and its shape centred on (x, y). */
const STYLE: Record<ComparisonKind, [glyph: string, dash: string | undefined, shape: (x: number, y: number) => SvgNode]> = {
  'previous-wave': ['▼', undefined, (x, y) => el('path', { d: `M${x - 5} ${y - 4}h10l-5 9z` })],
  national: ['◆', '4 2', (x, y) => el('path', { d: `M${x} ${y - 5}l5 5-5 5-5-5z` })],
  network: ['●', '1.5 2', (x, y) => el('circle', { cx: x, cy: y, r: 4 })],
};

function shape(kind: ComparisonKind, x: number, y: number): SvgNode {
  const node = STYLE[kind][2](x, y);
  Object.assign(node.attrs, { class: 'olva-chart-text', fill: CHART_COLOURS.text, ...halo });
  return node;
}

/** The tick of a compared share from `top` to `bottom` at x, on a white halo so it shows on the bar and off it. */
function tick(kind: ComparisonKind, x: number, top: number, bottom: number): SvgNode[] {
  const d = `M${x} ${top}V${bottom}`;
  return [
    el('path', { d, stroke: '#ffffff', 'stroke-width': 4 }),
    el('path', { d, class: 'olva-chart-mark', stroke: CHART_COLOURS.text, 'stroke-width': 2, 'stroke-dasharray': STYLE[kind][1] }),
  ];
}

/** The markers of one bar: the tick across it and the shape in row `i` under it, per compared share. */
export function barMarks(list: readonly ChartComparison[], shares: readonly (number | null | undefined)[], plot: number, y: number, height: number): SvgNode[] {
  return list.flatMap((c, i) => {
    const share = shares[i];
    if (typeof share !== 'number') return [];
    // Rounded as el() rounds numbers: the path is a string.
    const x = Math.round(Math.min(1, Math.max(0, share)) * plot * 100) / 100;
    return [...tick(c.kind, x, y - 3, y + height + 3), shape(c.kind, x, y + height + 3 + MARK_ROW / 2 + i * MARK_ROW)];
  });
}

const named = (c: ChartComparison): string => (c.source ? `${c.label} (${c.source})` : c.label);

/** The legend above the bars, one comparison a line (its shape, its tick, its name); and its height. */
export function marksLegend(list: readonly ChartComparison[], width: number, y: number): { nodes: SvgNode[]; height: number } {
  const nodes: SvgNode[] = [];
  let at = y;
  for (const c of list) {
    const label = wrap(named(c), Math.floor((width - 24) / 7.5));
    nodes.push(...tick(c.kind, 8, at - 16, at - 8), shape(c.kind, 8, at - 3), ...lines(22, at, label));
    at += label.length * LINE + 4;
  }
  return { nodes, height: list.length ? at - y + 6 : 0 };
}

/** The legend in words, for the description: "Repères : ▼ Vague 2025 (même territoire) ; ◆ France (…)". */
export function marksText(list: readonly ChartComparison[], lang: ChartLang): string {
  return labelled(words(lang).marks, list.map((c) => `${STYLE[c.kind][0]} ${named(c)}`).join(lang === 'en' ? '; ' : ' ; '), lang);
}

/** The compared shares of one bar in words: ", Vague 2025 : 24 %, France : 23 %". */
export function barMarksText(list: readonly ChartComparison[], shares: readonly (number | null | undefined)[], lang: ChartLang): string {
  return list.map((c, i) => (typeof shares[i] === 'number' ? `, ${labelled(c.label, percent(shares[i]!, lang), lang)}` : '')).join('');
}
