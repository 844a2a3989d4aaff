/**
 * `matrix`: one choice per row, as `{ rowCode: choiceCode }`. A required matrix needs every
 * row answered (code `row`); an optional one accepts any subset of rows.
 */
import { isJsonObject, type CompiledQuestion } from '@olva/schema';
import type { AnswerError, QuestionTypeRuntime } from '../types.js';
import { answerError, choiceCodes, isBlank } from './common.js';

type Row = { code: string; label: { fr: string; en?: string } };

/** The rows of a matrix question that have no answer. */
export function unansweredRows(question: CompiledQuestion, value: unknown): Row[] {
  const rows = ((question as { rows?: Row[] }).rows ?? []);
  const map = isJsonObject(value) ? value : {};
  return rows.filter((r) => isBlank(map[r.code]));
}

/** Error for a required matrix with rows left blank. */
export function missingRowsError(question: CompiledQuestion, value: unknown): AnswerError | null {
  const missing = unansweredRows(question, value);
  if (missing.length === 0) return null;
  const fr = missing.map((r) => `« ${r.label.fr} »`).join(', ');
  const en = missing.map((r) => `"${r.label.en ?? r.label.fr}"`).join(', ');
  return answerError(question, 'row', `Répondez pour chaque ligne ; il manque : ${fr}.`, `Answer every row; missing: ${en}.`);
}

export const matrixType: QuestionTypeRuntime = {
  type: 'matrix',
  validate: (question, value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return answerError(question, 'type', 'Choisissez une réponse pour chaque ligne du tableau.', 'Choose an answer for each row of the table.');
    }
    const rows = choiceCodes(question as { rows?: Row[] }, 'rows');
    const codes = choiceCodes(question as { choices?: { code: string }[] });
    for (const [row, choice] of Object.entries(value)) {
      if (!rows.has(row)) {
        return answerError(question, 'row', `La ligne « ${row} » n’existe pas dans ce tableau.`, `The row "${row}" does not exist in this table.`);
      }
      if (typeof choice !== 'string' || !codes.has(choice)) {
        return answerError(question, 'choice', `La réponse « ${String(choice)} » de la ligne « ${row} » ne fait pas partie des choix proposés.`, `The answer "${String(choice)}" in row "${row}" is not one of the choices offered.`);
      }
    }
    return null;
  },
  isEmpty: (value) =>
    isBlank(value) || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0),
};
