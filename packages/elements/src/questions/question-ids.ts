/**
 * Element ids of the parts of one question, unique in the shadow root, so that label,
 * control, help and error can point at each other.
 */

/** Ids of the parts of one question, unique in the shadow root. */
export interface QuestionIds {
  /** The question's wrapper (div or fieldset). */
  field: string;
  /** The control (the first one, for groups). */
  control: string;
  help: string;
  hint: string;
  error: string;
  warning: string;
  /** The "other, please specify" text box. */
  other: string;
  /** The "left blank" checkbox of paper entry. */
  blank: string;
}

/** Ids of the parts of question `questionId`. */
export function questionIds(questionId: string): QuestionIds {
  const base = `olva-q-${questionId}`;
  return { field: `${base}-field`, control: base, help: `${base}-help`, hint: `${base}-hint`, error: `${base}-error`, warning: `${base}-warning`, other: `${base}-other`, blank: `${base}-blank` };
}
