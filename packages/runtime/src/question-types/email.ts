/**
 * `email`: an address of the form name@domain.tld. The check is deliberately simple (one @,
 * no spaces, a dot in the domain): a stricter one rejects real addresses.
 */
import type { QuestionTypeRuntime } from '../types.js';
import { answerError, isBlank } from './common.js';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

export const emailType: QuestionTypeRuntime = {
  type: 'email',
  validate: (question, value) => {
    if (typeof value !== 'string') return answerError(question, 'type', 'Saisissez une adresse électronique.', 'Enter an e-mail address.');
    if (value.length > 254 || !EMAIL.test(value)) {
      return answerError(question, 'email', 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.', 'Enter a valid e-mail address, for example name@example.org.');
    }
    return null;
  },
  isEmpty: isBlank,
  coerce: (raw) => (isBlank(raw) ? undefined : raw.trim()),
};
