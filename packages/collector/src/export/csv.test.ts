import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvExport, csvReadable } from './csv.js';
import { variableColumns } from './columns.js';
import { METADATA_COLUMNS } from './columns.js';
import { escapeFormula } from '@olva/compiler/csv';
import {
  fieldsUnderEitherSeparator, fixtureAnswers, fixtureCore, fixtureRennes, fixtureResponse, HOSTILE_TEXTS, iterate, parseCsv,
  runsAsFormula,
} from '@olva/test-support/export-fixtures';
import type { StoredResponse } from '../store/types.js';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

function byName(rows: string[][]): Record<string, string>[] {
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('csvExport', () => {
  it('starts with a BOM and reopens with the same values, accents included', async () => {
    const responses = Array.from({ length: 30 }, (_, i) => fixtureResponse(i, fixtureAnswers(i)));
    const text = await collect(csvExport([fixtureCore()], iterate(responses)));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(31);
    const header = rows[0];
    expect(header.slice(0, METADATA_COLUMNS.length)).toEqual([...METADATA_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const records = byName(rows);
    responses.forEach((r, i) => {
      const rec = records[i];
      const a = fixtureAnswers(i);
      expect(rec.submission_id).toBe(r.submissionId);
      expect(rec.received_at).toBe(r.receivedAt);
      expect(rec.territory_code).toBe('35238');
      expect(rec.wave).toBe('2026');
      expect(rec.extension_id).toBe('');
      expect(rec.secteur_principal).toBe(a.secteur_principal);
      expect(rec.commentaire).toBe(a.commentaire);
      expect(rec.commentaire).toContain('« élan »');
      expect(Number(rec.nb_benevoles)).toBe(a.nb_benevoles);
      expect(rec.employeur).toBe(a.employeur ? '1' : '0');
      expect(rec.satisfaction).toBe(String(a.satisfaction));
      expect(rec.budget).toBe(a.budget === undefined ? '' : String(a.budget));
      expect(rec.difficultes__locaux).toBe((a.difficultes as Record<string, string>).locaux);
      expect(rec.difficultes__benevoles).toBe('aucune');
    });
  });

  it('splits a multiple choice into 0/1 columns, empty when the question has no answer', async () => {
    const responses = [
      fixtureResponse(1, { publics: ['enfants', 'aines'], publics_other: 'Familles' }),
      fixtureResponse(2, { publics: [] }),
      fixtureResponse(3, { secteur_principal: 'sport' }),
    ];
    const records = byName(parseCsv((await collect(csvExport([fixtureCore()], iterate(responses)))).slice(1)));
    expect([records[0].publics__enfants, records[0].publics__jeunes, records[0].publics__aines, records[0].publics_other]).toEqual(['1', '0', '1', 'Familles']);
    expect([records[1].publics__enfants, records[1].publics__jeunes, records[1].publics__aines]).toEqual(['0', '0', '0']);
    expect([records[2].publics__enfants, records[2].publics__jeunes, records[2].publics__aines, records[2].publics_other]).toEqual(['', '', '', '']);
    expect([records[0].publics, records[1].publics, records[2].publics]).toEqual(['enfants;aines', '', '']);
  });

  it('escapes formulas in answers but keeps numbers as numbers', async () => {
    const dangerous = ['=1+1', '+33 6 00', '-2+3', '@SUM(A1)', '\tx', '\r=x', '=HYPERLINK("http://evil";"clic")'];
    const escaped = ['=1+1', '+33 6 00', '-2+3', '@SUM(A1)', '\tx', "\r'=x", '=HYPERLINK("http://evil";"clic")'].map((t) => `'${t}`);
    const responses = dangerous.map((text, i) => fixtureResponse(i, { commentaire: text, secteur_principal: 'sport', secteur_principal_other: text, budget: -12.5 }));
    const text = await collect(csvExport([fixtureCore()], iterate(responses)));
    const records = byName(parseCsv(text.slice(1)));
    records.forEach((rec, i) => {
      expect(rec.commentaire).toBe(escaped[i]);
      expect(rec.secteur_principal_other).toBe(escaped[i]);
      expect(rec.budget).toBe('-12.5');
    });
    // No field of the file starts with a formula character once unquoted, except numbers.
    const running = fieldsUnderEitherSeparator(text.slice(1)).filter(runsAsFormula);
    expect(running.filter((field) => !/^-?\d+(\.\d+)?$/.test(field))).toEqual([]);
  });

  it('escapes formulas after either separator and after line breaks: no field runs when reopened with "," or ";"', async () => {
    // French Excel opens a CSV with ";": `x;=cmd…` in the "," export was a cell `=cmd…`.
    const hostile = fc.oneof(
      fc.constantFrom(...HOSTILE_TEXTS),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', 'a', '1', 'é', '|'), maxLength: 24 }),
    );
    await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 4 }), hostile, async (texts, label) => {
      const core = fixtureCore();
      const sector = core.sections[0].questions[0] as unknown as { choices: { label: { fr: string; en: string } }[] };
      sector.choices[0].label = { fr: label, en: label };
      const responses = texts.map((t, i) => fixtureResponse(i, {
        secteur_principal: 'sport', secteur_principal_other: t, publics: ['enfants'], publics_other: t, commentaire: t,
      }, { source: t }));
      for (const separator of [',', ';'] as const) {
        for (const mode of ['codes', 'labels'] as const) {
          const text = (await collect(csvExport([core], iterate(responses), { separator, mode }))).slice(1);
          expect(fieldsUnderEitherSeparator(text).filter(runsAsFormula)).toEqual([]);
          // Read with its own separator, the file gives back each text, escaped, in one field.
          const records = byName(parseCsv(text, separator));
          expect(records).toHaveLength(texts.length);
          records.forEach((rec, i) => {
            expect(rec.commentaire).toBe(escapeFormula(texts[i]));
            expect(rec.source).toBe(escapeFormula(texts[i]));
            expect(rec.secteur_principal).toBe(mode === 'codes' ? 'sport' : escapeFormula(label));
          });
        }
      }
    }), { numRuns: 100 });
  });

  it('escapes formulas in labels in labels mode, and maps codes to labels', async () => {
    const responses = [fixtureResponse(1, { secteur_principal: 'formule', satisfaction: 2, employeur: true, publics: ['jeunes'], difficultes: { locaux: 'forte' } })];
    const records = byName(parseCsv((await collect(csvExport([fixtureCore()], iterate(responses), { mode: 'labels' }))).slice(1)));
    expect(records[0].secteur_principal).toBe(`'=HYPERLINK("http://x")`);
    expect(records[0].satisfaction).toBe('Un peu');
    expect(records[0].employeur).toBe('Oui');
    expect(records[0].publics__jeunes).toBe('Oui');
    expect(records[0].publics__enfants).toBe('Non');
    expect(records[0].difficultes__locaux).toBe('Forte');
  });

  it('quotes separators, quotes and line breaks (RFC 4180), also with ";"', async () => {
    const tricky = 'a, "b"; c\r\nd\ne';
    for (const separator of [',', ';'] as const) {
      const text = await collect(csvExport([fixtureCore()], iterate([fixtureResponse(1, { commentaire: tricky })]), { separator }));
      expect(text.endsWith('\r\n')).toBe(true);
      const records = byName(parseCsv(text.slice(1), separator));
      expect(records).toHaveLength(1);
      expect(records[0].commentaire).toBe(tricky);
    }
  });

  it('uses the union of columns when versions and extensions are mixed', async () => {
    const newer = fixtureCore('2026.2.0');
    newer.sections[0].questions.push({ ...newer.sections[0].questions[3], id: 'nb_salaries', number: 7 });
    const columns = variableColumns([fixtureCore(), fixtureRennes(), newer]).map((c) => c.name);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns.indexOf('nb_salaries')).toBe(columns.indexOf('commune_siege') + 1);
    expect(columns.indexOf('rennes.locaux_quartier')).toBe(columns.indexOf('difficultes__benevoles') + 1);
    expect(columns.indexOf('commentaire')).toBe(columns.indexOf('rennes.locaux_quartier') + 1);
    const responses: StoredResponse[] = [
      fixtureResponse(1, { 'rennes.locaux_quartier': 'oui', secteur_principal: 'culture' }, { extension: { id: 'rennes-2026', version: '1.0.0' } }),
      fixtureResponse(2, { nb_salaries: 3, secteur_principal: 'sport' }, { questionnaire: { id: 'olva-core', version: '2026.2.0' } }),
    ];
    const records = byName(parseCsv((await collect(csvExport([fixtureCore(), fixtureRennes(), newer], iterate(responses)))).slice(1)));
    expect(records[0]['rennes.locaux_quartier']).toBe('oui');
    expect(records[0].extension_id).toBe('rennes-2026');
    expect(records[0].nb_salaries).toBe('');
    expect(records[1].nb_salaries).toBe('3');
    expect(records[1]['rennes.locaux_quartier']).toBe('');
    expect(records[1].questionnaire_version).toBe('2026.2.0');
  });

  it('streams as a Node readable of UTF-8 bytes', async () => {
    const chunks: Buffer[] = [];
    for await (const c of csvReadable([fixtureCore()], iterate([fixtureResponse(1, fixtureAnswers(1))]))) chunks.push(Buffer.from(c));
    const buf = Buffer.concat(chunks);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8')).toContain('« élan »');
  });
});
