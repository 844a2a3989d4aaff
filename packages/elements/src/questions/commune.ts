/**
 * `commune`: the INSEE code of a commune, typed. The embed cannot carry the 35,000 communes;
 * the hint says that the code is not the postcode, the most common mistake.
 */
import type { QuestionRenderer } from './context.js';
import { textBox } from './text-field.js';

export const renderCommune: QuestionRenderer = (context) =>
  textBox(context, { short: true, maxlength: 5, autocomplete: 'off', hint: context.strings.communeHint });
