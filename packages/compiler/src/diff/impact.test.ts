import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { extensionImpact, widenedRange } from './index.js';
import { lint } from '../lint/index.js';

const read = <T>(path: string) => JSON.parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8')) as T;
const core2026 = read<QuestionnaireDefinition>('packages/core-questionnaire/olva-core.json');
const core2027 = read<QuestionnaireDefinition>('examples/core-2027/olva-core-2027.json');
const rennes = read<TerritorialExtension>('examples/extensions/rennes-2026.json');
const lorient = read<TerritorialExtension>('examples/extensions/lorient-agglo-2026.json');
const files = { core: 'core.json', extension: 'ext.json' };

/** The 2027 core without question `echelle_action` nor extension point `profil.fin`. */
function without(): QuestionnaireDefinition {
  const c = structuredClone(core2027);
  for (const s of c.sections) s.items = s.items.filter((i) => !('id' in i && i.id === 'echelle_action') && !('extensionPoint' in i && i.extensionPoint === 'profil.fin')) as typeof s.items;
  return c;
}

describe('extensionImpact', () => {
  it('asks an extension that still fits to widen its range, keeping the old versions', () => {
    const impact = extensionImpact(core2027, lorient, files, core2026);
    expect(impact).toMatchObject({ status: 'widen', inRange: false, suggestedRange: '^2026.1.0 || ^2027.0.0', missingQuestions: [], problems: [] });
    const widened = structuredClone(lorient);
    widened.extends.version = impact.suggestedRange!;
    expect(extensionImpact(core2027, widened, files, core2026)).toMatchObject({ status: 'ok', inRange: true });
    expect(extensionImpact(core2027, widened, files, core2026).suggestedRange).toBeUndefined();
  });

  it('names the questions and points an extension uses that the new core removed', () => {
    const impact = extensionImpact(without(), rennes, files, core2026);
    expect(impact.status).toBe('broken');
    expect(impact.missingQuestions).toEqual([
      { question: 'echelle_action', pointer: '/insert/0/items/0/visibleWhen', removed: true },
      { question: 'echelle_action', pointer: '/checks/0/when', removed: true },
    ]);
    expect(impact.missingPoints).toEqual([{ point: 'profil.fin', pointer: '/insert/0/at', removed: true }]);
    expect(impact.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['extension-unknown-point', 'unknown-variable']));
    // Without the old core, a missing question is not said to be removed.
    expect(extensionImpact(without(), rennes, files).missingQuestions[0]!.removed).toBe(false);
  });

  it('widens a range by adding the new major, as the lint rule on the range suggests too', () => {
    expect(widenedRange('^2026.1.0', '2027.0.0')).toBe('^2026.1.0 || ^2027.0.0');
    const range = lint(core2027, lorient, files).find((p) => p.rule === 'extension-version-range')!;
    expect(range.hint).toContain('"^2026.1.0 || ^2027.0.0"');
    expect(range.fr!.hint).toContain('"^2026.1.0 || ^2027.0.0"');
  });
});
