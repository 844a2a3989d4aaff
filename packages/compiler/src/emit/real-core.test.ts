/**
 * The emitters on the real core questionnaire and the two example extensions (assembled by
 * the compiler's assemble phase): every output is produced, SurveyJS keeps every question
 * and computes the same visibility and requiredness as JsonLogic on random answers, and the
 * precompiled validator accepts what the runtime would send.
 */
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConditionRunner, Model } from 'survey-core';
import type { CompiledQuestion, CompiledQuestionnaire, QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { answerName, choosesOther, evaluateLogic, truthy } from '@olva/schema';
import { assemble } from '../assemble.js';
import { emitAll } from './index.js';
import { surveyModel, surveyName } from './surveyjs.js';
import { allQuestions, hasOther, otherKey } from './question-parts.js';
import { codebookColumns } from './codebook.js';
import { prng as rng } from '@olva/test-support/prng';

const root = new URL('../../../../', import.meta.url);
const read = <T,>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;
const core = read<QuestionnaireDefinition>('packages/core-questionnaire/olva-core.json');
const builds: [string, CompiledQuestionnaire][] = [
  ['olva-core', assemble(core, null)],
  ['rennes-2026', assemble(core, read<TerritorialExtension>('examples/extensions/rennes-2026.json'))],
  ['lorient-agglo-2026', assemble(core, read<TerritorialExtension>('examples/extensions/lorient-agglo-2026.json'))],
];

/** A random valid answer to a question. */
function randomValue(q: CompiledQuestion, r: () => number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  switch (q.type) {
    case 'single': return pick(q.choices).code;
    case 'multiple': {
      const codes = q.choices.map((c) => c.code).filter(() => r() < 0.4);
      return codes.length ? codes.slice(0, q.maxSelected ?? codes.length) : [q.choices[0].code];
    }
    case 'boolean': return r() < 0.5;
    case 'scale': return 1 + Math.floor(r() * q.choices.length);
    case 'integer': case 'year': case 'decimal': {
      const min = q.min ?? 0;
      const max = Math.min(q.max ?? 50, min + 60);
      return pick([min, max, Math.round(min + r() * (max - min)), 0, 1, 2, 5, 10].filter((n) => n >= min && n <= (q.max ?? Infinity)));
    }
    case 'matrix': return Object.fromEntries(q.rows.filter(() => r() < 0.7).map((row) => [row.code, pick(q.choices).code]));
    case 'commune': return pick(['35238', '56121', '2A004']);
    case 'email': return 'contact@asso.fr';
    default: return pick(['Oui', 'texte libre']);
  }
}

/** Answers as the runtime keeps them: hidden questions dropped until nothing changes. */
function settle(questions: CompiledQuestion[], answers: Record<string, unknown>): Record<string, unknown> {
  const out = { ...answers };
  for (let changed = true; changed;) {
    changed = false;
    for (const q of questions) {
      if (q.visibleWhen && !truthy(evaluateLogic(q.visibleWhen, out, answerName))) {
        for (const key of [q.id, otherKey(q.id)]) if (key in out) { delete out[key]; changed = true; }
      }
    }
  }
  return out;
}

function surveyData(compiled: CompiledQuestionnaire, answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [surveyName(k), v]));
}

const emitted = new Map<CompiledQuestionnaire, Promise<Record<string, string>>>();
/** emitAll once per build: it is the slow part (types are formatted with prettier). */
function filesOf(compiled: CompiledQuestionnaire): Promise<Record<string, string>> {
  if (!emitted.has(compiled)) emitted.set(compiled, emitAll(compiled));
  return emitted.get(compiled)!;
}

describe.each(builds)('emit on %s', (_name, compiled) => {
  it('produces every file, with unique export columns', async () => {
    const files = await filesOf(compiled);
    expect(Object.keys(files)).toHaveLength(10);
    const cols = codebookColumns(compiled).map((c) => c.name);
    expect(new Set(cols).size).toBe(cols.length);
  });

  it('translates every condition exactly for SurveyJS', () => {
    expect(surveyModel(compiled).olvaInexact).toBeUndefined();
  });

  it('SurveyJS computes the visibility, requiredness and checks of JsonLogic on 20 random answer sets', () => {
    const questions = allQuestions(compiled);
    const json = surveyModel(compiled);
    const survey = new Model(json);
    const checkRunners = compiled.checks.map((check) => {
      const target = surveyName(check.questions[0]);
      const page = (json.pages as { elements: { name: string; validators?: { expression?: string; text: unknown }[] }[] }[])
        .flatMap((p) => p.elements).find((e) => e.name === target)!;
      const v = page.validators!.find((x) => JSON.stringify(x.text) === JSON.stringify({ default: check.message.fr, ...(check.message.en && check.message.en !== check.message.fr ? { en: check.message.en } : {}) }))!;
      return { check, runner: new ConditionRunner(v.expression!) };
    });
    const r = rng(7);
    for (let i = 0; i < 20; i++) {
      const raw: Record<string, unknown> = {};
      for (const q of questions) {
        if (r() < 0.75) raw[q.id] = randomValue(q, r);
        if (hasOther(q) && r() < 0.2) raw[otherKey(q.id)] = 'autre';
      }
      const answers = settle(questions, raw);
      survey.data = surveyData(compiled, answers);
      for (const q of questions) {
        const sq = survey.getQuestionByName(surveyName(q.id));
        const visible = q.visibleWhen ? truthy(evaluateLogic(q.visibleWhen, answers, answerName)) : true;
        const required = q.required === true || (typeof q.required === 'object' && truthy(evaluateLogic(q.required, answers, answerName)));
        if (sq.isVisible !== visible || sq.isRequired !== required) {
          throw new Error(`${q.id}: SurveyJS visible=${sq.isVisible} required=${sq.isRequired}, JsonLogic ${visible}/${required} on ${JSON.stringify(answers)}`);
        }
      }
      for (const { check, runner } of checkRunners) {
        expect(runner.runValues(surveyData(compiled, answers)), check.id).toBe(!truthy(evaluateLogic(check.when, answers, answerName)));
      }
    }
  });

  it('validator.js accepts answers of every question and refuses an unknown key', async () => {
    const files = await filesOf(compiled);
    const dir = mkdtempSync(join(tmpdir(), 'olva-real-'));
    try {
      writeFileSync(join(dir, 'validator.js'), files['validator.js']);
      const mod = await import(/* @vite-ignore */ pathToFileURL(join(dir, 'validator.js')).href);
      const r = rng(11);
      const answers: Record<string, unknown> = {};
      // Texts with a pattern (e.g. the RNA number) are left out: random text would not match it.
      for (const q of allQuestions(compiled)) if (!('pattern' in q && q.pattern)) answers[q.id] = randomValue(q, r);
      // The choice "other" asks for its text, and only it does.
      const others = allQuestions(compiled).filter((q) => choosesOther(answers[q.id]));
      expect(others.length).toBeGreaterThan(0);
      expect(mod.validateAnswers(answers)).toBe(false);
      for (const q of others) answers[otherKey(q.id)] = 'Sport adapté';
      expect(mod.validateAnswers(answers), JSON.stringify(mod.validateAnswers.errors)).toBe(true);
      expect(mod.validateAnswers({ ...answers, inconnue: 1 })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
