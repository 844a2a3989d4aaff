/** `year`: a year in four digits. */
import type { QuestionRenderer } from './context.js';
import { bounds, numberField } from './number-field.js';

export const renderYear: QuestionRenderer = (context) => {
  const { min, max } = bounds(context);
  return numberField(context, context.strings.yearHint(min, max), 'numeric', 4);
};
