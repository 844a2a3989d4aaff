/** What every chart shares: the root `<svg>` with its title and description, patterns, text. */
import { el, type SvgNode } from './svg.js';
import { CHART_COLOURS } from './theme.js';

/** Options every chart takes. */
export interface ChartBase {
  /** The chart's title (its `<title>`, read first by screen readers). */
  title: string;
  /** Unique prefix of the ids inside the chart (patterns, title): one per chart on a page. */
  id: string;
  /** Width in user units (default 640); the height follows from the content. */
  width?: number;
}

/** Font size and line height of every text. */
export const FONT = 14;
export const LINE = 18;
/**
 * The room a character of a label or legend takes, in user units: what 14 px text needs, in a
 * sans-serif as wide as DejaVu Sans, when the user spaces it out (RGAA 10.12: letters +0.12 em,
 * words +0.16 em); labels are wrapped and legends laid out by character count with it, so that
 * none is cut at the chart's edge or runs into its neighbour.
 */
export const SPACED_CHAR = 9;

/**
 * The root: `role="img"`, named by its title (short, as a name should be) and described by
 * the text equivalent of every value (read after the name; the caller's data table is the
 * detailed equivalent beside it).
 */
export function frame(base: ChartBase, height: number, description: string, body: SvgNode[], defs: SvgNode[] = []): SvgNode {
  const width = base.width ?? 640;
  return el('svg', {
    class: 'olva-chart', role: 'img', viewBox: `0 0 ${width} ${Math.ceil(height)}`, width, height: Math.ceil(height),
    'aria-labelledby': `${base.id}-title`, 'aria-describedby': `${base.id}-desc`, 'font-size': FONT, 'font-family': 'inherit',
  }, [
    el('title', { id: `${base.id}-title` }, [base.title]),
    el('desc', { id: `${base.id}-desc` }, [description]),
    defs.length ? el('defs', {}, defs) : null,
    ...body,
  ]);
}

/** A text line in the text colour (or muted). */
export function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}, muted = false): SvgNode {
  const cls = muted ? 'olva-chart-muted' : 'olva-chart-text';
  return el('text', { x, y, class: cls, fill: muted ? CHART_COLOURS.muted : CHART_COLOURS.text, ...attrs }, [content]);
}

/** Several lines of text starting at baseline y. */
export function lines(x: number, y: number, content: string[], attrs: Record<string, string | number> = {}): SvgNode[] {
  return content.map((line, i) => text(x, y + i * LINE, line, attrs));
}

/**
 * A hatching pattern drawn over a colour: white strokes of shape `kind` (0: none, then
 * diagonal, dots, horizontal, cross, vertical, back-diagonal, grid), so that series differ
 * without colour. Kinds 8 to 14 (a matrix of more than eight columns: a 0–10 scale) draw
 * shapes 1 to 7 at half size, twice as dense, so that series 9 is not series 1 again;
 * `'hidden'`, the grey "masqué" segment's, is a chequerboard no series has,
 * so that a segment too narrow for its word is still told from a solid series.
 */
export function pattern(id: string, cls: string, fill: string, kind: number | 'hidden'): SvgNode {
  const stroke = { stroke: '#ffffff', 'stroke-width': 1.5, 'stroke-opacity': 0.6, fill: 'none' };
  const marks: Record<number, SvgNode[]> = {
    1: [el('path', { d: 'M0 8L8 0M-2 2L2 -2M6 10L10 6', ...stroke })],
    2: [el('circle', { cx: 4, cy: 4, r: 1.5, fill: '#ffffff', 'fill-opacity': 0.6 })],
    3: [el('path', { d: 'M0 4H8', ...stroke })],
    4: [el('path', { d: 'M0 8L8 0M0 0L8 8', ...stroke })],
    5: [el('path', { d: 'M4 0V8', ...stroke })],
    6: [el('path', { d: 'M0 0L8 8M-2 6L2 10M6 -2L10 2', ...stroke })],
    7: [el('path', { d: 'M0 4H8M4 0V8', ...stroke })],
  };
  const dense = kind !== 'hidden' && kind % 15 > 7;
  return el('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: dense ? 'scale(.5)' : undefined }, [
    el('rect', { width: 8, height: 8, class: cls, fill }),
    ...(kind === 'hidden' ? [el('path', { d: 'M0 0h4v4H0zM4 4h4v4H4z', fill: '#ffffff', 'fill-opacity': 0.6 })] : marks[dense ? kind % 15 - 7 : kind % 15] ?? []),
  ]);
}
