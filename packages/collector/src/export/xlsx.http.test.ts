/**
 * The XLSX export over real HTTP on SQLite and PostgreSQL: answers posted as a respondent
 * would (markup, controls, accents, a formula, the longest text a payload may hold), then
 * `GET /v1/exports/responses.xlsx` read back by two independent readers, exceljs and
 * Python's zipfile + xml.etree, which must agree with each other and with the answers.
 */
import { describe, expect, it } from 'vitest';
import { escapeFormula } from '@olva/compiler/csv';
import { XLSX_SHEETS } from './xlsx.js';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn, TEST_TOKENS } from '@olva/test-support/test-collector';
import { writeBuild } from '@olva/test-support/collector-questionnaires';
import { fixtureAnswers, fixtureCore, fixtureResponse } from '@olva/test-support/export-fixtures';
import { readXlsxBoth } from '@olva/test-support/xlsx-python';

const COMMENTS = [
  '=cmd|\' /C calc\'!A0', '<script>&amp;</script>', 'cloche\x07 et saut\x0C de page', 'Fête de l’été à Saint-Étienne 🎉',
  'ligne 1\r\nligne 2', 'é'.repeat(10_000),
];

for (const backend of bothBackends()) {
  describe(`XLSX export over HTTP on ${backend.name}`, () => {
    const server = testCollectorOn(backend, {
      builds: (dir) => writeBuild(dir, fixtureCore()),
      overrides: { questionnaires: [{ build: 'olva-core' }] },
    });

    it('gives back the posted texts, escaped, to exceljs and Python alike', async () => {
      const base = server.url;
      for (const [i, commentaire] of COMMENTS.entries()) {
        const { payload } = fixtureResponse(i, { ...fixtureAnswers(i), commentaire });
        const res = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
        expect(res.status, await res.text()).toBe(201);
      }
      const res = await fetch(`${base}/v1/exports/responses.xlsx?questionnaire=olva-core`, { headers: { authorization: `Bearer ${TEST_TOKENS.national}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const { workbook: wb, python } = await readXlsxBoth(Buffer.from(await res.arrayBuffer()));
      expect(python.map((s) => s.name)).toEqual([XLSX_SHEETS.codes, XLSX_SHEETS.labels, XLSX_SHEETS.codebook]);
      for (const [s, sheet] of python.entries()) {
        const header = sheet.rows[0].map((c) => c?.value);
        const ids = sheet.rows.slice(1).map((row) => row[header.indexOf('submission_id')]?.value);
        const comments = sheet.rows.slice(1).map((row) => row[header.indexOf('commentaire')]?.value);
        const excel = wb.worksheets[s];
        if (s === 2) {
          expect(excel.rowCount).toBe(sheet.rows.length);
          continue;
        }
        expect(ids).toEqual(COMMENTS.map((_, i) => fixtureResponse(i, {}).submissionId));
        expect(comments).toEqual(COMMENTS.map(escapeFormula));
        // exceljs leaves OOXML's _xHHHH_ escapes of inline strings as they are (see xlsx.test.ts);
        // it decodes those of shared strings.
        const excelComments = comments.map((_, r) => excel.getRow(r + 2).getCell(header.indexOf('commentaire') + 1).value);
        const types = sheet.rows.slice(1).map((row) => row[header.indexOf('commentaire')]?.type);
        expect(excelComments).toEqual(comments.map((c, r) => (types[r] === 's' ? c
          : String(c).replace(/[\x07\x0C]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`))));
        expect(sheet.rows.flat().some((cell) => cell?.formula)).toBe(false);
      }
    });
  });
}
