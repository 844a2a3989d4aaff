/** `boolean`: yes (true) or no (false). */
import type { QuestionTypeRuntime } from '../types.js';
import { answerError, isBlank } from './common.js';

export const booleanType: QuestionTypeRuntime = {
  type: 'boolean',
  validate: (question, value) =>
    typeof value === 'boolean' ? null : answerError(question, 'type', 'Répondez par oui ou par non.', 'Answer yes or no.'),
  isEmpty: isBlank,
  holds: (value) => typeof value === 'boolean',
  coerce: (raw) => {
    const t = raw.trim().toLowerCase();
    if (t === '') return undefined;
    if (['true', 'oui', 'yes', 'o', 'y', '1'].includes(t)) return true;
    if (['false', 'non', 'no', 'n', '0'].includes(t)) return false;
    return raw;
  },
};
