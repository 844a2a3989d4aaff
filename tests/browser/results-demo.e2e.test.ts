/**
 * Results on the example municipal site, end to end: the demo's collector (its own
 * configuration and tokens) holds generated Rennes responses; `/resultats.html` shows
 * `<olva-results>` reading the collector's public route under the demo's CSP. Nothing shows
 * before the Rennes token publishes; after it, the published figures do, axe-clean.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { builds, generateFor } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import { REPO } from '@olva/test-support/olva-site';
import { seriousViolations } from '@olva/test-support/axe';
import { DEMO_CSP, payloadDigest } from '@olva/collector';
import { demoTokens } from '@olva/test-support/demo-collector';
import { demoInChromium } from '@olva/test-support/demo-chromium';

const RENNES_TOKEN = demoTokens().rennes;

const demo = demoInChromium({
  requires: [path.join(REPO, 'packages/results-element/dist/olva-results.js'), path.join(REPO, 'examples/municipal/resultats.html')],
  site: true,
  prepare: async (collector) => {
    const rennes = builds().rennes;
    await collector.store.saveQuestionnaire(rennes);
    for (const g of generateFor(rennes, { level: 'commune', code: '35238' }, '2026', 60, prng(5))) {
      expect((await collector.store.insert(g.payload, payloadDigest(g.payload))).status).toBe('created');
    }
  },
});

it('shows the Rennes results on the municipal site only once the Rennes token published them', async () => {
  const page = await demo.browser.newPage();
  await page.addInitScript(`window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  const response = await page.goto(`${demo.base}/resultats.html`);
  expect(response?.headers()['content-security-policy']).toBe(DEMO_CSP);
  const host = page.locator('olva-results');
  await expect(host.getByRole('alert').textContent()).resolves.toBe('Ces résultats ne sont pas publiés (ou ne le sont plus).');

  const published = await fetch(`${demo.base}/v1/results/commune:35238/2026/publication`, { method: 'PUT', headers: { authorization: `Bearer ${RENNES_TOKEN}` } });
  expect(published.status).toBe(200);
  expect((await published.json()).responses).toBe(60);

  await page.reload();
  await host.getByRole('heading', { level: 2 }).waitFor();
  expect(await host.getByRole('heading', { level: 2 }).textContent()).toBe('La vie associative à Rennes en 2026');
  expect(await host.getByRole('heading', { level: 3 }).count()).toBe(4);
  expect(await host.getByRole('img').count()).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  await page.close();

  // axe-core is injected as a script, which the page's own CSP forbids: checked without it.
  const context = await demo.browser.newContext({ bypassCSP: true });
  const open = await context.newPage();
  await open.goto(`${demo.base}/resultats.html`);
  await open.locator('olva-results').getByRole('heading', { level: 2 }).waitFor();
  const violations = await seriousViolations(open);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  await context.close();
});
