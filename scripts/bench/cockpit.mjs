#!/usr/bin/env node
// Cockpit bench (part of `npm run bench`; needs `npm run build` first): the network view
// (`GET /v1/cockpit/network`) over 50 territories and 100,000 responses on SQLite, through the
// real collector and real HTTP, with the national token. Target: < 300 ms.
//
// The cockpit reads each payload once into the facts table (store/facts.ts), in the background
// when the collector starts: that pass is timed on its own. What a coordinator meets every
// morning is the request once those facts are there (median of 11). Responses stored since
// the previous request are read by the next one, so a request after 1,000 new responses is
// timed too.
//
// `node scripts/bench/cockpit.mjs` prints the Markdown table; `runCockpitBench()` returns the
// figures and `formatCockpitTable()` renders them (used by scripts/bench.mjs).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchPayload } from './collector.mjs';
import { machine, median } from './common.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '../..');
const dist = (p) => pathToFileURL(path.join(root, 'packages/collector/dist', p)).href;
const BUILD = process.env.OLVA_BENCH_BUILD ?? path.join(root, 'build/questionnaires/olva-core');
const COUNT = Number(process.env.OLVA_BENCH_COCKPIT_COUNT ?? 100_000);
const TERRITORIES = 50;
const TOKEN = 'bench-national-token-0123456789';
const SECTORS = ['sport', 'culture', 'loisirs_vie_sociale', 'caritatif_humanitaire', 'social_sante', 'defense_causes', 'education_formation_insertion', 'economie_developpement_local', 'environnement', 'jeunesse_education_populaire'];


/** Fills an SQLite file with `count` responses spread over the given communes and 60 days. */
async function fill(file, communes, count) {
  const { openSqliteDb } = await import(dist('store/sqlite.js'));
  const { SqlResponseStore } = await import(dist('store/sql-store.js'));
  const { payloadDigest } = await import(dist('index.js'));
  const db = openSqliteDb(file);
  const start = Date.parse('2026-03-01T08:00:00Z');
  let i = 0;
  // Reception times spread over 60 days: the store stamps `now()`, so the filler's clock moves.
  const store = new SqlResponseStore(db, () => new Date(start + Math.floor((i / count) * 60 * 86_400_000)));
  await store.init();
  await db.exec('PRAGMA synchronous = OFF');
  for (; i < count; i += 5000) {
    await db.exec('BEGIN');
    const batch = [];
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      const payload = benchPayload(j);
      payload.submissionId = randomUUID();
      payload.territory = { level: 'commune', code: communes[j % communes.length] };
      payload.answers.commune_siege = payload.territory.code;
      batch.push(store.insert(payload, payloadDigest(payload)));
    }
    await Promise.all(batch);
    await db.exec('COMMIT');
  }
  await store.close();
}

async function timed(url) {
  const t = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, body };
}

/** Runs the bench; returns its figures. */
export async function runCockpitBench() {
  if (!fs.existsSync(path.join(BUILD, 'questionnaire.json'))) throw new Error(`${BUILD}/questionnaire.json is missing: run \`npm run build\` first`);
  const { createCollector, resolveConfig } = await import(dist('index.js'));
  const { currentCommunes } = await import(dist('territories.js'));
  // 50 communes of Ille-et-Vilaine, each a territory with a target and an expected distribution.
  const communes = currentCommunes().filter((c) => c.departement === '35').slice(0, TERRITORIES).map((c) => c.code);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-bench-cockpit-'));
  const file = path.join(tmp, 'cockpit.sqlite');
  const fillStarted = performance.now();
  await fill(file, communes, COUNT);
  const fillMs = performance.now() - fillStarted;
  // Reading every payload once into the facts table: what the collector does in the
  // background after it starts on a database that has none yet (timed here on its own).
  const { openStore } = await import(dist('index.js'));
  const { refreshFacts } = await import(dist('store/facts.js'));
  const opened = await openStore(`sqlite:${file}`);
  const factsStarted = performance.now();
  await refreshFacts(opened.db, 'secteur_principal');
  const factsMs = performance.now() - factsStarted;
  await opened.close();
  const territory = (code) => ({ level: 'commune', code });
  const { config } = resolveConfig({
    questionnaires: [{ build: BUILD }],
    database: { url: `sqlite:${file}` },
    server: { port: 0, logLevel: 'silent' },
    tokens: [{ name: 'national', token: TOKEN, scope: { territories: 'all', rights: ['read', 'export', 'stats'] } }],
    stats: {
      expected: communes.map((code, k) => ({ territory: territory(code), sectors: Object.fromEntries(SECTORS.map((s, n) => [s, 10 + ((n * 7 + k) % 40)])) })),
      targets: communes.map((code) => ({ territory: territory(code), target: Math.ceil(COUNT / TERRITORIES) + 200 })),
    },
  }, { file: 'bench', baseDir: root, env: {} });
  const collector = await createCollector({ config, logStream: false });
  const base = await collector.listen();
  try {
    const network = `${base}/v1/cockpit/network`;
    const first = await timed(network); // not kept: connection set-up and first statements
    if (first.body.responses !== COUNT || first.body.territories.length !== TERRITORIES) {
      throw new Error(`network view: ${first.body.responses} responses over ${first.body.territories.length} territories, expected ${COUNT} over ${TERRITORIES}`);
    }
    const warm = [];
    for (let k = 0; k < 11; k++) warm.push((await timed(network)).ms);
    const territoryView = [];
    for (let k = 0; k < 11; k++) territoryView.push((await timed(`${base}/v1/cockpit/territory?territory=commune:${communes[k % communes.length]}`)).ms);
    // 1,000 new responses since the last request: read into the facts table by the next one.
    for (let j = 0; j < 1000; j++) {
      const payload = benchPayload(COUNT + j);
      payload.territory = territory(communes[j % communes.length]);
      await collector.store.insert(payload, (await import(dist('index.js'))).payloadDigest(payload));
    }
    const afterNew = await timed(network);
    return {
      count: COUNT, territories: TERRITORIES, fillMs, factsMs, warmMs: median(warm), warmMax: Math.max(...warm),
      territoryMs: median(territoryView), afterNewMs: afterNew.ms,
      machine: machine(),
    };
  } finally {
    await collector.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Renders the figures as a Markdown table. */
export function formatCockpitTable(r) {
  const ms = (x) => `${Math.round(x)} ms`;
  return [
    '| cockpit (SQLite, real HTTP, national token) | responses | territories | time | target | met |',
    '|---|---:|---:|---:|---|---|',
    `| network view, facts in place (median of 11; max ${ms(r.warmMax)}) | ${r.count} | ${r.territories} | ${ms(r.warmMs)} | < 300 ms | ${r.warmMs < 300 ? 'yes' : 'NO'} |`,
    `| network view after 1,000 new responses (read into the facts first) | ${r.count + 1000} | ${r.territories} | ${ms(r.afterNewMs)} | < 300 ms | ${r.afterNewMs < 300 ? 'yes' : 'NO'} |`,
    `| reading every payload once into the facts table (in the background after a start) | ${r.count} | — | ${ms(r.factsMs)} | (information) | — |`,
    `| territory view, one commune (median of 11) | ${r.count} | 1 | ${ms(r.territoryMs)} | (information) | — |`,
    '',
    `Machine: ${r.machine}. Filling the store (not measured): ${(r.fillMs / 1000).toFixed(1)} s.`,
  ].join('\n');
}

if (process.argv[1] === self) console.log(formatCockpitTable(await runCockpitBench()));
