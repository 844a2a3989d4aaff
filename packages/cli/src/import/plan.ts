/**
 * What each column of an imported file holds, worked out once from its header: a metadata
 * column of olva's exports, a question's answer, one choice of a multiple choice, a matrix
 * row or an "other" text; through the mapping file's `columns` for a foreign file. A column
 * that is none of these stops the import before any row: its data would be lost without a
 * word otherwise (the mapping file leaves one out on purpose with `null`).
 */
import { METADATA_COLUMNS, variableColumns } from '@olva/collector';
import { pointerOf, type CompiledQuestionnaire } from '@olva/schema';
import type { ImportMapping } from './mapping.js';

/** A metadata column of olva's exports. */
export type MetadataName = (typeof METADATA_COLUMNS)[number];

/** The columns of one question, by their index in the file. */
export interface QuestionColumns {
  value?: number;
  other?: number;
  /** Choice code → column (a multiple choice's 0/1 columns). */
  choices: Map<string, number>;
  /** Row code → column (a matrix). */
  rows: Map<string, number>;
}

/** The plan of a file's columns. */
export interface ColumnPlan {
  header: readonly string[];
  metadata: Map<MetadataName, number>;
  questions: Map<string, QuestionColumns>;
  /** True when the file is one of olva's own exports (it has `submission_id` and `questionnaire_version`):
   * its -7/-8/-9 cells are missing values and its texts were formula-escaped on the way out. */
  olvaExport: boolean;
}

/** A column that cannot be placed. */
export interface ColumnProblem {
  /** The file's column ('' for a problem of the mapping's `values`). */
  column: string;
  rule: 'unknown-column' | 'duplicate-column' | 'unknown-mapping-target' | 'unknown-mapping-question';
  /** The mapping file's pointer when the problem is in its `columns`. */
  mappingPointer?: string;
  target: string;
}

const METADATA = new Set<string>(METADATA_COLUMNS);

/**
 * The plan of `header` against `versions` (the accepted versions of the questionnaire: the
 * union of their columns is known) and the mapping file. `emptyColumns`: the columns no row
 * fills (an unnamed one of them is left out).
 */
export function planColumns(header: readonly string[], versions: readonly CompiledQuestionnaire[], mapping: ImportMapping, emptyColumns: ReadonlySet<number> = new Set()): { plan: ColumnPlan; problems: ColumnProblem[] } {
  const known = new Map(variableColumns(versions).map((c) => [c.name, c] as const));
  const plan: ColumnPlan = { header, metadata: new Map(), questions: new Map(), olvaExport: false };
  const problems: ColumnProblem[] = [];
  const taken = new Set<string>();
  const of = (id: string) => {
    let q = plan.questions.get(id);
    if (!q) {
      q = { choices: new Map(), rows: new Map() };
      plan.questions.set(id, q);
    }
    return q;
  };
  header.forEach((column, index) => {
    // A column without a name nor any value (a separator at the end of each line): nothing to lose.
    if (column === '' && emptyColumns.has(index)) return;
    const mapped = Object.hasOwn(mapping.columns, column);
    const target = mapped ? mapping.columns[column] : column;
    if (target === null) return;
    if (taken.has(target)) {
      problems.push({ column, rule: 'duplicate-column', target });
      return;
    }
    taken.add(target);
    if (METADATA.has(target)) {
      plan.metadata.set(target as MetadataName, index);
      return;
    }
    const c = known.get(target);
    if (!c) {
      problems.push(mapped
        ? { column, rule: 'unknown-mapping-target', target, mappingPointer: pointerOf('columns', column) }
        : { column, rule: 'unknown-column', target });
      return;
    }
    const q = of(c.questionId);
    if (c.kind === 'value') q.value = index;
    else if (c.kind === 'other') q.other = index;
    else if (c.kind === 'choice') q.choices.set(c.code ?? '', index);
    else q.rows.set(c.code ?? '', index);
  });
  // The mapping's values of a question no version has would never be read: a typo, said.
  const questionIds = new Set([...known.values()].map((c) => c.questionId));
  for (const id of Object.keys(mapping.values)) {
    if (!questionIds.has(id)) problems.push({ column: '', rule: 'unknown-mapping-question', target: id, mappingPointer: pointerOf('values', id) });
  }
  plan.olvaExport = plan.metadata.has('submission_id') && plan.metadata.has('questionnaire_version');
  return { plan, problems };
}

/**
 * The column of the file a problem's JSON pointer is about (`/answers/secteur`,
 * `/answers/note__locaux`, `/wave`…), or undefined when no column holds it.
 */
export function columnOfPointer(plan: ColumnPlan, pointer: string): string | undefined {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = (index: number | undefined) => (index === undefined ? undefined : plan.header[index]);
  if (parts[0] === 'answers' && parts[1] !== undefined) {
    const key = parts[1];
    const other = key.endsWith('_other') ? plan.questions.get(key.slice(0, -'_other'.length)) : undefined;
    if (other?.other !== undefined) return at(other.other);
    const q = plan.questions.get(key);
    if (!q) return undefined;
    if (parts[2] !== undefined && q.rows.has(parts[2])) return at(q.rows.get(parts[2]));
    return at(q.value ?? q.choices.values().next().value ?? q.rows.values().next().value);
  }
  const metadata: Record<string, MetadataName> = {
    submissionId: 'submission_id', wave: 'wave', channel: 'channel', source: 'source', locale: 'locale',
    startedAt: 'started_at', submittedAt: 'submitted_at', territory: 'territory_code',
    questionnaire: 'questionnaire_version', extension: 'extension_id',
  };
  const name = metadata[parts[0] ?? ''];
  if (name === 'territory_code' && parts[1] === 'level') return at(plan.metadata.get('territory_level'));
  return name ? at(plan.metadata.get(name)) : undefined;
}
