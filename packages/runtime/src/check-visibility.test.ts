/**
 * `checkResponse` takes shortcuts the public functions do not (visibility without copying the
 * always visible ids, the checks on the data visibility built, the answers read as sent when
 * every key is known, results remembered by value): over random answers to the core and each
 * example extension, checked in turn so that they share every cache, they must agree.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledQuestion, CompiledQuestionnaire, QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { assemble } from '@olva/compiler';
import { otherKey } from '@olva/schema';
import { prng } from '@olva/test-support/prng';
import { allQuestions, computeVisibility, visibilityForCheck } from './visibility.js';
import { failingChecks } from './declared-checks.js';
import { checkResponse } from './response-check.js';
import type { AnswerMap } from './types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));
const core = readJson('packages/core-questionnaire/olva-core.json') as QuestionnaireDefinition;
// One core definition for every build: conditions it holds are the same objects in each.
const builds: CompiledQuestionnaire[] = [
  assemble(core, null),
  ...readdirSync(root + 'examples/extensions').filter((f) => f.endsWith('.json')).sort()
    .map((f) => assemble(core, readJson(`examples/extensions/${f}`) as TerritorialExtension)),
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** A value of the question's kind most of the time, else of another kind, empty, or absent. */
function value(q: CompiledQuestion, random: () => number): unknown {
  const codes = 'choices' in q ? q.choices.map((c) => c.code) : [];
  const r = random();
  if (r < 0.08) return pick(random, [null, '', 'peut-être', 3, true, [], {}]);
  switch (q.type) {
    case 'single': return pick(random, codes);
    case 'multiple': return codes.filter(() => random() < 0.3);
    case 'boolean': return random() < 0.5;
    case 'matrix': return Object.fromEntries(q.rows.filter(() => random() < 0.6).map((row) => [row.code, pick(random, codes)]));
    case 'integer': case 'year': case 'scale': case 'decimal': return pick(random, [0, 1, 2, 12, 60, 2010, 2030, -1, 2.5]);
    default: return pick(random, ['Association', '35238', 'contact@asso.fr', '']);
  }
}

function randomAnswers(compiled: CompiledQuestionnaire, random: () => number): AnswerMap {
  const answers: Record<string, unknown> = {};
  for (const q of allQuestions(compiled)) {
    if (random() < 0.35) continue;
    answers[q.id] = value(q, random);
    if ('other' in q && q.other && random() < 0.3) answers[otherKey(q.id)] = pick(random, ['Autre chose', '']);
  }
  if (random() < 0.1) answers.question_inconnue = 'x';
  return answers as AnswerMap;
}

/** `count` random responses from `seed`, the builds taken in turn. */
function* randomResponses(seed: number, count: number): Generator<{ compiled: CompiledQuestionnaire; answers: AnswerMap }> {
  const random = prng(seed);
  for (let i = 0; i < count; i++) {
    const compiled = builds[i % builds.length]!;
    yield { compiled, answers: randomAnswers(compiled, random) };
  }
}

describe('checkResponse and the public functions agree', () => {
  it('on visibility, requiredness, answers kept and failing checks, builds taken in turn', () => {
    let hidden = 0;
    for (const { compiled, answers } of randomResponses(20261206, 600)) {
      const expected = computeVisibility(compiled, answers);
      const state = visibilityForCheck(compiled, answers);
      for (const q of allQuestions(compiled)) expect(state.visible.has(q.id), q.id).toBe(expected.visible.has(q.id));
      expect([...state.required]).toEqual([...expected.required]);
      expect(state.answers).toEqual(expected.answers);
      expect(failingChecks(compiled, state.answers, state.visible, state.data)).toEqual(failingChecks(compiled, expected.answers, expected.visible));
      hidden += allQuestions(compiled).length - expected.visible.size;
    }
    expect(hidden).toBeGreaterThan(600);
  });

  it('on the problems, whether the answers are read as sent or copied', () => {
    let problems = 0;
    for (const { compiled, answers } of randomResponses(20261207, 300)) {
      const sent = checkResponse(compiled, answers, { channel: 'web' });
      // A key sent undefined (never in JSON) makes checkResponse copy the answers it knows.
      expect(checkResponse(compiled, { ...answers, jamais_envoyee: undefined } as unknown as AnswerMap, { channel: 'web' })).toEqual(sent);
      // So does an object without Object's prototype, which `in` reads otherwise.
      expect(checkResponse(compiled, Object.assign(Object.create(null), answers) as AnswerMap, { channel: 'web' })).toEqual(sent);
      problems += sent.length;
    }
    expect(problems).toBeGreaterThan(300);
  });
});
