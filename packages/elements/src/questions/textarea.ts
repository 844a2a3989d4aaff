/** `textarea`: several lines of free text. */
import type { QuestionRenderer } from './context.js';
import { maxLength, textBox } from './text-field.js';

export const renderTextarea: QuestionRenderer = (context) => {
  const max = maxLength(context);
  return textBox(context, { multiline: true, maxlength: max, hint: max !== undefined ? context.strings.maxLengthHint(max) : null });
};
