import { describe, expect, it } from 'vitest';
import { csvExport } from './csv.js';
import { MISSING_CODES, parseMissing } from './missing.js';
import { codebookEntries, codebookMarkdown } from './codebook.js';
import { fixtureCore, fixtureCore2027, fixtureRennes, fixtureResponse, iterate, parseCsv } from '@olva/test-support/export-fixtures';

/** The fixture versions, `budget` asked only of employers. */
function versions() {
  return [fixtureCore(), fixtureRennes()].map((c) => {
    const budget = c.sections[0].questions.find((q) => q.id === 'budget')!;
    budget.visibleWhen = { '==': [{ var: 'employeur' }, true] };
    return c;
  });
}

async function rows(missing?: 'empty' | 'codes'): Promise<Record<string, string>[]> {
  const responses = [
    // Core version, web: budget hidden, commune_siege skipped, no "other" chosen.
    fixtureResponse(1, { secteur_principal: 'sport', publics: ['jeunes'], employeur: false, nb_benevoles: 3 }),
    // Rennes version, paper: the required sector left blank, "other" ticked with its text.
    fixtureResponse(2, { publics: ['other'], publics_other: 'Familles', employeur: true, 'rennes.locaux_quartier': 'oui' },
      { channel: 'paper', blank: ['secteur_principal'], extension: { id: 'rennes-2026', version: '1.0.0' } }),
  ];
  let text = '';
  for await (const chunk of csvExport(versions(), iterate(responses), missing ? { missing } : {})) text += chunk;
  const [header, ...data] = parseCsv(text.slice(1));
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('missing values', () => {
  it('are empty cells by default', async () => {
    const [core, rennes] = await rows();
    expect([core.budget, core.commune_siege, core.secteur_principal_other, core['rennes.locaux_quartier']]).toEqual(['', '', '', '']);
    expect([rennes.secteur_principal, rennes.budget]).toEqual(['', '']);
  });

  it('tell apart not asked (-7), left blank (-8) and not in the version answered (-9) with missing=codes', async () => {
    const [core, rennes] = await rows('codes');
    expect(core.budget).toBe('-7');
    expect(core.commune_siege).toBe('-8');
    expect(core.secteur_principal_other).toBe('-7');
    expect(core['rennes.locaux_quartier']).toBe('-9');
    expect([core.secteur_principal, core.publics__jeunes, core.publics__enfants, core.nb_benevoles]).toEqual(['sport', '1', '0', '3']);
    expect(rennes.secteur_principal).toBe('-8');
    expect([rennes.publics__other, rennes.publics_other, rennes['rennes.locaux_quartier']]).toEqual(['1', 'Familles', 'oui']);
    expect([rennes.budget, rennes.difficultes__locaux]).toEqual(['-8', '-8']);
  });

  it('are documented in the codebook, and only "empty" and "codes" are understood', () => {
    const md = codebookMarkdown(codebookEntries(versions()), 'olva-core');
    for (const m of MISSING_CODES) expect(md).toContain(`- \`${m.code}\` : ${m.fr}`);
    expect(MISSING_CODES.map((m) => m.code)).toEqual([-7, -8, -9]);
    expect([parseMissing(undefined), parseMissing('empty'), parseMissing('codes'), parseMissing('-9')]).toEqual(['empty', 'empty', 'codes', null]);
  });

  it('never write 0 for a choice the version answered did not offer: -9 with missing=codes, else empty', async () => {
    // 2027 adds the choice `familles` to the multiple choice `publics`; a 2026 answer never saw it.
    const responses = [
      fixtureResponse(1, { secteur_principal: 'sport', publics: ['jeunes'], employeur: false, nb_benevoles: 3 }),
      fixtureResponse(2, { secteur_principal: 'sante', publics: ['jeunes'], est_employeur: false }, { questionnaire: { id: 'olva-core', version: '2027.0.0' }, wave: '2027' }),
    ];
    const exported = async (missing: 'empty' | 'codes') => {
      let text = '';
      for await (const chunk of csvExport([fixtureCore(), fixtureCore2027()], iterate(responses), { missing })) text += chunk;
      const [header, ...data] = parseCsv(text.slice(1));
      return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    };
    const [v2026, v2027] = await exported('codes');
    expect([v2026!.publics__jeunes, v2026!.publics__familles, v2026!.secteur_principal]).toEqual(['1', '-9', 'sport']);
    expect([v2027!.publics__jeunes, v2027!.publics__familles]).toEqual(['1', '0']);
    const [empty2026, empty2027] = await exported('empty');
    expect([empty2026!.publics__familles, empty2027!.publics__familles]).toEqual(['', '0']);
  });
});
