/** `integer`: a whole number, the accepted range said in the hint. */
import type { QuestionRenderer } from './context.js';
import { bounds, numberField } from './number-field.js';

export const renderInteger: QuestionRenderer = (context) => {
  const { min, max } = bounds(context);
  return numberField(context, context.strings.integerHint(min, max), 'numeric');
};
