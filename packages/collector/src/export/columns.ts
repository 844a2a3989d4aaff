/**
 * The columns of an export: metadata first, then the variables of the codebook. Variable
 * columns come from the compiler's codebook emitter (`codebookColumns`), so the CSV, the
 * XLSX and the codebook always name and order the same columns.
 *
 * When an export mixes several compiled versions (two core versions in one wave, or the
 * extensions of several territories), its variables are the union of their columns: the
 * newest version gives the order, and a column found only in another version is placed
 * right after the column that precedes it there (an extension's questions stay beside the
 * extension point they were inserted at). A response answered with a version that lacks a
 * column leaves that column empty.
 */
import { codebookColumns } from '@olva/compiler/codebook';
import { compareVersions, type CompiledQuestion, type CompiledQuestionnaire } from '@olva/schema';

/** One variable column, as the compiler's codebook emitter describes it. */
export interface CodebookColumn {
  /** Column name: `<id>`, `<id>__<code>` (a choice of a multiple choice), `<id>__<row>`
   * (a matrix row) or `<id>_other` (the "other, please specify" text). */
  name: string;
  questionId: string;
  kind: 'value' | 'other' | 'choice' | 'row';
  /** The choice code (`choice`) or the row code (`row`). */
  code?: string;
}

/** A variable column with the question it reads. */
export interface VariableColumn extends CodebookColumn {
  question: CompiledQuestion;
}

/** Metadata columns, before the variables, in this order. */
export const METADATA_COLUMNS = Object.freeze([
  'submission_id', 'received_at', 'questionnaire_version', 'extension_id', 'extension_version',
  'territory_level', 'territory_code', 'wave', 'channel', 'source', 'locale', 'started_at',
  'submitted_at',
] as const);

/** Labels of the metadata columns, for the codebook. */
export const METADATA_LABELS: Record<(typeof METADATA_COLUMNS)[number], { fr: string; en: string }> = {
  submission_id: { fr: 'Identifiant de la réponse (UUID)', en: 'Response identifier (UUID)' },
  received_at: { fr: 'Reçue par le collecteur le (RFC 3339)', en: 'Received by the collector at (RFC 3339)' },
  questionnaire_version: { fr: 'Version du tronc commun', en: 'Common core version' },
  extension_id: { fr: 'Extension territoriale', en: 'Territorial extension' },
  extension_version: { fr: "Version de l'extension", en: 'Extension version' },
  territory_level: { fr: 'Niveau du territoire', en: 'Territory level' },
  territory_code: { fr: 'Code officiel du territoire', en: 'Official territory code' },
  wave: { fr: 'Millésime', en: 'Wave' },
  channel: { fr: 'Canal de collecte (web, paper, phone, kiosk)', en: 'Collection channel (web, paper, phone, kiosk)' },
  source: { fr: 'Source de diffusion', en: 'Distribution source' },
  locale: { fr: 'Langue de réponse', en: 'Answer language' },
  started_at: { fr: 'Commencée le (RFC 3339)', en: 'Started at (RFC 3339)' },
  submitted_at: { fr: 'Envoyée le (RFC 3339)', en: 'Submitted at (RFC 3339)' },
};


/** Newest core version first; for the same core, the bare core first, then extensions by id. */
export function orderVersions(compiled: readonly CompiledQuestionnaire[]): CompiledQuestionnaire[] {
  return [...compiled].sort((a, b) =>
    compareVersions(b.questionnaire.version, a.questionnaire.version)
    || (a.extension ? 1 : 0) - (b.extension ? 1 : 0)
    || (a.extension?.id ?? '').localeCompare(b.extension?.id ?? '')
    || compareVersions(b.extension?.version ?? '', a.extension?.version ?? ''));
}

/**
 * The variable columns of an export over one or several compiled versions (see the module
 * comment for the union rule). Pure: the inputs are not modified.
 */
export function variableColumns(compiled: readonly CompiledQuestionnaire[]): VariableColumn[] {
  const out: VariableColumn[] = [];
  const index = new Map<string, number>();
  for (const version of orderVersions(compiled)) {
    const questions = new Map<string, CompiledQuestion>();
    for (const section of version.sections) for (const q of section.questions) questions.set(q.id, q);
    let after = -1;
    for (const column of codebookColumns(version) as CodebookColumn[]) {
      const known = index.get(column.name);
      if (known !== undefined) {
        after = known;
        continue;
      }
      const question = questions.get(column.questionId);
      if (!question) continue;
      after += 1;
      out.splice(after, 0, { ...column, question });
      for (let i = after; i < out.length; i++) index.set(out[i].name, i);
    }
  }
  return out;
}
