/**
 * Cell encoding shared by every export: the compiler's CSV writer, so that formula escaping
 * and quoting follow one rule for `olva build`'s codebook.csv and the collector's CSV,
 * codebook and XLSX (see `escapeFormula` of @olva/compiler).
 */

/** A cell value once mapped from an answer: text, a number, or empty (null). */
export type Cell = string | number | null;

export { escapeFormula, csvRecord, CSV_BOM } from '@olva/compiler';
