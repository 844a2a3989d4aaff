/** `textarea`: free text on several lines; same rules as `text`. */
import type { QuestionTypeRuntime } from '../types.js';
import { isBlank } from './common.js';
import { coerceText, validateText } from './text.js';

export const textareaType: QuestionTypeRuntime = {
  type: 'textarea',
  validate: (question, value) => validateText(question, value),
  isEmpty: isBlank,
  coerce: coerceText,
};
