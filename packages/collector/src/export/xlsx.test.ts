import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeXlsx, XLSX_SHEETS } from './xlsx.js';
import { codebookEntries } from './codebook.js';
import { escapeFormula } from '@olva/compiler/csv';
import {
  fieldsUnderEitherSeparator, fixtureAnswers, fixtureCore, fixtureResponse, HOSTILE_TEXTS, iterate, runsAsFormula,
} from '@olva/test-support/export-fixtures';

async function workbookOf(responses: ReturnType<typeof fixtureResponse>[], core = fixtureCore()): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx([core], () => iterate(responses), out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => { rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

describe('writeXlsx', () => {
  it('writes codes, labels and codebook sheets that read back', async () => {
    const responses = Array.from({ length: 12 }, (_, i) => fixtureResponse(i, fixtureAnswers(i)));
    responses.push(fixtureResponse(99, { secteur_principal: 'formule', commentaire: '=1+1', nb_benevoles: 0 }));
    const wb = await workbookOf(responses);
    expect(wb.worksheets.map((s) => s.name)).toEqual([XLSX_SHEETS.codes, XLSX_SHEETS.labels, XLSX_SHEETS.codebook]);
    const codes = values(wb.getWorksheet(XLSX_SHEETS.codes)!);
    const labels = values(wb.getWorksheet(XLSX_SHEETS.labels)!);
    const header = codes[0] as string[];
    expect(labels[0]).toEqual(header);
    expect(codes).toHaveLength(responses.length + 1);
    const col = (name: string) => header.indexOf(name);
    responses.slice(0, 12).forEach((r, i) => {
      const a = fixtureAnswers(i);
      expect(codes[i + 1][col('submission_id')]).toBe(r.submissionId);
      expect(codes[i + 1][col('secteur_principal')]).toBe(a.secteur_principal);
      expect(codes[i + 1][col('nb_benevoles')]).toBe(a.nb_benevoles);
      expect(codes[i + 1][col('commentaire')]).toBe(a.commentaire);
      expect(labels[i + 1][col('secteur_principal')]).toBe({ sport: 'Sport', culture: 'Culture', social: 'Action sociale, santé' }[a.secteur_principal as string]);
      expect(labels[i + 1][col('publics__aines')]).toBe(i % 2 ? 'Oui' : 'Non');
    });
    const last = responses.length;
    expect(codes[last][col('commentaire')]).toBe(`'=1+1`);
    expect(labels[last][col('secteur_principal')]).toBe(`'=HYPERLINK("http://x")`);
    // Strings stay strings: no cell of the workbook is a formula.
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const codebook = values(wb.getWorksheet(XLSX_SHEETS.codebook)!);
    expect(codebook.slice(1).map((r) => r[0])).toEqual(header);
    expect(codebook.slice(1).map((r) => r[0])).toEqual(codebookEntries([fixtureCore()]).map((e) => e.variable));
  });

  it('stores texts that look like formulas as escaped strings, never formulas, in every sheet', async () => {
    // Excel saves a sheet as CSV with its own separator: the texts are escaped as in the CSV.
    const core = fixtureCore();
    const question = core.sections[0].questions[0] as unknown as { label: object; choices: { label: object }[] };
    question.label = { fr: HOSTILE_TEXTS[0], en: HOSTILE_TEXTS[1] };
    question.choices[0].label = { fr: HOSTILE_TEXTS[2], en: HOSTILE_TEXTS[3] };
    const responses = HOSTILE_TEXTS.map((text, i) => fixtureResponse(i, {
      secteur_principal: 'sport', secteur_principal_other: text, commentaire: text,
    }, { source: text }));
    const wb = await workbookOf(responses, core);
    const strings: string[] = [];
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type);
        if (typeof cell.value === 'string') strings.push(cell.value);
      }));
    }
    // XML reads a CR (alone or before LF) back as LF.
    for (const text of HOSTILE_TEXTS) expect(strings).toContain(escapeFormula(text).replace(/\r\n?/g, '\n'));
    expect(strings.flatMap(fieldsUnderEitherSeparator).filter(runsAsFormula)).toEqual([]);
  });
});
