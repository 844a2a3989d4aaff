/**
 * `commune`: the official INSEE code (COG) of a French commune: five characters, digits, or
 * 2A/2B then three digits for Corsica. Only the form is checked here (the embed cannot carry
 * the list of communes); the collector may check that the code exists.
 */
import type { QuestionTypeRuntime } from '../types.js';
import { answerError, isBlank } from './common.js';

const COG = /^(?:\d{5}|2[AB]\d{3})$/;

export const communeType: QuestionTypeRuntime = {
  type: 'commune',
  validate: (question, value) =>
    typeof value === 'string' && COG.test(value)
      ? null
      : answerError(
        question, 'commune',
        'Indiquez le code INSEE de la commune (5 caractères, par exemple 35238 pour Rennes).',
        'Enter the INSEE code of the commune (5 characters, for example 35238 for Rennes).',
      ),
  isEmpty: isBlank,
  coerce: (raw) => (isBlank(raw) ? undefined : raw.trim().toUpperCase()),
};
