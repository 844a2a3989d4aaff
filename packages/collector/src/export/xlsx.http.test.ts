/**
 * The XLSX export over real HTTP on SQLite and PostgreSQL: answers posted as a respondent
 * would (markup, controls, accents, a formula, the longest text a payload may hold), then
 * `GET /v1/exports/responses.xlsx` read back by two independent readers, exceljs and
 * Python's zipfile + xml.etree, which must agree with each other and with the answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeFormula } from '@olva/compiler/csv';
import { resolveConfig } from '../config/load.js';
import { createCollector, type Collector } from '../server.js';
import { XLSX_SHEETS } from './xlsx.js';
import { bothBackends } from '@olva/test-support/store-backends';
import { writeBuild } from '@olva/test-support/collector-questionnaires';
import { fixtureAnswers, fixtureCore, fixtureResponse } from '@olva/test-support/export-fixtures';
import { readXlsxBoth } from '@olva/test-support/xlsx-python';

const TOKEN = 'national-token-for-xlsx-http-tests';
const COMMENTS = [
  '=cmd|\' /C calc\'!A0', '<script>&amp;</script>', 'cloche\x07 et saut\x0C de page', 'Fête de l’été à Saint-Étienne 🎉',
  'ligne 1\r\nligne 2', 'é'.repeat(10_000),
];

for (const backend of bothBackends()) {
  describe(`XLSX export over HTTP on ${backend.name}`, () => {
    let dir: string;
    let collector: Collector;
    let base: string;
    beforeAll(async () => {
      await backend.setup();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-xlsx-http-'));
      const { config } = resolveConfig({
        questionnaires: [{ build: writeBuild(dir, fixtureCore()) }],
        database: { url: await backend.newDatabaseUrl() },
        server: { port: 0 },
        tokens: [{ name: 'rnma', token: TOKEN, scope: { territories: 'all', rights: ['export'] } }],
      }, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} });
      collector = await createCollector({ config, logStream: false });
      base = await collector.listen();
    });
    afterAll(async () => {
      await collector?.close();
      await backend.teardown();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('gives back the posted texts, escaped, to exceljs and Python alike', async () => {
      for (const [i, commentaire] of COMMENTS.entries()) {
        const { payload } = fixtureResponse(i, { ...fixtureAnswers(i), commentaire });
        const res = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
        expect(res.status, await res.text()).toBe(201);
      }
      const res = await fetch(`${base}/v1/exports/responses.xlsx?questionnaire=olva-core`, { headers: { authorization: `Bearer ${TOKEN}` } });
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
        // exceljs leaves OOXML's _xHHHH_ escapes of inline strings as they are (see xlsx.test.ts).
        const excelComments = comments.map((_, r) => excel.getRow(r + 2).getCell(header.indexOf('commentaire') + 1).value);
        expect(excelComments).toEqual(comments.map((c) => String(c).replace(/[\x07\x0C]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)));
        expect(sheet.rows.flat().some((cell) => cell?.formula)).toBe(false);
      }
    });
  });
}
