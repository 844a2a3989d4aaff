import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isAbsolute } from 'node:path';
import jsonLogic from 'json-logic-js';
import { QUESTION_TYPES, SAFE_OPERATORS } from '@olva/schema';
import type { Condition, Item, Question, TerritorialExtension } from '@olva/schema';
import { validateDocument } from '@olva/schema/validate';
import { coreQuestionnairePath, loadCoreQuestionnaire } from './index.js';

const core = loadCoreQuestionnaire();
const examples = fileURLToPath(new URL('../../../examples/extensions/', import.meta.url));
const readExtension = (file: string): TerritorialExtension =>
  JSON.parse(readFileSync(examples + file, 'utf8')) as TerritorialExtension;
const extensions = {
  'rennes-2026.json': readExtension('rennes-2026.json'),
  'lorient-agglo-2026.json': readExtension('lorient-agglo-2026.json'),
};

const isQuestion = (item: Item): item is Question => !('extensionPoint' in item);
const questionsOf = (items: readonly Item[]): Question[] => items.filter(isQuestion);
const coreQuestions = core.sections.flatMap((s) => questionsOf(s.items));
const coreIds = coreQuestions.map((q) => q.id);
const extensionPoints = core.sections.flatMap((s) =>
  s.items.flatMap((i) => ('extensionPoint' in i ? [i.extensionPoint] : [])));

/** Every operator used in a condition, and every question id it reads (`var`, `missing`, `missing_some`). */
function inspect(logic: unknown, found = { operators: [] as string[], reads: [] as string[] }) {
  if (Array.isArray(logic)) {
    for (const part of logic) inspect(part, found);
  } else if (logic !== null && typeof logic === 'object') {
    for (const [operator, args] of Object.entries(logic)) {
      found.operators.push(operator);
      if (operator === 'var') {
        const name = Array.isArray(args) ? args[0] : args;
        found.reads.push(String(name));
      } else if (operator === 'missing') {
        found.reads.push(...(Array.isArray(args) ? args : [args]).map(String));
      } else if (operator === 'missing_some') {
        found.reads.push(...(args as [number, string[]])[1].map(String));
      } else {
        inspect(args, found);
      }
    }
  }
  return found;
}

/** Every {fr, en} text of a document, wherever it sits. */
function localizedTexts(node: unknown, at = '', out: { at: string; text: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((child, i) => localizedTexts(child, `${at}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    if ('fr' in node) out.push({ at, text: node as Record<string, unknown> });
    else for (const [key, child] of Object.entries(node)) localizedTexts(child, `${at}/${key}`, out);
  }
  return out;
}

/** Conditions of a question that read other answers, with where they are. */
const conditionsOf = (q: Question): [string, Condition][] => [
  ...(q.visibleWhen ? [['visibleWhen', q.visibleWhen] as [string, Condition]] : []),
  ...(typeof q.required === 'object' ? [['required', q.required] as [string, Condition]] : []),
];

describe('the loader', () => {
  it('points at the JSON file and reads it', () => {
    expect(isAbsolute(coreQuestionnairePath)).toBe(true);
    expect(existsSync(coreQuestionnairePath)).toBe(true);
    expect(loadCoreQuestionnaire()).toEqual(JSON.parse(readFileSync(coreQuestionnairePath, 'utf8')));
    expect(loadCoreQuestionnaire()).not.toBe(core);
  });
});

describe('olva-core', () => {
  it('is valid against the questionnaire schema', () => {
    expect(validateDocument('questionnaire', core)).toEqual([]);
    // The same validator does reject a broken copy, so an empty list above means something.
    const broken = structuredClone(core) as unknown as { sections: { items: { label?: unknown }[] }[] };
    broken.sections[0].items[0].label = { en: 'no French' };
    expect(validateDocument('questionnaire', broken)).not.toEqual([]);
  });

  it('is olva-core 2026.2.2', () => {
    expect(core.id).toBe('olva-core');
    expect(core.version).toBe('2026.2.2');
  });

  it('is the version its changelog heads and its READMEs name (docs/release.md, step 2)', () => {
    const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
    expect(/^## (\S+) — /m.exec(read('../CHANGELOG.md'))?.[1]).toBe(core.version);
    expect([...read('../README.md').matchAll(/version `([^`]+)`/g)].map((m) => m[1])).toEqual([core.version, core.version]);
    expect(/tronc commun `olva-core` (\S+),/.exec(read('../../../README.md'))?.[1]).toBe(core.version);
  });

  it('has 45 to 60 questions in the four OLVA sections', () => {
    expect(core.sections.map((s) => s.id)).toEqual(['profil', 'membres', 'ressources', 'besoins']);
    expect(coreQuestions.length).toBeGreaterThanOrEqual(45);
    expect(coreQuestions.length).toBeLessThanOrEqual(60);
    for (const section of core.sections) expect(questionsOf(section.items).length).toBeGreaterThanOrEqual(8);
  });

  it('uses every question type of the contract', () => {
    const used = new Set(coreQuestions.map((q) => q.type));
    expect(QUESTION_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });

  it('has unique, core-shaped question ids and no collision with "other" texts', () => {
    expect(new Set(coreIds).size).toBe(coreIds.length);
    for (const id of coreIds) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    const otherKeys = coreQuestions.filter((q) => 'other' in q && q.other).map((q) => `${q.id}_other`);
    expect(otherKeys.length).toBeGreaterThan(0);
    expect(otherKeys.filter((key) => coreIds.includes(key))).toEqual([]);
  });

  it('has unique choice and row codes within each question', () => {
    for (const q of coreQuestions) {
      for (const list of ['choices', 'rows'] as const) {
        if (!(list in q)) continue;
        const codes = (q as unknown as Record<string, { code: string }[]>)[list].map((c) => c.code);
        expect(new Set(codes).size, `${q.id}.${list}`).toBe(codes.length);
      }
      if ('exclusive' in q && q.exclusive) {
        const codes = q.choices.map((c) => c.code);
        for (const code of q.exclusive) expect(codes, `${q.id}.exclusive`).toContain(code);
      }
    }
  });

  it('has every human text in French and English', () => {
    const texts = localizedTexts(core);
    // Labels, choices, sections, checks: far more texts than questions.
    expect(texts.length).toBeGreaterThan(coreQuestions.length * 3);
    const missing = texts.filter(({ text }) => typeof text.en !== 'string' || text.en.trim() === '');
    expect(missing.map(({ at }) => at)).toEqual([]);
  });

  it('has no help that repeats the hint the form writes itself (how many choices to tick)', () => {
    for (const q of coreQuestions) {
      if (!('maxSelected' in q || 'minSelected' in q) || !q.help) continue;
      expect(q.help.fr, q.id).not.toMatch(/choix au (maximum|minimum)|au (plus|moins) \S+ (choix|réponses?)/i);
    }
  });

  it('keeps help texts to plain text, emphasis and https links', () => {
    for (const q of coreQuestions) {
      for (const text of Object.values(q.help ?? {})) {
        expect(text, q.id).not.toMatch(/[<>]/);
        for (const link of text.matchAll(/\]\(([^)]*)\)/g)) expect(link[1], q.id).toMatch(/^https:\/\//);
      }
    }
  });

  it('ends every section with its own extension point and has extension points inside sections', () => {
    for (const section of core.sections) {
      const last = section.items[section.items.length - 1];
      expect(last).toEqual({ extensionPoint: `${section.id}.fin` });
      for (const item of section.items) {
        if ('extensionPoint' in item) expect(item.extensionPoint.startsWith(`${section.id}.`)).toBe(true);
      }
    }
    expect(new Set(extensionPoints).size).toBe(extensionPoints.length);
    const inside = extensionPoints.filter((name) => !name.endsWith('.fin'));
    expect(inside).toEqual(expect.arrayContaining(['membres.benevoles', 'ressources.locaux']));
  });

  it('makes the key questions required and some conditionally required', () => {
    const byId = new Map(coreQuestions.map((q) => [q.id, q]));
    for (const id of ['secteur_principal', 'annee_creation', 'commune_siege', 'employeur', 'budget_annuel']) {
      expect(byId.get(id)?.required, id).toBe(true);
    }
    expect(byId.get('nb_salaries')?.visibleWhen).toEqual({ '==': [{ var: 'employeur' }, true] });
    expect(byId.get('nb_salaries')?.required).toBe(true);
    expect(coreQuestions.some((q) => typeof q.required === 'object')).toBe(true);
  });

  it('writes conditions with safe operators that read only earlier questions', () => {
    let conditions = 0;
    coreQuestions.forEach((q, index) => {
      const earlier = new Set(coreIds.slice(0, index));
      for (const [where, condition] of conditionsOf(q)) {
        conditions += 1;
        const { operators, reads } = inspect(condition);
        expect(operators.filter((op) => !SAFE_OPERATORS.includes(op)), `${q.id}.${where}`).toEqual([]);
        expect(reads.length, `${q.id}.${where}`).toBeGreaterThan(0);
        for (const id of reads) expect(earlier.has(id), `${q.id}.${where} reads ${id}`).toBe(true);
      }
    });
    expect(conditions).toBeGreaterThanOrEqual(8);
  });

  it('has coherence checks on existing questions, with safe operators', () => {
    const checks = core.checks ?? [];
    expect(checks.length).toBeGreaterThanOrEqual(4);
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['creation_future', 'dirigeants_sup_adherents', 'salaries_etp', 'benevoles_zero']));
    expect(checks.find((c) => c.id === 'creation_future')?.level).toBe('error');
    for (const check of checks) {
      const { operators, reads } = inspect(check.when);
      expect(operators.filter((op) => !SAFE_OPERATORS.includes(op)), check.id).toEqual([]);
      for (const id of [...reads, ...check.questions]) expect(coreIds, `${check.id} uses ${id}`).toContain(id);
    }
  });
});

describe('olva-core checks, evaluated', () => {
  const checks = new Map((core.checks ?? []).map((c) => [c.id, c]));
  const fires = (id: string, answers: Record<string, unknown>) =>
    jsonLogic.truthy(jsonLogic.apply(checks.get(id)!.when as jsonLogic.RulesLogic, answers));

  // For each check: answers that must raise it, and close answers that must not.
  const cases: Record<string, { fire: Record<string, unknown>[]; quiet: Record<string, unknown>[] }> = {
    creation_future: { fire: [{ annee_creation: 2031 }], quiet: [{ annee_creation: 2026 }, { annee_creation: 1901 }] },
    secteur_principal_repete: {
      fire: [{ secteur_principal: 'sport', secteurs_secondaires: ['culture', 'sport'] }],
      quiet: [{ secteur_principal: 'sport', secteurs_secondaires: ['culture'] }, { secteur_principal: 'sport' }],
    },
    dirigeants_sup_adherents: {
      fire: [{ nb_dirigeants: 12, nb_adherents: 5 }],
      quiet: [{ nb_dirigeants: 5, nb_adherents: 5 }, { nb_dirigeants: 12 }],
    },
    dirigeantes_sup_dirigeants: {
      fire: [{ nb_dirigeantes_femmes: 4, nb_dirigeants: 3 }],
      quiet: [{ nb_dirigeantes_femmes: 3, nb_dirigeants: 3 }, { nb_dirigeantes_femmes: 4 }],
    },
    benevoles_zero: {
      fire: [{ nb_benevoles_reguliers: 0 }, { nb_benevoles_reguliers: 0, nb_benevoles_occasionnels: 0 }],
      quiet: [{ nb_benevoles_reguliers: 0, nb_benevoles_occasionnels: 3 }, { nb_benevoles_reguliers: 2 }],
    },
    anciennete_president_creation: {
      fire: [{ annee_creation: 2020, anciennete_president: 'plus_10_ans' }],
      quiet: [{ annee_creation: 2001, anciennete_president: 'plus_10_ans' }, { anciennete_president: 'plus_10_ans' }],
    },
    salaries_etp: {
      fire: [{ etp: 3.5, nb_salaries: 2 }],
      quiet: [{ etp: 1.5, nb_salaries: 2 }, { etp: 3.5 }],
    },
    employeur_petit_budget: {
      fire: [{ employeur: true, budget_annuel: 'moins_1000' }],
      quiet: [{ employeur: false, budget_annuel: 'moins_1000' }, { employeur: true, budget_annuel: 'de_10000_a_50000' }],
    },
    salaries_sup_adherents: {
      fire: [{ nb_salaries: 60, nb_adherents: 5 }, { nb_salaries: 51, nb_adherents: 0 }],
      quiet: [{ nb_salaries: 60, nb_adherents: 6 }, { nb_salaries: 50, nb_adherents: 2 }, { nb_salaries: 200 }, { nb_adherents: 3 }],
    },
    financement_public_nul: {
      fire: [{ sources_revenus: ['subventions_publiques'], part_financement_public: 0 }],
      quiet: [{ sources_revenus: ['subventions_publiques'], part_financement_public: 30 }, { sources_revenus: ['dons'] }],
    },
  };

  it('has a case for every check', () => {
    expect([...checks.keys()].sort()).toEqual(Object.keys(cases).sort());
  });

  it('stays quiet on an empty response', () => {
    for (const id of checks.keys()) expect(fires(id, {}), id).toBe(false);
  });

  for (const [id, { fire, quiet }] of Object.entries(cases)) {
    it(`${id} fires when it should, and only then`, () => {
      for (const answers of fire) expect(fires(id, answers), JSON.stringify(answers)).toBe(true);
      for (const answers of quiet) expect(fires(id, answers), JSON.stringify(answers)).toBe(false);
    });
  }
});

describe('example extensions', () => {
  const require = createRequire(import.meta.url);
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; nom: string; type: string }[];
  const epci = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; nom: string }[];

  for (const [file, extension] of Object.entries(extensions)) {
    describe(file, () => {
      const inserted = (extension.insert ?? []).flatMap((i) => i.items);
      const ownSections = (extension.sections ?? []).flatMap((s) => questionsOf(s.items));
      const own = [...inserted, ...ownSections];
      const ownIds = own.map((q) => q.id);

      it('is valid against the extension schema and extends olva-core 2026', () => {
        expect(validateDocument('extension', extension)).toEqual([]);
        expect(extension.extends).toEqual({ id: 'olva-core', version: '^2026.1.0' });
        expect(extension.id).toBe(file.replace(/\.json$/, ''));
      });

      it('names an official territory', () => {
        const { level, code, name } = extension.territory;
        const known = level === 'commune'
          ? communes.find((c) => c.code === code && c.type === 'commune-actuelle')?.nom
          : level === 'epci' ? epci.find((e) => e.code === code)?.nom : undefined;
        expect(known).toBe(name);
      });

      it('adds 3 to 6 namespaced questions at declared extension points', () => {
        expect(own.length).toBeGreaterThanOrEqual(3);
        expect(own.length).toBeLessThanOrEqual(6);
        expect(new Set(ownIds).size).toBe(ownIds.length);
        for (const id of ownIds) expect(id.startsWith(`${extension.namespace}.`), id).toBe(true);
        for (const section of extension.sections ?? []) expect(section.id.startsWith(`${extension.namespace}.`)).toBe(true);
        expect((extension.insert ?? []).length).toBeGreaterThan(0);
        for (const { at } of extension.insert ?? []) expect(extensionPoints, at).toContain(at);
        expect(localizedTexts(extension).filter(({ text }) => !text.en).map(({ at }) => at)).toEqual([]);
      });

      it('reads only core answers and its own, with at least one condition on a core answer', () => {
        const readable = new Set([...coreIds, ...ownIds]);
        let readsCore = false;
        for (const q of own) {
          for (const [, condition] of conditionsOf(q)) {
            const { operators, reads } = inspect(condition);
            expect(operators.filter((op) => !SAFE_OPERATORS.includes(op))).toEqual([]);
            for (const id of reads) expect(readable.has(id), `${q.id} reads ${id}`).toBe(true);
            if (reads.some((id) => coreIds.includes(id))) readsCore = true;
          }
        }
        expect(readsCore).toBe(true);
      });

      it('adds warnings only, on its own or core questions', () => {
        const checks = extension.checks ?? [];
        expect(checks.length).toBeGreaterThan(0);
        for (const check of checks) {
          expect(check.level).toBe('warning');
          expect(check.id.startsWith(`${extension.namespace}.`)).toBe(true);
          for (const id of [...inspect(check.when).reads, ...check.questions]) expect([...coreIds, ...ownIds]).toContain(id);
        }
      });
    });
  }

  it('shows both ways of extending: insertions and a whole section', () => {
    const all = Object.values(extensions);
    expect(all.some((e) => (e.sections ?? []).length > 0)).toBe(true);
    expect(all.every((e) => (e.insert ?? []).length > 0)).toBe(true);
  });
});
