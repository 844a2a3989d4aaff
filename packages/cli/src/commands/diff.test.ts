import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { olva, variant } from '@olva/test-support/cli-run';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const CORE = join(root, 'packages/core-questionnaire/olva-core.json');
const CORE_2027 = join(root, 'examples/core-2027/olva-core-2027.json');
const RENNES = join(root, 'examples/extensions/rennes-2026.json');

describe('olva diff (versions and crosswalks)', () => {
  it('2026 → 2027 with one split choice and its crosswalk: a split, in French and English, next version 2027.0.0', async () => {
    const fr = await olva('diff', CORE, CORE_2027);
    expect(fr.code).toBe(0);
    expect(fr.out).toContain('secteur_principal [majeure] : choix « social_sante » scindé en « action_sociale », « sante »');
    expect(fr.out).toContain('version à publier : 2027.0.0');
    const en = await olva('diff', '--lang', 'en', CORE, CORE_2027);
    expect(en.out).toContain('secteur_principal [major]: choice "social_sante" split into "action_sociale", "sante"');
    expect(en.out).not.toMatch(/scindé|version à publier/);
    const json = JSON.parse((await olva('diff', '--json', CORE, CORE_2027)).out);
    expect(json).toMatchObject({ ok: true, kind: 'questionnaire', required: 'major', declared: 'major', next: '2027.0.0', problems: [] });
    expect(json.questions.map((q: { question: string }) => q.question)).toEqual(['secteur_principal', 'secteurs_secondaires']);
  });

  it('names the files given the other way round (the 2027 core first), with the command in the right order', async () => {
    const r = await olva('diff', CORE_2027, CORE);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`✗ La nouvelle version doit être une version semver supérieure à l’ancienne.\n  2026.2.2 précède 2027.0.0 : les deux fichiers sont-ils inversés ? L’ancienne version d’abord : olva diff ${CORE} ${CORE_2027}\n`);
    expect((await olva('diff', '--lang', 'en', CORE_2027, CORE)).err).toContain('2026.2.2 comes before 2027.0.0: are the two files the other way round?');
  });

  it('validates both versions first: a 2027 core whose condition still reads the removed code fails with that problem', async () => {
    const stale = variant(CORE_2027, (d) => {
      d.sections[0].items.find((q: { id: string }) => q.id === 'secteurs_secondaires').visibleWhen = { '!=': [{ var: 'secteur_principal' }, 'social_sante'] };
    });
    const r = await olva('diff', CORE, stale);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${stale}#/sections/0/items/3/visibleWhen`);
    expect(r.err).toContain('[condition-unknown-code]');
    expect(r.err).toContain('Comparaison impossible');
    expect(r.out).toBe('');
  });

  it('refuses a MAJOR change to a question without a crosswalk entry, naming the file, pointer and rule', async () => {
    const bare = variant(CORE_2027, (d) => { d.crosswalk.questions.pop(); });
    const r = await olva('diff', '--lang', 'en', CORE, bare);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#/sections/0/items/3/choices: \\[crosswalk/missing\\] question "secteurs_secondaires"`));
    expect(r.err).toContain('✗ The crosswalk is missing or wrong: 1 error');
  });

  it('says which version the changes need when the declared one is too small', async () => {
    const minor = variant(CORE_2027, (d) => { d.version = '2026.3.0'; d.crosswalk.from = '2026.2.2'; });
    const r = await olva('diff', CORE, minor);
    expect(r.code).toBe(1);
    expect(r.err).toContain('il faut au moins une version majeure (2027.0.0)');
  });

  it('names both faults when a MAJOR change has neither its crosswalk entry nor a big enough number', async () => {
    const both = variant(CORE_2027, (d) => { d.version = '2026.3.0'; d.crosswalk.from = '2026.2.2'; d.crosswalk.questions.pop(); });
    const r = await olva('diff', CORE, both);
    expect(r.code).toBe(1);
    expect(r.err).toContain('✗ La table de passage (crosswalk) est incomplète ou fausse : 1 erreur');
    expect(r.err).toContain('il faut au moins une version majeure (2027.0.0)');
    // French typography between the changes of one question: a space before the semicolon.
    const bare = variant(CORE_2027, (d) => { delete d.crosswalk; });
    expect((await olva('diff', CORE, bare)).err).toContain('choix « social_sante » retiré ; choix « action_sociale » ajouté');
  });

  it('works on an extension: 1.0.0 → 1.0.1 of a territory’s own question, checked against the core', async () => {
    const next = variant(RENNES, (e) => { e.version = '1.0.1'; e.insert[0].items[0].label.fr = 'Votre quartier principal ?'; });
    const r = await olva('diff', RENNES, next);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rennes.quartier_principal [correctif] : reformulée');
    expect(r.out).toContain('version à publier : 1.0.1');
    // A larger bump than needed is the maintainer's to make: the version to publish is the one
    // declared and checked (it once said 1.0.1 beside « ✓ 1.1.0 est un numéro de version correct »).
    const larger = await olva('diff', RENNES, variant(RENNES, (e) => { e.version = '1.1.0'; e.insert[0].items[0].label.fr = 'Votre quartier principal ?'; }));
    expect(larger.code).toBe(0);
    expect(larger.out).toContain('version déclarée : mineure ; version à publier : 1.1.0 (1.0.1 suffirait).\n✓ 1.1.0 est un numéro de version correct');
    const broken = variant(RENNES, (e) => { e.version = '1.0.1'; e.insert[0].at = 'profil.debut'; });
    const refused = await olva('diff', RENNES, broken);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[extension-unknown-point]');
    const mixed = await olva('diff', CORE, RENNES);
    expect(mixed.err).toContain('[load/wrong-kind]');
  });
});
