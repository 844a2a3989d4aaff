import { describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from '@olva/schema';
import { csvExport } from './csv.js';
import { codebookEntries, codebookMarkdown } from './codebook.js';
import { harmonise, parseHarmonise } from './harmonise.js';
import { fixtureCore, fixtureRennes, fixtureResponse, iterate, parseCsv } from './testing.js';

/**
 * 2027 of the fixture core: `social` of `secteur_principal` split into `action_sociale` and
 * `sante`, `publics` gains `familles`, `employeur` renamed `est_employeur`, `nb_benevoles`
 * declared not comparable, `budget` removed; and numbers shifted by one new first question.
 */
function core2027(): CompiledQuestionnaire {
  const c = fixtureCore('2027.0.0');
  const qs = c.sections[0]!.questions as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const sector = qs.find((q) => q.id === 'secteur_principal');
  sector.choices.splice(2, 1, { code: 'action_sociale', label: { fr: 'Action sociale', en: 'Social action' } }, { code: 'sante', label: { fr: 'Santé', en: 'Health' } });
  qs.find((q) => q.id === 'publics').choices.splice(3, 0, { code: 'familles', label: { fr: 'Familles', en: 'Families' } });
  qs.find((q) => q.id === 'employeur').id = 'est_employeur';
  qs.splice(qs.findIndex((q) => q.id === 'budget'), 1);
  qs.unshift({ ...qs[0], id: 'annee_creation', type: 'year', label: { fr: 'Année de création' }, choices: undefined, other: undefined, number: 1 });
  c.sections.flatMap((s) => s.questions).forEach((q, i) => { q.number = i + 1; });
  c.crosswalk = { from: '2026.1.0', questions: [
    { question: 'secteur_principal', from: 'secteur_principal', codes: { social: ['action_sociale', 'sante'] } },
    { question: 'est_employeur', from: 'employeur' },
    { question: 'nb_benevoles', notComparable: { fr: 'Compte désormais les bénévoles réguliers seulement', en: 'Now counts regular volunteers only' } },
  ] };
  return c;
}

const v2027 = { questionnaire: { id: 'olva-core', version: '2027.0.0' } };
const responses = () => [
  fixtureResponse(1, { secteur_principal: 'social', publics: ['jeunes'], employeur: true, nb_benevoles: 4, budget: 1000 }),
  fixtureResponse(2, { secteur_principal: 'sante', publics: ['familles', 'aines'], est_employeur: false, nb_benevoles: 9, annee_creation: 1990 }, v2027),
  fixtureResponse(3, { secteur_principal: 'action_sociale', secteur_principal_other: 'x' }, v2027),
];

async function rows(compiled: CompiledQuestionnaire[], options: Parameters<typeof csvExport>[2]) {
  let text = '';
  for await (const chunk of csvExport(compiled, iterate(responses()), options)) text += chunk;
  const [header, ...data] = parseCsv(text.slice(1));
  return { header: header!, rows: data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

describe('harmonised exports', () => {
  const versions = () => [fixtureCore(), core2027()];

  it('put 2026 and 2027 answers in one column set, through the crosswalk', async () => {
    const { header, rows: [a, b, c] } = await rows(versions(), { harmonise: true });
    expect([a!.secteur_principal, b!.secteur_principal, c!.secteur_principal]).toEqual(['social', 'social', 'social']);
    expect(header).not.toContain('employeur');
    expect([a!.est_employeur, b!.est_employeur]).toEqual(['1', '0']);
    // Not comparable: 2026 answers in a column of their own.
    expect([a!.nb_benevoles, b!.nb_benevoles, a!.nb_benevoles__2026_1_0, b!.nb_benevoles__2026_1_0]).toEqual(['', '9', '4', '']);
    expect([a!.publics__familles, b!.publics__familles, b!.publics__aines]).toEqual(['0', '1', '1']);
    expect([a!.budget, b!.budget, b!.annee_creation]).toEqual(['1000', '', '1990']);
  });

  it('tell apart not in the version (-9) from not asked and blank with missing=codes', async () => {
    const { rows: [a, b] } = await rows(versions(), { harmonise: true, missing: 'codes' });
    expect([a!.annee_creation, b!.budget, a!.nb_benevoles, b!.nb_benevoles__2026_1_0]).toEqual(['-9', '-9', '-9', '-9']);
    expect([a!.secteur_principal_other, b!.commune_siege]).toEqual(['-7', '-8']);
  });

  it('keep the version codes as they are without harmonise, and the codebook documents every code with its versions', async () => {
    const { rows: [a, b] } = await rows(versions(), {});
    expect([a!.secteur_principal, b!.secteur_principal, a!.employeur, b!.est_employeur]).toEqual(['social', 'sante', '1', '0']);
    const entries = codebookEntries(versions());
    const sector = entries.find((e) => e.variable === 'secteur_principal')!;
    expect(sector.codes_fr).toContain('social=Action sociale, santé [2026.1.0]');
    expect(sector.codes_fr).toContain('sante=Santé [2027.0.0]');
    expect(sector.codes_fr).toContain('sport=Sport |');
    expect(sector.version).toBe('2026.1.0, 2027.0.0');
    expect(entries.find((e) => e.variable === 'budget')!.version).toBe('2026.1.0');
  });

  it('document in the codebook which codes of which version each harmonised code stands for', () => {
    const h = harmonise(versions());
    const entries = codebookEntries(versions(), undefined, { harmonisation: h, missing: 'codes' });
    const sector = entries.find((e) => e.variable === 'secteur_principal')!;
    expect(sector.codes_fr).toContain('social=Action sociale, santé [2026.1.0 : social ; 2027.0.0 : action_sociale, sante]');
    expect(sector.codes_en).toContain('social=Social action, health [2026.1.0: social ; 2027.0.0: action_sociale, sante]');
    expect(sector.codes_fr).toMatch(/sport=Sport \| culture=Culture/);
    expect(sector.codes_fr).toMatch(/-7=non posée \| -8=laissée vide \| -9=absente de la version$/);
    expect(entries.find((e) => e.variable === 'publics')!.codes_fr).toContain('familles=Familles [2026.1.0 : — ; 2027.0.0 : familles]');
  });

  it('number questions uniquely across versions and extensions', () => {
    const entries = codebookEntries([...versions(), fixtureRennes()]).filter((e) => e.kind !== 'metadata');
    const byQuestion = new Map<string, string>();
    for (const e of entries) {
      const id = e.variable.replace(/(__.*|_other)$/, '');
      if (!byQuestion.has(id)) byQuestion.set(id, e.question);
    }
    const numbers = [...byQuestion.values()];
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(byQuestion.get('annee_creation')).toBe('Q1');
    const md = codebookMarkdown(entries, 'x');
    expect(md).toContain('MISSING VALUES ALL (-9 THRU -7).');
    expect(md).toContain('mvdecode _all, mv(-7=.a \\ -8=.b \\ -9=.c)');
  });

  it('read the harmonise parameter strictly', () => {
    expect([parseHarmonise(undefined), parseHarmonise('true'), parseHarmonise('1'), parseHarmonise('false'), parseHarmonise('oui')]).toEqual([false, true, true, false, null]);
  });
});
