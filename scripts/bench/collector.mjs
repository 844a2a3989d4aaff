#!/usr/bin/env node
// Collector bench (part of `npm run bench`; needs `npm run build` first).
//
// 1. Intake: autocannon on loopback posts valid, freshly generated responses (a new
//    submissionId each) to the real collector at 50 and 200 concurrent connections, with
//    SQLite (temporary file, WAL, synchronous=FULL) and with PostgreSQL (throwaway cluster,
//    fsync on), beside a hello-world route of the same framework (fastify) measured in the
//    same run, and a POST route that only parses the same bodies (the ceiling of any
//    handler). Every server runs in its own child process, the load generator in this one.
//    The stored row count is checked against the 2xx count after each run.
//    Besides req/s, each measure reports the server's CPU time per request answered: the
//    user + system time of the server's process (all its threads, SQLite's included) over the
//    measure, divided by the 2xx and non-2xx answers. Req/s depend on how the scheduler
//    splits two cores between the load generator and the server; CPU per request much less,
//    so "share of the ceiling, by CPU" (the ceiling's CPU per request over olva's) is the
//    steadier comparison. PostgreSQL's own CPU (the postmaster and its backends, read from
//    /proc) is reported apart.
// 2. Exports: 100,000 responses inserted through the store (in transactions of 5,000), then a
//    CSV export and an XLSX export of all of them to a file, each timed, with RSS and heap
//    sampled during the export (each in a child process, so that nothing else lives in its
//    heap; beside the base build's when OLVA_BASE_COLLECTOR is given). `--exports` runs them
//    alone.
//
// `node scripts/bench/collector.mjs` prints the Markdown tables; `runCollectorBench()`
// returns the figures and `formatCollectorTable()` renders them (used by scripts/bench.mjs).
import { execFileSync, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine } from './common.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '../..');
const DIST = path.join(root, 'packages/collector/dist');
const dist = (p, dir = DIST) => pathToFileURL(path.join(dir, p)).href;
const BUILD = process.env.OLVA_BENCH_BUILD ?? path.join(root, 'build/questionnaires/olva-core');

/** Measured seconds per autocannon run, warm-up seconds before it, connection counts. */
const DURATION = Number(process.env.OLVA_BENCH_SECONDS ?? 5);
const WARMUP = 1;
const CONNECTIONS = [50, 200];
const EXPORT_COUNT = Number(process.env.OLVA_BENCH_EXPORT_COUNT ?? 100_000);
/** The export formats measured, in order (`OLVA_BENCH_EXPORT_FORMATS=xlsx` for the XLSX only). */
const EXPORT_FORMATS = (process.env.OLVA_BENCH_EXPORT_FORMATS ?? 'csv,xlsx').split(',').map((f) => f.trim()).filter(Boolean);
/**
 * `OLVA_BASE_COLLECTOR=/other/tree/packages/collector/dist`: an A/B of this collector against
 * another build of it, in the same run: each store is measured `OLVA_BENCH_ROUNDS` times (2
 * by default) for each build, the two alternating.
 */
const BASE_DIST = process.env.OLVA_BASE_COLLECTOR ? path.resolve(process.env.OLVA_BASE_COLLECTOR) : null;
const ROUNDS = Number(process.env.OLVA_BENCH_ROUNDS ?? (BASE_DIST ? 2 : 1));

// ---------------------------------------------------------------------------------------
// Valid responses to the common core olva-core (required questions answered, conditions and
// checks respected), varied so that rows differ. Its version is read from the core itself.
const CORE_VERSION = JSON.parse(fs.readFileSync(new URL('../../packages/core-questionnaire/olva-core.json', import.meta.url), 'utf8')).version;
const SECTORS = ['sport', 'culture', 'loisirs_vie_sociale', 'caritatif_humanitaire', 'social_sante', 'defense_causes', 'education_formation_insertion', 'economie_developpement_local', 'environnement', 'jeunesse_education_populaire'];
const BUDGETS = ['de_1000_a_10000', 'de_10000_a_50000', 'de_50000_a_200000', 'de_200000_a_500000', '500000_et_plus'];
const ECHELLES = ['quartier', 'commune', 'intercommunalite', 'departement'];
const PERSPECTIVES = ['developpement', 'maintien', 'reduction', 'ne_sait_pas'];
const CHANNELS = ['web', 'web', 'web', 'paper', 'phone', 'kiosk'];
const SOURCES = ['forum-2026', 'mairie', 'maison-des-associations', undefined];

let sequence = 0;
/** A valid payload for the current olva-core, territory Rennes, with a fresh submissionId. */
export function benchPayload(i = sequence++) {
  const employeur = i % 3 === 0;
  const answers = {
    nom_association: `Association n° ${i} « élan »`,
    secteur_principal: SECTORS[i % SECTORS.length],
    secteurs_secondaires: [SECTORS[(i + 3) % SECTORS.length]],
    annee_creation: 1950 + (i % 70),
    echelle_action: ECHELLES[i % ECHELLES.length],
    commune_siege: '35238',
    affiliation_federation: i % 2 === 0,
    publics: i % 2 ? ['jeunes', 'familles'] : ['tout_public'],
    nb_adherents: 20 + (i % 300),
    nb_benevoles_reguliers: 5 + (i % 40),
    nb_dirigeants: 3 + (i % 6),
    employeur,
    budget_annuel: BUDGETS[i % BUDGETS.length],
    sources_revenus: i % 2 ? ['cotisations', 'dons'] : ['cotisations', 'ventes_prestations'],
    locaux: 'aucun',
    besoins_par_domaine: { benevoles: 'fort', financement: 'modere', locaux: 'aucun' },
    perspectives: PERSPECTIVES[i % PERSPECTIVES.length],
    accord_reconnaissance: 1 + (i % 4),
    commentaire: `Réponse de test n° ${i} : « vie associative », été 2026.`,
  };
  if (employeur) answers.nb_salaries = 1 + (i % 12);
  const payload = {
    kind: 'olva-response', specVersion: 1, submissionId: randomUUID(),
    questionnaire: { id: 'olva-core', version: CORE_VERSION }, extension: null,
    territory: { level: 'commune', code: '35238' }, wave: '2026', channel: CHANNELS[i % CHANNELS.length],
    locale: 'fr', startedAt: '2026-03-01T10:00:00.000Z', submittedAt: '2026-03-01T10:09:00.000Z',
    client: { name: 'olva-bench', version: '0.1.0' }, answers,
  };
  const source = SOURCES[i % SOURCES.length];
  if (source) payload.source = source;
  return payload;
}

// ---------------------------------------------------------------------------------------
// Child process modes.

/**
 * `--serve hello|echo|olva [databaseUrl [collectorDist]]`: one server on 127.0.0.1, its URL
 * sent to the parent.
 */
async function serve(kind, databaseUrl, collectorDist = DIST) {
  const { default: Fastify } = await import('fastify');
  let app;
  let count = async () => null;
  if (kind === 'hello') {
    app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
  } else if (kind === 'echo') {
    // The ceiling for any POST handler on this framework and machine: the same bodies read
    // and parsed by fastify's own JSON parser, a 201 with a receipt, nothing checked or stored.
    app = Fastify({ logger: false });
    app.post('/v1/responses', async (request, reply) => reply.code(201).send({ submissionId: request.body.submissionId, receivedAt: new Date().toISOString() }));
  } else {
    const { resolveConfig, createCollector } = await import(dist('index.js', collectorDist));
    const { config } = resolveConfig({
      questionnaires: [{ build: BUILD }],
      database: { url: databaseUrl },
      limits: { ratePerMinute: 1_000_000_000 },
      server: { logLevel: 'silent' },
    }, { file: 'bench', baseDir: root, env: {} });
    const collector = await createCollector({ config, logStream: false });
    app = collector.app;
    count = () => collector.store.count({ territories: 'all' });
  }
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  // Requests received, counted by node's server beside fastify's handler (the same one
  // increment for every target): what the CPU read below is divided by.
  let requests = 0;
  app.server.on('request', () => { requests++; });
  process.on('message', async (m) => {
    if (m === 'count') process.send({ count: await count() });
    // The whole process's time (every thread: SQLite's runs in a worker), in microseconds.
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ cpu: user + system, requests });
    }
    if (m === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
  process.send({ url });
}

/** `--seed file count`: fills an SQLite store with `count` bench responses (not measured). */
async function seedBench(file, count) {
  const { openSqliteDb } = await import(dist('store/sqlite.js'));
  const { SqlResponseStore } = await import(dist('store/sql-store.js'));
  const { payloadDigest } = await import(dist('index.js'));
  const compiled = JSON.parse(fs.readFileSync(path.join(BUILD, 'questionnaire.json'), 'utf8'));
  // Filling is not what is measured: batches of 5,000 in one transaction, without fsync.
  const fillStarted = performance.now();
  const db = openSqliteDb(file);
  const filler = new SqlResponseStore(db);
  await filler.init();
  await db.exec('PRAGMA synchronous = OFF');
  for (let i = 0; i < count; i += 5000) {
    await db.exec('BEGIN');
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      const payload = benchPayload(j);
      await filler.insert(payload, payloadDigest(payload));
    }
    await db.exec('COMMIT');
  }
  await filler.saveQuestionnaire(compiled);
  await filler.close();
  process.send({ fillMs: performance.now() - fillStarted });
}

/**
 * `--export file count format [dist]`: times one export (`csv` or `xlsx`) of the whole store
 * to a file, with the collector built in `dist` (this one by default).
 */
async function exportBench(file, count, format, distDir = DIST) {
  const { openStore, csvReadable, writeXlsx } = await import(dist('index.js', distDir));
  const compiled = JSON.parse(fs.readFileSync(path.join(BUILD, 'questionnaire.json'), 'utf8'));
  const store = await openStore(`sqlite:${file}`);
  const out = `${file}.${format}`;
  // Live heap (after a full collection) at every quarter of the export: flat when the
  // export holds neither the responses nor the output. RSS (the SQLite thread's included) is
  // sampled all along.
  const gc = globalThis.gc ?? (() => {});
  gc();
  const base = process.memoryUsage();
  const liveHeap = [base.heapUsed];
  let peakRss = base.rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  let gcMs = 0;
  let pulled = 0;
  async function* observed(source) {
    for await (const r of source) {
      yield r;
      if (++pulled % Math.ceil(count / 4) === 0) {
        const t = performance.now();
        gc();
        liveHeap.push(process.memoryUsage().heapUsed);
        gcMs += performance.now() - t;
      }
    }
  }
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const responses = () => observed(store.stream({ territories: 'all' }));
  if (format === 'xlsx') {
    const output = fs.createWriteStream(out);
    const closed = new Promise((resolve, reject) => { output.on('close', resolve); output.on('error', reject); });
    await writeXlsx([compiled], responses, output);
    await closed;
  } else {
    await pipeline(csvReadable([compiled], responses()), fs.createWriteStream(out));
  }
  const ms = performance.now() - started - gcMs;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000 - gcMs;
  clearInterval(sampler);
  await store.close();
  let rows = pulled;
  if (format === 'csv') {
    // The file's own lines, header aside: what was written, not only what was read.
    const text = fs.readFileSync(out, 'utf8');
    rows = -1;
    for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) rows++;
  }
  const bytes = fs.statSync(out).size;
  fs.rmSync(out);
  process.send({ format, count, ms, cpuMs, bytes, rows, baseRss: base.rss, peakRss, liveHeap });
}

// ---------------------------------------------------------------------------------------
// Parent: orchestration.

function child(args, execArgv = []) {
  const proc = fork(self, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  const next = () => new Promise((resolve, reject) => {
    const onMessage = (m) => { proc.off('exit', onExit); resolve(m); };
    const onExit = (code) => { proc.off('message', onMessage); reject(new Error(`bench child ${args.join(' ')} exited with code ${code}`)); };
    proc.once('message', onMessage);
    proc.once('exit', onExit);
  });
  return { proc, next };
}

/**
 * `OLVA_BENCH_PROFILE=dir`: each olva server writes a V8 CPU profile of its main thread there
 * when it stops (open it in Chrome's DevTools, Performance tab). The profiler's own thread
 * then adds to the CPU figures: profile and measure in separate runs.
 */
const PROFILE_DIR = process.env.OLVA_BENCH_PROFILE ? path.resolve(process.env.OLVA_BENCH_PROFILE) : null;

async function startServer(kind, databaseUrl, collectorDist) {
  const profile = PROFILE_DIR && kind === 'olva' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const c = child(['--serve', kind, ...(databaseUrl ? [databaseUrl] : []), ...(collectorDist ? [collectorDist] : [])], profile);
  const { url } = await c.next();
  return {
    url,
    async count() { c.proc.send('count'); return (await c.next()).count; },
    /** `{ cpu, requests }`: the process's CPU time (µs) and the requests it received so far. */
    async cpu() { c.proc.send('cpu'); return c.next(); },
    async stop() {
      const exited = new Promise((r) => c.proc.once('exit', r));
      c.proc.send('stop');
      await exited;
    },
  };
}

// PostgreSQL's CPU: a process per connection, children of the postmaster, whose CPU the
// collector's process never sees. Read from /proc (Linux): the postmaster found by its port,
// the time of it and of its live children, plus what its exited children left it (cutime,
// cstime). Null where /proc is missing or the server is not a child of this machine's
// postmaster (OLVA_TEST_DATABASE_URL on another host).
const TICK_US = (() => {
  try {
    return 1e6 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10_000;
  }
})();

/** Fields of /proc/<pid>/stat after the command name (field 3 is index 0), or null. */
function procStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function postmasterOf(databaseUrl) {
  const port = new URL(databaseUrl).port || '5432';
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (path.basename(argv[0]) === 'postgres' && argv.includes('-p') && argv[argv.indexOf('-p') + 1] === port) return pid;
  }
  return null;
}

/** Microseconds of CPU of a postmaster and all its backends so far, or null. */
function postgresCpu(postmaster) {
  const own = postmaster && procStat(postmaster);
  if (!own) return null;
  // utime, stime, cutime, cstime are fields 14–17 (indexes 11–14 here); ppid is field 4.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const f = procStat(d);
    if (f && f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_US;
}

// The load generator shares the machine with the server: bodies are made before the run
// (1,000 varied responses) and each request only puts a fresh submissionId into one, so that
// what is measured is the server, not the making of payloads.
const TEMPLATE_ID = '00000000-0000-4000-8000-000000000000';
let templates = null;
function freshBody() {
  templates ??= Array.from({ length: 1000 }, (_, i) => JSON.stringify({ ...benchPayload(i), submissionId: TEMPLATE_ID }).split(TEMPLATE_ID));
  const [head, tail] = templates[sequence++ % templates.length];
  return head + randomUUID() + tail;
}

async function load(url, connections, seconds, post) {
  const { default: autocannon } = await import('autocannon');
  const options = { url, connections, duration: seconds, pipelining: 1 };
  if (post) {
    Object.assign(options, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{ method: 'POST', path: '/v1/responses', setupRequest: (req) => ({ ...req, body: freshBody() }) }],
    });
  }
  return autocannon(options);
}

/**
 * What the server still does once the load generator stopped (the requests in flight)
 * settles within this: waited for after the warm-up and after the measure, so that the CPU
 * read and the rows counted are those of the measure's requests only.
 */
const SETTLE_MS = 200;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

async function measure(target, label, connections, post, postmaster = null) {
  await load(target.url, Math.min(connections, 20), WARMUP, post);
  await settle();
  // Counting rows costs CPU too: the CPU is read inside the counts, around the load only.
  const before = post ? await target.count() : null;
  const cpuBefore = await target.cpu();
  const pgBefore = postgresCpu(postmaster);
  const r = await load(target.url, connections, DURATION, post);
  await settle();
  const cpuAfter = await target.cpu();
  const pgAfter = postgresCpu(postmaster);
  const after = post ? await target.count() : null;
  const stored = before === null || after === null ? null : after - before;
  const requests = cpuAfter.requests - cpuBefore.requests;
  return {
    target: label, connections,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50, p99: r.latency.p99,
    ok: r['2xx'], non2xx: r.non2xx, errors: r.errors + r.timeouts, stored,
    cpuPerRequest: requests ? (cpuAfter.cpu - cpuBefore.cpu) / requests : null,
    postgresCpuPerRequest: requests && pgBefore !== null && pgAfter !== null ? (pgAfter - pgBefore) / requests : null,
  };
}

/** Runs the whole collector bench; returns `{ intake: rows[], exports: rows[], machine }`. */
export async function runCollectorBench() {
  if (!fs.existsSync(path.join(BUILD, 'questionnaire.json'))) {
    throw new Error(`${BUILD}/questionnaire.json is missing: run \`npm run build\` first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-bench-'));
  const intake = [];
  // The throwaway PostgreSQL of the tests lives in @olva/test-support (TypeScript, never built).
  const { tsImport } = await import('tsx/esm/api');
  const { startTestPostgres } = await tsImport('../../packages/test-support/src/postgres.ts', import.meta.url);
  const pg = await startTestPostgres();
  try {
    const hello = await startServer('hello');
    const helloRows = {};
    try {
      for (const c of CONNECTIONS) {
        helloRows[c] = await measure(hello, 'fastify hello-world (GET)', c, false);
        intake.push(helloRows[c]);
      }
    } finally {
      await hello.stop();
    }
    const echo = await startServer('echo');
    const ceilingRows = {};
    try {
      for (const c of CONNECTIONS) {
        const row = await measure(echo, 'fastify POST, body parsed, nothing else (ceiling)', c, true);
        row.ratio = row.requestsPerSecond / helloRows[c].requestsPerSecond;
        ceilingRows[c] = row;
        intake.push(row);
      }
    } finally {
      await echo.stop();
    }
    const postmaster = postmasterOf(pg.url);
    const builds = BASE_DIST ? [['', DIST], [' (base)', BASE_DIST]] : [['', DIST]];
    for (const [store, pgServer] of [['SQLite', null], ['PostgreSQL', postmaster]]) {
      // Each build writes into its own database, fresh for each round, so rounds are alike.
      for (let round = 0; round < ROUNDS; round++) {
        // The A/B alternates which build goes first from one round to the next.
        for (const [suffix, collectorDist] of round % 2 ? [...builds].reverse() : builds) {
          const url = store === 'SQLite' ? `sqlite:${path.join(tmp, `intake-${round}${suffix ? '-base' : ''}.sqlite`)}` : await pg.createDatabase();
          const server = await startServer('olva', url, collectorDist);
          try {
            for (const c of CONNECTIONS) {
              const row = await measure(server, `olva POST /v1/responses, ${store}${suffix}`, c, true, pgServer);
              row.ratio = row.requestsPerSecond / helloRows[c].requestsPerSecond;
              row.ofCeiling = row.requestsPerSecond / ceilingRows[c].requestsPerSecond;
              row.ofCeilingCpu = ceilingRows[c].cpuPerRequest / row.cpuPerRequest;
              intake.push(row);
            }
          } finally {
            await server.stop();
          }
        }
      }
    }
  } finally {
    await pg.stop();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  // OLVA_BENCH_EXPORT_COUNT=0: the intake only.
  return { intake, exports: EXPORT_COUNT > 0 ? await runExports() : [], machine: machineLine() };
}

const machineLine = () => `${machine()}, ${DURATION} s per run`;

/**
 * The exports: `EXPORT_COUNT` responses seeded once into SQLite, then each format of
 * `OLVA_BENCH_EXPORT_FORMATS` (`csv,xlsx` by default) exported to a file, each export in a child
 * process of its own (nothing else in its heap), with the base build too when
 * `OLVA_BASE_COLLECTOR` is given, the two builds alternating as for the intake.
 */
export async function runExports() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-bench-export-'));
  try {
    const file = path.join(tmp, 'export.sqlite');
    const { fillMs } = await child(['--seed', file, String(EXPORT_COUNT)]).next();
    const rows = [];
    const builds = BASE_DIST ? [['', DIST], [' (base)', BASE_DIST]] : [['', DIST]];
    for (const format of EXPORT_FORMATS) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [suffix, collectorDist] of round % 2 ? [...builds].reverse() : builds) {
          const r = await child(['--export', file, String(EXPORT_COUNT), format, collectorDist], ['--expose-gc']).next();
          rows.push({ ...r, build: suffix, fillMs });
        }
      }
    }
    return rows;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Renders the bench figures as Markdown tables. */
export function formatCollectorTable(result) {
  const lines = [
    '| target | connections | req/s | p50 (ms) | p99 (ms) | vs hello-world | vs ceiling | server CPU per request (µs) | share of the ceiling, by CPU | PostgreSQL CPU per request (µs) | 2xx | non-2xx / errors | rows stored (≥ 2xx) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const percent = (x) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)} %`);
  const us = (x) => (x === undefined || x === null ? '—' : String(Math.round(x)));
  for (const r of result.intake) {
    const pgCpu = r.target.includes('PostgreSQL') ? (r.postgresCpuPerRequest === null ? 'not read' : us(r.postgresCpuPerRequest)) : '—';
    lines.push(`| ${r.target} | ${r.connections} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${percent(r.ratio)} | ${percent(r.ofCeiling)} | ${us(r.cpuPerRequest)} | ${percent(r.ofCeilingCpu)} | ${pgCpu} | ${r.ok} | ${r.non2xx} / ${r.errors} | ${r.stored ?? '—'} |`);
  }
  const lost = result.intake.filter((r) => r.stored !== null && r.stored !== undefined && r.stored < r.ok);
  if (lost.length) lines.push('', `**Warning**: fewer rows stored than 2xx answers for ${lost.map((r) => `${r.target} × ${r.connections}`).join(', ')}.`);
  lines.push(...formatExports(result.exports));
  lines.push('', `Machine: ${result.machine}. Targets: at least the share of the \"POST that only parses\" ceiling measured on 2026-12-05 (SQLite 28 % at 50 connections, PostgreSQL 20 %), p99 < 100 ms at 200 connections, CSV export of 100,000 responses < 3 s with flat memory (the XLSX export has no target).`);
  return lines.join('\n');
}

/** The export table's lines (none without exports). */
function formatExports(exports) {
  if (!exports?.length) return [];
  return ['', '| export | responses | rows written | size | time (CPU time) | RSS before → peak | live heap at 0/25/50/75/100 % |', '|---|---:|---:|---:|---:|---:|---:|',
    ...exports.map((e) => `| ${e.format.toUpperCase()}, SQLite → file${e.build} | ${e.count} | ${e.rows} | ${mb(e.bytes)} | ${(e.ms / 1000).toFixed(2)} s (${(e.cpuMs / 1000).toFixed(2)} s) | ${mb(e.baseRss)} → ${mb(e.peakRss)} | ${e.liveHeap.map((h) => (h / 1024 / 1024).toFixed(1)).join(' / ')} MB |`)];
}

const mode = process.argv[2];
if (process.argv[1] === self) {
  if (mode === '--serve') await serve(process.argv[3], process.argv[4], process.argv[5]);
  else if (mode === '--seed') await seedBench(process.argv[3], Number(process.argv[4]));
  else if (mode === '--export') await exportBench(process.argv[3], Number(process.argv[4]), process.argv[5], process.argv[6]);
  // The exports alone (e.g. OLVA_BENCH_EXPORT_FORMATS=xlsx OLVA_BENCH_EXPORT_COUNT=5000).
  else if (mode === '--exports') console.log([...formatExports(await runExports()), '', `Machine: ${machineLine()}.`].join('\n'));
  else console.log(formatCollectorTable(await runCollectorBench()));
}
