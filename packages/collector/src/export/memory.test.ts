import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/load.js';
import { createCollector, type Collector } from '../server.js';
import type { SqlDb } from '../store/sql.js';
import { SqlResponseStore } from '../store/sql-store.js';
import { openSqliteDb } from '../store/sqlite.js';
import { coreQuestionnaire, corePayload, writeBuild } from '@olva/test-support/collector-questionnaires';
import { csvExport } from './csv.js';
import { fixtureAnswers, fixtureCore, fixtureResponse } from '@olva/test-support/export-fixtures';

/** 100,000 synthetic responses made on the fly: the source itself holds none of them. */
async function* synthetic(count: number) {
  for (let i = 0; i < count; i++) yield fixtureResponse(i, fixtureAnswers(i));
}

/** A full garbage collection, so that heap samples count live objects only. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('csvExport memory', () => {
  it('streams 100,000 responses without holding them: live heap stays flat', async () => {
    const gc = collectGarbage();
    const heap = () => { gc(); return process.memoryUsage().heapUsed; };
    let bytes = 0;
    let rows = 0;
    const samples: number[] = [];
    const start = heap();
    for await (const chunk of csvExport([fixtureCore()], synthetic(100_000))) {
      bytes += Buffer.byteLength(chunk);
      const before = rows;
      for (let i = chunk.indexOf('\r\n'); i !== -1; i = chunk.indexOf('\r\n', i + 2)) rows++;
      if (Math.floor(rows / 10_000) !== Math.floor(before / 10_000)) samples.push(heap());
    }
    const end = heap();
    expect(rows).toBe(100_001);
    expect(samples.length).toBeGreaterThanOrEqual(9);
    // The output is over 20 MB; holding it or the responses would show in the live heap.
    expect(bytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(Math.max(...samples) - start).toBeLessThan(8 * 1024 * 1024);
    expect(end - start).toBeLessThan(8 * 1024 * 1024);
  });
});

// ---------------------------------------------------------------------------------------
// A slow reader over real HTTP: the export must stop reading the store while the client
// does not read. 100,000 responses are seeded in one statement; the collector listens on a
// Unix socket, whose small kernel buffers (about 200 KB, against 4 MB or more for loopback
// TCP) make the server block early. What is measured is not time but rows: how many the
// route pulled from the store beyond what it had handed to the kernel.

const TOKEN = 'national-token-for-slow-reader-tests-0001';
const ROWS = 100_000;
/** Rows the route may hold between the store and the socket (chunks, stream buffers). */
const AHEAD = 3_000;

let dir: string;
let socketPath: string;
let collector: Collector;
let store: SqlResponseStore;
let pulled = 0;
const serverSockets: Socket[] = [];

/** 100,000 responses in one INSERT … SELECT: distinct ids and random sources, so that the
 * XLSX does not compress to nothing (the first sheet must outgrow the kernel's buffers). */
async function seed(db: SqlDb, count: number): Promise<void> {
  const id = "printf('%08x-0000-4000-8000-%012d', abs(random()) % 4294967296, i)";
  await db.run(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
    INSERT INTO olva_responses (submission_id, received_at, questionnaire_id, questionnaire_version, extension_id,
      extension_version, territory_level, territory_code, wave, channel, source, digest, payload)
    SELECT id, printf('2026-03-01T%02d:%02d:%02d.%03dZ', i / 3600000, i / 60000 % 60, i / 1000 % 60, i % 1000),
      'olva-core', '2026.1.0', NULL, NULL, 'commune', '35238', '2026', 'web', src, 'seeded',
      json_set(?, '$.submissionId', id, '$.source', src, '$.answers.nb_benevoles', i % 997)
    FROM (SELECT i, ${id} AS id, lower(hex(randomblob(32))) AS src FROM n)`, [count, JSON.stringify(corePayload())]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-slow-reader-'));
  socketPath = path.join(dir, 'http.sock');
  const file = path.join(dir, 'db.sqlite');
  const { config } = resolveConfig({
    questionnaires: [{ build: writeBuild(dir, coreQuestionnaire()) }],
    database: { url: `sqlite:${file}` },
    tokens: [{ name: 'national', token: TOKEN, scope: { territories: 'all', rights: ['export'] } }],
  }, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} });
  const db = openSqliteDb(file);
  store = new SqlResponseStore(db);
  await store.init();
  await seed(db, ROWS);
  // Counts the rows the export pulls out of the store.
  const stream = store.stream.bind(store);
  store.stream = async function* counted(filter) {
    for await (const response of stream(filter)) {
      pulled++;
      yield response;
    }
  };
  collector = await createCollector({ config, store, logStream: false });
  collector.app.server.on('connection', (socket: Socket) => serverSockets.push(socket));
  await collector.app.listen({ path: socketPath });
});

afterAll(async () => {
  await collector?.close();
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the server had done at one moment: rows pulled, bytes handed to the kernel. */
interface Sample { pulled: number; sent: number }

/**
 * Asks for an export and reads none of it; samples the server until it stops pulling rows
 * (or has pulled them all), then reads the reply up to what the server had sent, so that
 * sent bytes can be turned into rows. Returns the samples and those bytes.
 */
async function pausedDownload(url: string): Promise<{ samples: Sample[]; body: Buffer }> {
  pulled = 0;
  const connections = serverSockets.length;
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get({ socketPath, path: url, headers: { authorization: `Bearer ${TOKEN}` }, agent: false }, (res) => {
      res.pause();
      resolve(res);
    }).on('error', reject);
  });
  expect(response.statusCode).toBe(200);
  const server = serverSockets[connections];
  const samples: Sample[] = [];
  for (let unchanged = 0; unchanged < 10 && pulled < ROWS;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Not stalled before the first row (the XLSX sends its fixed parts first).
    unchanged = pulled > 0 && samples.length && samples[samples.length - 1].pulled === pulled ? unchanged + 1 : 0;
    samples.push({ pulled, sent: server.bytesWritten - server.writableLength });
  }
  const wanted = Math.max(...samples.map((s) => s.sent));
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    received += chunk.length;
    if (received >= wanted) break;
  }
  return { samples, body: Buffer.concat(chunks) };
}

/** CSV rows (header excluded) complete in the first `bytes` bytes. Bytes sent count the
 * HTTP head and chunk sizes too, so this may count a row or two more than were sent. */
function csvRows(body: Buffer, bytes: number): number {
  let rows = -1;
  for (let i = body.indexOf('\r\n'); i !== -1 && i + 2 <= bytes; i = body.indexOf('\r\n', i + 2)) rows++;
  return Math.max(rows, 0);
}

/** XLSX data rows (headers excluded) of both data sheets whose compressed bytes lie in the
 * first `bytes` bytes: each sheet's zip entry is inflated as far as it was sent. */
function xlsxRows(body: Buffer, bytes: number): number {
  let rows = 0;
  for (const sheet of ['sheet1.xml', 'sheet2.xml']) {
    for (let at = body.indexOf('PK\x03\x04'); at !== -1 && at + 30 <= Math.min(bytes, body.length); at = body.indexOf('PK\x03\x04', at + 4)) {
      const nameLength = body.readUInt16LE(at + 26);
      if (!body.toString('latin1', at + 30, at + 30 + nameLength).endsWith(`worksheets/${sheet}`)) continue;
      const start = at + 30 + nameLength + body.readUInt16LE(at + 28);
      if (start >= bytes) break;
      const xml = zlib.inflateRawSync(body.subarray(start, bytes), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');
      rows += Math.max(xml.split('</row>').length - 2, 0);
      break;
    }
  }
  return rows;
}

describe('exports to a reader that does not read', () => {
  for (const [format, rowsIn] of [['csv', csvRows], ['xlsx', xlsxRows]] as const) {
    it(`${format}: stops reading the store while the socket is full`, async () => {
      const { samples, body } = await pausedDownload(`/v1/exports/responses.${format}?questionnaire=olva-core`);
      const last = samples[samples.length - 1];
      // The server did block: it stopped before the end (XLSX reads the rows twice).
      expect(last.pulled).toBeGreaterThan(0);
      expect(last.pulled).toBeLessThan(ROWS);
      const ahead = Math.max(...samples.map((s) => s.pulled - rowsIn(body, s.sent)));
      expect(ahead).toBeLessThanOrEqual(AHEAD);
    });
  }
});
