/**
 * The runtime's one generator of random responses, for its differential tests: the real core
 * compiled alone and with each example extension, and random answers to them (seeded through
 * `@olva/test-support/prng`, so that a failure replays).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledQuestion, CompiledQuestionnaire, QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { assemble } from '@olva/compiler';
import { otherKey, unhandledQuestionType } from '@olva/schema';
import { allQuestions } from '../visibility.js';
import type { AnswerMap } from '../types.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));

/**
 * The core compiled alone, then with each example extension. One core definition for every
 * build: the conditions it holds are the same objects in each (and share their caches).
 */
export function coreBuilds(): CompiledQuestionnaire[] {
  const core = readJson('packages/core-questionnaire/olva-core.json') as QuestionnaireDefinition;
  return [
    assemble(core, null),
    ...readdirSync(root + 'examples/extensions').filter((f) => f.endsWith('.json')).sort()
      .map((f) => assemble(core, readJson(`examples/extensions/${f}`) as TerritorialExtension)),
  ];
}

/** One item of `list`, drawn with `random`. */
export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** A value of the question's kind most of the time, else of another kind, empty, or absent. */
export function randomValue(q: CompiledQuestion, random: () => number): unknown {
  const codes = 'choices' in q ? q.choices.map((c) => c.code) : [];
  const r = random();
  if (r < 0.08) return pick(random, [null, '', 'peut-être', 3, true, [], {}]);
  switch (q.type) {
    case 'single': return pick(random, codes);
    case 'multiple': return codes.filter(() => random() < 0.3);
    case 'boolean': return random() < 0.5;
    case 'matrix': return Object.fromEntries(q.rows.filter(() => random() < 0.6).map((row) => [row.code, pick(random, codes)]));
    case 'integer': case 'year': case 'scale': case 'decimal': return pick(random, [0, 1, 2, 12, 60, 2010, 2030, -1, 2.5]);
    // Text of any kind, on purpose: a text type gets a commune code or an address, and back.
    case 'text': case 'textarea': case 'email': case 'commune': return pick(random, ['Association', '35238', 'contact@asso.fr', '']);
    default: return unhandledQuestionType(q);
  }
}

/** An "other, please specify" text: words, or blank. */
export const randomOtherText = (random: () => number): string => pick(random, ['Autre chose', '']);

/** Random answers to some of the questions (visible or not), their "other" texts, and now and then an unknown key. */
export function randomAnswers(compiled: CompiledQuestionnaire, random: () => number): AnswerMap {
  const answers: Record<string, unknown> = {};
  for (const q of allQuestions(compiled)) {
    if (random() < 0.35) continue;
    answers[q.id] = randomValue(q, random);
    if ('other' in q && q.other && random() < 0.3) answers[otherKey(q.id)] = randomOtherText(random);
  }
  if (random() < 0.1) answers.question_inconnue = 'x';
  return answers as AnswerMap;
}
