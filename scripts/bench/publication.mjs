#!/usr/bin/env node
// Regional publication bench (part of `npm run bench`; needs `npm run build` first): the
// publication requests of a region and of territories nested in it, end to end through real
// HTTP on a real collector (SQLite), each with the territory's own `publish` token.
//
// `OLVA_BENCH_PUBLICATION_COUNT` responses (100,000 by default; the collector bench's, wave
// 2026) over the communes of Bretagne (region 53, by the collector's official geography): half
// on the 24 communes published, half spread over the region's 1,202 communes, so that every
// published territory has responses and every rest (an EPCI less its published communes, a
// département less its EPCIs, the region less its départements) is large enough to publish.
// Published in this order, each request timed (`PUT /v1/results/<level:code>/2026/publication`):
// - 24 communes: 4 in each of 6 EPCIs (the 2 with the most communes in each of the Côtes-d'Armor,
//   Finistère and Morbihan);
// - those 6 EPCIs, each beside its 4 published communes (pairs and triples: nested.ts);
// - those 3 départements, each beside its EPCIs and communes;
// - the region, beside all 33 (Ille-et-Vilaine is left unpublished: the region's rest);
// - the network's own results (network:all, decision 0018) last, by a publish token of scope all,
//   beside all 34.
// Every request must answer 200. Before the first, a cockpit request waits for the facts the
// collector reads in the background at its start, which would otherwise share the CPU.
//
// `node scripts/bench/publication.mjs` prints the Markdown table; `runPublicationBench()`
// returns the figures and `formatPublicationTable()` renders them (used by scripts/bench.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchPayload } from './collector.mjs';
import { machine, median } from './common.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '../..');
const BUILD = process.env.OLVA_BENCH_BUILD ?? path.join(root, 'build/questionnaires/olva-core');
const COUNT = Number(process.env.OLVA_BENCH_PUBLICATION_COUNT ?? 100_000);
const REGION = { level: 'region', code: '53' };
/** The départements whose EPCIs and communes are published; the region's fourth (35) is not. */
const DEPARTEMENTS = ['22', '29', '56'];
const EPCIS_PER_DEPARTEMENT = 2;
const COMMUNES_PER_EPCI = 4;
const WAVE = '2026';
const NATIONAL = 'bench-national-token-0123456789';
/** The national network's publishing token (scope all): it publishes the network's own results, last. */
const NETWORK_PUBLISHER = 'bench-network-publish-0123456789';
const NETWORK = { level: 'network', code: 'all' };

const name = (t) => `${t.level}:${t.code}`;
const tokenOf = (t) => `bench-publish-${t.level}-${t.code}-0123456789`;

/** The territories published, in their order: communes, EPCIs, départements, the region. */
function chooseTerritories(directory) {
  const inside = directory.inside(REGION);
  const communesOf = (t) => directory.inside(t).filter((c) => c.level === 'commune' && c.code !== t.code).sort((a, b) => a.code.localeCompare(b.code));
  const departementOf = (t) => directory.containers(t).find((c) => c.level === 'departement')?.code;
  const epcis = DEPARTEMENTS.flatMap((d) => inside
    .filter((t) => t.level === 'epci' && departementOf(t) === d)
    .map((t) => ({ t, n: communesOf(t).length }))
    .sort((a, b) => b.n - a.n || a.t.code.localeCompare(b.t.code))
    .slice(0, EPCIS_PER_DEPARTEMENT).map(({ t }) => t));
  const communes = epcis.flatMap((e) => communesOf(e).slice(0, COMMUNES_PER_EPCI));
  return {
    regionCommunes: inside.filter((t) => t.level === 'commune').map((t) => t.code).sort(),
    communes, epcis,
    departements: DEPARTEMENTS.map((code) => ({ level: 'departement', code })),
  };
}

/** Fills an SQLite file: even responses on the published communes, odd ones over the whole region. */
async function fill(api, file, published, everywhere, count) {
  const opened = await api.openStore(`sqlite:${file}`);
  await opened.db.exec('PRAGMA synchronous = OFF');
  for (let i = 0; i < count; i += 5000) {
    await opened.db.exec('BEGIN');
    const batch = [];
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      const payload = benchPayload(j);
      const code = j % 2 ? everywhere[(j >> 1) % everywhere.length] : published[(j >> 1) % published.length];
      payload.territory = { level: 'commune', code };
      payload.answers.commune_siege = code;
      batch.push(opened.insert(payload, api.payloadDigest(payload)));
    }
    await Promise.all(batch);
    await opened.db.exec('COMMIT');
  }
  await opened.close();
}

async function call(method, url, token) {
  const started = performance.now();
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

/** Runs the bench; returns its figures. */
export async function runPublicationBench() {
  if (!fs.existsSync(path.join(BUILD, 'questionnaire.json'))) throw new Error(`${BUILD}/questionnaire.json is missing: run \`npm run build\` first`);
  const api = await import(pathToFileURL(path.join(root, 'packages/collector/dist/index.js')).href);
  const chosen = chooseTerritories(new api.TerritoryDirectory());
  const order = [...chosen.communes, ...chosen.epcis, ...chosen.departements, REGION];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-bench-publication-'));
  const file = path.join(tmp, 'publication.sqlite');
  const fillStarted = performance.now();
  await fill(api, file, chosen.communes.map((c) => c.code), chosen.regionCommunes, COUNT);
  const fillMs = performance.now() - fillStarted;
  const { config } = api.resolveConfig({
    questionnaires: [{ build: BUILD }],
    database: { url: `sqlite:${file}` },
    server: { port: 0, logLevel: 'silent' },
    tokens: [
      { name: 'national', token: NATIONAL, scope: { territories: 'all', rights: ['read', 'stats'] } },
      // Publication is the territory's own decision: a token per territory, naming it.
      ...order.map((t) => ({ name: `publish-${t.level}-${t.code}`, token: tokenOf(t), scope: { territories: [t], rights: ['publish'] } })),
      { name: 'network-publisher', token: NETWORK_PUBLISHER, scope: { territories: 'all', rights: ['publish'] } },
    ],
  }, { file: 'bench', baseDir: root, env: {} });
  const collector = await api.createCollector({ config, logStream: false });
  const base = await collector.listen();
  try {
    // Waits for the facts the cockpit reads in the background after a start (not measured).
    await call('GET', `${base}/v1/cockpit/network`, NATIONAL);
    const timings = { commune: [], epci: [], departement: [], region: [], network: [] };
    let responses = 0;
    for (const t of order) {
      const { ms, body } = await call('PUT', `${base}/v1/results/${name(t)}/${WAVE}/publication`, tokenOf(t));
      timings[t.level].push(ms);
      if (t.level === 'region') responses = body.responses;
    }
    // The network's own results last, beside every territory published (decision 0018).
    timings.network.push((await call('PUT', `${base}/v1/results/${name(NETWORK)}/${WAVE}/publication`, NETWORK_PUBLISHER)).ms);
    return {
      count: COUNT, responses, fillMs, timings,
      nested: { commune: 0, epci: COMMUNES_PER_EPCI, departement: EPCIS_PER_DEPARTEMENT * (1 + COMMUNES_PER_EPCI), region: order.length - 1, network: order.length },
      machine: machine(),
    };
  } finally {
    await collector.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Renders the figures as a Markdown table. */
export function formatPublicationTable(r) {
  const ms = (x) => `${Math.round(x)} ms`;
  const label = { commune: 'commune', epci: 'EPCI', departement: 'département', region: 'region (Bretagne)', network: 'the network (network:all), last, by the national token' };
  const lines = [
    '| publication request (SQLite, real HTTP, the territory\'s own token) | requests | nested publications beside each | median | max |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const level of ['commune', 'epci', 'departement', 'region', 'network']) {
    const xs = r.timings[level];
    lines.push(`| ${label[level]} | ${xs.length} | ${r.nested[level]} | ${ms(median(xs))} | ${ms(Math.max(...xs))} |`);
  }
  lines.push('', `Machine: ${r.machine}. ${r.count} responses stored, all in Bretagne (${r.responses} in the region's published document); filling the store (not measured): ${(r.fillMs / 1000).toFixed(1)} s.`);
  return lines.join('\n');
}

if (process.argv[1] === self) console.log(formatPublicationTable(await runPublicationBench()));
