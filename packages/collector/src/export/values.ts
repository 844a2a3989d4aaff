/**
 * From a stored response to the cells of one export row, as codes (the analysis sheet and
 * the CSV) or as labels (the "libellés" sheet).
 *
 * Empty versus 0: a multiple-choice column `<id>__<code>` is 1 when the code was chosen, 0
 * when the question was answered without it, and empty when the question has no answer
 * (hidden by a condition, skipped, or absent from the version answered). Booleans are 1/0.
 */
import type { LocalizedText } from '@olva/schema';
import { unhandledQuestionType } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import type { VariableColumn } from './columns.js';
import { METADATA_COLUMNS } from './columns.js';
import type { MissingFiller } from './missing.js';

/**
 * A cell value once mapped from an answer: text, a number, or empty (null). Written to CSV and
 * XLSX by the compiler's CSV writer (`@olva/compiler/csv`), so that formula escaping and
 * quoting follow one rule for `olva build`'s codebook.csv and every export.
 */
export type Cell = string | number | null;

/** Codes for analysis, or labels for reading. */
export type CellMode = 'codes' | 'labels';

/** Language of labels. */
export type ExportLocale = 'fr' | 'en';

/** Picks the text of a label in `locale`, falling back to French. */
export function localized(text: LocalizedText | undefined, locale: ExportLocale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text.fr;
}

const YES_NO: Record<ExportLocale, [string, string]> = { fr: ['Oui', 'Non'], en: ['Yes', 'No'] };

type Answers = Record<string, unknown>;
/** Maps one answer value (or, for a matrix, one row's choice code) to a cell. */
type ValueReader = (value: unknown) => Cell;

/** A value with no agreed column shape (should not happen with a valid payload) stays readable. */
function generic(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(';');
  return JSON.stringify(value);
}

function choiceLabels(choices: { code: string; label: LocalizedText }[] | undefined, locale: ExportLocale): Map<string, string> {
  return new Map((choices ?? []).map((c) => [c.code, localized(c.label, locale)]));
}

/** The reader of a `value` column (the answer itself) or of a matrix row's code. */
function valueReader(column: VariableColumn, mode: CellMode, locale: ExportLocale): ValueReader {
  const q = column.question;
  const [yes, no] = YES_NO[locale];
  if (mode === 'codes' || column.kind === 'other') return generic;
  if (column.kind === 'row') {
    const labels = choiceLabels('choices' in q ? q.choices : [], locale);
    return (v) => (typeof v === 'string' ? labels.get(v) ?? v : generic(v));
  }
  switch (q.type) {
    case 'single': {
      const labels = choiceLabels(q.choices, locale);
      return (v) => (typeof v === 'string' ? labels.get(v) ?? v : generic(v));
    }
    case 'scale': {
      const points = q.choices.map((c) => localized(c.label, locale));
      return (v) => (typeof v === 'number' && points[v - 1] !== undefined ? points[v - 1] : generic(v));
    }
    case 'multiple': {
      const labels = choiceLabels(q.choices, locale);
      return (v) => (Array.isArray(v) ? v.map((c) => labels.get(String(c)) ?? String(c)).join(' ; ') : generic(v));
    }
    case 'boolean': return (v) => (typeof v === 'boolean' ? (v ? yes : no) : generic(v));
    // Numbers, text and commune codes have no label: the value as it is.
    case 'integer': case 'year': case 'decimal': case 'text': case 'textarea': case 'email': case 'commune': case 'matrix':
      return generic;
    default: return unhandledQuestionType(q);
  }
}

/** The metadata cells of a response, in `METADATA_COLUMNS` order. */
export function metadataCells(r: StoredResponse): Cell[] {
  const p = r.payload;
  return [
    r.submissionId, r.receivedAt, p.questionnaire.version, p.extension?.id ?? null,
    p.extension?.version ?? null, p.territory.level, p.territory.code, p.wave, p.channel,
    p.source ?? null, p.locale, p.startedAt, p.submittedAt,
  ];
}

/** Header of an export: metadata column names, then variable column names. */
export function headerCells(columns: readonly VariableColumn[]): string[] {
  return [...METADATA_COLUMNS, ...columns.map((c) => c.name)];
}

/** Writes the cells that one answer key fills. */
type Writer = (value: unknown, cells: Cell[]) => void;

/**
 * Compiles the row mapper of an export once. A response usually answers a fraction of the
 * columns, so the mapper walks the answers it holds (each key knows the cells it fills)
 * rather than every column: the cost of a row follows its answers, not the codebook's width.
 * Cells of questions without an answer stay empty (null), or get their missing-value code
 * from `missing` (see missing.ts). `answersOf` reads a response's answers (harmonised exports
 * rewrite them, see harmonise.ts).
 */
export function rowMapper(
  columns: readonly VariableColumn[], mode: CellMode, locale: ExportLocale = 'fr', missing?: MissingFiller,
  answersOf: (r: StoredResponse) => Answers = (r) => (r.payload.answers ?? {}) as Answers,
): (r: StoredResponse) => Cell[] {
  const offset = METADATA_COLUMNS.length;
  const writers = new Map<string, Writer[]>();
  const add = (key: string, w: Writer) => {
    const list = writers.get(key);
    if (list) list.push(w);
    else writers.set(key, [w]);
  };
  // Choice and row columns are grouped per question: one writer fills all of them.
  const choiceGroups = new Map<string, Map<string, number>>();
  const rowGroups = new Map<string, { index: Map<string, number>; read: ValueReader }>();
  columns.forEach((column, i) => {
    const at = offset + i;
    const id = column.questionId;
    if (column.kind === 'choice') {
      let group = choiceGroups.get(id);
      if (!group) {
        const codes = new Map<string, number>();
        group = codes;
        choiceGroups.set(id, codes);
        const [yes, no] = mode === 'codes' ? [1, 0] : YES_NO[locale];
        add(id, (v, cells) => {
          for (const index of codes.values()) cells[index] = no;
          for (const code of Array.isArray(v) ? v : [v]) {
            const index = codes.get(String(code));
            if (index !== undefined) cells[index] = yes;
          }
        });
      }
      group.set(column.code ?? '', at);
    } else if (column.kind === 'row') {
      let group = rowGroups.get(id);
      if (!group) {
        const rows = { index: new Map<string, number>(), read: valueReader(column, mode, locale) };
        group = rows;
        rowGroups.set(id, rows);
        add(id, (v, cells) => {
          if (!v || typeof v !== 'object' || Array.isArray(v)) return;
          for (const [row, index] of rows.index) {
            const code = (v as Record<string, unknown>)[row];
            if (code !== undefined && code !== null) cells[index] = rows.read(code);
          }
        });
      }
      group.index.set(column.code ?? '', at);
    } else {
      const read = valueReader(column, mode, locale);
      add(column.kind === 'other' ? `${id}_other` : id, (v, cells) => { cells[at] = read(v); });
    }
  });
  const width = offset + columns.length;
  return (r) => {
    const cells: Cell[] = metadataCells(r);
    cells.length = width;
    cells.fill(null, offset);
    const answers = answersOf(r);
    for (const key in answers) {
      const list = writers.get(key);
      if (!list) continue;
      const value = answers[key];
      if (value === undefined || value === null) continue;
      for (const write of list) write(value, cells);
    }
    missing?.(r, cells);
    return cells;
  };
}
