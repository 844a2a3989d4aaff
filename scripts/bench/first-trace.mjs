/**
 * Where the first question's time goes, on a fresh page of each generated shape (shapes.mjs):
 * the pages of the front bench, opened under Chromium's tracing, olva and SurveyJS alternately.
 * From navigation start to the bench's probe mark (`olva-bench:first-question`), the renderer's
 * main thread is split into what Chromium records there (HTML parse, script compile and
 * evaluation, style, layout, paint, garbage collection) and the JavaScript into where it comes
 * from, by the CPU profiler's samples mapped through the bundle's source map (Lit, the runtime,
 * the elements, the theme, JSON.parse…); the rest is the main thread waiting (network, the
 * next frame). Means over the runs, in milliseconds. For information: the front bench gives
 * the figures; this says what they are made of. A sample counts for the function it was taken
 * in, found by the position where that function starts: a function terser merged into another
 * counts for the other's source, so read the groups, not single lines.
 *
 * Usage: node scripts/bench/first-trace.mjs [--runs N] [--shapes a,b] [--variants olva,olva-inline,…] [--timeline]
 *   (needs `npm run build`; OLVA_EMBED_JS benches another bundle, as in front.mjs, with its .map beside it;
 *   OLVA_TRACE_FRAMES=1 adds each sample's function, as minified, and its position in the bundle)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sourceMapJs from 'source-map-js';
import { serveBenchPages, launchChromium, addStaticFirstPages } from './front.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EMBED = process.env.OLVA_EMBED_JS ?? `${REPO}packages/embed/dist/olva.js`;
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing',
  'loading', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc',
];
const MARK = 'olva-bench:first-question';

/** Main-thread event name → what it is, for the events that nest no other listed one. */
const KINDS = {
  ParseHTML: 'HTML parse', ParseAuthorStyleSheet: 'CSS parse',
  UpdateLayoutTree: 'style recalc', 'Document::updateStyle': 'style recalc', Layout: 'layout', PrePaint: 'pre-paint / paint', Paint: 'pre-paint / paint',
  Layerize: 'pre-paint / paint', 'LocalFrameView::RunPostLifecycleSteps': 'pre-paint / paint', Commit: 'pre-paint / paint',
  MinorGC: 'garbage collection', MajorGC: 'garbage collection', 'V8.GC_SCAVENGER': 'garbage collection', 'V8.GC_MC_BACKGROUND_MARKING': 'garbage collection',
  'v8.compile': 'script compile', 'v8.compileModule': 'script compile', 'V8.CompileCode': 'script compile', 'v8.parseOnBackground': 'script compile',
};

const { SourceMapConsumer } = sourceMapJs;
let consumer;
/** The source file of a position of the bundle (its source map), folded to a short group name. */
function sourceOf(line, column) {
  consumer ??= new SourceMapConsumer(JSON.parse(readFileSync(`${EMBED}.map`, 'utf8')));
  const source = consumer.originalPositionFor({ line: line + 1, column }).source ?? '?';
  const m = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (m) {
    if (m[1] === 'lit-html' && m[2].includes('directive')) return 'lit-html directives';
    return m[1];
  }
  const p = source.match(/packages\/([^/]+)\/(?:src|dist\/tsc)\/(.*?)\.(?:ts|js)$/);
  if (!p) return source;
  if (p[1] === 'elements' && p[2].startsWith('questions/')) return 'elements: question renderers';
  if (p[1] === 'elements' && p[2].startsWith('theme')) return 'elements: theme';
  if (p[1] === 'elements' && p[2] === 'olva-survey/olva-survey') return 'elements: olva-survey';
  if (p[1] === 'elements') return 'elements: other';
  return `${p[1]}: ${p[2].split('/')[0]}`;
}

/** One traced page load: main thread time by kind, JS by source, until the probe's mark. */
async function traceOnce(browser, origin, pageName) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  const shown = page.waitForEvent('console', { predicate: (m) => m.text() === MARK, timeout: 30_000 });
  await page.goto(`${origin}/${pageName}.html`);
  await shown;
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const mark = events.find((e) => e.name === MARK && e.ph !== 'e');
  if (!mark) throw new Error(`${pageName}: no ${MARK} in the trace`);
  const { pid, tid } = mark;
  const start = events.find((e) => e.pid === pid && e.name === 'navigationStart' && e.ts <= mark.ts)?.ts
    ?? events.find((e) => e.pid === pid && e.name === 'ParseHTML').ts;
  const end = mark.ts;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= start && e.ts < end);
  const total = (end - start) / 1000;
  const out = { total, busy: 0, kinds: {}, js: {}, timeline: [] };
  // The main thread's tasks of 2 ms or more, with the events inside them that say what they are.
  const NAMED = new Set(['ParseHTML', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame',
    'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'ResourceReceiveResponse', 'EventDispatch', 'v8.compileModule']);
  for (const task of main.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur >= 2000)) {
    const inside = main.filter((e) => NAMED.has(e.name) && e.ts >= task.ts && e.ts < task.ts + task.dur && e.dur >= 1000);
    const what = inside.map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${(e.dur / 1000).toFixed(1)}`).join(', ');
    out.timeline.push(`${((task.ts - start) / 1000).toFixed(1).padStart(7)} ms +${(task.dur / 1000).toFixed(1).padStart(6)}: ${what}`);
  }
  const add = (map, key, ms) => { map[key] = (map[key] ?? 0) + ms; };
  // Tasks: everything the main thread did (its busy time); the listed kinds inside them.
  for (const e of main) if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') out.busy += (e.dur ?? 0) / 1000;
  const listed = main.filter((e) => KINDS[e.name]).sort((a, b) => a.ts - b.ts);
  // Self time of each listed event: its duration less the listed events nested in it.
  const stack = [];
  const nodes = [];
  for (const e of listed) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) stack.at(-1).self -= e.dur ?? 0;
    const node = { ts: e.ts, dur: e.dur ?? 0, self: e.dur ?? 0, kind: KINDS[e.name] };
    stack.push(node);
    nodes.push(node);
  }
  for (const n of nodes) add(out.kinds, n.kind, n.self / 1000);
  // How many times the document was laid out and restyled (a layout forced by script shows as more).
  out.counts = { layout: main.filter((e) => e.name === 'Layout').length, style: main.filter((e) => e.name === 'UpdateLayoutTree').length };
  // The CPU profile: samples of the renderer's main thread, by the source of their top frame.
  const profile = events.find((e) => e.pid === pid && e.name === 'Profile' && e.tid === tid) ?? events.find((e) => e.pid === pid && e.name === 'Profile');
  if (profile) {
    const nodes = new Map();
    let t = profile.args.data.startTime;
    for (const chunk of events.filter((e) => e.pid === pid && e.name === 'ProfileChunk' && e.id === profile.id)) {
      const data = chunk.args.data;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        const prev = t;
        t += deltas[i] ?? 0;
        if (t < start || t >= end) continue;
        const frame = nodes.get(samples[i])?.callFrame;
        if (!frame) continue;
        const ms = Math.max(0, deltas[i + 1] ?? (t - prev)) / 1000;
        let key;
        if (frame.url?.endsWith('/embed/olva.js')) {
          const where = process.env.OLVA_TRACE_FRAMES ? ` ${frame.functionName}@${frame.lineNumber}:${frame.columnNumber}` : '';
          key = `olva.js: ${sourceOf(frame.lineNumber, frame.columnNumber)}${where}`;
        }
        else if (frame.url?.includes('/sjs/')) key = 'SurveyJS script';
        else if (frame.url) key = 'other script';
        else key = frame.functionName || '(native)';
        if (key === '(idle)' || key === '(program)') continue;
        add(out.js, key, ms);
      }
    }
  }
  return out;
}

function mean(list, get) {
  return list.reduce((s, x) => s + (get(x) ?? 0), 0) / list.length;
}

function report(name, variant, runs) {
  const keys = (what) => [...new Set(runs.flatMap((r) => Object.keys(r[what])))]
    .map((k) => [k, mean(runs, (r) => r[what][k])]).sort((a, b) => b[1] - a[1]);
  const lines = [`### ${variant}-${name}: first question at ${mean(runs, (r) => r.total).toFixed(1)} ms, main thread busy ${mean(runs, (r) => r.busy).toFixed(1)} ms; ${mean(runs, (r) => r.counts.layout).toFixed(1)} layouts, ${mean(runs, (r) => r.counts.style).toFixed(1)} style recalcs (mean of ${runs.length})`, ''];
  lines.push('| main thread (self time) | ms |', '|---|---:|');
  for (const [k, v] of keys('kinds')) lines.push(`| ${k} | ${v.toFixed(1)} |`);
  lines.push('', '| JavaScript samples (top frame) | ms |', '|---|---:|');
  for (const [k, v] of keys('js').filter(([, v]) => v >= 0.5)) lines.push(`| ${k} | ${v.toFixed(1)} |`);
  if (process.argv.includes('--timeline')) lines.push('', 'Tasks of the last run (start, duration: what ran inside):', '```', ...runs.at(-1).timeline, '```');
  return lines.join('\n');
}

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const runs = Number(arg('--runs', '5'));
const variants = arg('--variants', 'olva,olva-inline,static,surveyjs').split(',');
const { shapes, origin, close } = await serveBenchPages();
const wanted = arg('--shapes', shapes.join(',')).split(',');
const browser = await launchChromium();
try {
  await addStaticFirstPages(browser, origin, wanted);
  for (const name of wanted) {
    const results = Object.fromEntries(variants.map((v) => [v, []]));
    // One untimed load first: the first page of a browser pays for its start.
    await traceOnce(browser, origin, `${variants[0]}-${name}`);
    for (let i = 0; i < runs; i++) for (const v of variants) results[v].push(await traceOnce(browser, origin, `${v}-${name}`));
    for (const v of variants) console.log(`${report(name, v, results[v])}\n`);
  }
} finally {
  await browser.close();
  close();
}
