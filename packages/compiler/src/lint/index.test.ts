import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../compile.js';
import { load } from '../load.js';
import { lint } from './index.js';
import { RULES } from './registry.js';
import { formatProblem } from '../problems.js';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const base = join(fixtures, '_base');

interface Expected {
  description: string;
  phase: 'compile' | 'lint';
  extension?: boolean;
  /** Severity of every expected problem (default error). */
  severity?: 'error' | 'warning';
  /** `says`: text each language's formatted line must contain ("did you mean", positions…). */
  problems: { file: string; rule: string; pointer: string; says?: { fr?: string; en?: string } }[];
}

const names = readdirSync(fixtures).filter((n) => !n.startsWith('_')).sort();

function inputsOf(name: string, spec: Expected): { core: string; extension: string | null } {
  const dir = join(fixtures, name);
  const core = existsSync(join(dir, 'core.json')) ? join(dir, 'core.json') : join(base, 'core.json');
  const ownExt = join(dir, 'extension.json');
  const extension = existsSync(ownExt) ? ownExt : spec.extension ? join(base, 'extension.json') : null;
  return { core, extension };
}

describe('lint fixtures', () => {
  it('has at least 30 failing fixtures, and one for every lint rule', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    const covered = new Set(names.flatMap((n) => (JSON.parse(readFileSync(join(fixtures, n, 'expected.json'), 'utf8')) as Expected).problems.map((p) => p.rule)));
    for (const rule of RULES) expect(covered, `no fixture for ${rule.name}`).toContain(rule.name);
  });

  it('the base core and extension compile without any problem', async () => {
    const result = await compile({ core: join(base, 'core.json'), extension: join(base, 'extension.json') });
    expect(result.problems).toEqual([]);
    expect(result.compiled?.id).toBe('mini-core+rennes-test');
  });

  for (const name of names) {
    const spec = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${spec.description}`, async () => {
      const { core, extension } = inputsOf(name, spec);
      let problems;
      if (spec.phase === 'lint') {
        const loaded = await load(extension ? [core, extension] : [core]);
        expect(loaded.problems).toEqual([]);
        const [c, e] = loaded.documents;
        problems = lint(c!.document as QuestionnaireDefinition, (e?.document ?? null) as TerritorialExtension | null, { core, extension: extension ?? undefined });
      } else {
        const result = await compile({ core, extension });
        // Errors stop the build; warnings do not.
        if ((spec.severity ?? 'error') === 'error') expect(result.compiled).toBeNull();
        else expect(result.compiled).not.toBeNull();
        problems = result.problems;
      }
      expect(problems.map((p) => ({ file: basename(p.file), rule: p.rule, pointer: p.pointer }))).toEqual(spec.problems.map(({ says: _, ...p }) => p));
      spec.problems.forEach((expected, i) => {
        if (expected.says?.fr) expect(formatProblem(problems[i]!, 'fr')).toContain(expected.says.fr);
        if (expected.says?.en) expect(formatProblem(problems[i]!, 'en')).toContain(expected.says.en);
      });
      for (const p of problems) {
        expect(p.severity).toBe(spec.severity ?? 'error');
        expect(p.message.length).toBeGreaterThan(0);
        expect(p.hint?.length ?? 0).toBeGreaterThan(0);
        expect(p.fr?.message.length ?? 0).toBeGreaterThan(0);
        const line = formatProblem(p);
        expect(line.startsWith(`${p.file}#${p.pointer}: [${p.rule}] `)).toBe(true);
        expect(line).toContain(' — ');
      }
    });
  }
});

describe('lint', () => {
  it('reports a JSON syntax error with its line and column', async () => {
    const file = join(fixtures, 'load-json-syntax', 'core.json');
    const result = await compile({ core: file });
    expect(result.problems[0]!.message).toMatch(/line 6, column 1/);
    expect(result.problems[0]!.fr!.message).toMatch(/ligne 6, colonne 1/);
  });

  it('does not modify the documents it reads', async () => {
    const core = JSON.parse(readFileSync(join(fixtures, 'condition-cycle', 'core.json'), 'utf8')) as QuestionnaireDefinition;
    const ext = JSON.parse(readFileSync(join(base, 'extension.json'), 'utf8')) as TerritorialExtension;
    const before = JSON.stringify([core, ext]);
    lint(Object.freeze(core), Object.freeze(ext), { core: 'c.json', extension: 'e.json' });
    expect(JSON.stringify([core, ext])).toBe(before);
  });

  it('knows the choice "other" the compiler adds: conditions may read it, columns may not clash with it', () => {
    const core = JSON.parse(readFileSync(join(base, 'core.json'), 'utf8')) as QuestionnaireDefinition;
    const ext = JSON.parse(readFileSync(join(base, 'extension.json'), 'utf8')) as TerritorialExtension;
    (ext.insert![0]!.items[0] as { visibleWhen: unknown }).visibleWhen = { '==': [{ var: 'secteur' }, 'other'] };
    expect(lint(core, ext, { core: 'c.json', extension: 'e.json' })).toEqual([]);
    // A multiple question with `other` gets the column `<id>__other`.
    const activites = core.sections[0]!.items[1] as { id: string; other?: unknown };
    activites.other = { label: { fr: 'Autre activité', en: 'Other activity' } };
    (ext.sections![0]!.items[0] as { id: string }).id = 'rennes.x';
    const clash = structuredClone(core);
    (clash.sections[1]!.items as unknown[]).push({ id: `${activites.id}__other`, type: 'boolean', label: { fr: 'x', en: 'x' } });
    expect(lint(clash, null, { core: 'c.json' }).map((p) => p.rule)).toEqual(['column-collision']);
  });

  it('survives documents that do not match the schema', () => {
    const junk = { id: 3, sections: [null, { items: [{ extensionPoint: 4 }, 'x', { id: 'a', visibleWhen: [1, { var: null }] }] }], checks: 'no' };
    const ext = { extends: 'x', insert: [null, { at: 5, items: 'no' }], territory: { level: 'epci', code: 12 }, checks: [{ level: 'error' }] };
    expect(() => lint(junk as never, ext as never, { core: 'c.json', extension: 'e.json' })).not.toThrow();
  });

  it('gives every rule a unique kebab-case name and a bilingual description', () => {
    const seen = new Set<string>();
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(seen.has(rule.name)).toBe(false);
      seen.add(rule.name);
      expect(rule.description.fr.length).toBeGreaterThan(0);
      expect(rule.description.en.length).toBeGreaterThan(0);
    }
  });
});
