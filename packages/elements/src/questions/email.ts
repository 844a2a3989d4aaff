/** `email`: an e-mail address, its expected form said in the hint. */
import type { QuestionRenderer } from './context.js';
import { textBox } from './text-field.js';

export const renderEmail: QuestionRenderer = (context) =>
  textBox(context, { type: 'email', autocomplete: 'email', hint: context.strings.emailHint });
