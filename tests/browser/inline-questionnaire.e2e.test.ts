/**
 * A page may inline its compiled questionnaire (`<script type="application/json" id="q">` and
 * `<olva-survey src="#q">`), so that the first question needs no second round trip. In real
 * Chromium, under the strict CSP the embed is written for: the survey shows with no request for
 * a questionnaire and no violation; a `#id` that names nothing is reported, not fetched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addSurveyPage, QUESTIONNAIRES, useBrowserAndSite, waitForEvent, type OlvaSite } from '@olva/test-support/olva-site';

const CSP = "script-src 'self'; require-trusted-types-for 'script'";
const ATTRIBUTES = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' };

/** The compiled questionnaire as a page inlines it: `<` escaped so that no `</script>` ends it early. */
function inlined(buildId: string, id: string): string {
  const json = readFileSync(join(QUESTIONNAIRES, buildId, 'questionnaire.json'), 'utf8').replace(/</g, '\\u003c');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

describe('a questionnaire inlined in the page', () => {
  let browser: Browser;
  let site: OlvaSite;
  useBrowserAndSite((b, s) => { browser = b; site = s; }, { headers: { 'content-security-policy': CSP } });

  it('shows the survey without fetching a questionnaire, with no CSP violation', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const url = addSurveyPage(site, '/inline.html', {
      attributes: { ...ATTRIBUTES, src: '#olva-questionnaire' },
      before: inlined('olva-core+rennes-2026', 'olva-questionnaire'),
    });
    await page.goto(url);
    await waitForEvent(page, 'olva-ready');
    const firstQuestion = await page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!
      .querySelector('[part~="question"]')?.getAttribute('data-question'));
    expect(firstQuestion).toBeTruthy();
    expect(requests.filter((p) => p.startsWith('/questionnaires/'))).toEqual([]);
    expect(requests.filter((p) => p === '/inline.html'), 'the page itself is not fetched again for "#…"').toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations)).toEqual([]);
    await page.close();
  });

  it('reports a "#id" that names no JSON script, and fetches nothing', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const url = addSurveyPage(site, '/inline-missing.html', { attributes: { ...ATTRIBUTES, src: '#nowhere' } });
    await page.goto(url);
    const error = await waitForEvent(page, 'olva-error');
    expect(error.message).toContain('#nowhere');
    expect(requests.filter((p) => p === '/inline-missing.html')).toHaveLength(1);
    await page.close();
  });
});
