/**
 * The test site for browser tests of <olva-survey>: the built embed under `/embed/olva.js`,
 * the build outputs under `/questionnaires/<build-id>/…`, axe-core, in-memory test pages, and a
 * collector endpoint on the same origin under `/v1/responses`, with the collector's commune
 * search under `/v1/communes`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from './static-server.js';
import { startCollectorEndpoint, type CollectorEndpoint } from './collector-endpoint.js';
import { handleCommunes } from './communes.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

/** Root of the repository. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** The embed bundle under test (OLVA_EMBED_JS overrides it, e.g. to try a bundle made elsewhere). */
export const EMBED_JS = process.env.OLVA_EMBED_JS ?? join(REPO, 'packages/embed/dist/olva.js');
export const QUESTIONNAIRES = join(REPO, 'build/questionnaires');
export const AXE_JS = join(REPO, 'node_modules/axe-core/axe.min.js');

/** The build outputs the browser tests need. */
export const REQUIRED_BUILD = [
  EMBED_JS,
  join(QUESTIONNAIRES, 'olva-core/questionnaire.json'),
  join(QUESTIONNAIRES, 'olva-core/payload.schema.json'),
  join(QUESTIONNAIRES, 'olva-core+rennes-2026/questionnaire.json'),
  join(QUESTIONNAIRES, 'olva-core+rennes-2026/payload.schema.json'),
];

/**
 * Throws a clear error when the build outputs are missing: browser tests run against the
 * built embed bundle and the built questionnaires, not against sources.
 */
export function requireBuild(paths: readonly string[] = REQUIRED_BUILD): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(
      `Browser tests need the build outputs; missing:\n  ${missing.map((p) => p.slice(REPO.length)).join('\n  ')}\n` +
      'Run `npm run build` at the repository root first.',
    );
  }
}

export interface SurveyPageOptions {
  /** Attributes of <olva-survey> (values are HTML-escaped here). */
  attributes?: Record<string, string | true>;
  /**
   * A CompiledQuestionnaire given through the `questionnaire` property, by a script file
   * (never inline, so that the page also works under a strict CSP).
   */
  questionnaire?: unknown;
  /** Extra CSS for the page (served as a file). */
  css?: string;
  /** Markup before the survey (plain, trusted test markup). */
  before?: string;
}

const escapeAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Registers a page at `path` (e.g. `/t/types.html`) showing one <olva-survey> and returns its URL.
 * The page records every olva-* event in `window.__olvaEvents` (by a script file).
 */
export function addSurveyPage(site: OlvaSite, path: string, options: SurveyPageOptions = {}): string {
  const attrs = Object.entries(options.attributes ?? {})
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
  const base = path.replace(/\.html$/, '');
  const scripts = [`<script src="${base}.events.js"></script>`];
  site.server.setPage(`${base}.events.js`, EVENTS_RECORDER);
  if (options.questionnaire !== undefined) {
    site.server.setPage(`${base}.data.js`,
      `customElements.whenDefined('olva-survey').then(() => { document.querySelector('olva-survey').questionnaire = ${JSON.stringify(options.questionnaire)}; });\n`);
    scripts.push(`<script type="module" src="${base}.data.js"></script>`);
  }
  let css = '';
  if (options.css) {
    site.server.setPage(`${base}.css`, options.css);
    css = `<link rel="stylesheet" href="${base}.css">`;
  }
  site.server.setPage(path, `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test OLVA</title><link rel="icon" href="data:,">${css}
${scripts.join('\n')}
<script type="module" src="/embed/olva.js"></script>
</head><body><main>${options.before ?? ''}
<olva-survey${attrs}></olva-survey>
</main></body></html>`);
  return site.origin + path;
}

/** Records olva-* events with their detail (as JSON) for assertions. */
const EVENTS_RECORDER = `window.__olvaEvents = [];
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
});
for (const type of ['olva-ready','olva-change','olva-page-change','olva-submit','olva-submitted','olva-queued','olva-error']) {
  document.addEventListener(type, (e) => {
    let detail = null;
    try { detail = JSON.parse(JSON.stringify(e.detail, (k, v) => (k === 'questionnaire' ? '[questionnaire]' : v))); } catch {}
    window.__olvaEvents.push({ type, detail });
  });
}
`;

export interface OlvaSite {
  origin: string;
  server: StaticServer;
  /** The collector endpoint at `<origin>/v1/responses` (same origin as the pages). */
  endpoint: CollectorEndpoint;
  /** `<origin>/v1/responses`. */
  endpointUrl: string;
  close(): Promise<void>;
}

export interface OlvaSiteOptions {
  /** Headers on every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Build id whose payload.schema.json every posted payload must satisfy. */
  payloadSchemaOf?: string;
}

/** Starts the test site on a loopback port. */
export async function startOlvaSite(options: OlvaSiteOptions = {}): Promise<OlvaSite> {
  const endpoint = await startCollectorEndpoint({
    noListen: true,
    payloadSchemaPath: options.payloadSchemaOf ? join(QUESTIONNAIRES, options.payloadSchemaOf, 'payload.schema.json') : undefined,
  });
  const server = await startStaticServer({
    mounts: { '/questionnaires/': QUESTIONNAIRES },
    files: { '/embed/olva.js': EMBED_JS, '/vendor/axe.min.js': AXE_JS },
    headers: options.headers,
    handler: (req, res) => endpoint.handle(req, res) || handleCommunes(req, res),
  });
  return {
    origin: server.origin,
    server,
    endpoint,
    endpointUrl: `${server.origin}/v1/responses`,
    close: () => server.close(),
  };
}

/** Opens `url` in `page` and waits for `olva-ready` (or fails with the olva-error message). */
export async function openSurvey(page: import('playwright-core').Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForReady(page);
}

/** Waits for `olva-ready` on the current page; fails with the olva-error message if one came. */
export async function waitForReady(page: import('playwright-core').Page): Promise<void> {
  const outcome = await page.waitForFunction(() => {
    const events = (window as unknown as { __olvaEvents?: { type: string; detail: { message?: string } }[] }).__olvaEvents ?? [];
    const ready = events.find((e) => e.type === 'olva-ready');
    const error = events.find((e) => e.type === 'olva-error');
    return ready ? 'ready' : error ? `olva-error: ${error.detail?.message}` : false;
  }, null, { timeout: 15_000 }).then((h) => h.jsonValue());
  if (outcome !== 'ready') throw new Error(String(outcome));
}

/** The olva-* events the page recorded so far. */
export async function recordedEvents(page: import('playwright-core').Page): Promise<{ type: string; detail: any }[]> {
  return page.evaluate(() => (window as unknown as { __olvaEvents: { type: string; detail: unknown }[] }).__olvaEvents ?? []);
}

/** Waits until an olva-* event of `type` has been recorded; returns its detail. */
export async function waitForEvent(page: import('playwright-core').Page, type: string, timeout = 15_000): Promise<any> {
  const handle = await page.waitForFunction((t) => {
    const events = (window as unknown as { __olvaEvents?: { type: string; detail: unknown }[] }).__olvaEvents ?? [];
    const found = events.find((e) => e.type === t);
    return found ? { detail: found.detail } : false;
  }, type, { timeout });
  return ((await handle.jsonValue()) as { detail: unknown }).detail;
}

/**
 * For a browser test file: checks the build, starts Chromium and the test site before its tests
 * and stops both after them; `ready` receives them (the file keeps its own variables).
 */
export function useBrowserAndSite(ready: (browser: Browser, site: OlvaSite) => void, options: OlvaSiteOptions = {}): void {
  let browser: Browser | undefined;
  let site: OlvaSite | undefined;
  beforeAll(async () => {
    requireBuild();
    browser = await launchChromium();
    site = await startOlvaSite(options);
    ready(browser, site);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}

/**
 * For a browser test file whose tests must not share storage (outbox, drafts, history): a new
 * browser context, a fresh profile, before each test; the returned function gives it.
 */
export function useFreshContext(browser: () => Browser): () => import('playwright-core').BrowserContext {
  let context: import('playwright-core').BrowserContext | undefined;
  beforeEach(async () => {
    await context?.close();
    context = await browser().newContext();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
  });
  return () => context!;
}
