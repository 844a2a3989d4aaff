/**
 * `text` and `textarea` share their rules: a string, at most `maxLength` characters (counted
 * as Unicode code points, as a person counts them), matching `pattern` when given (searched,
 * not anchored, as in JSON Schema).
 */
import type { CompiledQuestion } from '@olva/schema';
import type { AnswerError, QuestionTypeRuntime } from '../types.js';
import { OTHER_MAX_LENGTH, answerError, characterCount, isBlank } from './common.js';
import { en, fr } from '../numbers.js';

const patterns = new Map<string, RegExp | null>();

function compile(source: string): RegExp | null {
  if (!patterns.has(source)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(source, 'u');
    } catch {
      try {
        re = new RegExp(source);
      } catch {
        re = null;
      }
    }
    patterns.set(source, re);
  }
  return patterns.get(source)!;
}

/** Validates free text. */
export function validateText(question: CompiledQuestion, value: unknown): AnswerError | null {
  const q = question as { maxLength?: number; pattern?: string };
  if (typeof value !== 'string') return answerError(question, 'type', 'Saisissez un texte.', 'Enter some text.');
  // Without its own limit a text gets the one of the compiler's answers schema.
  const max = q.maxLength ?? OTHER_MAX_LENGTH;
  const length = characterCount(value, max);
  if (length > max) {
    return answerError(
      question, 'maxLength',
      `Ce texte fait ${fr(length)} caractères ; le maximum est ${fr(max)}.`,
      `This text is ${en(length)} characters long; the maximum is ${en(max)}.`,
    );
  }
  if (q.pattern !== undefined) {
    const re = compile(q.pattern);
    if (re && !re.test(value)) {
      return answerError(question, 'pattern', 'Le format de cette réponse n’est pas celui attendu.', 'This answer is not in the expected format.');
    }
  }
  return null;
}

export const textType: QuestionTypeRuntime = {
  type: 'text',
  validate: (question, value) => validateText(question, value),
  isEmpty: isBlank,
  coerce: (raw) => (isBlank(raw) ? undefined : raw),
};
