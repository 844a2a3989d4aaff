/**
 * Missing values of an export (docs/contracts.md, decisions of December 2026). An empty cell can
 * mean three things, which analysts must tell apart: the question was *not asked* (hidden by a
 * condition, or an "other" text whose choice was not chosen), *left blank* (asked and not
 * answered: listed in the payload's `blank`, or an optional question left empty), or *not in
 * the version answered* (the column comes from another version of the questionnaire). Cells
 * stay empty by default; with `missing=codes` they get the codes below, which the codebook
 * documents.
 */
import { computeVisibility } from '@olva/runtime';
import { codebookColumns } from '@olva/compiler/codebook';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { versionKeyOf, versionKeyString } from '@olva/schema';
import { METADATA_COLUMNS, type VariableColumn } from './columns.js';
import type { Cell } from './values.js';
import type { Harmonisation } from './harmonise.js';

/** How missing values are written: empty cells (default) or the codes -7, -8, -9. */
export type MissingMode = 'empty' | 'codes';

/** The missing-value codes, with their meaning in French and English. */
export const MISSING_CODES = Object.freeze([
  { code: -7, fr: 'non posée (masquée par une condition, ou texte « autre » sans le choix « autre »)', en: 'not asked (hidden by a condition, or an "other" text without the choice "other")' },
  { code: -8, fr: 'laissée vide (posée, sans réponse ; question obligatoire laissée vide sur papier ou au téléphone comprise)', en: 'left blank (asked, not answered; including a required question left blank on paper or by phone)' },
  { code: -9, fr: 'absente de la version du questionnaire à laquelle la réponse a été donnée', en: 'not in the questionnaire version answered' },
] as const);

const [NOT_ASKED, LEFT_BLANK, NOT_IN_VERSION] = MISSING_CODES.map((m) => m.code);

/** Parses the `missing` query parameter; null when it is neither `empty` nor `codes`. */
export function parseMissing(value: unknown): MissingMode | null {
  if (value === undefined || value === 'empty') return 'empty';
  return value === 'codes' ? 'codes' : null;
}

/** Fills the empty variable cells of one export row with their missing-value code. */
export type MissingFiller = (response: StoredResponse, cells: Cell[]) => void;

/**
 * The filler of an export over `compiled` (the versions the responses were answered with) and
 * its `columns`. Each version's columns and each response's visible questions are worked out
 * with the compiler's codebook and the runtime's visibility, as when the response was given.
 * In a harmonised export (`harmonised`), a version's columns are those of its harmonised build
 * and its visible questions are named by their harmonised ids.
 *
 * A column the version answered lacks is never written as a value: the choice columns of a
 * multiple choice are 0 for each code of the union not ticked, but a code the version did not
 * offer (2027's `action_sociale` for a 2026 answer) was not left unticked, it was never shown.
 * With `mode` `empty` such cells are emptied, with `codes` they read -9; only `codes` fills the
 * other empty cells.
 */
export function missingFiller(compiled: readonly CompiledQuestionnaire[], columns: readonly VariableColumn[], harmonised?: Harmonisation, mode: MissingMode = 'codes'): MissingFiller {
  const offset = METADATA_COLUMNS.length;
  const versions = new Map(compiled.map((c) => [versionKeyString(versionKeyOf(c)), c] as const));
  const inVersion = new Map<string, boolean[]>();
  const presence = (key: string, version: CompiledQuestionnaire | undefined): boolean[] => {
    let list = inVersion.get(key);
    if (!list) {
      const columnsOf = harmonised ? harmonised.buildOf(key) : version;
      const names = new Set(columnsOf ? codebookColumns(columnsOf).map((c) => c.name) : []);
      list = columns.map((c) => names.has(c.name));
      inVersion.set(key, list);
    }
    return list;
  };
  return (response, cells) => {
    const p = response.payload;
    const key = versionKeyString({ questionnaire: p.questionnaire, extension: p.extension });
    const version = versions.get(key);
    const present = presence(key, version);
    if (mode === 'empty') {
      present.forEach((has, i) => { if (!has) cells[offset + i] = null; });
      return;
    }
    const shown = version ? computeVisibility(version, p.answers ?? {}).visible : new Set<string>();
    const visible = harmonised ? new Set([...shown].flatMap((id) => harmonised.idsOf(key, id))) : shown;
    columns.forEach((column, i) => {
      const at = offset + i;
      if (!present[i]) cells[at] = NOT_IN_VERSION;
      else if (cells[at] === null || cells[at] === undefined) cells[at] = !visible.has(column.questionId) || column.kind === 'other' ? NOT_ASKED : LEFT_BLANK;
    });
  };
}
