// Exports and the sample statistics read the store once, from one snapshot: responses stored,
// erased, set aside or restored while they stream do not show half-way, twice or missing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bothBackends } from '@olva/test-support/store-backends';
import { corePayload, coreQuestionnaire } from '@olva/test-support/collector-questionnaires';
import { bytesWritten } from '@olva/test-support/export-fixtures';
import { openStore } from '../store/open.js';
import { payloadDigest } from '../store/canonical.js';
import { STREAM_BATCH, type SqlResponseStore } from '../store/sql-store.js';
import type { ResponsePayload } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { sampleStats } from '../stats/sample.js';
import { csvExport } from './csv.js';
import { ndjsonReadable } from './ndjson.js';
import { writeXlsx } from './xlsx.js';

const ALL = { territories: 'all' as const };
const CHANNELS = ['web', 'paper', 'phone', 'kiosk'] as const;

function payload(i: number): ResponsePayload {
  return corePayload({ channel: CHANNELS[i % 4], answers: { secteur: i % 3 ? 'sport' : 'culture', nb_benevoles: i, employeur: i % 2 === 0, nb_salaries: 1 } });
}

async function text(chunks: AsyncIterable<string | Buffer>): Promise<string> {
  let all = '';
  for await (const c of chunks) all += String(c);
  return all;
}

/** The two data sheets' values. */
async function xlsxValues(responses: () => AsyncIterable<StoredResponse>): Promise<unknown[][][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await bytesWritten((out) => writeXlsx([coreQuestionnaire()], responses, out)) as unknown as ArrayBuffer);
  return wb.worksheets.slice(0, 2).map((sheet) => sheet.getSheetValues() as unknown[][]);
}

for (const backend of bothBackends()) {
  describe(`exports on ${backend.name} read one snapshot of the store`, () => {
    let store: SqlResponseStore;
    let next = 0;
    beforeAll(() => backend.setup());
    afterEach(() => store?.close());
    afterAll(() => backend.teardown());

    /**
     * A fresh store, and its stream, which once the export took its first response, stores two responses,
     * erases the last one and one already read, sets one aside and restores one set aside
     * before the export started: each committed before the export reads on.
     */
    async function setUp(): Promise<() => AsyncIterable<StoredResponse>> {
      store = await openStore(await backend.newDatabaseUrl());
      const rows = Array.from({ length: 2 * STREAM_BATCH + 3 }, () => payload(next++));
      await Promise.all(rows.map((p) => store.insert(p, payloadDigest(p))));
      const ids: string[] = [];
      for await (const r of store.stream(ALL)) ids.push(r.submissionId);
      const [restored, kept] = ids.slice(-6, -4);
      await store.exclude(restored!, kept!, 'test');
      return async function* meddled() {
        let first = true;
        for await (const r of store.stream(ALL)) {
          yield r;
          if (!first) continue;
          first = false;
          for (const p of [payload(next++), payload(next++)]) expect((await store.insert(p, payloadDigest(p))).status).toBe('created');
          expect(await store.delete(ids.at(-1)!)).toBe(true);
          expect(await store.delete(ids[0]!)).toBe(true);
          expect(await store.exclude(ids.at(-2)!, ids.at(-3)!, 'test')).toBe(true);
          expect(await store.restore(restored!, 'test')).toBe(true);
        }
      };
    }

    it('CSV', async () => {
      const meddled = await setUp();
      const quiet = await text(csvExport([coreQuestionnaire()], store.stream(ALL)));
      expect(await text(csvExport([coreQuestionnaire()], meddled()))).toBe(quiet);
      expect(await text(csvExport([coreQuestionnaire()], store.stream(ALL)))).not.toBe(quiet);
    });

    it('NDJSON', async () => {
      const meddled = await setUp();
      const quiet = await text(ndjsonReadable(store.stream(ALL)));
      expect(await text(ndjsonReadable(meddled()))).toBe(quiet);
    });

    it('sample statistics', async () => {
      const meddled = await setUp();
      const options = { compiled: [coreQuestionnaire()], sectorQuestion: 'secteur' };
      const quiet = await sampleStats(store.stream(ALL), options);
      expect(await sampleStats(meddled(), options)).toEqual(quiet);
      expect((await sampleStats(store.stream(ALL), options)).total).toBe(quiet.total - 2 - 1 + 1 + 2);
    });

    it('XLSX, both data sheets', async () => {
      const meddled = await setUp();
      const quiet = await xlsxValues(() => store.stream(ALL));
      expect(quiet[0]!.length).toBeGreaterThan(2 * STREAM_BATCH);
      expect(await xlsxValues(meddled)).toEqual(quiet);
    });
  });
}
