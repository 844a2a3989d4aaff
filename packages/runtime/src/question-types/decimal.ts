/** `decimal`: any finite number, within `min`/`max` when given. */
import type { QuestionTypeRuntime } from '../types.js';
import { coerceNumber, isEmptyNumber, isNumberValue, validateNumber } from './number.js';

export const decimalType: QuestionTypeRuntime = {
  type: 'decimal',
  validate: (question, value) => validateNumber(question, value, { integer: false, fr: 'un nombre', en: 'a number' }),
  isEmpty: isEmptyNumber,
  holds: isNumberValue,
  coerce: (raw) => coerceNumber(raw),
};
