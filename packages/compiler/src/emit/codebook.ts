/**
 * The codebook: every column of the data export, described. `codebook.csv` is for
 * spreadsheets and statistics software, `codebook.md` for people. `codebookColumns` is the
 * single source of the export's column list: the collector builds its CSV/XLSX columns from
 * it, so that the codebook and the data always match.
 *
 * Naming of export columns (see README.md):
 * - `<id>`: the answer of a question (for `multiple`: its codes joined with `;`);
 * - `<id>_other`: the "other, please specify" text, asked when the choice `other` is chosen;
 * - `<id>__<code>`: one 0/1 column per choice of a `multiple` question;
 * - `<id>__<row>`: one column per row of a `matrix` question (the matrix has no `<id>` column).
 * Dots of extension ids (`rennes.locaux`) are kept: they are legal in CSV headers and keep
 * the column named exactly like the payload key.
 */
import type { CompiledQuestion, CompiledQuestionnaire } from '@olva/schema';
import { unhandledQuestionType } from '@olva/schema';
import { conditionWords, requiredWords, visibilityWords } from './condition-words.js';
import { en, fr } from './text.js';
import { allQuestions, choicesOf, hasOther, otherChosen, otherKey, rowsOf } from './question-parts.js';

/** One column of the data export. */
export interface CodebookColumn {
  /** Column header in the export. */
  name: string;
  /** The question it comes from. */
  questionId: string;
  /** `value`: the answer; `other`: the `_other` text; `choice`: a 0/1 column of a multiple choice; `row`: a matrix row. */
  kind: 'value' | 'other' | 'choice' | 'row';
  /** The choice code (`choice`) or row code (`row`). */
  code?: string;
}

/** Raised when two export columns would have the same name. */
export class CodebookError extends Error {}

/** The ordered columns of the data export of a compiled questionnaire (answers only). */
export function codebookColumns(compiled: CompiledQuestionnaire): CodebookColumn[] {
  const columns: CodebookColumn[] = [];
  for (const q of allQuestions(compiled)) {
    if (q.type === 'matrix') {
      for (const row of q.rows) columns.push({ name: `${q.id}__${row.code}`, questionId: q.id, kind: 'row', code: row.code });
      continue;
    }
    columns.push({ name: q.id, questionId: q.id, kind: 'value' });
    if (q.type === 'multiple') {
      for (const c of q.choices) columns.push({ name: `${q.id}__${c.code}`, questionId: q.id, kind: 'choice', code: c.code });
    }
    if (hasOther(q)) columns.push({ name: otherKey(q.id), questionId: q.id, kind: 'other' });
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) {
      throw new CodebookError(`export column "${c.name}" is produced twice (question ${c.questionId}): rename a question id`);
    }
    seen.add(c.name);
  }
  return columns;
}

/** The export cell format of a column, in French then English. */
export function columnFormat(q: CompiledQuestion, kind: CodebookColumn['kind']): { fr: string; en: string } {
  if (kind === 'other') return { fr: 'texte', en: 'text' };
  if (kind === 'choice') return { fr: '1 = coché, 0 = non coché', en: '1 = ticked, 0 = not ticked' };
  if (kind === 'row') return { fr: 'code', en: 'code' };
  switch (q.type) {
    case 'single': return { fr: 'code', en: 'code' };
    case 'multiple': return { fr: 'codes séparés par « ; »', en: 'codes separated by ";"' };
    case 'boolean': return { fr: '1 = oui, 0 = non', en: '1 = yes, 0 = no' };
    case 'integer': case 'year': return { fr: 'entier', en: 'integer' };
    case 'decimal': return { fr: 'nombre décimal (point)', en: 'decimal number (dot)' };
    case 'scale': return { fr: `entier 1 à ${q.choices.length}`, en: `integer 1 to ${q.choices.length}` };
    case 'commune': return { fr: 'code commune INSEE (COG)', en: 'INSEE commune code (COG)' };
    case 'email': return { fr: 'adresse électronique', en: 'e-mail address' };
    case 'text': case 'textarea': case 'matrix': return { fr: 'texte', en: 'text' };
    default: return unhandledQuestionType(q);
  }
}

type Lang = 'fr' | 'en';
const t = (lang: Lang, text: { fr: string; en?: string } | undefined): string => (lang === 'fr' ? fr(text) : en(text));

/** "code=label | code=label" of a column, in one language ('' when it has no codes). */
export function columnCodes(q: CompiledQuestion, column: CodebookColumn, lang: Lang): string {
  if (column.kind === 'choice') return lang === 'fr' ? '1=coché | 0=non coché' : '1=ticked | 0=not ticked';
  if (column.kind === 'other') return '';
  if (q.type === 'boolean') return lang === 'fr' ? '1=Oui | 0=Non' : '1=Yes | 0=No';
  if (q.type === 'scale') return q.choices.map((c, i) => `${i + 1}=${t(lang, c.label)}`).join(' | ');
  const choices = choicesOf(q);
  return choices.map((c) => `${c.code}=${t(lang, c.label)}`).join(' | ');
}

/** The label of a column, in one language. */
export function columnLabel(q: CompiledQuestion, column: CodebookColumn, lang: Lang): string {
  const base = t(lang, q.label);
  if (column.kind === 'other' && hasOther(q)) return `${base} — ${t(lang, q.other.label)}`;
  if (column.kind === 'choice') return `${base} — ${t(lang, choicesOf(q).find((c) => c.code === column.code)?.label)}`;
  if (column.kind === 'row') return `${base} — ${t(lang, rowsOf(q).find((r) => r.code === column.code)?.label)}`;
  return base;
}

/** One described row of the codebook. */
export interface CodebookRow {
  variable: string;
  question: string;
  kind: CodebookColumn['kind'];
  type: string;
  format_fr: string;
  format_en: string;
  label_fr: string;
  label_en: string;
  codes_fr: string;
  codes_en: string;
  condition_fr: string;
  condition_en: string;
  required_fr: string;
  required_en: string;
  section: string;
  origin: string;
  version: string;
}

/** Headers of `codebook.csv`, in order. */
export const CODEBOOK_HEADERS = Object.freeze([
  'variable', 'question', 'kind', 'type', 'format_fr', 'format_en', 'label_fr', 'label_en',
  'codes_fr', 'codes_en', 'condition_fr', 'condition_en', 'required_fr', 'required_en',
  'section', 'origin', 'version',
] as const) satisfies readonly (keyof CodebookRow)[];

// Fails to compile when the codebook row gains a column these headers lack.
type MissingColumn = Exclude<keyof CodebookRow, (typeof CODEBOOK_HEADERS)[number]>;
const headersAreComplete: [MissingColumn] extends [never] ? true : MissingColumn = true;
void headersAreComplete;

/** The described rows of the codebook, one per export column. */
export function codebookRows(compiled: CompiledQuestionnaire): CodebookRow[] {
  const byId = new Map(allQuestions(compiled).map((q) => [q.id, q] as const));
  return codebookColumns(compiled).map((column) => {
    const q = byId.get(column.questionId)!;
    const format = columnFormat(q, column.kind);
    // The "other" text is asked, and required, when the choice `other` is chosen.
    const chosen = column.kind === 'other'
      ? { fr: `si ${conditionWords(otherChosen(q), compiled, 'fr')}`, en: `if ${conditionWords(otherChosen(q), compiled, 'en')}` }
      : null;
    const required = chosen ?? (column.kind === 'choice'
      ? { fr: 'non', en: 'no' }
      : { fr: requiredWords(q, compiled, 'fr'), en: requiredWords(q, compiled, 'en') });
    return {
      variable: column.name,
      question: `Q${q.number}`,
      kind: column.kind,
      type: column.kind === 'other' ? 'text' : column.kind === 'choice' ? 'boolean' : q.type,
      format_fr: format.fr,
      format_en: format.en,
      label_fr: columnLabel(q, column, 'fr'),
      label_en: columnLabel(q, column, 'en'),
      codes_fr: columnCodes(q, column, 'fr'),
      codes_en: columnCodes(q, column, 'en'),
      condition_fr: chosen?.fr ?? visibilityWords(q, compiled, 'fr'),
      condition_en: chosen?.en ?? visibilityWords(q, compiled, 'en'),
      required_fr: required.fr,
      required_en: required.en,
      section: q.section,
      origin: q.origin.kind === 'core' ? 'core' : q.origin.id,
      version: q.origin.version,
    };
  });
}
