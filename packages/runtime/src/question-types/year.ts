/** `year`: a year as an integer; four digits unless the question sets its own bounds. */
import type { QuestionTypeRuntime } from '../types.js';
import { coerceNumber, isEmptyNumber, isNumberValue, validateNumber } from './number.js';

export const yearType: QuestionTypeRuntime = {
  type: 'year',
  validate: (question, value) =>
    validateNumber(question, value, { integer: true, fr: 'une année', feminine: true, en: 'a year', defaultMin: 1000, defaultMax: 9999, plain: true }),
  isEmpty: isEmptyNumber,
  holds: isNumberValue,
  coerce: (raw) => coerceNumber(raw, true),
};
