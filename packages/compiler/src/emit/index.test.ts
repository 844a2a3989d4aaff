import { describe, expect, it } from 'vitest';
import { emitAll, EMITTED_FILES } from './index.js';
import { loadFixture } from './__fixtures__/rennes.js';

describe('emitAll', () => {
  it('writes exactly the agreed files', async () => {
    const files = await emitAll(loadFixture());
    expect(Object.keys(files)).toEqual([...EMITTED_FILES]);
    expect(Object.keys(files).sort()).toEqual([
      'answers.d.ts', 'answers.schema.json', 'codebook.csv', 'codebook.md', 'paper.html',
      'payload.schema.json', 'questionnaire.json', 'surveyjs.json', 'validator.d.ts', 'validator.js',
    ]);
    for (const name of ['questionnaire.json', 'answers.schema.json', 'payload.schema.json', 'surveyjs.json']) {
      expect(() => JSON.parse(files[name as keyof typeof files])).not.toThrow();
    }
    expect(JSON.parse(files['questionnaire.json'])).toEqual(loadFixture());
  });

  it('is deterministic and does not touch its input', async () => {
    const compiled = loadFixture();
    const before = JSON.stringify(compiled);
    const a = await emitAll(compiled);
    const b = await emitAll(loadFixture());
    expect(a).toEqual(b);
    expect(JSON.stringify(compiled)).toBe(before);
  });

  it('emits the bare core too (no extension, no territory)', async () => {
    const compiled = loadFixture();
    compiled.extension = null;
    compiled.territory = null;
    compiled.id = 'olva-core';
    compiled.sections[1].questions = compiled.sections[1].questions.filter((q) => q.origin.kind === 'core');
    const files = await emitAll(compiled);
    expect(files['answers.d.ts']).toContain('export interface OlvaCoreAnswers');
    expect(JSON.parse(files['payload.schema.json']).properties.extension).toMatchObject({ type: 'null' });
  });
});
