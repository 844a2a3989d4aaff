import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { assemble, isExtensionPoint } from './assemble.js';

const read = <T>(rel: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as T;
const core = read<QuestionnaireDefinition>('./lint/fixtures/_base/core.json');
const ext = read<TerritorialExtension>('./lint/fixtures/_base/extension.json');

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') { Object.values(x).forEach(deepFreeze); Object.freeze(x); }
  return x;
}

describe('assemble', () => {
  it('the bare core: points removed, questions numbered 1..n, provenance recorded', () => {
    const c = assemble(core, null);
    expect(c.kind).toBe('olva-compiled-questionnaire');
    expect(c.id).toBe('mini-core');
    expect(c.extension).toBeNull();
    expect(c.territory).toBeNull();
    expect(c.questionnaire).toEqual({ id: 'mini-core', version: '2026.1.0' });
    const questions = c.sections.flatMap((s) => s.questions);
    expect(questions.map((q) => q.id)).toEqual(['secteur', 'activites', 'employeur', 'nb_salaries', 'satisfaction', 'commentaire']);
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(questions.some((q) => isExtensionPoint(q as never))).toBe(false);
    expect(questions[4]!.origin).toEqual({ kind: 'core', id: 'mini-core', version: '2026.1.0', pointer: '/sections/1/items/0' });
    expect(questions[4]!.section).toBe('besoins');
    expect(c.sections[1]!.origin.pointer).toBe('/sections/1');
    expect(c.checks[0]!.origin).toEqual({ kind: 'core', id: 'mini-core', version: '2026.1.0', pointer: '/checks/0' });
  });

  it('with an extension: insertions replace the point, extension sections come last', () => {
    const c = assemble(core, ext);
    expect(c.id).toBe('mini-core+rennes-test');
    expect(c.title).toEqual(ext.title);
    expect(c.extension).toEqual({ id: 'rennes-test', version: '1.0.0', namespace: 'rennes' });
    expect(c.territory).toEqual(ext.territory);
    expect(c.sections.map((s) => s.id)).toEqual(['profil', 'besoins', 'rennes.local']);
    const questions = c.sections.flatMap((s) => s.questions);
    expect(questions.map((q) => `${q.number}:${q.id}`)).toEqual([
      '1:secteur', '2:activites', '3:employeur', '4:nb_salaries', '5:rennes.quartier', '6:satisfaction', '7:commentaire', '8:rennes.salles',
    ]);
    const inserted = questions[4]!;
    expect(inserted.section).toBe('profil');
    expect(inserted.origin).toEqual({ kind: 'extension', id: 'rennes-test', version: '1.0.0', pointer: '/insert/0/items/0' });
    expect(questions[7]!.origin.pointer).toBe('/sections/0/items/0');
    expect(c.sections[2]!.origin).toEqual({ kind: 'extension', id: 'rennes-test', version: '1.0.0', pointer: '/sections/0' });
    expect(c.checks.map((k) => `${k.origin.kind}:${k.id}:${k.level}`)).toEqual(['core:salaries_sans_employeur:error', 'extension:rennes.quartier_hors_sport:warning']);
  });

  it('is pure: frozen inputs stay untouched and nothing is shared with the output', () => {
    const c0 = deepFreeze(structuredClone(core));
    const e0 = deepFreeze(structuredClone(ext));
    const out = assemble(c0, e0);
    expect(c0).toEqual(core);
    expect(e0).toEqual(ext);
    (out.sections[0]!.questions[0]!.label as { fr: string }).fr = 'changed';
    expect(core.sections[0]!.items[0]).not.toHaveProperty('label.fr', 'changed');
    expect(JSON.stringify(assemble(core, ext))).toBe(JSON.stringify(assemble(core, ext)));
  });

  it('ends the choices of a question with "other" with the reserved choice, and only those', () => {
    const c0 = deepFreeze(structuredClone(core));
    const out = assemble(c0, null);
    expect(out.formatVersion).toBe(2);
    const questions = out.sections.flatMap((s) => s.questions);
    const secteur = questions.find((q) => q.id === 'secteur') as { choices: { code: string; label: unknown }[] };
    const declared = (core.sections[0]!.items[0] as { choices: unknown[] }).choices;
    expect(secteur.choices).toHaveLength(declared.length + 1);
    expect(secteur.choices.at(-1)).toEqual({ code: 'other', label: { fr: 'Autre (précisez)', en: 'Other (please specify)' } });
    // The definition keeps its own list; the added choice is a copy of its own.
    expect((c0.sections[0]!.items[0] as { choices: unknown[] }).choices).toHaveLength(declared.length);
    (secteur.choices.at(-1)!.label as { fr: string }).fr = 'changed';
    expect(assemble(core, null).sections[0]!.questions[0]).toHaveProperty(['choices', declared.length, 'label', 'fr'], 'Autre (précisez)');
    for (const q of questions.filter((x) => x.id !== 'secteur')) {
      expect((q as { choices?: { code: string }[] }).choices?.map((ch) => ch.code) ?? []).not.toContain('other');
    }
  });
});
