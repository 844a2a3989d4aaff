/**
 * Property: an answer that is not of its question’s kind (what a number box keeps when it
 * cannot read the text: "1e3", "0x10", "Infinity", "1.000"; "peut-être" for yes/no) weighs
 * exactly as much as no answer on visibility, requiredness and coherence checks, for the core
 * and each example extension, over random answers (seeded).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledQuestion, QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { assemble } from '@olva/compiler';
import { computeVisibility } from './visibility.js';
import { failingChecks } from './declared-checks.js';
import type { AnswerMap, AnswerValue } from './types.js';
import { prng } from '@olva/test-support/prng';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));
const core = readJson('packages/core-questionnaire/olva-core.json') as QuestionnaireDefinition;
const extensions = readdirSync(root + 'examples/extensions').filter((f) => f.endsWith('.json')).sort()
  .map((f) => readJson(`examples/extensions/${f}`) as TerritorialExtension);

/** Texts a number box cannot read; JavaScript (and so JsonLogic) reads most as numbers. */
const UNREAD_NUMBERS = ['1e3', '0x10', 'Infinity', '-Infinity', '1.000', '2,500', '12 salariés', '0b11', ' 5e1 '];
const UNREAD = { integer: UNREAD_NUMBERS, year: UNREAD_NUMBERS, decimal: UNREAD_NUMBERS, scale: ['3', '1e0'], boolean: ['peut-être', 'true', '1'] } as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** A valid-looking answer for a question, or undefined. */
function someValue(q: CompiledQuestion, random: () => number): AnswerValue | undefined {
  if (random() < 0.3) return undefined;
  const codes = 'choices' in q ? q.choices.map((c) => c.code) : [];
  switch (q.type) {
    case 'single': return pick(random, codes);
    case 'multiple': return codes.filter(() => random() < 0.3);
    case 'boolean': return random() < 0.5;
    case 'scale': return 1 + Math.floor(random() * q.choices.length);
    case 'integer': case 'year': case 'decimal': {
      const min = q.min ?? 0;
      return pick(random, [min, min + 1, min + 3, min + 12, min + 600, 2020, 0]);
    }
    default: return undefined;
  }
}

describe('an answer not of its kind counts as no answer', () => {
  for (const extension of [null, ...extensions]) {
    const compiled = assemble(core, extension);
    const questions = compiled.sections.flatMap((s) => s.questions);
    const typed = questions.filter((q) => q.type in UNREAD);
    it(`${extension?.id ?? 'olva-core'}: for conditions, requiredness and checks`, () => {
      const random = prng(2026_12_12);
      let compared = 0;
      for (let round = 0; round < 150; round++) {
        const answers: AnswerMap = {};
        for (const q of questions) {
          const value = someValue(q, random);
          if (value !== undefined) answers[q.id] = value;
        }
        const q = pick(random, typed);
        const raw = pick(random, UNREAD[q.type as keyof typeof UNREAD]);
        const without = { ...answers };
        delete without[q.id];
        const a = computeVisibility(compiled, { ...answers, [q.id]: raw });
        const b = computeVisibility(compiled, without);
        const where = `${q.id} = ${JSON.stringify(raw)} over ${JSON.stringify(answers)}`;
        expect([...a.visible].sort(), where).toEqual([...b.visible].sort());
        expect([...a.required].sort(), where).toEqual([...b.required].sort());
        expect(failingChecks(compiled, a.answers, a.visible).map((f) => f.check.id), where)
          .toEqual(failingChecks(compiled, b.answers, b.visible).map((f) => f.check.id));
        // The raw text itself is kept while its question is shown, so the box still holds it.
        const { [q.id]: kept, ...rest } = a.answers;
        expect(rest, where).toEqual(b.answers);
        expect(kept, where).toBe(a.visible.has(q.id) ? raw : undefined);
        compared++;
      }
      expect(compared).toBe(150);
    });
  }
});
