/**
 * The demo as a new user meets it (`npm start`): the municipal page served by the collector
 * under its CSP, the survey answered in real Chromium with the keyboard, and the response
 * read back from the collector's store with the national demo token. Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from '@olva/schema';
import { checkResponse } from '@olva/runtime';
import { startStaticServer } from '@olva/test-support/static-server';
import { REPO } from '@olva/test-support/olva-site';
import { fillSurveyByKeyboard, sendFromReview } from '@olva/test-support/keyboard';
import { DEMO_CSP } from '@olva/collector';
import { demoTokens } from '@olva/test-support/demo-collector';
import { demoInChromium } from '@olva/test-support/demo-chromium';

const BUILD_ID = 'olva-core+rennes-2026';

/** Records olva-* events and CSP violations, before any page script runs. */
const RECORDER = `window.__olvaEvents = []; window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
for (const type of ['olva-ready','olva-page-change','olva-submit','olva-submitted','olva-queued','olva-error']) {
  document.addEventListener(type, (e) => { let detail = null; try { detail = JSON.parse(JSON.stringify(e.detail, (k, v) => (k === 'questionnaire' ? '[questionnaire]' : v))); } catch {} window.__olvaEvents.push({ type, detail }); });
}`;

let compiled: CompiledQuestionnaire;
const stored: string[] = [];

const demo = demoInChromium({
  requires: [
    path.join(REPO, 'packages/embed/dist/olva.js'),
    path.join(REPO, 'examples/municipal/index.html'),
    ...['olva-core', BUILD_ID, 'olva-core+lorient-agglo-2026'].map((id) => path.join(REPO, 'build/questionnaires', id, 'questionnaire.json')),
  ],
  site: true,
  onStored: ({ submissionId }) => stored.push(submissionId),
});

beforeAll(() => {
  compiled = JSON.parse(fs.readFileSync(path.join(REPO, 'build/questionnaires', BUILD_ID, 'questionnaire.json'), 'utf8')) as CompiledQuestionnaire;
});

it('lets a new user answer the survey on the municipal page and stores the response', async () => {
  const page = await demo.browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const failed: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.addInitScript(RECORDER);
  const response = await page.goto(`${demo.base}/`);
  expect(response?.headers()['content-security-policy']).toBe(DEMO_CSP);
  // The page names its icon (no request for a missing /favicon.ico), and its skip link is
  // inside a landmark like the rest of the page.
  expect(await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href'))).toBe('data:,');
  expect(await page.evaluate(() => document.querySelector('a[href="#contenu"]')?.closest('header, nav, main, aside, footer')?.tagName)).toBe('HEADER');
  await page.waitForFunction(() => ((window as any).__olvaEvents as { type: string }[]).some((e) => e.type === 'olva-ready' || e.type === 'olva-error'), null, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as any).__olvaEvents.filter((e: { type: string }) => e.type === 'olva-error'))).toEqual([]);
  // A link of a question's help (the RNA number's) takes the site's primary colour, underlined:
  // the survey's rule for links (theme/page.ts; <olva-results> draws none and leaves it out).
  expect(await page.evaluate(() => {
    const link = document.querySelector('olva-survey')!.shadowRoot!.querySelector('a[href*="annuaire-entreprises"]')!;
    return [getComputedStyle(link).color, getComputedStyle(link).textDecorationLine];
  })).toEqual(['rgb(140, 0, 35)', 'underline']);

  // Answers that trip no coherence check (as in the embed's keyboard test); the others get
  // the harness's defaults.
  const run = await fillSurveyByKeyboard(page, compiled, {
    numero_rna: 'W351234567', affiliation_federation: true, secteurs_secondaires: ['culture'], annee_creation: 1998,
    nb_adherents: 40, nb_benevoles_reguliers: 12, nb_benevoles_occasionnels: 5, nb_dirigeants: 6, nb_dirigeantes_femmes: 3,
    employeur: true, nb_salaries: 3, etp: 2.5, budget_annuel: 'de_10000_a_50000', sources_revenus: ['cotisations', 'subventions_publiques'],
    part_financement_public: 30, locaux: 'location', recevoir_resultats: true, 'rennes.salles_municipales': true,
  });
  expect(run.pages.at(-1)).toBe('review');
  // Reached by the keyboard, the review's heading has focus and shows its ring (theme/page.ts).
  expect(await page.evaluate(() => {
    const heading = document.querySelector('olva-survey')!.shadowRoot!.activeElement!;
    return [heading.tagName, getComputedStyle(heading).outlineStyle, getComputedStyle(heading).outlineWidth];
  })).toEqual(['H3', 'solid', '3px']);
  await sendFromReview(page);
  const submitted = await page.waitForFunction(() => ((window as any).__olvaEvents as { type: string; detail: any }[]).find((e) => e.type === 'olva-submitted' || e.type === 'olva-error' || e.type === 'olva-queued'), null, { timeout: 30_000 }).then((h) => h.jsonValue()) as { type: string; detail: any };
  expect(submitted.type, JSON.stringify(submitted.detail)).toBe('olva-submitted');
  const submissionId = submitted.detail.receipt.submissionId as string;

  // What the demo prints as stored, and what the curl line it prints reads back.
  expect(stored).toEqual([submissionId]);
  const national = demoTokens()['rnma-national'];
  const read = await fetch(`${demo.base}/v1/responses?limit=10`, { headers: { authorization: `Bearer ${national}` } });
  const items = (await read.json()).items as { submissionId: string; payload: any }[];
  expect(items.map((i) => i.submissionId)).toEqual([submissionId]);
  const payload = items[0].payload;
  expect(payload).toMatchObject({ questionnaire: compiled.questionnaire, extension: { id: 'rennes-2026' }, territory: { level: 'commune', code: '35238' }, wave: '2026', source: 'site-ville', channel: 'web' });
  expect(Object.keys(payload.answers).sort()).toEqual([...run.answered].sort());
  expect(checkResponse(compiled, payload.answers)).toEqual([]);
  // The version it was answered with is kept beside it.
  expect((await demo.collector.store.getQuestionnaire(payload.questionnaire, payload.extension))?.id).toBe(BUILD_ID);
  // The Rennes token reads it; Lorient's does not.
  const tokens = demoTokens();
  expect((await fetch(`${demo.base}/v1/responses/${submissionId}`, { headers: { authorization: `Bearer ${tokens.rennes}` } })).status).toBe(200);
  expect((await fetch(`${demo.base}/v1/responses/${submissionId}`, { headers: { authorization: `Bearer ${tokens['lorient-agglo']}` } })).status).toBe(404);

  expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(failed).toEqual([]);
  await page.close();
}, 180_000);

it('serves no source map', async () => {
  expect(fs.existsSync(path.join(REPO, 'packages/embed/dist/olva.js.map'))).toBe(true);
  expect((await fetch(`${demo.base}/embed/olva.js`)).status).toBe(200);
  for (const p of ['/embed/olva.js.map', '/embed/OLVA.JS.MAP', '/embed/olva.js%2Emap']) expect((await fetch(`${demo.base}${p}`)).status, p).toBe(404);
});

describe('the iframe page', () => {
  /** Another site, counting every request it gets: none may come from the iframe page. */
  const foreignRequests: string[] = [];
  let foreign: Awaited<ReturnType<typeof startStaticServer>>;
  beforeAll(async () => {
    foreign = await startStaticServer({
      pages: { '/q.json': JSON.stringify(compiled) },
      headers: { 'access-control-allow-origin': '*' },
      handler: (req) => { foreignRequests.push(`${req.method} ${req.url}`); return false; },
    });
  });
  afterAll(async () => { await foreign?.close(); });

  async function open(query: string) {
    const page = await demo.browser.newPage();
    await page.addInitScript(RECORDER);
    const response = await page.goto(`${demo.base}/iframe/?${query}`);
    return { page, response };
  }

  it('refuses a questionnaire or an endpoint of another site, visibly, and loads and posts nothing', async () => {
    const queries = [
      `src=${encodeURIComponent(`${foreign.origin}/q.json`)}&endpoint=${encodeURIComponent(`${foreign.origin}/v1/responses`)}&territory=commune:35238&wave=2026`,
      `questionnaire=olva-core+rennes-2026&endpoint=${encodeURIComponent(`${foreign.origin}/v1/responses`)}&territory=commune:35238&wave=2026`,
      `src=${encodeURIComponent(`${foreign.origin}/questionnaires/olva-core+rennes-2026/questionnaire.json`)}&territory=commune:35238`,
      'questionnaire=..%2F..%2Fv1%2Fresponses',
    ];
    for (const query of queries) {
      const { page, response } = await open(query);
      expect(response?.headers()['content-security-policy'], query).toBe(DEMO_CSP);
      const error = page.locator('.olva-iframe-error');
      await error.waitFor({ state: 'visible' });
      const text = await error.textContent();
      expect(text, query).toMatch(/Paramètres refusés : .*\/ Refused parameters: /);
      expect(await page.locator('olva-survey').count(), query).toBe(0);
      expect(await page.locator('h1').textContent()).toBe("Questionnaire de l'Observatoire de la vie associative");
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    expect(foreignRequests).toEqual([]);
  }, 60_000);

  it('tells the web team a missing wave as a parameter of the address only, not as an attribute they cannot add', async () => {
    const { page } = await open('questionnaire=olva-core%2Brennes-2026&territory=commune:35238');
    await expect.poll(() => page.locator('.olva-iframe-error').textContent()).toBe(
      'Paramètre « wave » manquant dans l’adresse de l’iframe : ajoutez le millésime, par exemple &wave=2026. / Missing "wave" parameter in the iframe\'s address: add the wave, for example &wave=2026.');
    await page.waitForLoadState('networkidle');
    // No form beside it: its own « ajoutez l’attribut wave » would ask what a framing site cannot do.
    expect(await page.locator('olva-survey').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('attribut');
    await page.close();
  });

  it('has a CSP that keeps its requests on the collector', async () => {
    const { page, response } = await open('questionnaire=olva-core+rennes-2026');
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    // Even a script of the page could not reach another site.
    const outcome = await page.evaluate((url) => fetch(url, { method: 'POST', body: '{}' }).then(() => 'sent', () => 'blocked'), `${foreign.origin}/v1/responses`);
    expect(outcome).toBe('blocked');
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([`connect-src ${foreign.origin}/v1/responses`]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('shows the collector\'s own build by its id and posts to its own endpoint', async () => {
    for (const query of ['questionnaire=olva-core+rennes-2026&territory=commune:35238&wave=2026&lang=en', 'src=%2Fquestionnaires%2Folva-core%252Brennes-2026%2Fquestionnaire.json&endpoint=%2Fv1%2Fresponses&wave=2026&lang=en']) {
      const { page } = await open(query);
      await page.waitForFunction(() => ((window as any).__olvaEvents as { type: string }[]).some((e) => e.type === 'olva-ready' || e.type === 'olva-error'), null, { timeout: 30_000 });
      expect(await page.evaluate(() => (window as any).__olvaEvents.map((e: { type: string }) => e.type)), query).toContain('olva-ready');
      const survey = page.locator('olva-survey');
      expect(await survey.getAttribute('src'), query).toBe('/questionnaires/olva-core+rennes-2026/questionnaire.json');
      expect(await survey.getAttribute('endpoint'), query).toBe('/v1/responses');
      expect(await page.locator('h1').textContent()).toBe('Survey of the Local Observatory of Associative Life');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
      await page.close();
    }
  }, 60_000);
});
