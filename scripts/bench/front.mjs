/**
 * Front-end benchmark: the same questionnaire (the OLVA core) rendered in the same Chromium by
 * SurveyJS (survey-core + survey-js-ui, their UMD builds and CSS from node_modules) and by
 * <olva-survey> (packages/embed/dist/olva.js + build/questionnaires/olva-core/questionnaire.json).
 *
 * Measures: the embed's JS+CSS gzipped bytes, time to the first question on screen (median of
 * fresh pages), time for a change that shows/hides questions to be painted (median), and the JS
 * heap after render (after a forced GC). Beside them, the floor of the show/hide: olva's page
 * saved as static HTML, where only the show/hide is scripted (see `captureStaticPage`). Prints a
 * Markdown table when run directly.
 * These numbers are for the bench only; no test asserts a timing.
 *
 * The first question is also timed on generated questionnaires of other shapes (shapes.mjs),
 * each with its questionnaire fetched after the script or inlined in the page.
 *
 * Usage: node scripts/bench/front.mjs [--runs N] [--repeat N] [--shapes-only | --core-only] [--shapes a,b]   (needs `npm run build`)
 *   --core-only: the core's pages alone (show/hide, first question, heap), no generated shape
 *   --repeat N (or OLVA_BENCH_FRONT_REPEAT=N; 1 by default): the whole measure N times, each row
 *     giving the median of the N runs' figures and ratios (the N ratios beside it), its target
 *     checked on the medians. A ratio moved by up to 0.15 from one whole run to the next.
 *   OLVA_EMBED_JS=<bundle> benches another bundle; OLVA_BASE_JS=<bundle> adds an A/B against it on the shapes
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildShapes } from './shapes.mjs';
import { median } from './common.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = join(REPO, 'build/questionnaires/olva-core');
const FILES = {
  // OLVA_EMBED_JS: measure another bundle of the embed (e.g. before `npm run build` made one).
  '/embed/olva.js': process.env.OLVA_EMBED_JS ?? join(REPO, 'packages/embed/dist/olva.js'),
  // OLVA_BASE_JS: a second bundle (e.g. built from an older commit) timed in the same run, on
  // the generated shapes, interleaved with the first: an A/B that machine noise hits alike.
  ...(process.env.OLVA_BASE_JS ? { '/embed-base/olva.js': process.env.OLVA_BASE_JS } : {}),
  // This build again, for the pages that stay on it while the two above trade places.
  '/embed-script/olva.js': process.env.OLVA_EMBED_JS ?? join(REPO, 'packages/embed/dist/olva.js'),
  '/questionnaires/olva-core/questionnaire.json': join(BUILD, 'questionnaire.json'),
  '/questionnaires/olva-core/surveyjs.json': join(BUILD, 'surveyjs.json'),
  '/sjs/survey.core.min.js': join(REPO, 'node_modules/survey-core/survey.core.min.js'),
  '/sjs/survey-js-ui.min.js': join(REPO, 'node_modules/survey-js-ui/survey-js-ui.min.js'),
  '/sjs/survey-core.min.css': join(REPO, 'node_modules/survey-core/survey-core.min.css'),
};
/** Serves each build under the other's script URL (see the rounds in `runFrontBench`). */
function swapBuilds() {
  [FILES['/embed/olva.js'], FILES['/embed-base/olva.js']] = [FILES['/embed-base/olva.js'], FILES['/embed/olva.js']];
}
/** The variant of the other build on the same page: `olva` ↔ `base`, `olva-inline` ↔ `base-inline`. */
const otherBuild = (variant) => variant.replace(/^(olva|base)(?=$|-)/, (build) => (build === 'olva' ? 'base' : 'olva'));
/** What each library needs on the page to show a survey (olva's CSS lives in its shadow root). */
const EMBED_FILES = {
  olva: ['/embed/olva.js'],
  surveyjs: ['/sjs/survey.core.min.js', '/sjs/survey-js-ui.min.js', '/sjs/survey-core.min.css'],
};
/** Same launch flags as packages/test-support/src/chromium.ts (the bench is plain Node, no TS loader). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The question whose answer shows or hides others in the core. */
const SWITCH_QUESTION = 'employeur';
/** A question that answering the switch "yes" shows and "no" hides. */
const DEPENDENT_QUESTION = 'nb_salaries';
/** Whether a page shows olva's DOM (olva itself, or its static copy) rather than SurveyJS's. */
const hasOlvaDom = (lib) => lib !== 'surveyjs';
/** The CSS selector of a question's element, by its id: olva's `data-question`, SurveyJS's `data-name`. */
const questionSelector = (lib, id) => (hasOlvaDom(lib) ? `[data-question="${id}"]` : `[data-name="${id}"]`);
/** Time left to a page before its show/hide clicks (see `runOnce`). */
const SETTLE_MS = 1000;
/** olva's show/hide may take at most this multiple of the static page's (issue 13's restated target). */
const FLOOR_FACTOR = 1.15;

// Runs in the page before anything else: records when the first question is on screen, i.e.
// the start of the frame after the one in which a question first exists in the DOM.
const PROBE = (finder) => `(() => {
  const find = ${finder};
  const tick = () => {
    if (find()) { requestAnimationFrame(() => { window.__firstQuestion = performance.now(); performance.mark('olva-bench:first-question'); console.debug('olva-bench:first-question'); }); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

// The "script" floor: a module run after the embed's own (modules run in order), which records
// the start of the frame after the next one, as PROBE does for a question.
const SCRIPT_PROBE = `requestAnimationFrame(() => requestAnimationFrame(() => {
  window.__firstQuestion = performance.now(); performance.mark('olva-bench:first-question'); console.debug('olva-bench:first-question');
}));`;

const OLVA_FIND = `() => document.querySelector('olva-survey')?.shadowRoot?.querySelector('[part~="question"]')`;
const SJS_FIND = `() => document.querySelector('.sd-question')`;

/** A page showing <olva-survey> for `src`; `data` (e.g. an inlined questionnaire) goes before it. */
const olvaPage = (src, data = '', embed = '/embed/olva.js') => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>olva</title>
<script src="/probe-olva.js"></script>
<script type="module" src="${embed}"></script></head>
<body>${data}<olva-survey src="${src}" endpoint="/v1/responses"
 territory="commune:35238" wave="2026" lang="fr"></olva-survey></body></html>`;

/** A page showing SurveyJS, started by the script `start`; `data` goes before that script. */
const surveyJsPage = (start, data = '') => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>surveyjs</title>
<script src="/probe-sjs.js"></script>
<link rel="stylesheet" href="/sjs/survey-core.min.css">
<script src="/sjs/survey.core.min.js"></script><script src="/sjs/survey-js-ui.min.js"></script></head>
<body><div id="survey"></div>${data}<script src="${start}"></script></body></html>`;

/** The script that renders SurveyJS once `json` (an expression giving a promise of its model) resolves. */
const startSurveyJs = (json) => `${json}.then((json) => {
  // No show/hide animation: the bench times the change itself, not a transition.
  Survey.settings.animationEnabled = false;
  const model = new Survey.Model(json);
  model.locale = 'fr';
  window.__survey = model;
  model.render(document.getElementById('survey'));
});`;

const PAGES = {
  '/olva.html': olvaPage('/questionnaires/olva-core/questionnaire.json'),
  '/base.html': olvaPage('/questionnaires/olva-core/questionnaire.json', '', '/embed-base/olva.js'),
  '/probe-olva.js': PROBE(OLVA_FIND),
  '/surveyjs.html': surveyJsPage('/start-sjs.js'),
  '/probe-sjs.js': PROBE(SJS_FIND),
  '/start-sjs.js': startSurveyJs("fetch('/questionnaires/olva-core/surveyjs.json').then((r) => r.json())"),
  '/start-sjs-inline.js': startSurveyJs("Promise.resolve(JSON.parse(document.getElementById('q').textContent))"),
  '/probe-script.js': SCRIPT_PROBE,
};

/**
 * The page variants measured on each generated shape: page name prefix → library. `static` is
 * olva's first page saved as plain HTML (declarative shadow root, its CSS, no script): the
 * browser's own floor for that DOM (navigation, parse, style, layout, paint). `script` loads
 * the embed and upgrades an `<olva-survey>` without a questionnaire: the floor plus the
 * embed's download, parse and evaluation.
 */
const SHAPE_VARIANTS = {
  surveyjs: 'surveyjs', olva: 'olva', 'surveyjs-inline': 'surveyjs', 'olva-inline': 'olva', static: 'static', script: 'script',
  ...(process.env.OLVA_BASE_JS ? { 'base': 'olva', 'base-inline': 'olva' } : {}),
};


/**
 * The pages of round `round`, in the orders of a Williams design: a page opened right after a
 * heavy one (SurveyJS) pays for its clean-up, and rotating one fixed order had each variant
 * always follow the same one (the fetched olva page always came after the fetched SurveyJS
 * page). Over n rounds (2n for an odd number of pages), each page follows every other page
 * equally often.
 */
function roundOrder(pages, round) {
  const n = pages.length;
  // First row 0, 1, n-1, 2, n-2…; row r adds r to each.
  const first = Array.from({ length: n }, (_, k) => (k % 2 ? (k + 1) / 2 : (n - k / 2) % n));
  const rows = n % 2 ? 2 * n : n;
  const r = round % rows;
  const order = first.map((k) => pages[(k + r) % n]);
  return r >= n ? order.reverse() : order;
}

/**
 * Serves one generated shape (see shapes.mjs): its files, and a page per variant, each library
 * fetching its questionnaire after its script or reading it inlined in the page.
 */
function addShapePages(name, dir) {
  const questionnaire = join(dir, 'questionnaire.json');
  const model = join(dir, 'surveyjs.json');
  FILES[`/shapes/${name}/questionnaire.json`] = questionnaire;
  FILES[`/shapes/${name}/surveyjs.json`] = model;
  // `<` escaped: no `</script>` in the data can end its script early.
  const inline = (file) => `<script type="application/json" id="q">${readFileSync(file, 'utf8').replace(/</g, '\\u003c')}</script>`;
  PAGES[`/olva-${name}.html`] = olvaPage(`/shapes/${name}/questionnaire.json`);
  PAGES[`/olva-inline-${name}.html`] = olvaPage('#q', inline(questionnaire));
  PAGES[`/base-${name}.html`] = olvaPage(`/shapes/${name}/questionnaire.json`, '', '/embed-base/olva.js');
  PAGES[`/base-inline-${name}.html`] = olvaPage('#q', inline(questionnaire), '/embed-base/olva.js');
  PAGES[`/start-sjs-${name}.js`] = startSurveyJs(`fetch('/shapes/${name}/surveyjs.json').then((r) => r.json())`);
  PAGES[`/surveyjs-${name}.html`] = surveyJsPage(`/start-sjs-${name}.js`);
  PAGES[`/surveyjs-inline-${name}.html`] = surveyJsPage('/start-sjs-inline.js', inline(model));
  PAGES[`/script-${name}.html`] = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>script</title>
<script type="module" src="/embed-script/olva.js"></script><script type="module" src="/probe-script.js"></script></head>
<body><olva-survey lang="fr"></olva-survey></body></html>`;
}

/**
 * olva's first page of `pageName`, as it stands once shown, saved as plain HTML: the shadow
 * root's markup and CSS in a declarative shadow root, the probe, and no other script.
 */
async function captureFirstPage(browser, origin, pageName) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/${pageName}.html`);
    await page.waitForFunction(() => window.__firstQuestion !== undefined, undefined, { timeout: 30_000 });
    const { markup, css } = await page.evaluate(() => {
      const root = document.querySelector('olva-survey').shadowRoot;
      const sheets = [...root.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      return { markup: root.innerHTML, css: sheets };
    });
    return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title>
<script src="/probe-olva.js"></script></head>
<body><olva-survey><template shadowrootmode="open"><style>${css}</style>${markup}</template></olva-survey></body></html>`;
  } finally {
    await context.close();
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' };

function startServer() {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = PAGES[path] ?? (FILES[path] && existsSync(FILES[path]) ? readFileSync(FILES[path]) : undefined);
    if (body === undefined) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}


/** Gzipped size (level 9) of the files a library needs. */
function gzippedBytes(paths) {
  return paths.reduce((sum, p) => sum + gzipSync(readFileSync(FILES[p]), { level: 9 }).length, 0);
}

/**
 * In-page: shows the page holding the switch question. SurveyJS: through its model. olva: the
 * earlier pages get their required answers through the element's session, then its primary
 * button moves on, as a respondent would (only the toggle itself is measured).
 */
async function gotoSwitchPage(page, lib) {
  if (lib === 'static') return;
  if (lib === 'surveyjs') {
    await page.evaluate((name) => {
      const model = window.__survey;
      const q = model.getQuestionByName(name);
      if (!q) throw new Error(`SurveyJS: no question ${name}`);
      model.currentPage = q.page;
    }, SWITCH_QUESTION);
    return;
  }
  await page.evaluate(async (name) => {
    const el = document.querySelector('olva-survey');
    const session = el.session;
    const sections = el.questionnaire.sections;
    const target = sections.findIndex((sec) => sec.questions.some((q) => q.id === name));
    const simple = (q) => {
      switch (q.type) {
        case 'single': return q.choices[0].code;
        case 'multiple': return [q.choices.find((c) => !(q.exclusive ?? []).includes(c.code)).code];
        case 'boolean': return false;
        case 'year': return Math.max(q.min ?? 2000, Math.min(q.max ?? 2000, 2000));
        case 'integer': case 'decimal': return q.min ?? 0;
        case 'email': return 'bench@example.org';
        case 'commune': return '35238';
        case 'scale': return 1;
        case 'matrix': return Object.fromEntries(q.rows.map((r) => [r.code, q.choices[0].code]));
        default: return 'bench';
      }
    };
    for (let i = 0; i < target; i++) {
      for (const q of session.visibleQuestions(sections[i].id)) {
        if (session.isRequired(q.id) && session.getAnswer(q.id) === undefined) session.setAnswer(q.id, simple(q));
      }
      await el.updateComplete;
      el.shadowRoot.querySelector('[part~="button-primary"]').click();
      await el.updateComplete;
    }
    if (!el.shadowRoot.querySelector(`[data-question="${name}"]`)) throw new Error(`olva: could not reach the page of ${name}`);
  }, SWITCH_QUESTION);
}

/**
 * In-page: clicks the "yes" then the "no" control of the switch question, alternately. Two
 * timings per click, both from the click event:
 * - `work` (the target): the time to the change, plus the time of the frame that paints it,
 *   without the wait for the screen's next refresh in between (a wait that depends on where the
 *   click falls between two refreshes, not on the library). The change is seen by a
 *   MutationObserver, in the microtask right after the DOM mutation that shows or hides
 *   `DEPENDENT_QUESTION` (one question, read without asking for style: the observer must not
 *   add work of its own); the frame is the next one, from its `requestAnimationFrame` callback
 *   to a task posted from that callback, which runs once the frame's style, layout, paint and
 *   commit are done. Every click thus counts exactly one frame. The previous probe (poll between
 *   tasks until the change, then force a layout) counted a frame in some clicks and none in
 *   others, depending on whether Chromium ran one before the poll's task: olva's clicks took
 *   1–1.7 ms or 2.2–4 ms, and the median fell in either group from one run to the next;
 * - `painted` (information): until the start of the frame after the one that painted the
 *   change, by the wall clock: quantised to refreshes (16.7 ms at 60 Hz), it mostly counts them.
 * Afterwards (not timed), `checkVisibility()` confirms that the dependent question's visibility
 * did change, and the number of questions shown is recorded.
 */
async function measureToggle(page, lib, rounds) {
  return page.evaluate(async ({ lib, olvaDom, name, dependent, switchSelector, dependentSelector, rounds }) => {
    const root = olvaDom ? document.querySelector('olva-survey').shadowRoot : document;
    const countQuestions = () => [...root.querySelectorAll(olvaDom ? '[part~="question"]' : '.sd-question')]
      .filter((q) => q.checkVisibility()).length;
    const dependentVisible = () => root.querySelector(dependentSelector)?.checkVisibility() ?? false;
    // The same, from the DOM alone: SurveyJS takes a hidden question out of the DOM; olva keeps
    // it in a box marked `hidden`.
    const dependentInDom = () => {
      const question = root.querySelector(dependentSelector);
      return olvaDom ? question !== null && question.closest('[hidden]') === null : question !== null;
    };
    // The controls that answer yes / no: olva's radios by value; SurveyJS's switch (one control).
    const controls = () => {
      const question = root.querySelector(switchSelector);
      if (!question) throw new Error(`${lib}: no question ${name} on the page`);
      const inputs = [...question.querySelectorAll('input')];
      if (olvaDom) return { yes: inputs.find((i) => i.value === 'true'), no: inputs.find((i) => i.value === 'false') };
      if (inputs.length >= 2 && inputs[0].type === 'radio') return { yes: inputs.find((i) => i.value === 'true') ?? inputs[0], no: inputs.find((i) => i.value === 'false') ?? inputs[1] };
      // A boolean switch: one checkbox toggled by clicking its label.
      const toggle = question.querySelector('.sd-boolean, label');
      return { yes: toggle, no: toggle };
    };
    const channel = new MessageChannel();
    /** The next frame: when it starts, and when the task posted at its start runs (it is done). */
    const nextFrame = () => new Promise((done) => requestAnimationFrame(() => {
      const start = performance.now();
      channel.port1.onmessage = () => done({ start, end: performance.now() });
      channel.port2.postMessage(0);
    }));
    const work = [];
    const painted = [];
    const counts = new Set();
    for (let i = 0; i < rounds; i++) {
      const target = i % 2 === 0 ? controls().yes : controls().no;
      const before = countQuestions();
      const wasShown = dependentVisible();
      let t0 = 0;
      let changed = 0;
      let timer = 0;
      const seen = new Promise((done) => {
        const observer = new MutationObserver(() => {
          if (dependentInDom() === wasShown) return;
          changed = performance.now();
          observer.disconnect();
          done();
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true });
        timer = setTimeout(() => { observer.disconnect(); done(); }, 2000);
      });
      document.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
      target.click();
      await seen;
      clearTimeout(timer);
      if (!changed) throw new Error(`${lib}: answering ${name} did not show or hide ${dependent}`);
      const frame = await nextFrame();
      work.push(changed - t0 + (frame.end - frame.start));
      painted.push((await nextFrame()).start - t0);
      if (dependentVisible() === wasShown) throw new Error(`${lib}: ${dependent} is in the DOM as shown or hidden, but not on screen`);
      counts.add(before);
      counts.add(countQuestions());
      await new Promise((done) => setTimeout(done, 30));
    }
    return { work, painted, distinctCounts: counts.size };
  }, {
    lib, olvaDom: hasOlvaDom(lib), name: SWITCH_QUESTION, dependent: DEPENDENT_QUESTION, rounds,
    switchSelector: questionSelector(lib, SWITCH_QUESTION), dependentSelector: questionSelector(lib, DEPENDENT_QUESTION),
  });
}

/**
 * The floor under olva's show/hide: olva's page holding the switch, saved as it stands (its
 * shadow DOM and its CSS, in a declarative shadow root), where a few lines of script show or
 * hide the switch's questions and do nothing else. A change costs there what Chromium needs to
 * restyle, lay out and paint it; what olva takes above that is its own (JavaScript and Lit).
 * Returns the page and its script, for the server.
 */
async function captureStaticPage(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/olva.html`);
    await page.waitForFunction(() => window.__firstQuestion !== undefined, undefined, { timeout: 30_000 });
    await gotoSwitchPage(page, 'olva');
    const snapshot = await page.evaluate(async (name) => {
      const el = document.querySelector('olva-survey');
      const root = el.shadowRoot;
      const hiddenBoxes = () => [...root.querySelectorAll('.question-box')].map((box) => box.hidden);
      el.session.setAnswer(name, true);
      await el.updateComplete;
      const shown = hiddenBoxes();
      // Hidden again, as on olva's page before its first click; each box keeps its question.
      el.session.setAnswer(name, undefined);
      await el.updateComplete;
      const controlled = hiddenBoxes().flatMap((hidden, i) => (hidden && !shown[i] ? [i] : []));
      const inputs = [...root.querySelector(`[data-question="${name}"]`).querySelectorAll('input')];
      // Lit sets values as properties, which the markup would lose.
      for (const input of root.querySelectorAll('input')) input.setAttribute('value', input.value);
      const css = [...root.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      return { html: root.innerHTML, css, controlled, inputName: inputs[0]?.name };
    }, SWITCH_QUESTION);
    if (snapshot.controlled.length === 0 || !snapshot.inputName) throw new Error(`static page: ${SWITCH_QUESTION} shows nothing on olva's page`);
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title>
<script src="/probe-olva.js"></script></head>
<body><olva-survey><template shadowrootmode="open"><style>${snapshot.css}</style>${snapshot.html}</template></olva-survey>
<script src="/toggle-static.js"></script></body></html>`;
    const script = `const root = document.querySelector('olva-survey').shadowRoot;
const boxes = [...root.querySelectorAll('.question-box')];
const controlled = ${JSON.stringify(snapshot.controlled)}.map((i) => boxes[i]);
root.addEventListener('change', (event) => {
  if (event.target.name !== ${JSON.stringify(snapshot.inputName)}) return;
  const show = event.target.value === 'true';
  for (const box of controlled) { box.hidden = !show; box.inert = !show; }
});`;
    return { html, script };
  } finally {
    await context.close();
  }
}

/**
 * One fresh page of one library: time to first question, heap after GC, elements and questions
 * on screen, toggle times. `pageName` is the page to open (default: the core's page of `lib`).
 */
async function runOnce(browser, origin, lib, toggleRounds, pageName = lib) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Waiting on a console message, not `waitForFunction`: polling would run Playwright's own
  // script in the page while it loads (9–16 ms of CPU measured), on both libraries' critical path.
  const shown = page.waitForEvent('console', { predicate: (m) => m.text() === 'olva-bench:first-question', timeout: 30_000 });
  await page.goto(`${origin}/${pageName}.html`);
  await shown.catch((e) => { throw new Error(`${lib}: no question on screen (${errors.join('; ') || e.message})`); });
  const firstQuestion = await page.evaluate(() => window.__firstQuestion);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const dom = await page.evaluate((olvaDom) => {
    // Elements in the document and every shadow root, and questions shown.
    const count = (root) => [...root.querySelectorAll('*')].reduce((n, e) => n + 1 + (e.shadowRoot ? count(e.shadowRoot) : 0), 0);
    // Every node (elements, text, comments such as Lit's markers), as DevTools' node count has them.
    const countNodes = (root) => {
      let n = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) n += 1 + (node.shadowRoot ? 1 + countNodes(node.shadowRoot) : 0);
      return n;
    };
    const root = olvaDom ? document.querySelector('olva-survey').shadowRoot : document;
    const questions = [...root.querySelectorAll(olvaDom ? '[part~="question"]' : '.sd-question')].filter((q) => q.checkVisibility()).length;
    return { elements: count(document), nodes: countNodes(document), questions };
  }, hasOlvaDom(lib));
  let toggle = { work: [], painted: [], distinctCounts: 0 };
  if (toggleRounds > 0) {
    await gotoSwitchPage(page, lib);
    // A respondent answers the switch where they see it, and sees the questions it shows
    // appear under it: the switch is scrolled to the top of the window (without this, both
    // libraries were clicked 2,600–3,500 px below the window, and olva laid out nothing of
    // the questions it showed). They read before answering: clicked at once, the first clicks
    // waited for the raster of the page just shown (commits blocked 2–5 ms in olva's traces),
    // the cost of the page change, not of the show/hide.
    await page.evaluate(({ olvaDom, selector }) => {
      const root = olvaDom ? document.querySelector('olva-survey').shadowRoot : document;
      root.querySelector(selector).scrollIntoView({ block: 'start' });
    }, { olvaDom: hasOlvaDom(lib), selector: questionSelector(lib, SWITCH_QUESTION) });
    await page.waitForTimeout(SETTLE_MS);
    toggle = await measureToggle(page, lib, toggleRounds);
  }
  await context.close();
  return { firstQuestion, heap, dom, toggle };
}

/**
 * Generates and compiles the shapes, and serves every page of the bench (the core's, and each
 * shape's variants, see SHAPE_VARIANTS) on a loopback port; `close` stops it and removes the
 * shapes. For scripts/bench/first-trace.mjs too, which traces the same pages.
 */
export async function serveBenchPages({ shapes = true } = {}) {
  const missing = Object.entries(FILES).filter(([, f]) => !existsSync(f)).map(([, f]) => f.slice(REPO.length));
  if (missing.length) throw new Error(`front bench: missing ${missing.join(', ')}; run \`npm run build\` first`);
  const shapesDir = mkdtempSync(join(tmpdir(), 'olva-bench-shapes-'));
  // Compiling the shapes takes a while: not when only the core's pages are measured.
  const shapeBuilds = shapes ? buildShapes(REPO, shapesDir) : {};
  for (const [name, dir] of Object.entries(shapeBuilds)) addShapePages(name, dir);
  const server = await startServer();
  return {
    shapes: Object.keys(shapeBuilds),
    server,
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.close();
      rmSync(shapesDir, { recursive: true, force: true });
      // The next run (--repeat) compiles its own shapes: the files removed are no longer served.
      for (const name of Object.keys(shapeBuilds)) for (const file of ['questionnaire.json', 'surveyjs.json']) delete FILES[`/shapes/${name}/${file}`];
    },
  };
}

/** The Debian Chromium the bench and the tests use. */
export const launchChromium = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });

/** Saves olva's first page of each shape as the static floor page `/static-<shape>.html`. */
export async function addStaticFirstPages(browser, origin, shapes) {
  for (const name of shapes) PAGES[`/static-${name}.html`] = await captureFirstPage(browser, origin, `olva-${name}`);
}

/**
 * Runs the bench and returns its rows: `{ metric, olva, surveyjs, ratio, target, met }`.
 * Eleven fresh pages per library by default: on a shared VM the median of seven moved by
 * ±10 % from one run to the next.
 * @param {{ runs?: number, toggleRounds?: number, core?: boolean, only?: string[] }} [options] `core: false`
 *   skips the core's pages (show/hide, heap) and measures the generated shapes only; `only`: these
 *   shapes (`[]`: none, the core's pages only)
 */
export async function runFrontBench({ runs = 11, toggleRounds = 20, core = true, only } = {}) {
  const served = await serveBenchPages({ shapes: only === undefined || only.length > 0 });
  const { origin, close } = served;
  const shapes = served.shapes.filter((name) => !only || only.includes(name));
  const browser = await launchChromium();
  const results = { olva: [], surveyjs: [], static: [], base: [] };
  const base = process.env.OLVA_BASE_JS !== undefined;
  const shapeResults = {};
  try {
    if (core) {
      const floor = await captureStaticPage(browser, origin);
      PAGES['/static.html'] = floor.html;
      PAGES['/toggle-static.js'] = floor.script;
      // Interleave the libraries (and the floor) so that machine noise hits them alike.
      for (let i = 0; i < runs; i++) {
        // In a new order each round, as the shapes' variants (see below).
        const pages = base ? ['surveyjs', 'olva', 'static', 'base'] : ['surveyjs', 'olva', 'static'];
        // The two builds trade their pages (and script URLs) every other round: with identical
        // bundles, the `olva` page read 8 % slower than the `base` page in a 21-round A/A run,
        // a bias of the slot that would otherwise land on one build.
        const swapped = base && i % 2 === 1;
        if (swapped) swapBuilds();
        try {
          for (const name of roundOrder(pages, i)) {
            results[swapped ? otherBuild(name) : name].push(await runOnce(browser, origin, name === 'base' ? 'olva' : name, toggleRounds, name));
          }
        } finally {
          if (swapped) swapBuilds();
        }
      }
    }
    await addStaticFirstPages(browser, origin, shapes);
    for (const name of shapes) {
      for (let i = 0; i < runs; i++) {
        // The builds trade their pages every other round, as on the core's.
        const swapped = base && i % 2 === 1;
        if (swapped) swapBuilds();
        try {
          for (const [variant, lib] of roundOrder(Object.entries(SHAPE_VARIANTS), i)) {
            ((shapeResults[name] ??= {})[swapped ? otherBuild(variant) : variant] ??= []).push(await runOnce(browser, origin, lib, 0, `${variant}-${name}`));
          }
        } finally {
          if (swapped) swapBuilds();
        }
      }
    }
  } finally {
    await browser.close();
    close();
  }
  const shapeTable = shapes.flatMap((name) => shapeRows(name, shapeResults[name], runs));
  if (!core) return shapeTable;
  for (const lib of ['olva', 'surveyjs', 'static']) {
    if (results[lib].some((r) => r.toggle.distinctCounts < 2)) throw new Error(`${lib}: answering ${SWITCH_QUESTION} did not change the questions shown`);
  }
  // Every page's clicks: one page's median alone moves by ±20 % between pages.
  const toggleMedian = (lib) => median(results[lib].flatMap((r) => r.toggle.work));
  // The static page only stands for the floor of the show/hide.
  const summary = { static: { toggle: toggleMedian('static') } };
  for (const lib of ['olva', 'surveyjs']) {
    summary[lib] = {
      bytes: gzippedBytes(EMBED_FILES[lib]),
      firstQuestion: median(results[lib].map((r) => r.firstQuestion)),
      toggle: toggleMedian(lib),
      togglePainted: median(results[lib].flatMap((r) => r.toggle.painted)),
      heap: median(results[lib].map((r) => r.heap)),
    };
  }
  // `check` reads a row's figures (`olva`, `ratio`, `floor`): the formatter applies it again to
  // the medians of several runs (`formatFrontTable`).
  const row = (metric, key, unit, target, limit, of = 'olva', extra = {}) => {
    const olva = summary[of][key];
    const surveyjs = summary.surveyjs[key];
    const ratio = olva / surveyjs;
    const check = (r) => limit(r.olva, r.ratio, r);
    return { metric, unit, olva, surveyjs, ratio, ...extra, target, check, met: check({ olva, ratio, ...extra }) };
  };
  return [
    row('embed JS+CSS, gzipped', 'bytes', 'B', '≤ 40 KB', (o) => o <= 40 * 1024),
    row(`first question on screen (median of ${runs})`, 'firstQuestion', 'ms', '≤ 1/3 of SurveyJS', (_o, r) => r <= 1 / 3),
    row(`show/hide: click → change painted, work without the wait for the refresh (median of ${runs} pages × ${toggleRounds})`, 'toggle', 'ms',
      '≤ 1.15 × the floor and ≤ 0.15 of SurveyJS', (o, r, { floor }) => o <= FLOOR_FACTOR * floor && r <= 0.15, 'olva', { floor: summary.static.toggle }),
    row(`show/hide floor, in the olva column: olva's page saved as static HTML, where a few lines of script only show or hide (same measure; Chromium's share)`, 'toggle', 'ms', '(the floor)', () => true, 'static'),
    row(`show/hide: click → next frame painted (median of ${runs} pages × ${toggleRounds}; frame-quantised)`, 'togglePainted', 'ms', '(information)', () => true),
    row('JS heap after render (after GC)', 'heap', 'B', '≤ 1/3 of SurveyJS', (_o, r) => r <= 1 / 3),
    ...(base ? [
      { metric: `  A/B, the core: first question, this build (olva column) vs OLVA_BASE_JS (SurveyJS column), same run (median of ${runs})`, unit: 'ms',
        olva: summary.olva.firstQuestion, surveyjs: median(results.base.map((r) => r.firstQuestion)), target: '(A/B)', met: true },
      { metric: '  A/B, the core: show/hide, this build vs OLVA_BASE_JS, same run', unit: 'ms',
        olva: summary.olva.toggle, surveyjs: median(results.base.flatMap((r) => r.toggle.work)), target: '(A/B)', met: true },
    ].map((r) => ({ ...r, ratio: r.olva / r.surveyjs, check: () => true })) : []),
    ...shapeTable,
  ];
}

/** The rows of one generated shape: first question, fetched and inlined, and elements and nodes per question. */
function shapeRows(name, results, runs) {
  const first = (variant) => median(results[variant].map((r) => r.firstQuestion));
  const perQuestion = (variant, what = 'elements') => median(results[variant].map((r) => r.dom[what] / Math.max(1, r.dom.questions)));
  const questions = results.olva[0].dom.questions;
  const pair = (metric, unit, olva, surveyjs, target, limit) => ({ metric, unit, olva, surveyjs, ratio: olva / surveyjs, target, check: (r) => limit(r.ratio), met: limit(olva / surveyjs) });
  return [
    pair(`first question on screen, shape "${name}" (${questions} questions on page 1), questionnaire fetched (median of ${runs})`, 'ms',
      first('olva'), first('surveyjs'), '≤ 1/3 of SurveyJS', (r) => r <= 1 / 3),
    pair(`first question on screen, shape "${name}", questionnaire inlined in the page (median of ${runs})`, 'ms',
      first('olva-inline'), first('surveyjs-inline'), '≤ 1/3 of SurveyJS', (r) => r <= 1 / 3),
    pair(`  floor, shape "${name}": olva's first page as static HTML without script (olva column) vs SurveyJS fetched (median of ${runs})`, 'ms',
      first('static'), first('surveyjs'), '(the best reachable ratio)', () => true),
    pair(`  floor + embed, shape "${name}": the embed loaded and upgraded without a questionnaire (olva column) vs SurveyJS fetched (median of ${runs})`, 'ms',
      first('script'), first('surveyjs'), '(information)', () => true),
    pair(`  above the floor, shape "${name}", fetched: olva − floor vs SurveyJS − floor`, 'ms',
      first('olva') - first('static'), first('surveyjs') - first('static'), '(information)', () => true),
    pair(`  above the floor, shape "${name}", inlined: olva − floor vs SurveyJS − floor`, 'ms',
      first('olva-inline') - first('static'), first('surveyjs-inline') - first('static'), '(information)', () => true),
    ...(results.base ? [
      pair(`  A/B, shape "${name}", fetched: this build (olva column) vs OLVA_BASE_JS (SurveyJS column), same run`, 'ms',
        first('olva'), first('base'), '(A/B)', () => true),
      pair(`  A/B, shape "${name}", inlined: this build vs OLVA_BASE_JS, same run`, 'ms',
        first('olva-inline'), first('base-inline'), '(A/B)', () => true),
    ] : []),
    pair(`elements per question shown, shape "${name}" (document and shadow roots)`, '',
      perQuestion('olva'), perQuestion('surveyjs'), '(information)', () => true),
    pair(`DOM nodes per question shown, shape "${name}" (elements, text and comments; document and shadow roots)`, '',
      perQuestion('olva', 'nodes'), perQuestion('surveyjs', 'nodes'), '(information)', () => true),
  ];
}

const fmt = (value, unit) => unit === 'B'
  ? (value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} KB`)
  : `${value.toFixed(1)}${unit ? ` ${unit}` : ''}`;

/** How many times `runFrontRuns` runs the whole measure by default: `OLVA_BENCH_FRONT_REPEAT`, else 1. */
export const FRONT_REPEAT = Number(process.env.OLVA_BENCH_FRONT_REPEAT ?? 1);

/**
 * Runs the whole measure `repeat` times (`runFrontBench`'s options for each); returns the runs'
 * rows, one array per run, for `formatFrontTable`.
 * @param {{ repeat?: number } & Parameters<typeof runFrontBench>[0]} [options]
 */
export async function runFrontRuns({ repeat = FRONT_REPEAT, ...options } = {}) {
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat / OLVA_BENCH_FRONT_REPEAT: ${repeat} is not a whole number of runs (1 or more)`);
  const runs = [];
  for (let k = 0; k < repeat; k++) runs.push(await runFrontBench(options));
  return runs;
}

/**
 * The runs as a Markdown table (the name scripts/bench.mjs imports): `runs` is one run's rows
 * (as `runFrontBench` returns them) or several runs' (`runFrontRuns`). Each row gives the
 * median of the runs' figures and of their ratios (with several runs, the ratios beside it,
 * in increasing order), its target checked on those medians.
 */
export function formatFrontTable(runs) {
  const all = Array.isArray(runs[0]) ? runs : [runs];
  const lines = ['| metric | olva | SurveyJS | olva/SurveyJS | target | met |', '|---|---:|---:|---:|---|---|'];
  all[0].forEach((r, i) => {
    const same = all.map((run) => run[i]);
    if (same.some((x) => x?.metric !== r.metric)) throw new Error(`front bench: the runs do not have the same rows (row ${i + 1}, « ${r.metric} »)`);
    const mid = (key) => (r[key] === undefined ? undefined : median(same.map((x) => x[key])));
    const m = { olva: mid('olva'), surveyjs: mid('surveyjs'), ratio: mid('ratio'), floor: mid('floor') };
    const ratios = same.length > 1 ? ` (${same.map((x) => x.ratio).sort((a, b) => a - b).map((x) => x.toFixed(3)).join(', ')})` : '';
    lines.push(`| ${r.metric} | ${fmt(m.olva, r.unit)} | ${fmt(m.surveyjs, r.unit)} | ${m.ratio.toFixed(3)}${ratios} | ${r.target} | ${r.check(m) ? 'yes' : 'NO'} |`);
  });
  if (all.length > 1) lines.push('', `Each row: the median of ${all.length} whole runs (olva, SurveyJS and the ratio each the median of their own), the runs' ratios in brackets; the target is checked on the medians.`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--runs');
  const repeat = process.argv.indexOf('--repeat');
  // Without --runs, runFrontBench's own default; --shapes-only skips the core's pages.
  const shapes = process.argv.indexOf('--shapes');
  runFrontRuns({
    ...(repeat > 0 ? { repeat: Number(process.argv[repeat + 1]) } : {}),
    runs: i > 0 ? Number(process.argv[i + 1]) : undefined,
    core: !process.argv.includes('--shapes-only'),
    only: process.argv.includes('--core-only') ? [] : shapes > 0 ? process.argv[shapes + 1].split(',') : undefined,
  }).then((runs) => console.log(formatFrontTable(runs)), (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
