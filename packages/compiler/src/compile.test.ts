import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compile } from './compile.js';
import { formatProblem } from './problems.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = `${root}packages/core-questionnaire/olva-core.json`;
const EXTENSIONS = [`${root}examples/extensions/rennes-2026.json`, `${root}examples/extensions/lorient-agglo-2026.json`];

describe('compile the real core', () => {
  it('compiles olva-core alone with no problem', async () => {
    const { compiled, problems } = await compile({ core: CORE });
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    expect(compiled?.id).toBe('olva-core');
    const numbers = compiled!.sections.flatMap((s) => s.questions.map((q) => q.number));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThanOrEqual(40);
  });

  for (const extension of EXTENSIONS) {
    it(`compiles olva-core with ${extension.split('/').pop()} with no problem`, async () => {
      const { compiled, problems } = await compile({ core: CORE, extension });
      expect(problems.map((p) => formatProblem(p))).toEqual([]);
      expect(compiled?.extension).not.toBeNull();
      expect(compiled!.id).toBe(`olva-core+${compiled!.extension!.id}`);
      const fromExtension = compiled!.sections.flatMap((s) => s.questions).filter((q) => q.origin.kind === 'extension');
      expect(fromExtension.length).toBeGreaterThan(0);
      for (const q of fromExtension) expect(q.id.startsWith(`${compiled!.extension!.namespace}.`)).toBe(true);
    });
  }
});

describe('compile inputs', () => {
  it('reports a missing file by name', async () => {
    const { compiled, problems } = await compile({ core: '/nonexistent/core.json' });
    expect(compiled).toBeNull();
    expect(problems).toMatchObject([{ file: '/nonexistent/core.json', rule: 'load/not-found', pointer: '' }]);
  });

  it('refuses an extension given as the core, and a core given as the extension', async () => {
    const swapped = await compile({ core: EXTENSIONS[0]!, extension: CORE });
    expect(swapped.problems.map((p) => [p.file, p.rule])).toEqual([[EXTENSIONS[0], 'load/wrong-kind'], [CORE, 'load/wrong-kind']]);
  });
});

describe('personal data (contract "Personal data")', () => {
  const fixtures = `${root}packages/compiler/src/lint/fixtures/`;

  it('carries "personal": true into the compiled question, and only where it is set', async () => {
    const { compiled } = await compile({ core: `${fixtures}_base/core.json`, extension: `${fixtures}email-not-personal/extension.json` });
    const questions = compiled!.sections.flatMap((s) => s.questions);
    expect(questions.filter((q) => q.personal === true).map((q) => q.id)).toEqual(['rennes.courriel_president']);
    expect(questions.find((q) => q.id === 'rennes.courriel_referent')).not.toHaveProperty('personal');
  });

  it('marks the core\'s identifying questions personal', async () => {
    const { compiled } = await compile({ core: CORE });
    const personal = compiled!.sections.flatMap((s) => s.questions).filter((q) => q.personal === true).map((q) => q.id);
    expect(personal.sort()).toEqual(['commentaire', 'email_contact', 'nom_association', 'numero_rna']);
  });

  it('refuses a "personal" that is not a boolean, naming the pointer', async () => {
    const { mkdtemp, writeFile, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/olva-personal-`);
    const core = JSON.parse(await readFile(`${fixtures}_base/core.json`, 'utf8'));
    core.sections[1].items[1].personal = 'yes';
    await writeFile(`${dir}/core.json`, JSON.stringify(core));
    const { compiled, problems } = await compile({ core: `${dir}/core.json` });
    expect(compiled).toBeNull();
    expect(problems.some((p) => p.pointer === '/sections/1/items/1/personal')).toBe(true);
  });
});
