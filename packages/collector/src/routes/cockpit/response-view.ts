/**
 * One stored response as a coordinator reads it (`GET /v1/cockpit/responses/{id}`): each
 * answered question with its label, its answer in the questionnaire's own words (choice labels,
 * "other" texts, matrix rows, units, commune names: @olva/schema's answerWords, which the
 * respondent's review says too), grouped by the sections of the version it was answered with,
 * and the metadata that tells two responses apart. Deciding which of two probable duplicates
 * to keep is done on this, not on codes.
 *
 * Numbers stay numbers and texts stay texts: the page formats them in its own language and
 * sets every text as text. The raw `value` (and `other` text) is kept beside the words, so
 * that two responses are compared on what was answered, not on how a version words it.
 */
import type { AnswerWords, CompiledQuestion, CompiledQuestionnaire, LocalizedText } from '@olva/schema';
import { answerAsText, answerWords, otherKey } from '@olva/schema';
import { officialName } from '@olva/compiler/geography';

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

/** A commune's official name, from the compiler's geography (the collector runs in Node). */
const communeName = (code: string) => officialName('commune', code);

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
        words: value === undefined ? answerAsText(otherText) : answerWords(q, value, otherText, communeName),
      });
    }
    if (list.length) sections.push({ id: section.id, title: section.title, answers: list });
  }
  const rest = Object.keys(answers).filter((key) => !shown.has(key));
  if (rest.length) {
    sections.push({
      id: 'unknown',
      title: { fr: 'Réponses que la version ne décrit pas', en: 'Answers the version does not describe' },
      answers: rest.map((key, i) => ({ question: key, number: i + 1, label: { fr: key }, type: 'text', value: answers[key], words: answerAsText(answers[key]) })),
    });
  }
  return sections;
}
