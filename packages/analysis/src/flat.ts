/**
 * The results document as one flat table (long format), for open data and spreadsheets: one
 * row per published figure. Writing it as CSV or XLSX is the exporters' job (the collector's
 * CSV writer escapes cells), so this module only makes the rows.
 */
import type { Category, GroupResults, QuestionFigures, ResultsDocument } from './results.js';

/** The columns of the flat table, in order. */
export const FLAT_COLUMNS = [
  'territory_level', 'territory_code', 'wave', 'reference_date', 'question', 'type', 'status', 'conditional',
  'base_asked', 'base_answered', 'matrix_row', 'code', 'label_fr', 'statistic', 'value', 'count', 'share',
  'ci_low', 'ci_high', 'suppressed', 'withheld_reason',
] as const;

/** One cell: text, number, or null for an empty cell. */
export type FlatCell = string | number | null;

type Row = Partial<Record<(typeof FLAT_COLUMNS)[number], FlatCell>>;

const ordered = (row: Row): FlatCell[] => FLAT_COLUMNS.map((c) => row[c] ?? null);

function categoryRow(c: Category): Row {
  return {
    code: c.code, label_fr: c.label?.fr ?? null, value: c.value ?? null, count: c.count, share: c.share,
    ci_low: c.interval?.low ?? null, ci_high: c.interval?.high ?? null, suppressed: c.suppressed ?? null,
  };
}

function questionRows(group: GroupResults, f: QuestionFigures): Row[] {
  const common: Row = {
    territory_level: group.territory.level, territory_code: group.territory.code, wave: group.wave,
    reference_date: group.referenceDate, question: f.id, type: f.type, status: f.status, conditional: f.conditional ? 1 : 0,
    base_asked: f.base?.asked ?? null, base_answered: f.base?.answered ?? null,
  };
  // A withheld question still has its row, saying so and why, with nothing else.
  if (f.status === 'withheld') return [{ ...common, withheld_reason: f.withheldReason ?? null }];
  switch (f.kind) {
    case 'distribution':
    case 'multiple':
      return (f.categories ?? []).map((c) => ({ ...common, ...categoryRow(c) }));
    case 'matrix':
      return (f.rows ?? []).flatMap((r) => {
        const row: Row = { ...common, matrix_row: r.code, status: r.status, base_asked: r.base?.asked ?? null, base_answered: r.base?.answered ?? null, ...(r.withheldReason ? { withheld_reason: r.withheldReason } : {}) };
        return r.categories ? r.categories.map((c) => ({ ...row, ...categoryRow(c) })) : [row];
      });
    case 'numeric': {
      const s = f.summary;
      const stats: Row[] = s ? (['n', 'sum', 'mean', 'q1', 'median', 'q3'] as const).map((k) => ({ ...common, statistic: f.unit === 'value' ? k : `${k}_${f.unit}`, value: s[k] })) : [];
      return [...stats, ...(f.classes ?? []).map((c) => ({ ...common, statistic: f.unit === 'age' ? 'class_age' : 'class', ...categoryRow(c) }))];
    }
  }
}

/** The flat table of a results document: its header and rows, in document order. */
export function flattenResults(doc: ResultsDocument): { header: readonly string[]; rows: FlatCell[][] } {
  return { header: FLAT_COLUMNS, rows: doc.groups.flatMap((g) => g.questions.flatMap((f) => questionRows(g, f).map(ordered))) };
}
