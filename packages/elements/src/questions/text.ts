/** `text`: one line of free text. */
import type { QuestionRenderer } from './context.js';
import { maxLength, textBox } from './text-field.js';

export const renderText: QuestionRenderer = (context) => {
  const max = maxLength(context);
  return textBox(context, { maxlength: max, hint: max !== undefined ? context.strings.maxLengthHint(max) : null });
};
