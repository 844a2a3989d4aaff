/**
 * The consistency check of a response, shared by the collector and the browser so that they
 * can never disagree: every key names a question (or its `other` text), every value fits its
 * question, no hidden question is answered, every required visible question is answered, and
 * no `error` check fails.
 */
import { pointerOf, type CompiledQuestion, type CompiledQuestionnaire } from '@olva/schema';
import type { AnswerMap, ResponseProblem } from './types.js';
import { questionIndex, visibilityForCheck, visibilityPlan } from './visibility.js';
import { failingChecks } from './declared-checks.js';
import { validateOwnValue } from './answer-validation.js';
import { hasOther, otherAnswerError } from './question-types/common.js';
import { questionType } from './question-types/registry.js';
import { readBlank } from './blank.js';

/** JSON pointer of an answer in the payload. */
export function answerPointer(key: string): string {
  return pointerOf('answers', key);
}

/** What `checkResponse` reads of a payload besides its answers. */
export interface ResponseEnvelope {
  /** The payload's `channel`. */
  channel?: string;
  /** The payload's `blank`: required questions left blank (paper and phone only). */
  blank?: unknown;
}

/** True when `key` is the "other" text of a question that has one. */
function otherOwner(byId: ReadonlyMap<string, CompiledQuestion>, key: string): boolean {
  const owner = key.endsWith('_other') ? byId.get(key.slice(0, -'_other'.length)) : undefined;
  return owner !== undefined && hasOther(owner);
}

/** `readBlank`'s outcome for a payload without `blank` (only read). */
const NO_BLANK: ReturnType<typeof readBlank> = { blank: new Set(), problems: [] };

function problem(key: string, code: string, en: string, fr: string): ResponseProblem {
  return { pointer: answerPointer(key), code, message: en, messageFr: fr };
}

function hiddenAnswered(key: string): ResponseProblem {
  return problem(key, 'hidden-answered', `"${key}" is answered but its question is hidden by the answers given`, `« ${key} » a une réponse alors que sa question est masquée par les réponses données`);
}

/**
 * The problems of `answers` (the `answers` of a payload) for a compiled questionnaire, in
 * questionnaire order; empty when the response is consistent. Codes: `unknown-question`,
 * `hidden-answered`, `required`, `check-failed`, or an AnswerError code (`type`, `min`…,
 * `other-required` and `other-not-chosen` for an "other" text missing or without its choice),
 * or a code of `readBlank` for the payload's `blank` list. `response` gives the payload's
 * `channel` and `blank`: a required question listed in `blank` on paper or by phone is
 * recorded as left blank rather than reported `required`.
 */
export function checkResponse(compiled: CompiledQuestionnaire, answers: AnswerMap, response: ResponseEnvelope = {}): ResponseProblem[] {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    return [{ pointer: '/answers', code: 'type', message: 'answers must be an object keyed by question id', messageFr: 'answers doit être un objet dont les clés sont les identifiants des questions' }];
  }
  const { byId } = questionIndex(compiled);
  const problems: ResponseProblem[] = [];
  const keys = Object.keys(answers);
  // The answers as they are when every key is known and defined (a received response): a
  // plain object then reads, `in` included, as their copy would.
  let asSent = Object.getPrototypeOf(answers) === Object.prototype;
  for (let i = 0; asSent && i < keys.length; i++) {
    const key = keys[i];
    asSent = answers[key] !== undefined && (byId.has(key) || otherOwner(byId, key));
  }
  let known: AnswerMap = answers;
  if (!asSent) {
    known = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = answers[key];
      // JSON has no undefined: such a key was never sent.
      if (value === undefined) continue;
      if (byId.has(key) || otherOwner(byId, key)) {
        known[key] = value;
      } else {
        problems.push(problem(key, 'unknown-question', `"${key}" is not a question of ${compiled.id}`, `« ${key} » n’est pas une question de ${compiled.id}`));
      }
    }
  }

  const state = visibilityForCheck(compiled, known);
  const blank = response.blank === undefined ? NO_BLANK : readBlank(response.blank, response.channel, state, byId,
    (id) => known[id] !== undefined && !questionType(byId.get(id)!.type).isEmpty(known[id]));
  for (const { question: q, id: key, other, type, conditional } of visibilityPlan(compiled).questions) {
    // Only questions with an "other" text can have one in `known` (see above).
    if (conditional && !state.visible.has(key)) {
      if (key in known) problems.push(hiddenAnswered(key));
      if (other !== undefined && other in known) problems.push(hiddenAnswered(other));
      continue;
    }
    const value = known[key];
    const hasValue = value !== undefined && !type.isEmpty(value);
    // Validate the value as sent (not the cleaned one), so that a wrong value is reported as
    // such; its `other` text is reported on its own below, at its own pointer.
    const error = validateOwnValue(q, value, state.required.has(key));
    if (error && error.code === 'required' && !hasValue) {
      if (!blank.blank.has(key)) problems.push(problem(key, 'required', `"${key}" is required and has no answer`, `« ${key} » est obligatoire et n’a pas de réponse`));
    } else if (error) {
      problems.push(problem(key, error.code, `"${key}": ${error.message.en ?? error.message.fr}`, `« ${key} » : ${error.message.fr}`));
    }
    if (other !== undefined) {
      const otherError = otherAnswerError(q, value, known[other]);
      if (otherError) problems.push(problem(other, otherError.code, `"${other}": ${otherError.message.en}`, `« ${other} » : ${otherError.message.fr}`));
    }
  }

  problems.push(...blank.problems);
  for (const failure of failingChecks(compiled, state.answers, state.visible, state.data)) {
    if (failure.level !== 'error') continue;
    const first = failure.questions.find((id) => state.visible.has(id)) ?? failure.questions[0];
    problems.push(problem(first, 'check-failed', `check "${failure.check.id}" fails: ${failure.message.en ?? failure.message.fr}`, `le contrôle « ${failure.check.id} » échoue : ${failure.message.fr}`));
  }
  return problems;
}
