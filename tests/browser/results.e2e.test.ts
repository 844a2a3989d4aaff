/**
 * <olva-results> (the built single-file bundle) in real Chromium: a results document made by
 * `aggregateResponses` over the analysis package's generated responses, shown with its charts
 * and data tables; axe-core on every state (loading, loaded with the tables open, error, not
 * published, empty); keyboard use; the accessible names screen readers get; hostile labels
 * staying text; a page under `require-trusted-types-for 'script'`; the size budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { aggregateResponses, analyseResponses, NETWORK_TERRITORY, type DistributionFigures, type ResultsDocument } from '@olva/analysis';
import { builds, generate, stream } from '@olva/test-support/responses';
import { launchChromium } from '@olva/test-support/chromium';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { REPO, requireBuild, AXE_JS } from '@olva/test-support/olva-site';
import { seriousViolations } from '@olva/test-support/axe';
import { focusInfo } from '@olva/test-support/keyboard';
import { analysedResults } from '@olva/test-support/analysed-results';
// @ts-expect-error: the bundle's rollup configuration, a plain .mjs file without types
import { INTERNAL_PROPERTIES } from '../../packages/results-element/rollup.config.mjs';

const BUNDLE = join(REPO, 'packages/results-element/dist/olva-results.js');
const CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const HOSTILE = '<img src=x onerror="window.__olvaPwned=1">"><script>window.__olvaPwned=2</script>';

let browser: Browser;
let server: StaticServer;
let doc: ResultsDocument;
let releaseSlow: () => void = () => {};

/** A page showing one <olva-results> with these attributes (scripts as files: CSP-proof). */
function page(path: string, attributes: Record<string, string>, css = ''): string {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  server.setPage(path, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Résultats</title><link rel="icon" href="data:,">
${css ? `<link rel="stylesheet" href="${css}">` : ''}<script src="/record.js"></script><script type="module" src="/embed/olva-results.js"></script></head>
<body><main><h1>Vie associative</h1><olva-results${attrs}></olva-results></main></body></html>`);
  return server.origin + path;
}

const RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__events = [];
for (const t of ['olva-results-load', 'olva-results-error']) document.addEventListener(t, (e) => window.__events.push({ type: t, detail: e.detail }));`;

async function waitFor(p: Page, type: string): Promise<any> {
  await p.waitForFunction((t) => (window as any).__events.some((e: any) => e.type === t), type, { timeout: 15_000 });
  return p.evaluate((t) => (window as any).__events.find((e: any) => e.type === t).detail, type);
}

async function expectAccessible(p: Page, state: string): Promise<void> {
  const violations = await seriousViolations(p);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/**
 * The document with nb_salaries withheld as the analysis withholds a filtered question whose
 * filter hides counts, etp withheld for its base, and evolution_salaries withheld as a document
 * of an earlier version says it (no reason).
 */
function linkedDocument(d: ResultsDocument): ResultsDocument {
  const linked = structuredClone(d);
  const reasons: Record<string, object> = {
    nb_salaries: { withheldReason: 'filter-suppressed', withheldFilters: ['employeur'] }, etp: { withheldReason: 'small-base' }, evolution_salaries: {},
  };
  for (const g of linked.groups) {
    g.questions = g.questions.map((f) => (!(f.id in reasons) ? f : {
      id: f.id, type: f.type, label: f.label, conditional: true, kind: f.kind, ...(f.kind === 'numeric' ? { unit: f.unit } : {}), status: 'withheld', ...reasons[f.id],
    } as typeof f));
  }
  return linked;
}

/** The document with a count's quartiles and a decimal's set between whole numbers, as real data gives them. */
function quartilesDocument(d: ResultsDocument): ResultsDocument {
  const out = structuredClone(d);
  for (const g of out.groups) for (const f of g.questions) {
    if (f.kind !== 'numeric') continue;
    if (f.id === 'nb_adherents') Object.assign(f, { status: 'ok', summary: { n: 40, sum: 3828, mean: 95.7, q1: 34, median: 87.5, q3: 252.3, exact: true } });
    if (f.id === 'etp') Object.assign(f, { status: 'ok', summary: { n: 40, sum: 60, mean: 1.5, q1: 0.25, median: 1.5, q3: 2.3, exact: true } });
  }
  return out;
}

const shadowText = (p: Page) => p.evaluate(() => document.querySelector('olva-results')!.shadowRoot!.textContent!.replace(/\s+/g, ' '));

beforeAll(async () => {
  requireBuild([BUNDLE]);
  const b = builds();
  doc = await aggregateResponses(stream(generate(3)), { compiled: [b.core, b.rennes, b.lorient], classes: { nb_salaries: [1, 5, 10, 50] } });
  const hostile = structuredClone(doc);
  for (const g of hostile.groups) for (const q of g.questions) {
    q.label = { fr: `${HOSTILE} ${q.id}` };
    if ('categories' in q) for (const c of q.categories ?? []) c.label = { fr: HOSTILE };
  }
  let slowGate = new Promise<void>((resolve) => { releaseSlow = resolve; });
  server = await startStaticServer({
    files: { '/embed/olva-results.js': BUNDLE, '/embed/olva.js': join(REPO, 'packages/embed/dist/olva.js'), '/vendor/axe.min.js': AXE_JS },
    pages: {
      '/record.js': RECORDER,
      // A site's theme: the survey's tokens and the charts' own, from a style sheet file.
      '/theme.css': 'olva-results { --olva-color-text: #222244; --olva-chart-bar: #8a1538; }',
      '/data/results.json': JSON.stringify(doc),
      '/data/hostile.json': JSON.stringify(hostile),
      '/data/empty.json': JSON.stringify({ ...doc, groups: [] }),
      '/data/linked.json': JSON.stringify(linkedDocument(doc)),
      '/data/quartiles.json': JSON.stringify(quartilesDocument(doc)),
      '/data/other.json': JSON.stringify({ kind: 'olva-compiled-questionnaire' }),
    },
    headers: (path): Record<string, string> => (path.startsWith('/csp/') ? { 'content-security-policy': CSP }
      : path.startsWith('/tt/') ? { 'content-security-policy': `script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html${path.includes('dup') ? " 'allow-duplicates'" : ''}` } : {}),
    handler: async (req, res) => {
      if (!req.url?.startsWith('/slow/')) return false;
      await slowGate;
      slowGate = new Promise<void>((resolve) => { releaseSlow = resolve; });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(doc));
      return true;
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  releaseSlow();
  await browser?.close();
  await server?.close();
});

describe('<olva-results>', () => {
  it('shows the chosen group\'s questions with a chart, its words and its data table, axe-clean', async () => {
    const group = doc.groups.find((g) => g.territory.code === '35238' && g.wave === '2026')!;
    const single = group.questions.find((q): q is DistributionFigures => q.kind === 'distribution' && q.status !== 'withheld' && q.categories!.some((c) => c.suppressed === 'small'));
    expect(single, 'a distribution with a small hidden count in the generated sample').toBeDefined();
    // One question of each kind (axe over every chart of the core would take minutes).
    const shown = [single!, ...(['multiple', 'matrix', 'numeric'] as const).map((k) => group.questions.find((q) => q.kind === k && q.status !== 'withheld')!),
      group.questions.find((q) => q.id === 'nb_salaries')!, ...group.questions.filter((q) => q.status === 'withheld').slice(0, 1)];
    expect(new Set(shown.map((q) => q.kind)).size).toBe(4);
    const p = await browser.newPage();
    await p.goto(page('/loaded.html', { src: '/data/results.json', territory: 'commune:35238', wave: '2026', questions: shown.map((q) => q.id).join(' ') }));
    const loaded = await waitFor(p, 'olva-results-load');
    expect(loaded.questions).toBe(shown.length);
    const host = p.locator('olva-results');
    await expect(host.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Résultats : commune 35238, vague 2026');
    expect(await host.getByRole('status').textContent()).toBe(`Résultats chargés : ${shown.length} questions.`);
    expect(await host.getByRole('heading', { level: 3 }).allTextContents()).toEqual(shown.map((q) => q.label.fr));

    // One chart per question with figures, named by the question and described by its values.
    const drawn = shown.filter((q) => q.status !== 'withheld');
    expect(await host.getByRole('img').count()).toBe(drawn.length);
    const chart = host.getByRole('img', { name: single!.label.fr, exact: false }).first();
    const description = await chart.evaluate((svg) => svg.querySelector('desc')!.textContent);
    expect(description).toContain('< 3');
    for (const c of single!.categories!) {
      if (c.suppressed === 'small') expect(description).toContain(`${c.label!.fr} : < 3`);
      else if (!c.suppressed) expect(description).toContain(`${c.label!.fr} : ${Math.round(c.share! * 100)}\u202f%`);
    }
    await expectAccessible(p, 'loaded');

    // Every data table open: captions and header cells, still axe-clean.
    await p.evaluate(() => { for (const d of document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('details')) d.open = true; });
    const table = host.getByRole('table', { name: `${single!.label.fr} : effectifs et parts` });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Réponse', 'Effectif', 'Part', 'Intervalle de confiance à 95 %']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(single!.categories!.map((c) => c.label!.fr));
    const small = single!.categories!.findIndex((c) => c.suppressed === 'small');
    const cells = await table.getByRole('row').nth(small + 1).getByRole('cell').allTextContents();
    expect(cells[0]).toBe('< 3');
    expect(cells.slice(1).every((t) => t.includes('non publié'))).toBe(true);
    await expectAccessible(p, 'loaded, tables open');
    // No link and no focusable heading, whose looks the bundle leaves out (the survey's rules).
    expect(await host.locator('a, h2[tabindex], h3[tabindex]').count()).toBe(0);
    await p.close();
  });

  it('names the territory in its heading when the document does (a publication\'s territoryName), its level and code otherwise, the whole network by its name', async () => {
    const p = await browser.newPage();
    await p.goto(page('/loaded.html', { src: '/data/results.json', territory: 'commune:35238', wave: '2026', questions: 'employeur' }));
    await waitFor(p, 'olva-results-load');
    const heading = p.locator('olva-results').getByRole('heading', { level: 2 });
    expect(await heading.textContent()).toBe('Résultats : commune 35238, vague 2026');
    const named = { ...doc, groups: doc.groups.map((g) => ({ ...g, territoryName: g.territory.code === '35238' ? 'Rennes' : 'Ailleurs' })) };
    await p.locator('olva-results').evaluate((e, d) => { (e as unknown as { results: unknown }).results = d; }, named);
    await expect.poll(() => heading.textContent()).toBe('Résultats : Rennes, vague 2026');
    await p.locator('olva-results').evaluate((e) => e.setAttribute('lang', 'en'));
    await expect.poll(() => heading.textContent()).toBe('Results: Rennes, wave 2026');
    // The network's own results (network:all) carry no territoryName: the element names it.
    const b = builds();
    const network = await analyseResponses(stream(generate(3)), { compiled: [b.core, b.rennes, b.lorient], wave: '2026', territory: NETWORK_TERRITORY, previousWave: '2025' });
    await p.locator('olva-results').evaluate((e, d) => { e.removeAttribute('territory'); (e as unknown as { results: unknown }).results = d; }, network);
    await expect.poll(() => heading.textContent()).toBe('Results: Whole network, wave 2026');
    await p.locator('olva-results').evaluate((e) => e.setAttribute('lang', 'fr'));
    await expect.poll(() => heading.textContent()).toBe('Résultats : Ensemble du réseau, vague 2026');
    // Its previous wave pooled one territory of the three: said beside the comparison.
    const summary = p.locator('olva-results').locator('[part="summary"]');
    expect(await summary.textContent()).toContain('Le réseau du millésime 2026 réunit 3 territoires, celui de 2025 en réunissait 1, dont 1 présent aux deux');
    await p.locator('olva-results').evaluate((e) => e.setAttribute('lang', 'en'));
    await expect.poll(() => summary.textContent()).toContain('The network of wave 2026 pools 3 territories, that of 2025 pooled 1, 1 of them in both');
    await p.close();
  });

  it('says why a question is withheld: a small base, or a hidden count of its filter (FR, EN), axe-clean', async () => {
    const ids = ['nb_salaries', 'etp', 'evolution_salaries'];
    const p = await browser.newPage();
    for (const [lang, filter, base] of [
      ['fr', 'Non publié : posée sous condition, cette question révélerait un effectif masqué de sa question filtre (secret statistique).', 'Non publié : moins de 10 répondants.'],
      ['en', 'Not published: asked under a condition, this question would reveal a hidden count of its filter question (statistical confidentiality).', 'Not published: fewer than 10 respondents.'],
    ] as const) {
      await p.goto(page(`/linked-${lang}.html`, { src: '/data/linked.json', territory: 'commune:35238', wave: '2026', questions: ids.join(' '), lang }));
      await waitFor(p, 'olva-results-load');
      const notes = await p.locator('olva-results').locator('[part="base"]').allTextContents();
      expect(notes).toEqual([filter, base, base]);
    }
    await expectAccessible(p, 'withheld questions');
    await p.close();
  });

  it('shows a count\'s median and quartiles as whole numbers and a decimal\'s with its decimal, in the table and the chart', async () => {
    const p = await browser.newPage();
    await p.goto(page('/quartiles.html', { src: '/data/quartiles.json', territory: 'commune:35238', wave: '2026', questions: 'nb_adherents etp' }));
    await waitFor(p, 'olva-results-load');
    await p.evaluate(() => { for (const d of document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('details')) d.open = true; });
    const cells = (i: number) => p.locator('olva-results').getByRole('table').nth(i).getByRole('cell').allTextContents();
    // Respondents, mean, first quartile, median, third quartile.
    expect(await cells(0)).toEqual(['40', '95,7', '34', '88', '252']);
    expect(await cells(1)).toEqual(['40', '1,5', '0,3', '1,5', '2,3']);
    expect(await shadowText(p)).not.toContain('252,3');
    await p.close();
  });

  it('is used with the keyboard at 320 px: each data table opens with Enter and scrolls from the keyboard, nothing else scrolls sideways', async () => {
    const p = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await p.goto(page('/keyboard.html', { src: '/data/results.json', territory: 'commune:35238', wave: '2026', questions: 'secteur_principal employeur' }));
    await waitFor(p, 'olva-results-load');
    await p.keyboard.press('Tab');
    let focus = await focusInfo(p);
    expect(focus?.tag).toBe('summary');
    expect(focus?.text).toBe('Tableau de données');
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.querySelector('olva-results')!.shadowRoot!.querySelector('details')!.open)).toBe(true);
    await p.keyboard.press('Tab');
    focus = await focusInfo(p);
    expect(focus?.role).toBe('region');
    await p.keyboard.press('Tab');
    focus = await focusInfo(p);
    expect(focus?.tag).toBe('summary');
    // At 320 px nothing scrolls sideways: charts shrink, an open table scrolls in its own box.
    expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Only the questions asked for, in that order.
    expect(await p.locator('olva-results').getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      ['secteur_principal', 'employeur'].map((id) => doc.groups[0]!.questions.find((q) => q.id === id)!.label.fr));
    await p.close();
  });

  it('says it is loading, then shows the results, axe-clean in both states', async () => {
    const p = await browser.newPage();
    await p.goto(page('/slow.html', { src: '/slow/results.json' }));
    const host = p.locator('olva-results');
    await p.waitForFunction(() => document.querySelector('olva-results')?.shadowRoot?.querySelector('[aria-busy="true"]'));
    expect(await host.getByRole('status').textContent()).toBe('Chargement des résultats…');
    // Said, not held back: the live region is outside the busy part.
    expect(await host.getByRole('status').evaluate((el) => el.closest('[aria-busy="true"]') === null)).toBe(true);
    await expectAccessible(p, 'loading');
    releaseSlow();
    await waitFor(p, 'olva-results-load');
    expect(await host.locator('[aria-busy]').getAttribute('aria-busy')).toBe('false');
    await p.close();
  });

  it('announces a missing source, errors and empty results, in French and English, axe-clean', async () => {
    const p = await browser.newPage();
    await p.goto(page('/states.html', {}));
    const host = p.locator('olva-results');
    await p.waitForFunction(() => document.querySelector('olva-results')?.shadowRoot?.querySelector('[part="status"]'));
    expect(await host.locator('[part="status"]').textContent()).toBe('Aucun document de résultats indiqué (attribut src).');
    await expectAccessible(p, 'no src');
    for (const [attrs, expected, kind] of [
      [{ src: '/data/absent.json' }, 'Ces résultats ne sont pas publiés (ou ne le sont plus).', 'alert'],
      [{ src: '/data/other.json', lang: 'en' }, 'This file is not an OLVA results document.', 'alert'],
      [{ src: '/data/empty.json' }, 'Aucun résultat publié pour ce territoire et cette vague.', 'status'],
      [{ src: '/data/results.json', territory: 'commune:99999', lang: 'en' }, 'No published results for this territory and wave.', 'status'],
    ] as const) {
      // One page, its attributes changed: the element follows them (and axe is injected once).
      await p.evaluate((a) => {
        (window as any).__events.length = 0;
        const el = document.querySelector('olva-results')!;
        for (const name of ['lang', 'territory']) el.removeAttribute(name);
        for (const [k, v] of Object.entries(a)) el.setAttribute(k, v as string);
      }, attrs);
      if (kind === 'alert') {
        await waitFor(p, 'olva-results-error');
        expect(await host.getByRole('alert').textContent()).toBe(expected);
      } else {
        await waitFor(p, 'olva-results-load');
        expect(await host.getByRole('status').textContent()).toBe(expected);
        expect(await host.getByRole('img').count()).toBe(0);
      }
      await expectAccessible(p, attrs.src);
    }
    await p.close();
  });

  it('runs beside the survey under a CSP naming its Trusted Types policy, lit-html \'allow-duplicates\' (as the elements\' README says), not without', async () => {
    const both = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Résultats</title><link rel="icon" href="data:,"><script src="/record.js"></script>
<script type="module" src="/embed/olva.js"></script><script type="module" src="/embed/olva-results.js"></script></head>
<body><main><h1>Vie associative</h1><olva-survey></olva-survey><olva-results src="/data/results.json" territory="commune:35238" wave="2026" questions="employeur"></olva-results></main></body></html>`;
    server.setPage('/tt/dup.html', both);
    server.setPage('/tt/single.html', both);
    const p = await browser.newPage();
    await p.goto(`${server.origin}/tt/dup.html`);
    await waitFor(p, 'olva-results-load');
    expect(await p.evaluate(() => [!!customElements.get('olva-survey'), !!customElements.get('olva-results')])).toEqual([true, true]);
    expect(await p.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    // Without 'allow-duplicates' the second bundle's policy is refused and its element never registers.
    await p.goto(`${server.origin}/tt/single.html`);
    await p.waitForFunction(() => customElements.get('olva-survey') || customElements.get('olva-results'));
    await p.waitForFunction(() => (window as any).__cspViolations.length > 0);
    expect(await p.evaluate(() => [!!customElements.get('olva-survey'), !!customElements.get('olva-results')]).then((r) => r.filter(Boolean).length)).toBe(1);
    await p.close();
  });

  it('keeps hostile labels as text', async () => {
    const p = await browser.newPage();
    const dialogs: string[] = [];
    p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await p.goto(page('/hostile.html', { src: '/data/hostile.json', territory: 'commune:35238', wave: '2026' }));
    await waitFor(p, 'olva-results-load');
    await p.evaluate(() => { for (const d of document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('details')) d.open = true; });
    const state = await p.evaluate(() => {
      const root = document.querySelector('olva-results')!.shadowRoot!;
      return {
        pwned: (window as any).__olvaPwned ?? null,
        dangerous: root.querySelectorAll('img, script, iframe, foreignObject').length,
        handlers: [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      };
    });
    expect(state).toEqual({ pwned: null, dangerous: 0, handlers: [] });
    expect(dialogs).toEqual([]);
    expect(await shadowText(p)).toContain(HOSTILE);
    await p.close();
  });

  it('runs under a strict CSP with Trusted Types, without a violation', async () => {
    const p = await browser.newPage();
    const errors: string[] = [];
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(e.message));
    const response = await p.goto(page('/csp/results.html', { src: '/data/results.json', territory: 'commune:35238', wave: '2026', lang: 'en' }, '/theme.css'));
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    // The policy is enforced: an HTML string sink throws.
    expect(await p.evaluate(() => { try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return 'allowed'; } catch { return 'blocked'; } })).toBe('blocked');
    await p.evaluate(() => { (window as any).__cspViolations.length = 0; });
    errors.length = 0;
    await waitFor(p, 'olva-results-load');
    await p.evaluate(() => { for (const d of document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('details')) d.open = true; });
    const host = p.locator('olva-results');
    expect(await host.getByRole('img').count()).toBeGreaterThan(5);
    expect(await host.getByRole('heading', { level: 2 }).textContent()).toBe('Results: municipality 35238, wave 2026');
    // The charts' colours come from style sheets (no inline style): the site's --olva-chart-bar
    // fills the bars, its --olva-color-text colours the text.
    const fill = await host.locator('rect.olva-chart-bar').first().evaluate((r) => getComputedStyle(r).fill);
    expect(fill).toBe('rgb(138, 21, 56)');
    expect(await host.getByRole('heading', { level: 2 }).evaluate((h) => getComputedStyle(h).color)).toBe('rgb(34, 34, 68)');
    // One adopted style sheet, no <style> element.
    expect(await host.evaluate((e) => [e.shadowRoot!.adoptedStyleSheets.length, e.shadowRoot!.querySelectorAll('style').length])).toEqual([1, 0]);
    expect(await p.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('falls back to a <style> with the page\'s litNonce where a style sheet cannot be adopted, as Lit does', async () => {
    const p = await browser.newPage();
    await p.addInitScript(() => {
      delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
      (window as any).litNonce = 'n0nce';
    });
    await p.goto(page('/no-adopt.html', { src: '/data/results.json', territory: 'commune:35238', wave: '2026' }, '/theme.css'));
    await waitFor(p, 'olva-results-load');
    const host = p.locator('olva-results');
    expect(await host.evaluate((e) => {
      const style = e.shadowRoot!.querySelector('style');
      return { nonce: style?.nonce, first: e.shadowRoot!.firstElementChild === style, adopted: e.shadowRoot!.adoptedStyleSheets.length };
    })).toEqual({ nonce: 'n0nce', first: true, adopted: 0 });
    // The same rules apply: the site's tokens, the charts' properties, the element's own rules.
    expect(await host.getByRole('heading', { level: 2 }).evaluate((h) => getComputedStyle(h).color)).toBe('rgb(34, 34, 68)');
    expect(await host.locator('rect.olva-chart-bar').first().evaluate((r) => getComputedStyle(r).fill)).toBe('rgb(138, 21, 56)');
    expect(await host.locator('p.note').first().evaluate((n) => getComputedStyle(n).fontSize)).toBe('14px');
    await p.close();
  });
});

describe('the olva-results bundle', () => {
  it('is one file within its budget of 15 KB gzipped', () => {
    const gzipped = gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(15 * 1024);
  });

  it('declares the private theme properties its rules read, and only those, each by a short name', () => {
    // The build drops the shared tokens' properties that results never reads, then renames the
    // others --_0, --_1… (rollup.config.mjs).
    const code = readFileSync(BUNDLE, 'utf8');
    const names = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1]))].sort();
    const read = names(/var\(--_([a-z0-9-]+)/g);
    expect(read.length).toBeGreaterThan(10);
    expect(names(/--_([a-z0-9-]+):/g)).toEqual(read);
    expect(read.filter((name) => name.length > 1)).toEqual([]);
  });

  it('leaves out the survey\'s rules for links and focused headings: it draws no link and focuses no heading', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toMatch(/[}`]a\{color:/);
    expect(code).not.toContain('h2:focus');
  });

  it('renames its internal members, none of which is a key of a results document', async () => {
    // A renamed member read from the fetched JSON would always be undefined.
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, w] of Object.entries(v)) { keys.add(k); walk(w); }
    };
    for (const d of [doc, linkedDocument(doc), quartilesDocument(doc), await analysedResults()]) walk(d);
    const names: string[] = INTERNAL_PROPERTIES;
    expect(names.filter((name) => keys.has(name))).toEqual([]);
    const code = readFileSync(BUNDLE, 'utf8');
    expect(names.filter((name) => new RegExp(`[.{,]${name}\\b`).test(code))).toEqual([]);
  });
});
