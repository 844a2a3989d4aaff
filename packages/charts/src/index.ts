/**
 * @olva/charts: SVG charts of OLVA results, DOM-free. Each chart function returns an
 * {@link SvgNode} tree with a `<title>`, a `<desc>` (its text equivalent) and `role="img"`;
 * `svgMarkup` writes it as escaped markup (server, print), `svgElement` builds it as DOM
 * without parsing HTML (browser, Trusted Types). Pair every chart with its data table.
 */
export { el, escapeMarkup, svgMarkup, svgElement, svgText, SVG_NS, type SvgNode } from './svg.js';
export { shareBars, type ShareBar, type ShareBarsInput } from './share-bars.js';
export { stackedBars, type StackedBarsInput, type StackedRow, type StackedSegment } from './stacked-bars.js';
export { numericDistribution, axisDomain, niceStep, type DistributionInput, type DistributionRow } from './distribution.js';
export { CHART_COLOURS, CHART_CSS, seriesColour } from './theme.js';
export { percent, number, hiddenText, wrap, SMALL_BASE_MARK, type ChartLang } from './format.js';
export type { ChartBase } from './frame.js';
export { questionChart, categoryLabel, numericUnit, readerQuartiles, type QuestionChartOptions, type QuestionChartComparison } from './figures.js';
export { COMPARISON_KINDS, markGlyph, type ChartComparison, type ComparisonKind } from './marks.js';
