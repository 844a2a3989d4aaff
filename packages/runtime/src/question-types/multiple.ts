/**
 * `multiple`: a list of distinct choice codes, with `minSelected`, `maxSelected` and
 * `exclusive` codes (such as "aucun") that stand alone. With `other`, the list ends with the
 * choice `other` and its text `<id>_other`, as for `single`.
 */
import { counted } from '@olva/schema';
import type { QuestionTypeRuntime } from '../types.js';
import { answerError, choiceCodes, isBlank } from './common.js';

export const multipleType: QuestionTypeRuntime = {
  type: 'multiple',
  validate: (question, value) => {
    const q = question as {
      choices?: { code: string; label: { fr: string; en?: string } }[];
      minSelected?: number; maxSelected?: number; exclusive?: string[];
    };
    const codes = choiceCodes(q);
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      return answerError(question, 'type', 'Cochez une ou plusieurs réponses dans la liste.', 'Tick one or more answers from the list.');
    }
    for (const code of value as string[]) {
      if (!codes.has(code)) {
        return answerError(question, 'choice', `La réponse « ${code} » ne fait pas partie des choix proposés.`, `The answer "${code}" is not one of the choices offered.`);
      }
    }
    if (new Set(value).size !== value.length) {
      return answerError(question, 'choice', 'Chaque réponse ne peut être cochée qu’une fois.', 'Each answer can be ticked only once.');
    }
    const lonely = (q.exclusive ?? []).find((code) => value.includes(code));
    if (lonely !== undefined && value.length > 1) {
      const label = q.choices?.find((c) => c.code === lonely)?.label;
      const fr = label?.fr ?? lonely;
      const en = label?.en ?? fr;
      return answerError(question, 'exclusive', `La réponse « ${fr} » ne peut pas être combinée avec une autre.`, `The answer "${en}" cannot be combined with another.`);
    }
    if (q.minSelected !== undefined && value.length < q.minSelected) {
      const n = q.minSelected;
      return answerError(question, 'minSelected', `Cochez au moins ${counted('fr', n, 'réponse', 'réponses')}.`, `Tick at least ${counted('en', n, 'answer', 'answers')}.`);
    }
    if (q.maxSelected !== undefined && value.length > q.maxSelected) {
      const n = q.maxSelected;
      return answerError(question, 'maxSelected', `Cochez au plus ${counted('fr', n, 'réponse', 'réponses')}.`, `Tick at most ${counted('en', n, 'answer', 'answers')}.`);
    }
    return null;
  },
  isEmpty: (value) => isBlank(value) || (Array.isArray(value) && value.length === 0),
};
