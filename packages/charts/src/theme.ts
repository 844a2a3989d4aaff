/**
 * Colours of the charts. Every coloured shape carries a class and, as a presentation
 * attribute, its default colour: markup alone renders with the defaults, and `CHART_CSS`
 * (a style sheet, not inline style, so strict CSP allows it) lets a page change them through
 * `--olva-chart-*` custom properties. Colours never carry meaning alone: series also differ
 * by pattern and are named in a legend, and every value is written as text.
 */

/** Default colours; each passes 3:1 against white (WCAG 1.4.11), text colours 4.5:1. */
export const CHART_COLOURS = {
  text: '#1b1b1b',
  muted: '#595959',
  grid: '#d0d0d0',
  bar: '#3b7bb3',
  interval: '#1b1b1b',
  box: '#dce8f3',
  hidden: '#767676',
  /** The series of stacked bars, each with white value text at 4.5:1 or more. */
  series: ['#1f4e79', '#8a3b12', '#2e6b30', '#6b2f7a', '#005f66', '#7a5a00', '#a3195b', '#4d4d4d'],
} as const;

/** The class and default colour of series `i` (cycling through the palette). */
export function seriesColour(i: number): { cls: string; fill: string } {
  const k = i % CHART_COLOURS.series.length;
  return { cls: `olva-chart-s${k}`, fill: CHART_COLOURS.series[k]! };
}

/**
 * Forced colours (Windows high contrast): SVG paint is not forced by the browser, so the
 * charts map themselves to the user's system colours, or black text would vanish on a black
 * canvas. Ink (texts, bars, series, lines, marks) is `CanvasText`; what is white by default
 * (halos, hatching, separators, words inside a segment: picked by their presentation
 * attribute, so no class is added to the markup) is `Canvas`; the grid and the grey "masqué"
 * segment are `GrayText`. Series then differ by their hatching alone, which is why each has
 * its own pattern; the quartile box is an outline.
 */
const FORCED_COLOURS = '@media(forced-colors:active){'
  + '.olva-chart-text,.olva-chart-muted,.olva-chart-bar,[class^=olva-chart-s]{fill:CanvasText}'
  + '.olva-chart-interval,.olva-chart-mark,.olva-chart-box,.olva-chart-box-line,[class$=-stroke]{stroke:CanvasText}'
  + '.olva-chart-grid{stroke:GrayText}.olva-chart-hidden{fill:GrayText}'
  + '.olva-chart-box,[fill="#ffffff"]{fill:Canvas}[stroke="#ffffff"]{stroke:Canvas}}';

const rule = (selector: string, property: string, name: string, value: string): string =>
  `${selector}{${property}:var(--olva-chart-${name},${value})}`;

/**
 * The style sheet of the charts: custom properties `--olva-chart-text`, `-muted`, `-grid`,
 * `-bar`, `-interval`, `-box`, `-hidden`, `-font` and `--olva-chart-series-0` … `-7`.
 */
export const CHART_CSS = [
  `.olva-chart{max-width:100%;height:auto;font-family:var(--olva-chart-font,inherit)}`,
  rule('.olva-chart-text', 'fill', 'text', CHART_COLOURS.text),
  rule('.olva-chart-muted', 'fill', 'muted', CHART_COLOURS.muted),
  rule('.olva-chart-grid', 'stroke', 'grid', CHART_COLOURS.grid),
  rule('.olva-chart-bar', 'fill', 'bar', CHART_COLOURS.bar),
  rule('.olva-chart-interval', 'stroke', 'interval', CHART_COLOURS.interval),
  rule('.olva-chart-box', 'fill', 'box', CHART_COLOURS.box),
  rule('.olva-chart-box-line', 'stroke', 'text', CHART_COLOURS.text),
  rule('.olva-chart-mark', 'stroke', 'text', CHART_COLOURS.text),
  rule('.olva-chart-hidden', 'fill', 'hidden', CHART_COLOURS.hidden),
  ...CHART_COLOURS.series.map((c, i) => rule(`.olva-chart-s${i}`, 'fill', `series-${i}`, c)),
  ...CHART_COLOURS.series.map((c, i) => rule(`.olva-chart-s${i}-stroke`, 'stroke', `series-${i}`, c)),
  FORCED_COLOURS,
].join('');
