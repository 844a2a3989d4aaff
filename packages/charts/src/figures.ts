/**
 * From a question's figures in a results document to its chart: shares for a single or
 * multiple choice, a boolean, a scale or numeric classes; stacked bars for a matrix; boxes for
 * a numeric summary. Reports and `<olva-results>` both draw through here.
 */
import type { Category, NumericFigures, QuestionFigures, Quartiles, ResultsRules } from '@olva/analysis';
import { localize } from '@olva/runtime';
import type { SvgNode } from './svg.js';
import { shareBars } from './share-bars.js';
import { stackedBars } from './stacked-bars.js';
import { numericDistribution } from './distribution.js';
import { isShown, type ChartLang } from './format.js';
import type { ChartComparison } from './marks.js';

/** A comparison to mark on a question's share bars: its compared share by code. */
export interface QuestionChartComparison extends ChartComparison {
  /** By category code; a code absent (or its share hidden) gets no marker. */
  shares: Readonly<Record<string, number | null | undefined>>;
}

/** Options of {@link questionChart}. */
export interface QuestionChartOptions {
  lang: ChartLang;
  /** The document's rules (`minCell` is written as "< minCell"). */
  rules: Pick<ResultsRules, 'minCell'>;
  /** Unique prefix of the ids inside the chart. */
  id: string;
  width?: number;
  /** The title; the question's label by default. */
  title?: string;
  /**
   * Comparisons marked on share bars (single and multiple choices): a tick at each compared
   * share, none on a hidden category. Matrices and numeric questions take none.
   */
  comparisons?: readonly QuestionChartComparison[];
  /** False: the markers' legend is not drawn (see `shareBars`). */
  legend?: boolean;
}

/** A category's label in the language; its code when it has none. */
export function categoryLabel(c: Pick<Category, 'code' | 'label'>, lang: ChartLang): string {
  return c.label ? localize(c.label, lang) : c.code;
}

/** The unit written after the values of a numeric question. */
export function numericUnit(unit: 'value' | 'age' | 'year', lang: ChartLang): string {
  if (unit === 'age') return lang === 'en' ? 'years' : 'ans';
  return '';
}

/** Question types whose answers are whole numbers: counts (members, volunteers, employees) and years (or ages). */
const WHOLE_TYPES: ReadonlySet<string> = new Set(['integer', 'year']);

/** Rounds half away from zero (2.5 → 3, −2.5 → −3), as a reader rounds by hand; Math.round takes −2.5 to −2. */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * The median and quartiles of a numeric question as readers are shown them (key figures, full
 * report, `<olva-results>`, charts): whole numbers for a question of whole values, rounded half
 * away from zero, since « entre 34 et 252,3 adhérents » counts no association; a decimal
 * question keeps its decimals. The document keeps the exact figures of definition 7 (open data
 * that R, numpy or a spreadsheet recompute); the reports' method section says the rounding.
 */
export function readerQuartiles(figures: Pick<NumericFigures, 'type'>, summary: Quartiles): Quartiles {
  const { q1, median, q3 } = summary;
  if (!WHOLE_TYPES.has(figures.type)) return { q1, median, q3 };
  return { q1: roundHalfAway(q1), median: roundHalfAway(median), q3: roundHalfAway(q3) };
}

/** The chart of one question's figures, or null when it has none to draw (withheld base). */
export function questionChart(figures: QuestionFigures, options: QuestionChartOptions): SvgNode | null {
  const { lang, id, width } = options;
  const minCell = options.rules.minCell;
  const title = options.title ?? localize(figures.label, lang);
  const smallBase = figures.status === 'small';
  const bars = (categories: Category[], all: readonly QuestionChartComparison[] = []) => {
    // Named in the legend only when it marks a shown bar.
    const comparisons = all.filter((x) => categories.some((c) => isShown(c) && typeof x.shares[c.code] === 'number'));
    return shareBars({
      title, id, width, lang, minCell, smallBase, comparisons, legend: options.legend,
      bars: categories.map((c) => ({ label: categoryLabel(c, lang), share: c.share, interval: c.interval, suppressed: c.suppressed, compared: comparisons.map((x) => x.shares[c.code]) })),
    });
  };
  switch (figures.kind) {
    case 'distribution':
    case 'multiple':
      return figures.categories ? bars(figures.categories, options.comparisons) : null;
    case 'matrix': {
      if (!figures.rows) return null;
      const categories = figures.rows.find((r) => r.categories)?.categories ?? [];
      return stackedBars({
        title, id, width, lang, minCell,
        categories: categories.map((c) => ({ label: categoryLabel(c, lang) })),
        rows: figures.rows.map((r) => ({
          label: categoryLabel(r, lang),
          smallBase: r.status === 'small',
          segments: r.categories?.map((c) => ({ share: c.share, suppressed: c.suppressed })),
        })),
      });
    }
    case 'numeric': {
      if (figures.classes) return bars(figures.classes);
      const s = figures.summary;
      if (!s) return null;
      return numericDistribution({
        title, id, width, lang, unit: numericUnit(figures.unit, lang),
        rows: [{ label: title, ...readerQuartiles(figures, s), mean: s.mean, n: s.n, smallBase }],
      });
    }
  }
}
