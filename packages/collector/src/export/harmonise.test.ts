import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CompiledQuestionnaire } from '@olva/schema';
import { csvExport } from './csv.js';
import { codebookEntries, codebookMarkdown } from './codebook.js';
import { harmonise, parseHarmonise } from './harmonise.js';
import { writeXlsx, XLSX_SHEETS } from './xlsx.js';
import { fixtureCore, fixtureCore2027, fixtureRennes, fixtureResponse, iterate, parseCsv } from '@olva/test-support/export-fixtures';

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
  const versions = () => [fixtureCore(), fixtureCore2027()];

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

  it('put the answers of a question split into two questions in both', async () => {
    const split = fixtureCore2027();
    const profil = split.sections[0]!.questions;
    profil.push({ ...profil.find((q) => q.id === 'secteur_principal')!, id: 'secteur_historique', number: 99 });
    split.crosswalk!.questions.push({ question: 'secteur_historique', from: 'secteur_principal', codes: { social: ['action_sociale', 'sante'] } });
    const { rows: [a, b] } = await rows([fixtureCore(), split], { harmonise: true, missing: 'codes' });
    expect([a!.secteur_principal, a!.secteur_historique]).toEqual(['social', 'social']);
    expect([b!.secteur_principal, b!.secteur_historique]).toEqual(['social', '-8']);
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

  it('harmonise the XLSX too: codes, labels and codebook sheets', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx(versions(), () => iterate(responses()), out, { harmonise: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const column = (sheet: string, name: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(sheet)!.eachRow((row) => { rows.push((row.values as unknown[]).slice(1)); });
      const at = (rows[0] as string[]).indexOf(name);
      return rows.slice(1).map((r) => r[at]);
    };
    expect(column(XLSX_SHEETS.codes, 'secteur_principal')).toEqual(['social', 'social', 'social']);
    expect(column(XLSX_SHEETS.labels, 'secteur_principal')).toEqual(['Action sociale, santé', 'Action sociale, santé', 'Action sociale, santé']);
    const codebook: unknown[][] = [];
    wb.getWorksheet(XLSX_SHEETS.codebook)!.eachRow((row) => { codebook.push((row.values as unknown[]).slice(1)); });
    expect(codebook.some((r) => r[0] === 'secteur_principal' && String(r[8]).includes('[2026.1.0 : social ; 2027.0.0 : action_sociale, sante]'))).toBe(true);
  });

  it('read the harmonise parameter strictly', () => {
    expect([parseHarmonise(undefined), parseHarmonise('true'), parseHarmonise('1'), parseHarmonise('false'), parseHarmonise('oui')]).toEqual([false, true, true, false, null]);
  });
});
