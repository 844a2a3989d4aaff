/**
 * The check the browser cannot make: a `commune` answer names a current commune. The
 * runtime checks only its shape (the embed does not carry the 35,000 communes); the
 * collector, which has the official geography, refuses a well-shaped code that no current
 * commune has — typically a postcode (35000 for Rennes) or a made-up code (99999).
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { allQuestions, answerPointer, type AnswerMap } from '@olva/runtime';
import type { ResponseProblemBody } from '../http/errors.js';
import { communePartOf } from '@olva/compiler/geography';
import { communesWithPostcode, isCurrentCommune } from './commune-search.js';
import { joinTexts, text, type Text } from '../messages.js';

function message(question: string, code: string): Text {
  const named = communesWithPostcode(code).slice(0, 3).map((c) => text('unknown-commune.named', { name: c.name, code: c.code }));
  if (named.length) return text('unknown-commune.postcode', { question, code, communes: joinTexts(named, ', ') });
  // Answers keep to current communes so that one association's commune has one code; an
  // arrondissement or a merged commune is told which code to type instead.
  const part = communePartOf(code);
  return part
    ? text('unknown-commune.part-of', { question, code, part: part.partName, name: part.name, commune: part.code })
    : text('unknown-commune', { question, code });
}

/**
 * One `unknown-commune` problem for each `commune` answer whose code no current commune has,
 * skipping answers that already have a problem at their pointer (wrong shape, hidden…).
 * The message is in both languages, sent in the request's.
 */
export function unknownCommuneAnswers(
  compiled: CompiledQuestionnaire, answers: AnswerMap, reported: readonly ResponseProblemBody[],
): ResponseProblemBody[] {
  const problems: ResponseProblemBody[] = [];
  let already: Set<string> | undefined;
  for (const question of allQuestions(compiled)) {
    const value = answers[question.id];
    // A current commune first: the pointers are only written for the others (every response
    // received goes through here).
    if (question.type !== 'commune' || typeof value !== 'string' || isCurrentCommune(value)) continue;
    const pointer = answerPointer(question.id);
    already ??= new Set(reported.map((p) => p.pointer));
    if (already.has(pointer)) continue;
    problems.push({ pointer, code: 'unknown-commune', message: message(question.id, value) });
  }
  return problems;
}
