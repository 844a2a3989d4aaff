import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUESTION_TYPES } from '@olva/schema';
import { validateDocument } from '@olva/schema/validate';
import { REFERENCE_FILE, compactJson, questionTypesReference, typeExamples } from './reference.js';

describe('docs/question-types.md, the reference of the question types', () => {
  it('is up to date with the schema, the codebook and the examples (else: npx tsx scripts/question-types/reference.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${REFERENCE_FILE}`, import.meta.url)), 'utf8');
    expect(committed).toBe(questionTypesReference());
  });

  it('has one example of every question type, each a valid question of that type', () => {
    const examples = typeExamples();
    expect(Object.keys(examples).sort()).toEqual([...QUESTION_TYPES].sort());
    for (const type of QUESTION_TYPES) {
      const question = examples[type]!.example;
      expect(question.type).toBe(type);
      // Conditions may read another example's question: give them all, in the reference's order.
      const core = { id: 'reference', version: '1.0.0', title: { fr: 'R' }, sections: [{ id: 's', title: { fr: 'S' }, items: QUESTION_TYPES.map((t) => examples[t]!.example) }] };
      expect(validateDocument('questionnaire', core)).toEqual([]);
      expect(examples[type]!.renders.fr.length).toBeGreaterThan(0);
      expect(examples[type]!.renders.en.length).toBeGreaterThan(0);
    }
  });

  it('lists every property of every type, with the schema\'s own words', () => {
    const text = questionTypesReference();
    for (const type of QUESTION_TYPES) expect(text).toContain(`## ${type}\n`);
    expect(text).toContain('| `exclusive` |  | array of code | Codes that cannot be combined with any other (e.g. "aucun"). |');
    expect(text).toContain('| `besoins__locaux` | row | code |');
  });

  it('writes compact JSON that parses back to the same value', () => {
    for (const { example } of Object.values(typeExamples())) expect(JSON.parse(compactJson(example))).toEqual(example);
  });
});
