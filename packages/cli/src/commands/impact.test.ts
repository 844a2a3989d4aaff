import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { olva, variant } from '@olva/test-support/cli-run';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const CORE_2027 = join(root, 'examples/core-2027/olva-core-2027.json');
const RENNES = join(root, 'examples/extensions/rennes-2026.json');
const LORIENT = join(root, 'examples/extensions/lorient-agglo-2026.json');

/** The 2027 core without the question `echelle_action`, which both example extensions read. */
const withoutScale = () => variant(CORE_2027, (c) => {
  for (const s of c.sections) s.items = s.items.filter((i: { id?: string }) => i.id !== 'echelle_action');
});

describe('olva impact', () => {
  it('says which extensions must widen their range, with a range that widens (exit 1), and which are fine (exit 0)', async () => {
    const r = await olva('impact', '--core', CORE_2027, RENNES, LORIENT);
    expect(r.code).toBe(1);
    expect(r.err).toContain('↔ rennes-2026 1.0.0 (^2026.1.0) : valide avec 2027.0.0, mais sa plage ne l’inclut pas ; élargissez-la : "extends": { "version": "^2026.1.0 || ^2027.0.0" }');
    expect(r.err).toContain('0 valide telle quelle, 2 à élargir, 0 à modifier.');
    const widened = variant(RENNES, (e) => { e.extends.version = '^2026.1.0 || ^2027.0.0'; });
    const ok = await olva('impact', '--lang', 'en', '--core', CORE_2027, widened);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ rennes-2026 1.0.0 (^2026.1.0 || ^2027.0.0): valid with 2027.0.0, nothing to change');
  });

  it('names a question the new core removed, and says it was removed', async () => {
    const core = withoutScale();
    const r = await olva('impact', '--lang', 'en', '--core', core, RENNES, LORIENT);
    expect(r.code).toBe(1);
    expect(r.err).toContain('✗ rennes-2026 1.0.0 (^2026.1.0): must be changed before moving to 2027.0.0');
    expect(r.err).toContain('/insert/0/items/0/visibleWhen reads question "echelle_action", which core 2027.0.0 removed');
    expect(r.err).toContain('then widen its range: "^2026.1.0 || ^2027.0.0"');
    const json = JSON.parse((await olva('impact', '--json', '--core', core, RENNES, LORIENT)).out);
    expect(json.extensions.map((e: { extension: { id: string }; status: string }) => [e.extension.id, e.status])).toEqual([['rennes-2026', 'broken'], ['lorient-agglo-2026', 'broken']]);
    expect(json.extensions[1].missingQuestions).toEqual([{ question: 'echelle_action', pointer: '/checks/0/when', removed: true }]);
  });

  it('validates the new core first, and needs --core and an extension', async () => {
    const broken = variant(CORE_2027, (c) => { c.sections[0].items[2].visibleWhen = { '==': [{ var: 'secteur_principal' }, 'social_sante'] }; });
    const r = await olva('impact', '--core', broken, RENNES);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[condition-unknown-code]');
    expect(r.err).toContain('Analyse impossible');
    expect((await olva('impact', RENNES)).code).toBe(2);
    expect((await olva('impact', '--core', CORE_2027)).code).toBe(2);
  });
});
