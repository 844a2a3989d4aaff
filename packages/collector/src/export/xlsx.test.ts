import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeXlsx, XLSX_SHEETS } from './xlsx.js';
import { codebookEntries } from './codebook.js';
import { XLSX_CELL_LIMIT, XLSX_TRUNCATION_MARK } from './xlsx-cell.js';
import { escapeFormula } from '@olva/compiler/csv';
import type { StoredResponse } from '../store/types.js';
import {
  bytesWritten, fieldsUnderEitherSeparator, fixtureAnswers, fixtureCore, fixtureResponse, HOSTILE_TEXTS, iterate, runsAsFormula,
} from '@olva/test-support/export-fixtures';
import { pythonValues, readXlsxBoth, type PythonSheet } from '@olva/test-support/xlsx-python';

/** The workbook's bytes. */
function xlsxOf(responses: StoredResponse[], core = fixtureCore()): Promise<Buffer> {
  return bytesWritten((out) => writeXlsx([core], () => iterate(responses), out));
}

async function workbookOf(responses: StoredResponse[], core = fixtureCore()): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await xlsxOf(responses, core) as unknown as ArrayBuffer);
  return wb;
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => { rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

/**
 * exceljs's values as the Python reader gives them: holes and undefined as null, and the
 * `_xHHHH_` escapes of ECMA-376's ST_Xstring decoded, as Excel and Apache POI do (exceljs
 * decodes them in shared strings only, not in inline strings: `python` says which cells are).
 */
function nullValues(sheet: ExcelJS.Worksheet, python: PythonSheet): unknown[][] {
  const decode = (v: unknown) => typeof v === 'string' ? v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : v ?? null;
  return values(sheet).map((row, r) => Array.from(row, (v, c) => (python.rows[r]?.[c]?.type === 'inlineStr' ? decode(v) : v ?? null)));
}

/** Texts an XLSX must carry through: markup, controls, OOXML escapes, accents, spaces, length. */
const AWKWARD_TEXTS = [
  '<b>gras</b> & "guillemets" > \'apostrophes\'', 'a\x01b\x0Bc\x1Fd\uFFFEe\uFFFF', '_x003D_cmd', '_x0041_ et _x005f_',
  'été, à l’œuvre — 🎉 ça', '  espaces  ', 'ligne\rseule', '\t=tab', `${'é'.repeat(XLSX_CELL_LIMIT - 1)}🎉`, 'x'.repeat(40_000),
];

/** What a reader should get back for `text`: escaped for spreadsheets, cut at Excel's limit. */
function expected(text: string): string {
  const escaped = escapeFormula(text);
  return escaped.length <= XLSX_CELL_LIMIT ? escaped : escaped.slice(0, XLSX_CELL_LIMIT - XLSX_TRUNCATION_MARK.length).replace(/[\uD800-\uDBFF]$/, '') + XLSX_TRUNCATION_MARK;
}

/** Responses made on demand, counting what was pulled and whether the source was closed. */
function countedSource(count: number, failAt?: number) {
  const state = { pulled: 0, closed: 0, opened: 0 };
  const open = async function* () {
    state.opened++;
    try {
      for (let i = 0; i < count; i++) {
        if (i === failAt) throw new Error('the store failed');
        state.pulled++;
        yield fixtureResponse(i, fixtureAnswers(i));
      }
    } finally {
      state.closed++;
    }
  };
  return { state, open };
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

  it('writes both data sheets from one read of the responses, so that each row faces the same response in both', async () => {
    // A store taking responses while the workbook is written: each read sees another collection
    // (one erased, one received since), as two reads of a collector's store could.
    const reads = [[0, 1, 2, 3], [0, 2, 3, 4]];
    let opened = 0;
    const open = () => iterate(reads[Math.min(opened++, 1)]!.map((i) => fixtureResponse(i, fixtureAnswers(i))));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bytesWritten((out) => writeXlsx([fixtureCore()], open, out)) as unknown as ArrayBuffer);
    const ids = (name: string) => {
      const rows = values(wb.getWorksheet(name)!);
      const col = (rows[0] as string[]).indexOf('submission_id');
      return rows.slice(1).map((r) => r[col]);
    };
    expect(opened).toBe(1);
    expect(ids(XLSX_SHEETS.labels)).toEqual(ids(XLSX_SHEETS.codes));
    expect(ids(XLSX_SHEETS.codes)).toEqual(reads[0]!.map((i) => fixtureResponse(i, fixtureAnswers(i)).submissionId));
  });

  it('leaves no temporary file behind, written to the end, abandoned by its reader, or while it runs', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-xlsx-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect((await workbookOf([fixtureResponse(0, fixtureAnswers(0))])).worksheets).toHaveLength(3);
      // Gone at once, and gone once rows were read (the labels' file made).
      for (const rowsFirst of [false, true]) {
        const gone = new PassThrough();
        const { state, open } = countedSource(100_000);
        const written = writeXlsx([fixtureCore()], open, gone);
        while (rowsFirst && state.pulled === 0) await new Promise((next) => setImmediate(next));
        // Even while it is written: the labels' file has no name on disk (Linux, as CI), so a
        // collector stopped mid-export leaves no answers behind.
        if (rowsFirst) expect(fs.readdirSync(tmp)).toEqual([]);
        gone.destroy();
        await expect(written).rejects.toThrow('closed before the end');
        expect(fs.readdirSync(tmp)).toEqual([]);
      }
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
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
    // CRs are kept (written as &#13;, which XML does not turn into LF).
    for (const text of HOSTILE_TEXTS) expect(strings).toContain(escapeFormula(text));
    expect(strings.flatMap(fieldsUnderEitherSeparator).filter(runsAsFormula)).toEqual([]);
  });

  it('writes awkward texts, empty and numeric cells that exceljs and Python read back the same', async () => {
    const responses = AWKWARD_TEXTS.map((text, i) => fixtureResponse(i, { secteur_principal: 'sport', commentaire: text, nb_benevoles: [0, 12, 100000][i % 3] }));
    responses.push(fixtureResponse(98, { secteur_principal: 'culture' }), fixtureResponse(99, { commentaire: 'lone \uD800 surrogate', nb_benevoles: 7 }));
    const { workbook: wb, python } = await readXlsxBoth(await xlsxOf(responses));
    expect(python.map((s) => s.name)).toEqual([XLSX_SHEETS.codes, XLSX_SHEETS.labels, XLSX_SHEETS.codebook]);
    for (const [i, sheet] of python.entries()) {
      expect(pythonValues(sheet)).toEqual(nullValues(wb.worksheets[i], sheet));
      for (const cell of sheet.rows.flat()) {
        if (!cell) continue;
        expect(cell.formula).toBe(false);
        expect(['inlineStr', 's', 'n']).toContain(cell.type);
      }
    }
    // The header row stays on screen.
    expect(wb.worksheets[0].views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const codes = pythonValues(python[0]);
    const col = (name: string) => codes[0].indexOf(name);
    AWKWARD_TEXTS.forEach((text, i) => {
      expect(codes[i + 1][col('commentaire')]).toBe(expected(text));
      expect(codes[i + 1][col('nb_benevoles')]).toBe([0, 12, 100000][i % 3]);
    });
    const long = codes[AWKWARD_TEXTS.length][col('commentaire')] as string;
    expect(long).toHaveLength(XLSX_CELL_LIMIT);
    expect(long.endsWith(XLSX_TRUNCATION_MARK)).toBe(true);
    // Cut before the emoji's surrogate pair, not inside it.
    expect(codes[AWKWARD_TEXTS.length - 1][col('commentaire')]).toBe(`${'é'.repeat(XLSX_CELL_LIMIT - XLSX_TRUNCATION_MARK.length)}${XLSX_TRUNCATION_MARK}`);
    // Unanswered: no cell, read as empty by both.
    expect(codes[AWKWARD_TEXTS.length + 1][col('commentaire')] ?? null).toBeNull();
    expect(codes[AWKWARD_TEXTS.length + 1][col('nb_benevoles')] ?? null).toBeNull();
    expect(codes[AWKWARD_TEXTS.length + 2][col('commentaire')]).toBe('lone \uFFFD surrogate');
  });

  it('stops reading the responses and rejects when the output closes before the end', async () => {
    const { state, open } = countedSource(1_000_000);
    const out = new PassThrough();
    const written = writeXlsx([fixtureCore()], open, out);
    // Nobody reads: the writer stalls on a full output (after its first rows, however slow
    // the machine), then the client goes away.
    for (let unchanged = 0, last = -1; unchanged < 5;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      unchanged = state.pulled > 0 && state.pulled === last ? unchanged + 1 : 0;
      last = state.pulled;
    }
    expect(state.pulled).toBeGreaterThan(0);
    expect(state.pulled).toBeLessThan(5_000);
    out.destroy();
    await expect(written).rejects.toThrow('closed before the end');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state).toMatchObject({ opened: 1, closed: 1 });
  });

  it('rejects with the error of the responses, leaving the output to the caller', async () => {
    const { state, open } = countedSource(1_000, 500);
    const out = new PassThrough();
    out.resume();
    await expect(writeXlsx([fixtureCore()], open, out)).rejects.toThrow('the store failed');
    expect(out.destroyed).toBe(false);
    expect(state).toMatchObject({ opened: 1, pulled: 500, closed: 1 });
    // A store that cannot even open its cursor.
    const refused = new PassThrough();
    await expect(writeXlsx([fixtureCore()], () => { throw new Error('no cursor'); }, refused)).rejects.toThrow('no cursor');
    expect(refused.destroyed).toBe(false);
  });
});
