/** `decimal`: a number that may have decimals, written with a comma or a point. */
import type { QuestionRenderer } from './context.js';
import { bounds, numberField } from './number-field.js';

export const renderDecimal: QuestionRenderer = (context) => {
  const { min, max } = bounds(context);
  return numberField(context, context.strings.decimalHint(min, max), 'decimal');
};
