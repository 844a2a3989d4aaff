/**
 * Comparisons drawn on share bars: at each compared share a thin tick across the bar and a
 * shape under it, both distinct per kind of comparison (line style and shape: nothing rests on
 * colour), named in a legend above the bars and in the chart's description. The caller gives
 * the names (the words of its sentences and data table, said once there) and only the shares
 * it may show; share-bars.ts draws no marker on a bar whose own share is hidden.
 */
import { el, type SvgNode } from './svg.js';
import { lines, LINE, SPACED_CHAR } from './frame.js';
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

/** The width a shape takes, a little room included. */
const MARK_SIZE = 11;

const halo = { stroke: '#ffffff', 'stroke-width': 1 };

/** Per kind: the glyph that names it in text, its tick's dashes and its shape centred on (x, y). */
const STYLE: Record<ComparisonKind, [glyph: string, dash: string | undefined, shape: (x: number, y: number) => SvgNode]> = {
  'previous-wave': ['▼', undefined, (x, y) => el('path', { d: `M${x - 5} ${y - 4}h10l-5 9z` })],
  national: ['◆', '4 2', (x, y) => el('path', { d: `M${x} ${y - 5}l5 5-5 5-5-5z` })],
  network: ['●', '1.5 2', (x, y) => el('circle', { cx: x, cy: y, r: 4 })],
};

/** The character that names a comparison's shape in text: ▼ previous wave, ◆ national, ● network. */
export function markGlyph(kind: ComparisonKind): string {
  return STYLE[kind][0];
}

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

/**
 * The markers of one bar: per compared share the tick across it and its shape in the gap under
 * the bar. Shapes of close shares are set side by side, left to right as their ticks, so that
 * none covers another; the ticks stay at the shares.
 */
export function barMarks(list: readonly ChartComparison[], shares: readonly (number | null | undefined)[], plot: number, y: number, height: number): SvgNode[] {
  // Rounded as el() rounds numbers: the path is a string.
  const marks = list.flatMap((c, i) => (typeof shares[i] === 'number' ? [{ kind: c.kind, x: Math.round(Math.min(1, Math.max(0, shares[i]!)) * plot * 100) / 100 }] : []))
    .sort((a, b) => a.x - b.x);
  // A shape at 0 % would lose its left half past the chart's edge (the ▼ of an "Autre" at 0 %):
  // shapes start half a shape in, their ticks stay at the shares.
  let free = MARK_SIZE / 2;
  return marks.flatMap(({ kind, x }) => {
    const at = Math.max(x, free);
    free = at + MARK_SIZE;
    return [...tick(kind, x, y - 3, y + height + 3), shape(kind, at, y + height + 4)];
  });
}

const named = (c: ChartComparison): string => (c.source ? `${c.label} (${c.source})` : c.label);

/**
 * The legend above the bars: per comparison its tick, its shape and its name, side by side
 * while they fit on a line, a long name wrapped on lines of its own; and its height.
 */
export function marksLegend(list: readonly ChartComparison[], width: number, y: number): { nodes: SvgNode[]; height: number } {
  const nodes: SvgNode[] = [];
  const chars = Math.floor((width - 24) / SPACED_CHAR);
  let at = y;
  let x = 0;
  for (const c of list) {
    const label = wrap(named(c), chars);
    const size = 22 + label[0]!.length * SPACED_CHAR + 16;
    if (x > 0 && (label.length > 1 || x + size > width)) { x = 0; at += LINE + 4; }
    nodes.push(...tick(c.kind, x + 8, at - 16, at - 8), shape(c.kind, x + 8, at - 3), ...lines(x + 22, at, label));
    at += (label.length - 1) * LINE;
    x = label.length > 1 ? width : x + size;
  }
  return { nodes, height: list.length ? at - y + LINE : 0 };
}

/** The legend in words, for the description: "Repères : ▼ Vague 2025 (même territoire) ; ◆ France (…)". */
export function marksText(list: readonly ChartComparison[], lang: ChartLang): string {
  return labelled(words(lang).marks, list.map((c) => `${markGlyph(c.kind)} ${named(c)}`).join(lang === 'en' ? '; ' : ' ; '), lang);
}

/** The compared shares of one bar in words: ", Vague 2025 : 24 %, France : 23 %". */
export function barMarksText(list: readonly ChartComparison[], shares: readonly (number | null | undefined)[], lang: ChartLang): string {
  return list.map((c, i) => (typeof shares[i] === 'number' ? `, ${labelled(c.label, percent(shares[i]!, lang), lang)}` : '')).join('');
}
