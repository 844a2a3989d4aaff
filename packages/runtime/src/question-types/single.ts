/**
 * `single`: one of the listed choice codes. With `other`, the list ends with the choice
 * `other`, whose text `<id>_other` (see `otherKey`) is checked by `otherAnswerError`, not here.
 */
import type { QuestionTypeRuntime } from '../types.js';
import { answerError, choiceCodes, isBlank } from './common.js';

export const singleType: QuestionTypeRuntime = {
  type: 'single',
  validate: (question, value) => {
    const codes = choiceCodes(question as { choices?: { code: string }[] });
    if (typeof value !== 'string') {
      return answerError(question, 'type', 'Choisissez une réponse dans la liste.', 'Choose an answer from the list.');
    }
    if (!codes.has(value)) {
      return answerError(question, 'choice', `La réponse « ${value} » ne fait pas partie des choix proposés.`, `The answer "${value}" is not one of the choices offered.`);
    }
    return null;
  },
  isEmpty: isBlank,
};
