/**
 * Helpers shared by the question types: building an error with its French and English
 * message, emptiness of common values. Numbers in messages are written by `../numbers.js`.
 */
import type { AnswerError } from '../types.js';
import type { CompiledQuestion } from '@olva/schema';
import { choosesOther, OTHER_CHOICE } from '@olva/schema';
import { en, fr } from '../numbers.js';

/** Builds an AnswerError. */
export function answerError(question: CompiledQuestion, code: string, fr: string, en: string): AnswerError {
  return { questionId: question.id, code, message: { fr, en } };
}

/**
 * The length of a text in characters (code points), as limits count them. A text with no
 * more UTF-16 units than `max` cannot have more characters, so only long texts are counted.
 */
export function characterCount(text: string, max: number): number {
  return text.length > max ? [...text].length : text.length;
}

/** Blank: undefined, null, or text with nothing but spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The wrong-type error, worded for what the question expects. */
export function typeError(question: CompiledQuestion, frWhat: string, enWhat: string): AnswerError {
  return answerError(question, 'type', `Indiquez ${frWhat}.`, `Enter ${enWhat}.`);
}

// Worked out once per question: the collector checks every response it receives against
// them. Compiled questionnaires are never mutated (see visibility.ts).
const codeSets = new WeakMap<object, ReadonlySet<string>>();

/** The codes of a question's choices (or of a matrix's rows, with `key: 'rows'`), cached. */
export function choiceCodes(question: { choices?: { code: string }[]; rows?: { code: string }[] }, key: 'choices' | 'rows' = 'choices'): ReadonlySet<string> {
  const list = question[key];
  if (list === undefined) return EMPTY;
  let codes = codeSets.get(list);
  if (!codes) {
    codes = new Set(list.map((c) => c.code));
    codeSets.set(list, codes);
  }
  return codes;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The answer key of the "other, please specify" text of a single or multiple question. As in
 * the compiler's outputs (answers schema, SurveyJS model, codebook), the compiler adds the
 * choice `other` to such a question; choosing it asks for this text, which is then required,
 * and without it no text may be given.
 */
export { otherKey } from '@olva/schema';

/** Longest "other" text, as in the compiler's answers schema. */
export const OTHER_MAX_LENGTH = 10_000;

/** True when the question has an "other, please specify" text. */
export function hasOther(question: CompiledQuestion): boolean {
  return (question.type === 'single' || question.type === 'multiple') && question.other !== undefined;
}

/**
 * The problem with the "other" text `text` (undefined when absent) of a question answered
 * `value`, or null: `other-required` when `other` is chosen without a text, `other-not-chosen`
 * when a text comes without the choice `other`, `other` when the text is not a text.
 */
export function otherAnswerError(question: CompiledQuestion, value: unknown, text: unknown): AnswerError | null {
  const chosen = choosesOther(value);
  if (isBlank(text)) {
    return chosen
      ? answerError(question, 'other-required', 'Précisez votre réponse « Autre ».', 'Specify your "Other" answer.')
      : null;
  }
  if (!chosen) {
    return answerError(
      question, 'other-not-chosen',
      `Cochez « ${OTHER_CHOICE.label.fr} » pour donner une autre réponse.`,
      `Tick "${OTHER_CHOICE.label.en}" to give another answer.`,
    );
  }
  return otherTextError(question, text);
}

/** The problem with an "other" text (type `other`), or null. */
export function otherTextError(question: CompiledQuestion, text: unknown): AnswerError | null {
  if (typeof text === 'string' && characterCount(text, OTHER_MAX_LENGTH) <= OTHER_MAX_LENGTH) return null;
  return answerError(
    question, 'other',
    `Le texte « Autre » doit être un texte d’au plus ${fr(OTHER_MAX_LENGTH)} caractères.`,
    `The "other" text must be a text of at most ${en(OTHER_MAX_LENGTH)} characters.`,
  );
}
