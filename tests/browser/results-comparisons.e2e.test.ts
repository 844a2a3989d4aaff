/**
 * <olva-results> showing the comparisons a results document carries, in real Chromium: a
 * document made by `analyseResponses` (as `olva analyse --previous-wave 2025` makes it) over
 * generated responses of two waves, with the national references and the network. Each
 * comparison beside its question's chart, in the chart's description and in a data table;
 * hidden and withheld figures staying hidden; the `comparisons` attribute; French and English;
 * axe-core on each state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GroupComparisons, QuestionFigures, ResultsDocument } from '@olva/analysis';
import { analysedResults } from '@olva/test-support/analysed-results';
import { launchChromium } from '@olva/test-support/chromium';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { REPO, requireBuild, AXE_JS } from '@olva/test-support/olva-site';
import { seriousViolations } from '@olva/test-support/axe';

const BUNDLE = join(REPO, 'packages/results-element/dist/olva-results.js');

let browser: Browser;
let server: StaticServer;
let doc: ResultsDocument;
let c: GroupComparisons;
const pct = (x: number, lang = 'fr') => `${Math.round(x * 100)}${lang === 'en' ? '%' : '\u202f%'}`;
const question = (id: string) => doc.groups[0]!.questions.find((q) => q.id === id)!;
/** The p-value as the data table writes it. */
const pText = (p: number | null) => (p === null ? '' : p < 0.001 ? ' (p < 0,001)' : ` (p = ${new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 2 }).format(p)})`);
const HOSTILE = '<img src=x onerror="window.__olvaPwned=1"><script>window.__olvaPwned=2</script>';
const label = (q: QuestionFigures, code: string) => ('categories' in q ? q.categories : undefined)?.find((x) => x.code === code)?.label?.fr ?? code;

/** A page showing one <olva-results> with these attributes. */
function page(path: string, attributes: Record<string, string>): string {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${v}"`).join('');
  server.setPage(path, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Résultats</title><link rel="icon" href="data:,">
<script type="module" src="/embed/olva-results.js"></script></head><body><main><h1>Vie associative</h1><olva-results${attrs}></olva-results></main></body></html>`);
  return server.origin + path;
}

async function open(p: Page, path: string, attributes: Record<string, string>): Promise<void> {
  await p.goto(page(path, attributes));
  await p.waitForFunction(() => document.querySelector('olva-results')?.shadowRoot?.querySelector('h3'), undefined, { timeout: 15_000 });
  await p.evaluate(() => { for (const d of document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('details')) d.open = true; });
}

async function expectAccessible(p: Page, state: string): Promise<void> {
  const violations = await seriousViolations(p);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The sentences beside a question's chart. */
const sentences = (p: Page, index: number) => p.locator('olva-results').locator('section').nth(index).locator('[part="comparison"]').allTextContents();

/** The rows of a question's comparison table: [row header, here, other, verdict]. */
const comparisonRows = (p: Page, name: string) => p.locator('olva-results').getByRole('table', { name }).evaluate((t) => [...t.querySelectorAll('tbody tr')]
  .map((r) => [...r.children].map((cell) => cell.textContent!.replace(/[ \n\t]+/g, ' ').trim())));

/**
 * The markers a question's chart must carry, as "dashes x": a tick per compared share of a
 * shown category (the chart is 560 wide, its bars 440), and a legend sample (x = 8) per kind.
 */
function expectedMarks(d: ResultsDocument, id: string): string[] {
  const g = d.groups[0]!;
  const q = g.questions.find((x) => x.id === id)!;
  const shown = new Set(('categories' in q ? q.categories ?? [] : []).filter((x) => x.count !== null && !x.suppressed).map((x) => x.code));
  const x = (share: number) => String(Math.round(share * 440 * 100) / 100);
  const kinds: [string, string[]][] = [
    ['none', g.comparisons!.previousWave!.shares.flatMap((s) => {
      const codes = s.currentCodes?.length ? s.currentCodes : [s.code];
      return s.question === id && !s.row && codes.length === 1 && shown.has(codes[0]!) && s.current && s.previous ? [x(s.previous.share)] : [];
    })],
    ['4 2', g.comparisons!.national!.figures.flatMap((f) => (f.question === id && f.codes.length === 1 && shown.has(f.codes[0]!) && f.territory && f.national.share !== undefined ? [x(f.national.share)] : []))],
    ['1.5 2', g.comparisons!.network!.shares.flatMap((s) => (s.question === id && !s.row && shown.has(s.code) && s.territory && s.network ? [x(s.network.share)] : []))],
  ];
  return kinds.flatMap(([dash, xs]) => (xs.length ? [...xs, '8'].map((v) => `${dash} ${v}`) : [])).sort();
}

/** The markers a chart carries, as "dashes x". */
const chartMarks = (p: Page, name: string) => p.locator('olva-results').getByRole('img', { name, exact: false })
  .evaluate((svg) => [...svg.querySelectorAll('.olva-chart-mark')].map((t) => `${t.getAttribute('stroke-dasharray') ?? 'none'} ${/^M([\d.]+) /.exec(t.getAttribute('d')!)![1]}`).sort());

/**
 * The document with `employeur` withheld after the analysis (its comparisons still carry
 * shares, which must not show), and hostile text in the references' citation and the crosswalk's reason.
 */
function tampered(d: ResultsDocument): ResultsDocument {
  const t = structuredClone(d);
  const g = t.groups[0]!;
  for (const s of Object.values(g.comparisons!.national!.references.sources)) s.citation = HOSTILE;
  for (const s of g.comparisons!.previousWave!.shares) if (s.reason) s.reason = { fr: HOSTILE };
  // genre_presidence as in a wave with fewer than 3 other territories: no network figure at all.
  for (const s of g.comparisons!.network!.shares) if (s.question === 'genre_presidence') Object.assign(s, { network: null, p: null, notable: null, missing: 'too-few-territories' });
  // Sport hidden in the figures while the comparisons still give its share: no share may show.
  const sector = g.questions.find((q) => q.id === 'secteur_principal')!;
  if ('categories' in sector) Object.assign(sector.categories!.find((x) => x.code === 'sport')!, { count: null, share: null, interval: null, suppressed: 'small' });
  g.questions = g.questions.map((f) => (f.id !== 'employeur' ? f : { id: f.id, type: f.type, label: f.label, conditional: false, kind: f.kind, status: 'withheld', withheldReason: 'small-base' } as QuestionFigures));
  return t;
}

beforeAll(async () => {
  requireBuild([BUNDLE]);
  doc = await analysedResults();
  c = doc.groups[0]!.comparisons!;
  server = await startStaticServer({
    files: { '/embed/olva-results.js': BUNDLE, '/vendor/axe.min.js': AXE_JS },
    pages: { '/data/results.json': JSON.stringify(doc), '/data/tampered.json': JSON.stringify(tampered(doc)) },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('<olva-results> comparisons', () => {
  it('shows the previous wave, the national references and the network beside each question, in its chart description and its data table, axe-clean', async () => {
    const sector = question('secteur_principal');
    const p = await browser.newPage();
    await open(p, '/fr.html', { src: '/data/results.json', questions: 'secteur_principal situation_financiere' });
    const host = p.locator('olva-results');
    expect(await host.locator('[part="summary"]').textContent()).toContain(
      `Écart notable : bases d’au moins ${doc.rules.comparison.minBase} réponses et test significatif au seuil de ${pct(doc.rules.comparison.alpha)}.`);

    // Beside the chart: one sentence per comparison, in order, with the document's shares and verdicts.
    const [previous, national, network] = await sentences(p, 0);
    expect(previous).toMatch(/^Vague 2025 \(même territoire, catégories harmonisées entre versions du tronc commun\) : /);
    const notable = c.previousWave!.shares.filter((s) => s.question === sector.id && s.notable);
    for (const s of notable) expect(previous).toContain(`${label(sector, s.code)} : ${pct(s.current!.share)} ici contre ${pct(s.previous!.share)}, écart notable`);
    if (!notable.length) expect(previous).toContain('aucun écart notable');
    const figures = c.national!.figures.filter((f) => f.question === sector.id);
    expect(figures.length).toBeGreaterThan(1);
    expect(national).toContain('Tchernonog et Lionel Prouteau');
    expect(national).toContain(', données 2017)');
    // Each figure named by its own label, which does not repeat the question ("Secteur principal : sport").
    expect(national).not.toMatch(/Secteur principal/i);
    for (const f of figures) {
      expect(national).toContain(`${f.label.fr} : ${pct(f.territory!.share)} ici contre ${pct(f.national.share!)}, ${f.notable ? 'écart notable' : f.notable === false ? 'pas d’écart notable' : 'sans verdict'}`);
      if (f.categoriesDiffer) expect(national).toContain(f.categoriesDiffer.fr.replace(/\.$/, ''));
    }
    // The territories pooled for the question, not all those with responses.
    const pooled = Math.max(...c.network!.shares.filter((s) => s.question === sector.id && s.network).map((s) => s.territories));
    expect(network).toMatch(new RegExp(`^Réseau \\(les ${pooled} autres territoires de la vague 2026 qui la publient, regroupés\\) : `));
    // A question the crosswalk declares not comparable says so, and why.
    const broken = c.previousWave!.shares.find((s) => s.question === 'situation_financiere')!;
    expect(broken.missing).toBe('not-comparable');
    expect((await sentences(p, 1))[0]).toBe(`Vague 2025 (même territoire, catégories harmonisées entre versions du tronc commun) : ${question('situation_financiere').label.fr} : non comparable (${broken.reason!.fr.replace(/\.$/, '')}).`);

    // The chart's description says the same.
    const description = await host.getByRole('img', { name: sector.label.fr, exact: false }).evaluate((svg) => svg.querySelector('desc')!.textContent);
    for (const sentence of [previous, national, network]) expect(description).toContain(sentence);

    // The chart marks every compared share of a shown category (a line style and a shape per
    // comparison, named in its legend and its description).
    const marks = await chartMarks(p, sector.label.fr);
    expect(marks).toEqual(expectedMarks(doc, sector.id));
    expect(marks.filter((m) => m.startsWith('4 2 ')).length).toBe(figures.filter((f) => f.codes.length === 1).length + 1);
    expect(description).toContain('Repères sur les barres : ▼ Vague 2025 (même territoire');
    expect(description).toContain('◆ France (Viviane Tchernonog');
    expect(description).toContain(`● Réseau (les ${c.network!.otherTerritories} autres territoires`);

    // The data table: a group of rows per comparison, a row per line of the document.
    const name = `${sector.label.fr} : comparaisons`;
    expect(await host.getByRole('table', { name }).getByRole('columnheader').allTextContents()).toEqual(['Réponse', 'Ici', 'Comparaison', 'Écart']);
    const rows = await comparisonRows(p, name);
    const lines = c.network!.shares.filter((s) => s.question === sector.id);
    const start = rows.findIndex((r) => r[0]!.startsWith('Réseau'));
    expect(rows.slice(start + 1, start + 1 + lines.length)).toEqual(lines.map((s) => [
      label(sector, s.code),
      s.territory ? pct(s.territory.share) : '—non publié',
      s.network ? pct(s.network.share) : '—non publié',
      (s.missing === 'hidden' ? 'masqué (secret statistique)' : s.missing === 'too-few-territories' ? 'moins de 3 autres territoires la publient'
        : s.notable === null ? `sans verdict (base de moins de ${doc.rules.comparison.minBase})` : s.notable ? 'écart notable' : 'pas d’écart notable') + pText(s.p),
    ]));
    expect(rows.filter((r) => r.length === 1).map((r) => r[0]!.split(' (')[0])).toEqual(['Vague 2025', 'France', 'Réseau']);
    await expectAccessible(p, 'comparisons, tables open');
    await p.close();
  });

  it('keeps hidden figures hidden: a hidden line shows no share, a withheld question no comparison', async () => {
    // In the generated document some network lines are hidden (a count under minCell here or pooled).
    const hidden = c.network!.shares.filter((s) => s.missing === 'hidden');
    expect(hidden.length).toBeGreaterThan(0);
    const q = question(hidden[0]!.question);
    const p = await browser.newPage();
    await open(p, '/hidden.html', { src: '/data/tampered.json', questions: `${q.id} employeur` });
    const rows = await comparisonRows(p, `${q.label.fr} : comparaisons`);
    const start = rows.findIndex((r) => r[0]!.startsWith('Réseau'));
    for (const s of hidden.filter((x) => x.question === q.id)) {
      const row = rows.slice(start).find((r) => r[0]!.endsWith(label(q, s.code)));
      expect(row, s.code).toEqual([row![0], s.territory ? pct(s.territory.share) : '—non publié', '—non publié', 'masqué (secret statistique)']);
    }
    // A count hidden in the question's figures has no share in any comparison row.
    const suppressed = ('categories' in q ? q.categories ?? [] : []).filter((x) => x.count === null).map((x) => label(q, x.code));
    for (const r of rows.filter((r) => suppressed.includes(r[0]!))) expect(r[1]).toBe('—non publié');
    // employeur is withheld in this document: its comparisons (national, network) are not shown.
    expect(c.national!.figures.some((f) => f.question === 'employeur' && f.territory)).toBe(true);
    const employeur = p.locator('olva-results').locator('section').nth(1);
    expect(await employeur.locator('[part="comparison"]').count()).toBe(0);
    expect(await employeur.getByRole('table').count()).toBe(0);
    expect(await employeur.textContent()).not.toMatch(/%/);
    // Text of the document stays text.
    await open(p, '/hostile.html', { src: '/data/tampered.json', questions: 'secteur_principal situation_financiere genre_presidence' });
    const state = await p.evaluate(() => ({
      pwned: (window as any).__olvaPwned ?? null,
      dangerous: document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('img, script').length,
      text: document.querySelector('olva-results')!.shadowRoot!.textContent,
    }));
    expect(state.pwned).toBeNull();
    expect(state.dangerous).toBe(0);
    expect(state.text!.split(HOSTILE).length).toBeGreaterThan(2);
    const sector = question('secteur_principal');
    const sport = [label(sector, 'sport'), c.national!.figures.find((f) => f.codes.join() === 'sport')!.label.fr];
    const sportRows = (await comparisonRows(p, `${sector.label.fr} : comparaisons`)).filter((r) => sport.includes(r[0]!));
    expect(sportRows.length).toBe(3);
    for (const r of sportRows) expect(r[1]).toBe('—non publié');
    for (const sentence of await sentences(p, 0)) expect(sentence).not.toMatch(new RegExp(`(${sport.join('|')}) : \\d`));
    // Nor does the chart: no marker on the hidden sport bar, the others still drawn.
    const marks = await chartMarks(p, sector.label.fr);
    expect(marks).toEqual(expectedMarks(tampered(doc), sector.id));
    expect(marks.length).toBeLessThan(expectedMarks(doc, sector.id).length);
    const sportDesc = await p.locator('olva-results').getByRole('img', { name: sector.label.fr, exact: false }).evaluate((svg) => svg.querySelector('desc')!.textContent!);
    expect(sportDesc).toContain(`${label(sector, 'sport')} : < ${doc.rules.minCell}.`);
    // Nothing compared: the sentence says why rather than "no notable difference".
    expect((await sentences(p, 2)).at(-1)).toBe('Réseau (les autres territoires de la vague 2026 qui la publient, regroupés) : moins de 3 autres territoires la publient.');
    await expectAccessible(p, 'hidden and withheld');
    await p.close();
  });

  it('shows only the comparisons asked for (comparisons attribute), in English with lang="en"', async () => {
    const sector = question('secteur_principal');
    const p = await browser.newPage();
    await open(p, '/none.html', { src: '/data/results.json', questions: 'secteur_principal', comparisons: 'none' });
    expect(await sentences(p, 0)).toEqual([]);
    expect(await p.locator('olva-results').getByRole('table').count()).toBe(1);
    expect(await p.locator('olva-results').locator('[part="summary"]').textContent()).not.toContain('notable');

    await open(p, '/en.html', { src: '/data/results.json', questions: 'secteur_principal', comparisons: 'network previous-wave', lang: 'en' });
    const said = await sentences(p, 0);
    expect(said.map((t) => t.split(' (')[0])).toEqual(['Wave 2025', 'Network']);
    expect(said[1]).toContain(`the ${Math.max(...c.network!.shares.filter((s) => s.question === sector.id && s.network).map((s) => s.territories))} other territories of wave 2026 that publish it, pooled`);
    const notable = c.network!.shares.filter((s) => s.question === sector.id && s.notable);
    for (const s of notable) expect(said[1]).toContain(`${s.code === '' ? '' : (sector as { categories?: { code: string; label?: { en?: string; fr: string } }[] }).categories!.find((x) => x.code === s.code)!.label!.en ?? label(sector, s.code)}: ${pct(s.territory!.share, 'en')} here vs ${pct(s.network!.share!, 'en')}, notable difference`);
    const host = p.locator('olva-results');
    expect(await host.getByRole('table', { name: `${sector.label.en ?? sector.label.fr}: comparisons` }).getByRole('columnheader').allTextContents()).toEqual(['Answer', 'Here', 'Comparison', 'Difference']);
    await expectAccessible(p, 'english, two comparisons');
    await p.close();
  });

  it('says when the territory has no results in the wave compared with', async () => {
    const none = await analysedResults(11, 120, '2024');
    expect(none.groups[0]!.comparisons!.previousWave).toEqual({ wave: '2024', available: false, crosswalk: null, shares: [] });
    server.setPage('/data/no-previous.json', JSON.stringify(none));
    const p = await browser.newPage();
    await open(p, '/no-previous.html', { src: '/data/no-previous.json', questions: 'secteur_principal' });
    expect(await p.locator('olva-results').locator('[part="summary"]').textContent()).toContain('Pas de résultats de ce territoire à la vague 2024.');
    expect((await sentences(p, 0)).map((t) => t.split(' (')[0])).toEqual(['France', 'Réseau']);
    await expectAccessible(p, 'no previous wave');
    await p.close();
  });
});
