/**
 * `text` and `textarea` share their rules: a string, at most `maxLength` characters (counted
 * as Unicode code points, as a person counts them), matching `pattern` when given (searched,
 * not anchored, as in JSON Schema).
 */
import type { CompiledQuestion } from '@olva/schema';
import type { AnswerError, AnswerValue, QuestionTypeRuntime } from '../types.js';
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
      const known = KNOWN_FORMATS[q.pattern];
      return answerError(question, 'pattern', known?.fr ?? 'Le format de cette réponse n’est pas celui attendu.', known?.en ?? 'This answer is not in the expected format.');
    }
  }
  return null;
}

/**
 * Formats whose pattern is known, with a message that says what the answer looks like. Keyed
 * by the exact pattern: a definition that uses the same one gets the same message.
 */
const KNOWN_FORMATS: Readonly<Record<string, { fr: string; en: string }>> = {
  // The number of the Répertoire national des associations.
  '^W[0-9]{9}$': {
    fr: 'Un numéro RNA s’écrit W suivi de 9 chiffres, sans espace, par exemple W352000123.',
    en: 'An RNA number is a W followed by 9 digits, with no spaces, for example W352000123.',
  },
};

/**
 * A typed text as the answer: unchanged, except that a text its question's `pattern` refuses
 * but accepts in capitals is put in capitals ("w123456789" is the RNA number W123456789).
 */
export function coerceText(raw: string, question?: CompiledQuestion): AnswerValue | undefined {
  if (isBlank(raw)) return undefined;
  const pattern = (question as { pattern?: string } | undefined)?.pattern;
  const re = pattern === undefined ? null : compile(pattern);
  if (re && !re.test(raw)) {
    const upper = raw.trim().toUpperCase();
    if (re.test(upper)) return upper;
  }
  return raw;
}

export const textType: QuestionTypeRuntime = {
  type: 'text',
  validate: (question, value) => validateText(question, value),
  isEmpty: isBlank,
  coerce: coerceText,
};
