/**
 * `single`: one of the listed choice codes. An `other` option adds a separate text answer,
 * `<id>_other` (see `otherKey`), checked by the session, not here.
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
    if (!codes.includes(value)) {
      return answerError(question, 'choice', `La réponse « ${value} » ne fait pas partie des choix proposés.`, `The answer "${value}" is not one of the choices offered.`);
    }
    return null;
  },
  isEmpty: isBlank,
};
