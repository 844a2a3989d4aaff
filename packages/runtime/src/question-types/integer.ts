/** `integer`: a whole number, within `min`/`max` when given. */
import type { QuestionTypeRuntime } from '../types.js';
import { coerceNumber, isEmptyNumber, isNumberValue, validateNumber } from './number.js';

export const integerType: QuestionTypeRuntime = {
  type: 'integer',
  validate: (question, value) => validateNumber(question, value, { integer: true, fr: 'un nombre entier', en: 'a whole number' }),
  isEmpty: isEmptyNumber,
  holds: isNumberValue,
  coerce: (raw) => coerceNumber(raw, true),
};
