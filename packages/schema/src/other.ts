/**
 * The "other, please specify" choice (docs/contracts.md, decisions of December 2026): a `single` or
 * `multiple` question that declares `other` gets one more choice, with the reserved code
 * `other`, added by the compiler at the end of its list. Choosing it reveals the text
 * `<id>_other`, which is then required; without it, no `<id>_other` text may be sent.
 */
import type { Choice } from './questionnaire.generated.js';

/** The reserved choice code of "other, please specify": no definition may declare it. */
export const OTHER_CODE = 'other';

/** The choice the compiler adds at the end of the choices of a question with `other`. */
export const OTHER_CHOICE: Readonly<Choice> = Object.freeze({
  code: OTHER_CODE,
  label: Object.freeze({ fr: 'Autre (précisez)', en: 'Other (please specify)' }),
});

/** The answer key of the "other, please specify" text of question `questionId`. */
export function otherKey(questionId: string): string {
  return `${questionId}_other`;
}

/** True when an answer (a code, or the codes of a multiple choice) chooses `other`. */
export function choosesOther(value: unknown): boolean {
  return value === OTHER_CODE || (Array.isArray(value) && value.includes(OTHER_CODE));
}
