/**
 * Differential test: the runtime and the SurveyJS model emitted by the compiler must agree on
 * which questions are visible and which are required, and on the answers kept once hidden ones
 * are cleared, for the core and each example extension, over random answer sequences (seeded).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledQuestion, CompiledQuestionnaire, QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { assemble, surveyModel, surveyName, surveyOtherName } from '@olva/compiler';
import { choosesOther, otherKey } from '@olva/schema';
import { Model } from 'survey-core';
import { ResponseSession } from './session.js';
import type { AnswerInput, AnswerMap } from './types.js';
import { prng } from '@olva/test-support/prng';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));

const core = readJson('packages/core-questionnaire/olva-core.json') as QuestionnaireDefinition;
const extensions = readdirSync(root + 'examples/extensions').filter((f) => f.endsWith('.json')).sort();
const builds: [string, TerritorialExtension | null][] = [
  ['olva-core', null],
  ...extensions.map((f): [string, TerritorialExtension] => [`olva-core+${f.replace(/\.json$/, '')}`, readJson(`examples/extensions/${f}`) as TerritorialExtension]),
];
const SEQUENCES_PER_BUILD = Math.ceil(1_000 / builds.length);

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

const TEXTS = ['', 'Maison de quartier', 'a', 'contact@asso.fr', 'pas un courriel', '35238', '2A004', '999', 'x'.repeat(300)];

/** A random value for a question: valid, out of range, of the wrong shape, or empty. */
function randomValue(q: CompiledQuestion, random: () => number): AnswerInput {
  if (random() < 0.1) return undefined;
  const codes = 'choices' in q ? q.choices.map((c) => c.code) : [];
  // With an "other" item, SurveyJS reads a value that is not a choice as "other" plus that
  // text (its `storeOthersAsComment` design), where the runtime refuses the code: unknown
  // codes are tried on the questions without one only.
  const unknown = 'other' in q && q.other ? 0 : 1;
  switch (q.type) {
    case 'single':
      return random() < 0.1 * unknown ? 'inconnu' : pick(random, codes);
    case 'multiple': {
      const chosen = codes.filter(() => random() < 0.3);
      if (random() < 0.05 * unknown) chosen.push('inconnu');
      return chosen;
    }
    case 'boolean':
      return random() < 0.5;
    case 'integer':
    case 'year':
    case 'decimal': {
      const min = q.min ?? 0;
      const max = q.max ?? 1000;
      return pick(random, [min - 1, min, max, max + 1, 0, 1, -3, 2.5, Math.floor(random() * 200), Math.round(random() * 10_000) / 100]);
    }
    case 'scale':
      return Math.floor(random() * (q.choices.length + 2));
    case 'matrix': {
      const value: Record<string, string> = {};
      for (const row of q.rows) if (random() < 0.5) value[row.code] = random() < 0.05 ? 'inconnu' : pick(random, codes);
      return value;
    }
    default:
      return pick(random, TEXTS);
  }
}

/** SurveyJS data with OLVA keys and without the empty values it may keep. */
function surveyAnswers(model: Model, names: Record<string, string>): AnswerMap {
  const out: AnswerMap = {};
  for (const [name, value] of Object.entries(model.data as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0) continue;
    out[names[name] ?? name] = value as AnswerMap[string];
  }
  return out;
}

interface Disagreement { build: string; sequence: number; step: number; steps: string[]; what: string }

function compare(compiled: CompiledQuestionnaire, session: ResponseSession, model: Model, names: Record<string, string>): string | null {
  for (const section of compiled.sections) {
    for (const q of section.questions) {
      const sq = model.getQuestionByName(surveyName(q.id));
      if (!sq) return `SurveyJS has no question ${surveyName(q.id)}`;
      if (session.isVisible(q.id) !== sq.isVisible) {
        return `${q.id}: visible ${session.isVisible(q.id)} in the runtime, ${sq.isVisible} in SurveyJS (visibleIf ${sq.visibleIf})`;
      }
      if (session.isVisible(q.id) && session.isRequired(q.id) !== sq.isRequired) {
        return `${q.id}: required ${session.isRequired(q.id)} in the runtime, ${sq.isRequired} in SurveyJS (requiredIf ${sq.requiredIf})`;
      }
    }
  }
  const ours = JSON.stringify(Object.entries(session.answers).sort(([a], [b]) => a.localeCompare(b)));
  const theirs = JSON.stringify(Object.entries(surveyAnswers(model, names)).sort(([a], [b]) => a.localeCompare(b)));
  return ours === theirs ? null : `answers kept differ:\n runtime ${ours}\n SurveyJS ${theirs}`;
}

describe('runtime and SurveyJS export agree', () => {
  for (const [index, [build, extension]] of builds.entries()) {
    it(`${build}: same visible and required questions over ${SEQUENCES_PER_BUILD} random answer sequences`, { timeout: 180_000 }, async () => {
      const compiled = assemble(core, extension);
      const json = surveyModel(compiled);
      const names = (json.olvaNames ?? {}) as Record<string, string>;
      expect(json.clearInvisibleValues).toBe('onHidden');
      // Validation while typing changes nothing to visibility and costs a third of each change.
      const model = new Model({ ...json, checkErrorsMode: 'onComplete' });
      const random = prng(20260301 + index);
      const questions = compiled.sections.flatMap((s) => s.questions);
      const disagreements: Disagreement[] = [];
      let comparisons = 0;

      for (let sequence = 0; sequence < SEQUENCES_PER_BUILD && disagreements.length < 5; sequence++) {
        const session = new ResponseSession(compiled);
        model.clear(true, false);
        const steps: string[] = [];
        // Short sequences: SurveyJS re-runs every condition on each change (about 5 ms here).
        const length = 1 + Math.floor(random() * 5);
        // Let the test runner breathe: a long synchronous loop starves its RPC.
        if (sequence % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
        for (let step = 0; step < length; step++) {
          // A respondent answers what is shown: a visible question, or the other text of one.
          const visible = questions.filter((q) => session.isVisible(q.id));
          const q = pick(random, visible);
          let key = q.id;
          let surveyKey = surveyName(q.id);
          let value = randomValue(q, random);
          // The "other" text is shown once "other" is chosen; SurveyJS keeps it as a comment.
          if ('other' in q && q.other && choosesOther(session.getAnswer(q.id)) && random() < 0.5) {
            key = otherKey(q.id);
            surveyKey = surveyOtherName(q.id);
            value = random() < 0.2 ? undefined : pick(random, TEXTS.filter((t) => t !== ''));
          }
          steps.push(`${key} = ${JSON.stringify(value)}`);
          session.setAnswer(key, value);
          model.setValue(surveyKey, value);
          comparisons++;
          const problem = compare(compiled, session, model, names);
          if (problem) {
            disagreements.push({ build, sequence, step, steps: [...steps], what: problem });
            break;
          }
        }
      }
      expect(comparisons).toBeGreaterThan(SEQUENCES_PER_BUILD);
      expect(disagreements, JSON.stringify(disagreements, null, 1)).toEqual([]);
    });
  }
});
