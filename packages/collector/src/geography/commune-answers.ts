/**
 * The check the browser cannot make: a `commune` answer names a current commune. The
 * runtime checks only its shape (the embed does not carry the 35,000 communes); the
 * collector, which has the official geography, refuses a well-shaped code that no current
 * commune has — typically a postcode (35000 for Rennes) or a made-up code (99999).
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { allQuestions, answerPointer, type AnswerMap } from '@olva/runtime';
import type { ResponseProblemBody } from '../http/errors.js';
import { communesWithPostcode, isCurrentCommune } from './commune-search.js';

function message(key: string, code: string): string {
  const named = communesWithPostcode(code).slice(0, 3).map((c) => `${c.name} : ${c.code}`);
  const fr = `« ${key} » : ${code} n’est pas le code INSEE d’une commune actuelle`
    + (named.length ? ` ; c’est un code postal (${named.join(', ')}).` : '.');
  const en = `"${key}": ${code} is not the INSEE code of a current commune`
    + (named.length ? `; it is a postcode (${named.map((n) => n.replace(' : ', ': ')).join(', ')}).` : '.');
  return `${fr} / ${en}`;
}

/**
 * One `unknown-commune` problem for each `commune` answer whose code no current commune has,
 * skipping answers that already have a problem at their pointer (wrong shape, hidden…).
 * The message is French then English, as the respondent's own errors are.
 */
export function unknownCommuneAnswers(
  compiled: CompiledQuestionnaire, answers: AnswerMap, reported: readonly ResponseProblemBody[],
): ResponseProblemBody[] {
  const problems: ResponseProblemBody[] = [];
  const already = new Set(reported.map((p) => p.pointer));
  for (const question of allQuestions(compiled)) {
    const value = answers[question.id];
    if (question.type !== 'commune' || typeof value !== 'string') continue;
    const pointer = answerPointer(question.id);
    if (already.has(pointer) || isCurrentCommune(value)) continue;
    problems.push({ pointer, code: 'unknown-commune', message: message(question.id, value) });
  }
  return problems;
}
