/**
 * Security of the built embed in real Chromium:
 * - definition text full of `<script>`, `<img onerror>`, `<svg onload>` and `javascript:` links
 *   stays inert text, on the question page, in error messages and on the review page;
 * - a page served with `Content-Security-Policy: script-src 'self'; require-trusted-types-for
 *   'script'` shows the survey and goes through a page without any violation or console error;
 * - a page whose connect-src refuses the questionnaire, at its URL or after a redirect, says so
 *   (another violation meanwhile notwithstanding), and a network failure still reads "try again";
 * - the embed itself: one file within its gzipped budget, with no `eval` or `new Function`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@olva/test-support/chromium';
import { EMBED_JS, addSurveyPage, openSurvey, requireBuild, startOlvaSite, waitForEvent, type OlvaSite } from '@olva/test-support/olva-site';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { answerFocused, fillSurveyByKeyboard, isPrimaryButton, tabUntil } from '@olva/test-support/keyboard';
import { seriousViolations } from '@olva/test-support/axe';
import { hostileQuestionnaire } from '../../stories/fixtures/index.js';
import { HOSTILE_STRINGS } from '../../stories/fixtures/hostile.js';

let browser: Browser;

beforeAll(async () => {
  requireBuild();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** What the hostile markup could have produced, anywhere in the document or the shadow root. */
async function inertness(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    const w = window as unknown as { __olvaPwned?: unknown };
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    return {
      pwned: w.__olvaPwned ?? null,
      shadowDangerous: [...root.querySelectorAll('script, img, svg, iframe, object, embed')].map((e) => e.outerHTML.slice(0, 80)),
      documentScripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      documentImages: document.querySelectorAll('img, svg, iframe').length,
      // In-page anchors (error summary) and http(s)/mailto links only; never javascript: or data:.
      badLinks: links.filter((href) => !/^(https?:|mailto:|#)/i.test(href.trim())),
      eventHandlers: [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
      text: root.textContent ?? '',
    };
  });
}

describe('hostile definition text', () => {
  let site: OlvaSite;
  beforeAll(async () => { site = await startOlvaSite(); });
  afterAll(async () => { await site?.close(); });

  async function openHostile(name: string): Promise<{ page: Page; dialogs: string[]; check: (where: string) => Promise<Awaited<ReturnType<typeof inertness>>> }> {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const url = addSurveyPage(site, `/hostile-${name}.html`, {
      attributes: { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' },
      questionnaire: hostileQuestionnaire,
    });
    await openSurvey(page, url);
    const scriptsBefore = (await inertness(page)).documentScripts;
    const check = async (where: string) => {
      const state = await inertness(page);
      expect(state.pwned, where).toBeNull();
      expect(dialogs, where).toEqual([]);
      expect(state.shadowDangerous, where).toEqual([]);
      expect(state.documentScripts, where).toEqual(scriptsBefore);
      expect(state.documentImages, where).toBe(0);
      expect(state.badLinks, where).toEqual([]);
      expect(state.eventHandlers, where).toEqual([]);
      return state;
    };
    return { page, dialogs, check };
  }

  it('stays text on the question page, in error messages and in a warning', async () => {
    const { page, check } = await openHostile('page');
    const first = await check('question page');
    // The markup is shown as the literal text the author wrote.
    expect(first.text).toContain('<script>window.__olvaPwned');
    expect(first.text).toContain('<img src=x onerror=');
    expect(first.text).toContain("[cliquez ici](javascript:window.__olvaPwned='md')");
    for (const s of HOSTILE_STRINGS) expect(first.text).toContain(s);

    // Error state: the required question left empty.
    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[aria-invalid="true"]') !== null, null, { timeout: 5_000 });
    await check('error state');

    // A warning check whose message is hostile: h_text = "boom".
    const text = hostileQuestionnaire.sections[0]!.questions[1]!;
    const single = hostileQuestionnaire.sections[0]!.questions[0]!;
    const f1 = await tabUntil(page, (x) => x.questionId === 'h_single', 'h_single');
    await answerFocused(page, single, f1, 'b');
    const f2 = await tabUntil(page, (x) => x.questionId === 'h_text', 'h_text');
    await answerFocused(page, text, f2, 'boom');
    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    const warned = await check('warning');
    expect(warned.text).toContain('Attention <script>');
    await page.close();
  });

  it('stays text on the review page, answers included', async () => {
    const { page, check } = await openHostile('review');
    const run = await fillSurveyByKeyboard(page, hostileQuestionnaire, { h_single: 'b', h_text: '<img src=x onerror=alert(3)>' });
    expect(run.pages.at(-1)).toBe('review');
    const review = await check('review page');
    expect(review.text).toContain('<img src=x onerror=alert(3)>');
    expect(review.text).toContain('Option <svg');
    await page.close();
  });
});

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  const CSP = "script-src 'self'; require-trusted-types-for 'script'";
  let site: OlvaSite;
  beforeAll(async () => { site = await startOlvaSite({ headers: { 'content-security-policy': CSP } }); });
  afterAll(async () => { await site?.close(); });

  it('renders the core survey and goes through a page with no violation and no console error', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const url = addSurveyPage(site, '/csp.html', {
      attributes: {
        src: '/questionnaires/olva-core+rennes-2026/questionnaire.json', endpoint: '/v1/responses',
        territory: 'commune:35238', wave: '2026', lang: 'fr',
      },
    });
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    await waitForEvent(page, 'olva-ready');
    // The policy is really enforced: an inline script is refused (and reported).
    const inlineRan = await page.evaluate(() => {
      try {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
      } catch { /* Trusted Types refuse the text: reported as a violation too */ }
      return (window as unknown as { __inline?: number }).__inline === 1;
    });
    expect(inlineRan).toBe(false);
    await page.waitForTimeout(100);
    const probe = await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length);
    expect(probe, 'the probe inline script is reported, so reporting works').toBeGreaterThan(0);
    await page.evaluate(() => { (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length = 0; });
    consoleErrors.length = 0;

    // First page answered by keyboard, then on to the second page.
    const compiled = await page.evaluate(() => fetch('/questionnaires/olva-core+rennes-2026/questionnaire.json').then((r) => r.json()));
    const firstSection = compiled.sections[0];
    const plan: Record<string, unknown> = { numero_rna: 'W351234567', secteurs_secondaires: ['culture'], annee_creation: 1998 };
    const onePage = { ...compiled, sections: [firstSection] };
    await fillSurveyByKeyboard(page, onePage, plan, { maxPages: 1 });
    const pages = await page.evaluate(() => (window as unknown as { __olvaEvents: { type: string; detail: { to: string } }[] }).__olvaEvents
      .filter((e) => e.type === 'olva-page-change').map((e) => e.detail.to));
    expect(pages[0]).toBe(compiled.sections[1].id);

    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('under a Content-Security-Policy whose connect-src leaves out the collector', () => {
  let site: OlvaSite;
  // An allowed collector whose questionnaire moved to an origin that connect-src leaves out.
  let moved: StaticServer;
  beforeAll(async () => {
    moved = await startStaticServer({
      handler: (_req, res) => {
        res.writeHead(302, { location: `${site.origin.replace('127.0.0.1', 'localhost')}/questionnaires/olva-core/questionnaire.json`, 'access-control-allow-origin': '*' });
        res.end();
        return true;
      },
    });
    // The unreachable port is allowed, so that a plain network failure is told apart from a refusal.
    site = await startOlvaSite({ headers: { 'content-security-policy': `script-src 'self'; connect-src 'self' http://127.0.0.1:9 ${moved.origin}` } });
  });
  afterAll(async () => { await site?.close(); await moved?.close(); });

  /** The error the form shows once loading failed, and the olva-error message. */
  async function failure(page: Page): Promise<{ shown: string; event: string }> {
    const { message } = await waitForEvent(page, 'olva-error');
    const shown = await page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '');
    return { shown, event: message };
  }

  it('says that the page\'s policy blocks the questionnaire, naming connect-src, in the form\'s language; axe finds nothing serious', async () => {
    // The collector on another origin (localhost for 127.0.0.1), as a municipal site has it.
    const collector = site.origin.replace('127.0.0.1', 'localhost');
    const src = `${collector}/questionnaires/olva-core+rennes-2026/questionnaire.json`;
    for (const [lang, expected] of [
      ['fr', 'La politique de sécurité de cette page (connect-src) bloque le questionnaire.'],
      ['en', 'This page’s security policy (connect-src) blocks the questionnaire.'],
    ] as const) {
      const page = await browser.newPage();
      // Requested as the script starts (early-fetch.ts), before the element exists.
      await page.goto(addSurveyPage(site, `/csp-blocked-${lang}.html`, { attributes: { src, endpoint: `${collector}/v1/responses`, territory: 'commune:35238', wave: '2026', lang } }));
      expect(await failure(page)).toEqual({ shown: expected, event: `${expected} (${src}: Failed to fetch)` });
      await page.addScriptTag({ url: '/vendor/axe.min.js' });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('says so for a src given later too, and keeps "try again later" for a network failure', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/csp-later.html', { attributes: { src: '/questionnaires/olva-core/questionnaire.json', endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' } }));
    const later = (src: string) => page.evaluate((s) => {
      (window as unknown as { __olvaEvents: unknown[] }).__olvaEvents.length = 0;
      document.querySelector('olva-survey')!.setAttribute('src', s);
    }, src);
    await later(`${site.origin.replace('127.0.0.1', 'localhost')}/questionnaires/olva-core/questionnaire.json`);
    expect((await failure(page)).shown).toBe('La politique de sécurité de cette page (connect-src) bloque le questionnaire.');
    await later('http://127.0.0.1:9/questionnaire.json');
    expect((await failure(page)).shown).toBe('Le questionnaire n’a pas pu être chargé. Réessayez plus tard.');
    // No listener is left waiting for some later violation of the page.
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    expect(listeners.filter((l) => l.type === 'securitypolicyviolation')).toEqual([]);
    await page.close();
  });

  it('says so when the questionnaire\'s URL redirects to an origin it leaves out, though an image\'s violation comes first', async () => {
    // A report that img-src blocked an image, as the survey starts listening: Chromium queues
    // the questionnaire's own report with the failed request, so only a report made by the page
    // can come between them.
    site.server.setPage('/csp-image.js', `const listen = window.addEventListener;
window.addEventListener = function (type, ...rest) {
  listen.call(this, type, ...rest);
  if (type === 'securitypolicyviolation') dispatchEvent(new SecurityPolicyViolationEvent(type, { effectiveDirective: 'img-src', violatedDirective: 'img-src', blockedURI: 'http://localhost/logo.png', originalPolicy: '', disposition: 'enforce', statusCode: 200 }));
};`);
    const page = await browser.newPage();
    // The fragment, which no report carries, is the web team's own (a version, say).
    const src = `${moved.origin}/questionnaire.json#2026`;
    await page.goto(addSurveyPage(site, '/csp-moved.html', { before: '<script src="/csp-image.js"></script>', attributes: { src, endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' } }));
    expect((await failure(page)).shown).toBe('La politique de sécurité de cette page (connect-src) bloque le questionnaire.');
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: { blocked: string }[] }).__cspViolations.map((v) => v.blocked)))
      .toEqual([src.replace('#2026', '')]);
    await page.close();
  });
});

describe('the embed bundle', () => {
  // The budget of docs/performance.md: the bench reports it, this fails the change that breaks it.
  it('is one file within its budget of 40 KB gzipped, with no eval or new Function', () => {
    const code = readFileSync(EMBED_JS);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
    expect(code.toString('utf8')).not.toMatch(/new Function\b|\beval\(/);
  });
});
