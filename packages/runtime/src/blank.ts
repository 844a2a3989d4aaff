/**
 * "Left blank" (docs/contracts.md, decisions of December 2026): on paper and by phone a respondent
 * may leave a required question blank, and the response is still recorded; the payload then
 * lists those questions in `blank`. Any other channel with `blank` is refused, and so is a
 * listed question that is not a visible, required and unanswered one.
 */
import type { AnswerMap, ResponseProblem } from './types.js';
import type { VisibilityState } from './visibility.js';

/** The channels on which a required question may be recorded as left blank. */
export const BLANK_CHANNELS: readonly string[] = Object.freeze(['paper', 'phone']);

/** True when `channel` may carry `blank`. */
export function allowsBlank(channel: unknown): boolean {
  return typeof channel === 'string' && BLANK_CHANNELS.includes(channel);
}

function problem(pointer: string, code: string, en: string, fr: string): ResponseProblem {
  return { pointer, code, message: en, messageFr: fr };
}

/**
 * The questions of `blank` that stand as "left blank" (to be spared the `required` problem),
 * and the problems of the list: `blank-channel` (not paper or phone), `unknown-question`,
 * `blank-hidden`, `blank-not-required`, `blank-answered`, `blank-duplicate`.
 * `answered` says whether a question has an answer in the response.
 */
export function readBlank(
  blank: unknown, channel: unknown, state: { visible: { has(id: string): boolean }; required: VisibilityState['required'] },
  known: { has(id: string): boolean }, answered: (id: string) => boolean,
): { blank: Set<string>; problems: ResponseProblem[] } {
  const out = { blank: new Set<string>(), problems: [] as ResponseProblem[] };
  if (blank === undefined) return out;
  if (!allowsBlank(channel)) {
    out.problems.push(problem('/blank', 'blank-channel',
      `"blank" is for the paper and phone channels only, not "${String(channel)}"`,
      `« blank » est réservé aux canaux papier et téléphone (paper, phone), pas « ${String(channel)} »`));
    return out;
  }
  if (!Array.isArray(blank)) {
    out.problems.push(problem('/blank', 'type', '"blank" must be a list of question ids', '« blank » doit être une liste d’identifiants de questions'));
    return out;
  }
  blank.forEach((id, i) => {
    const at = `/blank/${i}`;
    if (typeof id !== 'string' || !known.has(id)) {
      out.problems.push(problem(at, 'unknown-question', `"${String(id)}" is not a question of this questionnaire`, `« ${String(id)} » n’est pas une question de ce questionnaire`));
    } else if (out.blank.has(id)) {
      out.problems.push(problem(at, 'blank-duplicate', `"${id}" is listed twice`, `« ${id} » est listée deux fois`));
    } else if (!state.visible.has(id)) {
      out.problems.push(problem(at, 'blank-hidden', `"${id}" is hidden by the answers given: it was not asked, not left blank`, `« ${id} » est masquée par les réponses données : elle n’a pas été posée, elle n’a pas été laissée vide`));
    } else if (!state.required.has(id)) {
      out.problems.push(problem(at, 'blank-not-required', `"${id}" is not required: leave it out of "answers" instead of listing it`, `« ${id} » n’est pas obligatoire : il suffit de ne pas lui donner de réponse`));
    } else if (answered(id)) {
      out.problems.push(problem(at, 'blank-answered', `"${id}" has an answer: it was not left blank`, `« ${id} » a une réponse : elle n’a pas été laissée vide`));
    } else {
      out.blank.add(id);
    }
  });
  return out;
}
