/** `scale`: a point 1..n of a scale whose n points are the question's `choices`. */
import type { QuestionTypeRuntime } from '../types.js';
import { answerError, isBlank } from './common.js';
import { coerceNumber, isNumberValue } from './number.js';

export const scaleType: QuestionTypeRuntime = {
  type: 'scale',
  validate: (question, value) => {
    const n = ((question as { choices?: unknown[] }).choices ?? []).length;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > n) {
      return answerError(question, typeof value === 'number' ? 'choice' : 'type', `Choisissez un point de l’échelle, de 1 à ${n}.`, `Choose a point on the scale, from 1 to ${n}.`);
    }
    return null;
  },
  isEmpty: isBlank,
  holds: isNumberValue,
  coerce: (raw) => coerceNumber(raw, true),
};
