#!/usr/bin/env node
// Personal-data purge bench (part of `npm run bench`; needs `npm run build` first): what the
// collector's retention does with `personalRetention` (`olva purge`, the collector's
// `purgePersonalExpired`), over `OLVA_BENCH_PURGE_COUNT` responses (100,000 by default) in
// SQLite (temporary file) and in PostgreSQL (a throwaway server, as the collector bench starts
// it; left out, with a note, when none can be started).
//
// The responses are the collector bench's (olva-core, whose personal questions are the
// association's name, RNA number, comment and e-mail: the name and the comment are answered),
// received between 400 and 100 days ago; the retention is 30 days. Three runs, each timed:
// 1. the first run: every response holds personal answers, all are rewritten;
// 2. a second run right after: nothing new, it starts after the mark the first one left
//    (`olva_personal_purges`) and reads nothing;
// 3. a run after 1,000 new responses received after the mark (between 100 and 60 days ago:
//    responses that have since passed the retention period): only they are read and rewritten.
// The responses rewritten by each run are reported beside its time (checked: N, 0, 1,000).
//
// Only the collector's public exports are used (`openStore`, `SqlResponseStore`,
// `purgePersonalExpired`, `payloadDigest`). `OLVA_BASE_COLLECTOR=/other/tree/packages/collector/dist`
// adds another build of the collector, measured in the same run on a database of its own
// seeded alike, the two builds alternating as in the collector bench (`OLVA_BENCH_ROUNDS`
// rounds, 2 by default then, 1 otherwise).
//
// `node scripts/bench/purge.mjs` prints the Markdown table; `runPurgeBench()` returns the
// figures and `formatPurgeTable()` renders them (used by scripts/bench.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchPayload } from './collector.mjs';
import { machine } from './common.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '../..');
const DIST = path.join(root, 'packages/collector/dist');
const COUNT = Number(process.env.OLVA_BENCH_PURGE_COUNT ?? 100_000);
const NEW_COUNT = 1000;
const BASE_DIST = process.env.OLVA_BASE_COLLECTOR ? path.resolve(process.env.OLVA_BASE_COLLECTOR) : null;
const ROUNDS = Number(process.env.OLVA_BENCH_ROUNDS ?? (BASE_DIST ? 2 : 1));
const QUESTIONNAIRE = 'olva-core';
const RETENTION_DAYS = 30;
const DAY = 86_400_000;

/** The collector's public exports, from one build. */
const collectorOf = (distDir) => import(pathToFileURL(path.join(distDir, 'index.js')).href);

/**
 * Inserts `count` bench responses (numbered from `first`) into the database at `url`, received
 * evenly between `from` and `to` (ms since the epoch), through the store of build `api`.
 * Not measured: batches of 5,000, SQLite without fsync and in one transaction per batch.
 */
async function seed(api, url, first, count, from, to) {
  const opened = await api.openStore(url);
  let i = 0;
  // The store stamps `now()` on each insert: this clock moves with the responses inserted.
  const store = new api.SqlResponseStore(opened.db, () => new Date(from + Math.floor((i / count) * (to - from))));
  const sqlite = opened.db.dialect !== 'postgres';
  if (sqlite) await opened.db.exec('PRAGMA synchronous = OFF');
  for (; i < count; i += 5000) {
    if (sqlite) await opened.db.exec('BEGIN');
    const batch = [];
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      const payload = benchPayload(first + j);
      batch.push(store.insert(payload, api.payloadDigest(payload)));
    }
    await Promise.all(batch);
    if (sqlite) await opened.db.exec('COMMIT');
  }
  await opened.close();
}

/** One timed `purgePersonalExpired` run: its time and the responses it rewrote. */
async function purgeOnce(api, store) {
  const started = performance.now();
  const [report] = await api.purgePersonalExpired(store, { [QUESTIONNAIRE]: RETENTION_DAYS });
  return { ms: performance.now() - started, responses: report.responses, questions: report.questions };
}

/** The three runs on a fresh database at `url` (seeded here), with build `api`. */
async function measure(api, url) {
  const now = Date.now();
  const seedStarted = performance.now();
  await seed(api, url, 0, COUNT, now - 400 * DAY, now - 100 * DAY);
  const seedMs = performance.now() - seedStarted;
  const store = await api.openStore(url);
  try {
    // The store's questionnaire list says which questions are personal.
    const compiled = JSON.parse(fs.readFileSync(path.join(root, 'build/questionnaires/olva-core/questionnaire.json'), 'utf8'));
    await store.saveQuestionnaire(compiled);
    const first = await purgeOnce(api, store);
    const second = await purgeOnce(api, store);
    await seed(api, url, COUNT, NEW_COUNT, now - 100 * DAY + 1, now - 60 * DAY);
    const afterNew = await purgeOnce(api, store);
    const expected = [COUNT, 0, NEW_COUNT];
    const got = [first.responses, second.responses, afterNew.responses];
    if (got.some((n, k) => n !== expected[k])) throw new Error(`purge bench: runs rewrote ${got.join(', ')} responses, expected ${expected.join(', ')}`);
    return { first, second, afterNew, seedMs, questions: first.questions };
  } finally {
    await store.close();
  }
}

/** Runs the bench; returns `{ count, rows, machine, note? }`. */
export async function runPurgeBench() {
  if (!fs.existsSync(path.join(root, 'build/questionnaires/olva-core/questionnaire.json'))) throw new Error('build/questionnaires/olva-core/questionnaire.json is missing: run `npm run build` first');
  const builds = [['', DIST], ...(BASE_DIST ? [[' (base)', BASE_DIST]] : [])];
  const apis = new Map(await Promise.all(builds.map(async ([suffix, dir]) => [suffix, await collectorOf(dir)])));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-bench-purge-'));
  const rows = [];
  let pg = null;
  let note;
  try {
    // The throwaway PostgreSQL of the tests lives in @olva/test-support (TypeScript, never built).
    try {
      const { tsImport } = await import('tsx/esm/api');
      const { startTestPostgres } = await tsImport('../../packages/test-support/src/postgres.ts', import.meta.url);
      pg = await startTestPostgres();
    } catch (error) {
      note = `PostgreSQL not measured: ${error instanceof Error ? error.message : error}`;
    }
    for (const store of ['SQLite', ...(pg ? ['PostgreSQL'] : [])]) {
      for (let round = 0; round < ROUNDS; round++) {
        // The A/B alternates which build goes first from one round to the next.
        for (const [suffix] of round % 2 ? [...builds].reverse() : builds) {
          const url = store === 'SQLite' ? `sqlite:${path.join(tmp, `purge-${round}${suffix ? '-base' : ''}.sqlite`)}` : await pg.createDatabase();
          rows.push({ store: `${store}${suffix}`, ...(await measure(apis.get(suffix), url)) });
        }
      }
    }
  } finally {
    await pg?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { count: COUNT, rows, note, machine: machine() };
}

/** Renders the figures as a Markdown table. */
export function formatPurgeTable(r) {
  const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
  const lines = [
    '| personal-data purge (`purgePersonalExpired`, retention 30 days) | store | responses stored | rewritten | time |',
    '|---|---|---:|---:|---:|',
  ];
  for (const row of r.rows) {
    lines.push(
      `| first run: every response to clean | ${row.store} | ${r.count} | ${row.first.responses} | ${ms(row.first.ms)} |`,
      `| second run right after: nothing new (starts at its mark) | ${row.store} | ${r.count} | ${row.second.responses} | ${ms(row.second.ms)} |`,
      `| run after ${NEW_COUNT} new responses past the retention | ${row.store} | ${r.count + NEW_COUNT} | ${row.afterNew.responses} | ${ms(row.afterNew.ms)} |`,
    );
  }
  lines.push('', `Machine: ${r.machine}. Personal questions of olva-core: ${r.rows[0]?.questions.join(', ') ?? '—'}. Filling a store (not measured): at most ${(Math.max(0, ...r.rows.map((row) => row.seedMs)) / 1000).toFixed(1)} s.`);
  if (r.note) lines.push('', r.note);
  return lines.join('\n');
}

if (process.argv[1] === self) console.log(formatPurgeTable(await runPurgeBench()));
