/**
 * `checkResponse` takes shortcuts the public functions do not (visibility without copying the
 * always visible ids, the checks on the data visibility built, the answers read as sent when
 * every key is known, results remembered by value): over random answers to the core and each
 * example extension, checked in turn so that they share every cache, they must agree.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from '@olva/schema';
import { prng } from '@olva/test-support/prng';
import { allQuestions, computeVisibility, visibilityForCheck } from './visibility.js';
import { failingChecks } from './declared-checks.js';
import { checkResponse } from './response-check.js';
import type { AnswerMap } from './types.js';
import { coreBuilds, randomAnswers } from './__fixtures__/random-answers.js';

const builds: CompiledQuestionnaire[] = coreBuilds();

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
