/**
 * One stored response as a coordinator reads it (`GET /v1/cockpit/responses/{id}`): each
 * answered question with its label, its answer in the questionnaire's own words (choice
 * labels, "other" texts, matrix rows, units, commune names), grouped by the sections of the
 * version it was answered with, and the metadata that tells two responses apart. Deciding
 * which of two probable duplicates to keep is done on this, not on codes.
 *
 * Numbers stay numbers and texts stay texts: the page formats them in its own language and
 * sets every text as text. The raw `value` (and `other` text) is kept beside the words, so
 * that two responses are compared on what was answered, not on how a version words it.
 */
import type { CompiledQuestion, CompiledQuestionnaire, LocalizedText } from '@olva/schema';
import { OTHER_CODE, otherKey, unhandledQuestionType } from '@olva/schema';
import { officialName } from '@olva/compiler/geography';

/** A choice as the respondent saw it; `text` is what they wrote for "other, please specify". */
export interface ChoiceWords {
  code: string;
  label?: LocalizedText;
  text?: string;
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
  | { kind: 'matrix'; rows: { code: string; label?: LocalizedText; choice: ChoiceWords }[] };

/** One answered question. */
export interface ReadableAnswer {
  question: string;
  /** The question's number in its version (as on the paper form). */
  number: number;
  label: LocalizedText;
  type: CompiledQuestion['type'];
  /** The answer as stored, and its "other" text when there is one. */
  value: unknown;
  other?: string;
  words: AnswerWords;
}

/** The answered questions of one section, in the questionnaire's order. */
export interface ReadableSection {
  id: string;
  title: LocalizedText;
  answers: ReadableAnswer[];
}

const choiceOf = (choices: readonly { code: string; label: LocalizedText }[], code: string): ChoiceWords => {
  const found = choices.find((c) => c.code === code);
  return found ? { code, label: found.label } : { code };
};

/** A value the version does not expect (a payload outside its schema): shown as it is. */
const asText = (value: unknown): AnswerWords => ({ kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) });

/** The words of one answer to `question`; `other` is its "other, please specify" text. */
export function answerWords(question: CompiledQuestion, value: unknown, other: unknown): AnswerWords {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const codes = question.type === 'single' ? [value] : value;
      if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return asText(value);
      return {
        kind: 'choices',
        choices: codes.map((code: string) => {
          const choice = choiceOf(question.choices, code);
          // "Autre : <text>": the definition's label of "other", not the compiler's "Autre (précisez)".
          if (code !== OTHER_CODE || !question.other) return choice;
          return { code, label: question.other.label, ...(typeof other === 'string' ? { text: other } : {}) };
        }),
      };
    }
    case 'scale': {
      if (typeof value !== 'number') return asText(value);
      const point = question.choices[value - 1];
      return { kind: 'choices', choices: [point ? { code: String(value), label: point.label } : { code: String(value) }] };
    }
    case 'matrix': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return asText(value);
      // In the definition's order of rows; a row the version does not know comes last.
      const answered = value as Record<string, unknown>;
      const known = question.rows.filter((r) => answered[r.code] !== undefined).map((r) => r.code);
      const rows = [...known, ...Object.keys(answered).filter((code) => !known.includes(code))];
      return {
        kind: 'matrix',
        rows: rows.map((code) => {
          const row = question.rows.find((r) => r.code === code);
          return { code, ...(row ? { label: row.label } : {}), choice: choiceOf(question.choices, String(answered[code])) };
        }),
      };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { kind: 'boolean', value } : asText(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? { kind: 'number', value, ...(question.unit ? { unit: question.unit } : {}) } : asText(value);
    case 'year':
      return { kind: 'text', text: String(value) };
    case 'text':
    case 'textarea':
    case 'email':
      return asText(value);
    case 'commune': {
      if (typeof value !== 'string') return asText(value);
      const name = officialName('commune', value);
      return { kind: 'commune', code: value, ...(name ? { name } : {}) };
    }
    default:
      return unhandledQuestionType(question);
  }
}

/**
 * The answered questions of `answers`, by section of `compiled`. Answers no question of the
 * version names (none in a payload the collector accepted) go last, in a section `unknown`,
 * as text: nothing stored is hidden from the reader.
 */
export function readableSections(compiled: CompiledQuestionnaire | null, answers: Readonly<Record<string, unknown>>): ReadableSection[] {
  const sections: ReadableSection[] = [];
  const shown = new Set<string>();
  for (const section of compiled?.sections ?? []) {
    const list: ReadableAnswer[] = [];
    for (const q of section.questions) {
      const value = answers[q.id];
      const otherText = 'other' in q && q.other ? answers[otherKey(q.id)] : undefined;
      if (value === undefined && otherText === undefined) continue;
      shown.add(q.id);
      if (otherText !== undefined) shown.add(otherKey(q.id));
      list.push({
        question: q.id, number: q.number, label: q.label, type: q.type, value: value ?? null,
        ...(typeof otherText === 'string' ? { other: otherText } : {}),
        words: value === undefined ? asText(otherText) : answerWords(q, value, otherText),
      });
    }
    if (list.length) sections.push({ id: section.id, title: section.title, answers: list });
  }
  const rest = Object.keys(answers).filter((key) => !shown.has(key));
  if (rest.length) {
    sections.push({
      id: 'unknown',
      title: { fr: 'Réponses que la version ne décrit pas', en: 'Answers the version does not describe' },
      answers: rest.map((key, i) => ({ question: key, number: i + 1, label: { fr: key }, type: 'text', value: answers[key], words: asText(answers[key]) })),
    });
  }
  return sections;
}
