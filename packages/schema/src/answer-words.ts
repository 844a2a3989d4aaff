/**
 * One answer in the questionnaire's own words: which choice label a code has, "other, please
 * specify" as the definition's label of `other` with the text written, a scale point's label,
 * matrix rows in the definition's order, a number's unit, a commune's name. The respondent's
 * review (in the embed) and the cockpit's reading of a stored response (at the collector) both
 * word answers from this, so that they cannot disagree; each only formats it.
 *
 * Labels stay localized texts (the reader picks the language and strips markup) and numbers stay
 * numbers (the reader formats them): this needs nothing of the runtime. A commune's name is the
 * caller's to give, since the geography lives in the compiler (Node) and in the embed's lookups.
 */
import type { CompiledQuestion } from './compiled.js';
import type { Choice, LocalizedText } from './questionnaire.generated.js';
import { OTHER_CODE } from './other.js';
import { isJsonObject } from './same-json.js';
import { unhandledQuestionType } from './question-types.js';

/** A choice as the respondent saw it; `text` is what they wrote for "other, please specify". */
export interface ChoiceWords {
  code: string;
  /** Undefined for a code the version does not know: the reader shows the code. */
  label?: LocalizedText;
  text?: string;
}

/** A matrix row as the respondent saw it, with its choice. */
export interface RowWords {
  code: string;
  /** Undefined for a row the version does not know: the reader shows the code. */
  label?: LocalizedText;
  choice: ChoiceWords;
}

/** An answer in words. */
export type AnswerWords =
  /** single, multiple, scale (a scale's code is its point, "1".."n"). */
  | { kind: 'choices'; choices: ChoiceWords[] }
  | { kind: 'boolean'; value: boolean }
  /** integer, decimal: formatted by the reader, with the definition's unit. */
  | { kind: 'number'; value: number; unit?: LocalizedText }
  /** text, textarea, email, year (a year is not a quantity: no thousands separator). */
  | { kind: 'text'; text: string }
  | { kind: 'commune'; code: string; name?: string }
  | { kind: 'matrix'; rows: RowWords[] };

/** A question that has choices: single, multiple, scale, matrix (its columns). */
export type ChoiceQuestion = Extract<CompiledQuestion, { choices: unknown }>;

// Absent labels and texts are left undefined rather than spread in: the embed carries these
// helpers, and JSON drops an undefined member as it does an absent one.
const labelOf = (list: readonly Choice[], code: string) => list.find((c) => c.code === code)?.label;

/**
 * Choice `code` of `question` (single, multiple, or a matrix's column) in words: its label; for
 * the choice `other`, the definition's label of "other" (not the compiler's "Autre (précisez)")
 * and `other`, the text written, when it is one.
 */
export function choiceWords(question: ChoiceQuestion, code: string, other?: unknown): ChoiceWords {
  const otherChoice = (question as { other?: { label: LocalizedText } }).other;
  return code === OTHER_CODE && otherChoice
    ? { code, label: otherChoice.label, text: typeof other === 'string' ? other : undefined }
    : { code, label: labelOf(question.choices, code) };
}

/** Point `point` (1..n) of a scale question in words: its code is the point, its label the nth choice's. */
export function scalePointWords(question: ChoiceQuestion, point: number): ChoiceWords {
  return { code: String(point), label: question.choices[point - 1]?.label };
}

/**
 * A matrix answer in words, in the definition's order of rows (not the order they were answered
 * in); a row the version does not know comes last.
 */
export function matrixRowWords(question: Extract<CompiledQuestion, { type: 'matrix' }>, answered: Readonly<Record<string, unknown>>): RowWords[] {
  return [...new Set([...question.rows.map((r) => r.code), ...Object.keys(answered)])].filter((code) => answered[code] !== undefined)
    .map((code) => ({ code, label: labelOf(question.rows, code), choice: choiceWords(question, String(answered[code])) }));
}

/**
 * A value the version does not expect (a payload outside its schema): shown as it is, so that
 * nothing stored is hidden from the reader.
 */
export const answerAsText = (value: unknown): AnswerWords => ({ kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) });

/**
 * The words of one answer `value` to `question`, for a reader of stored responses (the cockpit);
 * `other` is its "other, please specify" text; `communeName` gives a commune's name from its
 * code (the geography is the caller's). The respondent's review says the same through the
 * helpers above, without this dispatch, which the embed need not carry.
 */
export function answerWords(
  question: CompiledQuestion, value: unknown, other?: unknown, communeName?: (code: string) => string | undefined,
): AnswerWords {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const codes = question.type === 'single' ? [value] : value;
      if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return answerAsText(value);
      return { kind: 'choices', choices: codes.map((code: string) => choiceWords(question, code, other)) };
    }
    case 'scale':
      return typeof value === 'number' ? { kind: 'choices', choices: [scalePointWords(question, value)] } : answerAsText(value);
    case 'matrix':
      return isJsonObject(value)
        ? { kind: 'matrix', rows: matrixRowWords(question, value) } : answerAsText(value);
    case 'boolean':
      return typeof value === 'boolean' ? { kind: 'boolean', value } : answerAsText(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? { kind: 'number', value, unit: question.unit } : answerAsText(value);
    case 'year':
      return { kind: 'text', text: String(value) };
    case 'text':
    case 'textarea':
    case 'email':
      return answerAsText(value);
    case 'commune':
      return typeof value === 'string' ? { kind: 'commune', code: value, name: communeName?.(value) } : answerAsText(value);
    default:
      return unhandledQuestionType(question);
  }
}
