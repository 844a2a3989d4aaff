/**
 * The collection cockpit (/suivi/) in real Chromium, on the demo's configuration and seeded
 * collection: sign-in with a token kept in session storage, a territory's figures checked
 * against the API, a planted duplicate compared in words, resolved (the export loses it) and undone, the
 * national network, scopes, tokens of fewer rights (each view only to a token that may read
 * it, and why not; a token made only to publish, its publications alone), the paper entry and its way back, English, the keyboard, a phone’s width
 * (a table that scrolls says so), the CSP, axe on every view, and the display criteria of RGAA
 * that axe does not check (focus rings, reflow at 320 px, text spacing at 200 %, reduced motion).
 * Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AXE_JS, EMBED_JS, REPO } from '@olva/test-support/olva-site';
import { seriousViolations } from '@olva/test-support/axe';
import { cutText, focusRings, motion, reflowProblems, spaceText, zoomText } from '@olva/test-support/display-checks';
import { COCKPIT_CSP, seedCockpitDemo } from '@olva/collector';
import { demoTokens } from '@olva/test-support/demo-collector';
import { demoInChromium } from '@olva/test-support/demo-chromium';
import { answeredPayload } from '@olva/test-support/answered-payload';
import { parseCsv } from '@olva/test-support/export-fixtures';

const TOKENS = demoTokens();
const token = (name: string): string => TOKENS[name]!;
const RENNES = token('rennes');
const NATIONAL = token('rnma-national');

/** Records CSP violations before any page script runs. */
const RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`;

// A Rennes volunteer who may read the duplicates but not set them aside (no export right).
const READER = 'demo-rennes-lecture-3a9c';
// Tokens holding one right each, of those the cockpit reads: the duplicates only, the figures
// only, and neither (a token made to publish results: a mairie's communication officer).
const ONLY_READ = 'demo-rennes-doublons-7e21';
const ONLY_STATS = 'demo-rennes-chiffres-5b08';
const ONLY_PUBLISH = 'demo-rennes-publication-c4d6';
// None of the three: a token made to erase responses on request.
const ONLY_ERASE = 'demo-rennes-effacement-81f0';
const RENNES_SCOPE = [{ level: 'commune' as const, code: '35238' }];
// A regional network's token: two dozen departements.
const REGIONAL = 'demo-reseau-regional-d41e';
// The national network's publisher: scope « all », the network's own results (network:all).
const NETWORK_PUBLISHER = 'demo-rnma-publication-9f3b';
// A national token that reads the figures and may not publish.
const NATIONAL_STATS = 'demo-rnma-chiffres-2b7e';
// The national network's communication officer: publishes the network's results, reads no figure.
const NETWORK_ONLY_PUBLISH = 'demo-rnma-communication-6a1d';
// A Rennes response of 2026 whose respondent confirmed two warnings (set in `prepare`).
let twoWarnings = '';
const DEPARTEMENTS = [...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')), '21', '22', '23', '24', '25'];
// The cockpit is part of the collector itself; the site's files give it the paper entry page.
const demo = demoInChromium({
  site: true,
  extraTokens: [
    { name: 'rennes-lecture', token: READER, scope: { territories: RENNES_SCOPE, rights: ['read', 'stats'] } },
    { name: 'rennes-doublons', token: ONLY_READ, scope: { territories: RENNES_SCOPE, rights: ['read'] } },
    { name: 'rennes-chiffres', token: ONLY_STATS, scope: { territories: RENNES_SCOPE, rights: ['stats'] } },
    { name: 'rennes-publication', token: ONLY_PUBLISH, scope: { territories: RENNES_SCOPE, rights: ['publish'] } },
    { name: 'rennes-effacement', token: ONLY_ERASE, scope: { territories: RENNES_SCOPE, rights: ['erase'] } },
    { name: 'rnma-publication', token: NETWORK_PUBLISHER, scope: { territories: 'all', rights: ['stats', 'publish'] } },
    { name: 'rnma-chiffres', token: NATIONAL_STATS, scope: { territories: 'all', rights: ['stats'] } },
    { name: 'rnma-communication', token: NETWORK_ONLY_PUBLISH, scope: { territories: 'all', rights: ['publish'] } },
    { name: 'reseau-regional', token: REGIONAL, scope: { territories: DEPARTEMENTS.map((code) => ({ level: 'departement', code })), rights: ['read', 'stats'] } },
  ],
  requires: [path.join(REPO, 'packages/collector/dist/index.js'), path.join(REPO, 'build/questionnaires/olva-core/questionnaire.json'), EMBED_JS],
  prepare: async (c) => {
    expect(await seedCockpitDemo(c)).toBeGreaterThan(0);
    // An earlier wave in Rennes, with no expected distribution and every sector answered once:
    // nothing left to chase.
    const core = c.registry.accepted().find((b) => b.compiled.extension === null)!.compiled;
    const sectors = core.sections.flatMap((s) => s.questions).find((q) => q.id === 'secteur_principal') as { choices: { code: string }[] };
    for (const [i, { code }] of sectors.choices.entries()) {
      const payload = answeredPayload(core, { level: 'commune', code: '35238' }, '2025');
      Object.assign(payload.answers, { secteur_principal: code }, code === 'other' ? { secteur_principal_other: 'Pétanque' } : {},
        // Two of them gave one RNA number: last year's probable duplicate.
        i < 2 ? { numero_rna: 'W353001234' } : {});
      expect((await c.app.inject({ method: 'POST', url: '/v1/responses', payload })).statusCode).toBe(201);
    }
    // Its main sector among the secondary ones, and more leaders than members: two warnings confirmed.
    const warned = answeredPayload(core, { level: 'commune', code: '35238' }, '2026');
    Object.assign(warned.answers, { nom_association: 'Comité des fêtes de Bourg-l’Évêque', secteur_principal: 'culture', secteurs_secondaires: ['culture'], nb_dirigeants: 9, nb_adherents: 3 });
    expect((await c.app.inject({ method: 'POST', url: '/v1/responses', payload: warned })).statusCode).toBe(201);
    twoWarnings = warned.submissionId;
  },
});

const api = async (p: string, tok: string) => {
  const res = await fetch(`${demo.base}${p}`, { headers: { authorization: `Bearer ${tok}` } });
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() as any : await res.text() };
};
const exportRows = async (tok: string) => (await api('/v1/exports/responses.csv?questionnaire=olva-core&wave=2026', tok)).body.trim().split('\n').length - 1;

/** axe on the page as it is (axe evaluated through the devtools protocol: the page's CSP forbids injected scripts). */
async function expectAxeClean(page: Page, view: string, within?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE_JS, 'utf8'));
  expect(await seriousViolations(page, within), view).toEqual([]);
}

async function openPage(viewport = { width: 1200, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await demo.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(RECORDER);
  const response = await page.goto(`${demo.base}/suivi/`);
  expect(response?.headers()['content-security-policy']).toBe(COCKPIT_CSP);
  await page.waitForSelector('#token');
  return { page, errors };
}

/** Closes a page after checking it broke no CSP rule and threw nothing. */
async function closeClean(page: Page, errors: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

async function signIn(page: Page, value: string): Promise<void> {
  await page.focus('#token');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
/** A territory as the page names it: « Rennes (35238) ». */
const territoryWords = (t: { name: string; code: string }) => `${t.name} (${t.code})`;

it('lets the Rennes coordinator sign in, read the figures the API gives, and see no other territory', async () => {
  const { page, errors } = await openPage();
  expect(await page.title()).toBe('Se connecter — Suivi de la collecte — OLVA');
  // Where a token comes from, for a coordinator who has none yet.
  expect(await text(page, '#token-help')).toMatch(/^Votre jeton vous est remis par la personne qui administre le collecteur de votre réseau\. /);
  await expectAxeClean(page, 'sign-in');
  await signIn(page, 'not-a-token-0000');
  await page.waitForSelector('#sign-in-error');
  expect(await text(page, '[role="alert"]')).toMatch(/pas reconnu/);
  await expectAxeClean(page, 'sign-in error');

  // The collector out of reach: said so, not « not recognised », which had a good token doubted.
  await page.route('**/v1/cockpit/me', (route) => route.abort('connectionrefused'));
  await page.fill('#token', '');
  await signIn(page, RENNES);
  await page.waitForFunction(() => !/pas reconnu/.test(document.getElementById('sign-in-error')?.textContent ?? 'pas reconnu'));
  expect(await text(page, '#sign-in-error')).toBe('Le collecteur ne répond pas : vérifiez la connexion, puis réessayez.');
  expect(await page.evaluate(() => sessionStorage.getItem('olva-suivi-token'))).toBeNull();
  await page.unroute('**/v1/cockpit/me');

  await page.fill('#token', '');
  await signIn(page, RENNES);
  await page.waitForSelector('[data-figure="responses"]');
  // The token is in the tab's session storage only.
  expect(page.url()).not.toContain(RENNES);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.evaluate(() => sessionStorage.getItem('olva-suivi-token'))).toBe(RENNES);
  // Each view its own page title, the view's heading first (RGAA 8.6).
  expect(await page.title()).toBe('Territoire : Rennes (35238) — Suivi de la collecte — OLVA');
  // Who is signed in, by the token's name, never its secret, and the territories it covers by name.
  expect(await text(page, '#who')).toBe('Connecté avec le jeton « rennes » — territoire : Rennes (35238)');
  expect(await page.locator('header').innerText()).not.toContain(RENNES);
  // Its territory named once in the bar, as the link to its figures (the current page here).
  expect((await page.locator('header').innerText()).split('Rennes (35238)')).toHaveLength(2);
  expect(await page.locator('#who a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')])))
    .toEqual([['Rennes (35238)', '#territoire=commune:35238', 'page']]);

  const view = (await api('/v1/cockpit/territory', RENNES)).body;
  expect(await page.locator('h1').textContent()).toContain('Rennes');
  expect(await text(page, '[data-figure="responses"]')).toBe(String(view.responses));
  expect(await text(page, '[data-figure="target"]')).toBe(new Intl.NumberFormat('fr-FR').format(view.target));
  expect(await text(page, '[data-figure="paper"]')).toBe(String(view.paper.keyedIn));
  const counts = await page.locator('#sectors-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-code'), r.querySelector('[data-figure="count"]')!.textContent]));
  expect(counts).toEqual(view.sectors.lines.map((l: any) => [l.code, String(l.count)]));
  // Gaps in points, written the French way: a decimal comma and a sign.
  const gaps = await page.locator('#sectors-table [data-figure="gap"]').allTextContents();
  expect(gaps).toEqual(view.sectors.lines.map((l: any) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(l.gap * 100)));
  expect(gaps.some((g) => /^[+-]\d+,\d$/.test(g))).toBe(true);
  expect(await page.locator('#chase li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(view.sectors.chase);
  expect(view.sectors.chase.length).toBeGreaterThan(0);
  // Each with what it has of its quota: furthest behind first is by share, not by count.
  const chased = view.sectors.chase.map((code: string) => view.sectors.lines.find((l: any) => l.code === code));
  expect(await page.locator('#chase li').allTextContents()).toEqual(chased.map((l: any) => `${l.label.fr} : ${l.missing} réponses manquantes (déjà ${l.count} sur ${l.count + l.missing})`));
  expect(await page.locator('#register-note').textContent()).toMatch(/surestime/);
  expect(await page.locator('#paper-entry').getAttribute('href')).toBe(view.paper.entry);
  // The confirmed coherence warnings, as the API lists them (the seed has some: a main sector
  // also given as a secondary one), each with its answers on demand.
  const warnings = (await api(`/v1/cockpit/warnings?territory=commune:35238&wave=${view.wave}`, RENNES)).body;
  expect(warnings.total).toBeGreaterThan(0);
  expect(await page.locator('#warnings-table > tbody > tr[data-submission]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-submission'))))
    .toEqual(warnings.listed.map((w: { submissionId: string }) => w.submissionId));
  // Each by a readable label, not its identifier; the rennes token lacks export-personal: no
  // name, said as hidden, none in the page nor in what the collector sent.
  expect(warnings.personal).toBe('left-out');
  expect(JSON.stringify(warnings)).not.toMatch(/Voix du Thabor|Prévalaye/);
  expect(await page.locator('#warnings-table > tbody > tr[data-submission] > th').allTextContents())
    .toEqual(warnings.listed.map((_: unknown, i: number) => `Réponse ${i + 1} (nom masqué)`));
  expect(await page.locator('#warnings-table').innerText()).not.toContain(warnings.listed[0].submissionId);
  // Two warnings on one response, joined the French way.
  const both = warnings.listed.find((w: { submissionId: string }) => w.submissionId === twoWarnings);
  expect(both.checks.map((c: { id: string }) => c.id).sort()).toEqual(['dirigeants_sup_adherents', 'secteur_principal_repete']);
  expect(await text(page, `#warnings-table tr[data-submission="${twoWarnings}"] td:nth-child(4)`)).toBe(both.checks.map((c: { message: { fr: string } }) => c.message.fr).join(' ; '));
  // What the sectors' last column counts: up to each sector's share of the target, so a sector
  // ahead of the territory's progress (not to chase) may still count some; said in words.
  expect(view.target).toBeGreaterThan(view.sectors.answered);
  expect(view.sectors.lines.some((l: any) => l.missing > 0 && !view.sectors.chase.includes(l.code))).toBe(true);
  expect(await text(page, '#missing-heading')).toBe('Encore à recueillir pour atteindre sa part de l’objectif');
  expect(await text(page, '#missing-note')).toMatch(/^La dernière colonne compte les réponses qu’il reste à recueillir .* un secteur en avance peut en avoir encore à recueillir\. Les secteurs à relancer sont ceux en retard/);
  expect(await page.locator('#sectors-table').getAttribute('aria-describedby')).toBe('missing-note');
  // One of them in words, alone: nothing to mark as differing.
  await page.click('#warnings-table tbody tr:first-child button[data-action="see"]');
  await page.waitForSelector('#warning-1-response table.responses');
  // Its answers open right under its row, in sight, not below the whole list.
  expect(await page.locator('#warnings-table > tbody > tr:nth-child(2) #warning-1-response').isVisible()).toBe(true);
  expect(await page.evaluate(() => document.getElementById('warning-1-response')!.getBoundingClientRect().top
    - document.querySelector('#warnings-table > tbody > tr:first-child')!.getBoundingClientRect().bottom)).toBeLessThan(50);
  expect(await page.locator('#warning-1-response thead th').count()).toBe(2);
  expect(await page.locator('#warning-1-response tr[data-question="secteurs_secondaires"] td').textContent()).toBeTruthy();
  expect(await page.locator('#warning-1-response [data-differs], #warning-1-response .diff-summary').count()).toBe(0);
  // The answers its confirmed warning is about are marked, in words.
  const warnedQuestions = new Set(warnings.listed[0].checks.flatMap((c: { questions: string[] }) => c.questions));
  expect(await page.locator('#warning-1-response tr:has(.tag)').count()).toBe(warnedQuestions.size);
  expect(await page.locator('#warning-1-response tr:has(.tag)').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-question'), r.querySelector('.tag')!.textContent])))
    .toEqual(expect.arrayContaining([...warnedQuestions].map((q) => [q, 'avertissement confirmé'])));
  // The tables that fit are no stop for the keyboard; one wider than a phone is (to scroll it).
  await expect.poll(() => page.locator('.table-wrap:has(#sectors-table)').getAttribute('tabindex')).toBeNull();
  // Nor do they say to scroll them.
  expect(await page.locator('.table-wrap:has(#sectors-table) .scroll-hint').isVisible()).toBe(false);
  expect(await page.locator('.table-wrap:has(#sectors-table)').getAttribute('aria-describedby')).toBeNull();
  // Every chart has a title and sits beside its table.
  expect(await page.locator('figure svg.chart-wide[role="img"] title').count()).toBe(4);
  expect(await page.locator('figure svg[role="img"]:visible').evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('class')))).toEqual(Array(4).fill('chart-wide'));
  // What the sectors chart's two shapes mean is written in sight, not only in its <title>.
  expect(await page.locator('#sectors-key').isVisible()).toBe(true);
  expect(await text(page, '#sectors-key')).toMatch(/barres pleines.*cadres pointillés/);
  await expectAxeClean(page, 'territory, a warned response open');
  await page.click('#warnings-table tbody tr:first-child button[data-action="see"]');
  expect(await page.locator('#warning-1-response table').count()).toBe(0);
  expect(await page.locator('#warnings-table > tbody > tr:nth-child(2)').isVisible()).toBe(false);
  expect(await page.locator('#warnings-table tbody tr:first-child button[data-action="see"]').getAttribute('aria-expanded')).toBe('false');
  // Forced colours (Windows high contrast): SVG paint is not forced by the browser, so the
  // charts must take system colours themselves; the figures' boxes, a background, get a border.
  await page.emulateMedia({ forcedColors: 'active' });
  const forced = await page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.setProperty('forced-color-adjust', 'none');
    const system = ['Canvas', 'CanvasText', 'GrayText'].map((c) => { probe.style.color = c; return getComputedStyle(probe).color; });
    probe.remove();
    const foreign = [...document.querySelectorAll('figure svg *')].flatMap((e) => {
      const s = getComputedStyle(e);
      return [s.fill, s.stroke].filter((v) => v !== 'none' && !system.includes(v)).map((v) => `${e.tagName}.${e.getAttribute('class')}: ${v}`);
    });
    return { foreign: [...new Set(foreign)], box: getComputedStyle(document.querySelector('.figures div')!).borderTopStyle };
  });
  expect(forced).toEqual({ foreign: [], box: 'solid' });
  await page.emulateMedia({ forcedColors: 'none' });

  // The network shows Rennes only; another territory is refused, by the page and by the API.
  await page.click('a[href="#reseau"]');
  await page.waitForSelector('#network-table tbody tr');
  expect(await page.locator('#network-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-territory')))).toEqual(['commune:35238']);
  // The current page's link is told by more than its colour.
  expect(await page.locator('nav a').evaluateAll((links) => links.map((a) => [a.getAttribute('aria-current'), getComputedStyle(a).fontWeight])))
    .toEqual(expect.arrayContaining([['page', '700'], [null, '400']]));
  await expectAxeClean(page, 'network (Rennes)');
  expect((await api('/v1/cockpit/territory?territory=epci:200042174', RENNES)).status).toBe(403);
  await page.evaluate(() => { window.location.hash = '#territoire=epci:200042174'; });
  await page.waitForSelector('[role="alert"]');
  expect(await text(page, '[role="alert"]')).toMatch(/ne donne pas accès/);
  // With the collector's own words, in the page's language.
  expect(await text(page, '[role="alert"]')).toContain('Le collecteur répond : le jeton « rennes » ne couvre pas epci:200042174.');
  expect(await page.locator('[data-figure="responses"]').count()).toBe(0);

  await closeClean(page, errors);
});

it('compares the planted duplicate’s responses in words, resolves it (the export loses it), undoes it, with the keyboard', async () => {
  const { page, errors } = await openPage();
  await signIn(page, RENNES);
  await page.waitForSelector('[data-figure="responses"]');
  const before = await exportRows(RENNES);
  await page.evaluate(() => { window.location.hash = '#doublons'; });
  await page.waitForSelector('button[data-action="keep"]');
  await expectAxeClean(page, 'duplicates');
  const group = (await api('/v1/cockpit/duplicates', RENNES)).body.groups[0];
  const [first, second] = group.members;

  // Which wave and territory the group belongs to (the list holds every wave of the scope).
  expect(await text(page, 'section.group [data-figure="where"]')).toBe(`Vague ${first.wave} — Rennes (35238)`);
  // The head-office commune by its name.
  expect(await text(page, `tr[data-submission="${first.submissionId}"] td:nth-child(3)`)).toBe('Rennes (35238)');
  // The rennes token lacks export-personal: the groups stay, names and RNA numbers are hidden, and said so.
  expect(group.members[0]).toMatchObject({ name: null, rna: null });
  expect(await text(page, '#personal-note')).toBe('Données personnelles masquées (nom, numéro RNA) : ce jeton n’a pas le droit export-personal. Les groupes et leurs raisons restent ; comparez les réponses pour décider.');
  expect(await text(page, `tr[data-submission="${first.submissionId}"] th`)).toBe('Réponse 1 (nom masqué)');
  expect(await text(page, `tr[data-submission="${first.submissionId}"] td:nth-child(2)`)).toBe('masqué');
  expect(await page.locator(`tr[data-submission="${first.submissionId}"] button[data-action="keep"]`).getAttribute('aria-label')).toMatch(/^Garder celle-ci : la réponse 1, reçue le .+ \(En ligne\) \(les autres sont écartées\)$/);
  // The two responses side by side, in words, before deciding (a disclosure, by keyboard).
  const compare = 'section.group button[data-action="see"]';
  expect(await page.locator(compare).getAttribute('aria-expanded')).toBe('false');
  await page.focus(compare);
  await page.keyboard.press('Enter');
  await page.waitForSelector('table.responses');
  expect(await page.locator(compare).getAttribute('aria-expanded')).toBe('true');
  const columns = await page.locator('table.responses thead th').allTextContents();
  expect(columns).toHaveLength(3);
  expect(columns[1]).toMatch(/^Réponse 1 \(nom masqué\) — /);
  const cells = async (question: string) => page.locator(`table.responses tr[data-question="${question}"] td`).allTextContents();
  // Labels, not codes: the sector's choice label, a matrix's rows, a number with its unit the French way.
  expect(await page.locator('table.responses tr[data-question="secteur_principal"] th').textContent()).toMatch(/^3\. Quel est le secteur d’activité principal/);
  expect(await cells('secteur_principal')).toEqual(['Sport', 'Sport']);
  expect((await cells('besoins_par_domaine'))[0]).toMatch(/Trouver de nouveaux bénévoles : Besoin fort/);
  expect((await cells('affiliation_federation'))).toEqual(['Oui', 'Non']);
  expect((await cells('nb_salaries'))).toEqual(['2\u00a0salariés', 'sans réponse']);
  // The seed's two spellings of Élan differ on these answers, marked in words, in the questionnaire's order.
  const differing = ['annee_creation', 'affiliation_federation', 'nb_adherents', 'nb_benevoles_reguliers', 'employeur', 'nb_salaries', 'besoins_par_domaine'];
  expect(await page.locator('table.responses tr[data-differs="true"][data-question]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-question')))).toEqual(differing);
  expect(await page.locator('table.responses tr[data-differs="true"] th .tag').allTextContents()).toEqual(differing.map(() => 'différent'));
  expect(await text(page, '.diff-summary')).toMatch(/diffèrent sur 7 des \d+ questions répondues/);
  // Within the matrix, the row answered differently is marked in words too, in both columns.
  const matrixRows = await page.locator('table.responses tr[data-question="besoins_par_domaine"] td:first-of-type li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-row'), li.getAttribute('data-differs')]));
  expect(matrixRows).toEqual([['benevoles', 'false'], ['financement', 'true'], ['locaux', 'false']]);
  expect(await page.locator('table.responses tr[data-question="besoins_par_domaine"] li[data-differs="true"]').allTextContents()).toEqual(['Trouver des financements : Besoin modéré différent', 'Trouver des financements : Besoin fort différent']);
  // The rennes token lacks export-personal: no name among the answers, and said so.
  expect(await page.locator('table.responses tr[data-question="nom_association"]').count()).toBe(0);
  // Each question quoted: a label ending in « ? » made « ? ; » and « ?. ».
  expect(await text(page, '#group-1-responses .note')).toMatch(/export-personal\) : « Nom de l’association » ; « Numéro RNA de l’association » ; .*»\.$/);
  expect(await text(page, '#group-1-responses .note')).not.toMatch(/\? ;|\?\./);
  expect(await page.locator('main').innerText()).not.toMatch(/"secteur_principal"|\{|Élan|ELAN/);
  await expectAxeClean(page, 'duplicates compared');
  // Said to a screen reader too, the focus staying on the button.
  await page.waitForFunction(() => /diffèrent sur 7/.test(document.getElementById('status')!.textContent ?? ''));
  // The status region covers nothing: no part of the page under it, whatever the scroll.
  const underStatus = () => page.evaluate(() => {
    const box = document.getElementById('status')!.getBoundingClientRect();
    return [...document.querySelectorAll('main *')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
    }).map((e) => e.tagName);
  });
  expect(await underStatus()).toEqual([]);
  await page.locator('table.responses').scrollIntoViewIfNeeded();
  expect(await underStatus()).toEqual([]);
  await page.check('section.group input[type="checkbox"]');
  expect(await page.locator('table.responses tr[data-question]:visible').count()).toBe(differing.length);
  // Sections without a difference go with their rows: "La réponse", the profile, the members, the needs.
  expect(await page.locator('table.responses tbody:visible th[scope="rowgroup"]').allTextContents()).toEqual(['La réponse', 'Profil de l’association', 'Membres, dirigeants et bénévoles', 'Besoins et perspectives']);
  await page.focus(compare);
  await page.keyboard.press('Enter');
  expect(await page.locator(compare).getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('table.responses').count()).toBe(0);

  // Deciding from where the responses are read: « Garder celle-ci » under each column's heading.
  await page.click(compare);
  await page.waitForSelector('table.responses');
  const keepInTable = page.locator('table.responses thead tr.actions button[data-action="keep"]');
  expect(await keepInTable.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')))).toEqual([
    expect.stringMatching(/^Garder celle-ci : la réponse 1, reçue le .+ \(En ligne\)/), expect.stringMatching(/^Garder celle-ci : la réponse 2, reçue le .+ \(En ligne\)/),
  ]);
  await keepInTable.first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`tr[data-submission="${second.submissionId}"] button[data-action="restore"]`);
  // The focus stays with the decision: on the button that undoes it, not back at the heading.
  const focused = () => page.evaluate(() => { const b = document.activeElement; return `${b?.closest('tr')?.getAttribute('data-submission')} ${b?.getAttribute('data-action')}`; });
  await expect.poll(focused).toBe(`${second.submissionId} restore`);
  expect(await text(page, `tr[data-submission="${second.submissionId}"] [data-figure="state"]`)).toMatch(/écartée par rennes/);
  await page.waitForFunction(() => /écartée/.test(document.getElementById('status')!.textContent ?? ''));
  // Said in sight too, under the group decided (the status region is for screen readers).
  expect(await text(page, 'section.group #decision-done')).toBe('Réponse gardée ; réponses écartées des exports et des résultats : 1.');
  expect(await exportRows(RENNES)).toBe(before - 1);
  expect((await api('/v1/cockpit/territory', RENNES)).body.responses).toBe(before - 1);
  expect(await page.locator('#log-table tbody tr').count()).toBe(1);
  // The response set aside named as its group shows it, not by its identifier alone.
  expect(await page.locator('#log-table tbody td[data-submission]').allTextContents()).toEqual(['Doublon probable 1 : Réponse 2 (nom masqué)']);
  await expectAxeClean(page, 'duplicates resolved');

  // Read again side by side, the response set aside offers « Rétablir » under its heading
  // (the one kept has nothing left to decide), and restores as the list's button does.
  await page.click(compare);
  await page.waitForSelector('table.responses');
  const decisions = await page.locator('table.responses thead tr.actions td').evaluateAll((cells) => cells.map((c) => c.querySelector('button')?.getAttribute('data-action') ?? ''));
  expect(decisions).toEqual(['', '', 'restore']);
  const restoreInTable = page.locator('table.responses thead tr.actions button[data-action="restore"]');
  expect(await restoreInTable.getAttribute('aria-label')).toMatch(/^Rétablir la réponse 2, reçue le .+ \(En ligne\)$/);
  await expectAxeClean(page, 'duplicates resolved, compared');
  await restoreInTable.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`tr[data-submission="${first.submissionId}"] button[data-action="keep"]`);
  await expect.poll(focused).toBe(`${second.submissionId} keep`);
  expect(await text(page, 'section.group #decision-done')).toBe('Réponse rétablie dans les exports et les résultats.');
  expect(await exportRows(RENNES)).toBe(before);
  expect(await page.locator('#log-table tbody tr').count()).toBe(2);

  // The wave the other views show, newest first: last year's group is not in this year's list.
  expect(await page.locator('#wave').inputValue()).toBe('2026');
  expect(await page.locator('section.group [data-figure="where"]').allTextContents()).toEqual([`Vague ${first.wave} — Rennes (35238)`]);
  const older = (await api('/v1/cockpit/duplicates?wave=2025', RENNES)).body;
  expect(older.groups).toHaveLength(1);
  // Reached by the keyboard, one wave at a time, the focus staying on the chooser.
  await page.focus('#wave');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('section.group [data-figure="where"]')?.textContent === 'Vague 2025 — Rennes (35238)');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('wave');
  expect(await page.locator('section.group tr[data-submission]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-submission'))))
    .toEqual(older.groups[0].members.map((m: { submissionId: string }) => m.submissionId));
  // Its own decisions only: this year's are not in last year's log.
  expect(await page.locator('#log-table').count()).toBe(0);
  expect(await text(page, '#resolved')).toBe('Groupes résolus : 0 sur 1.');
  await expectAxeClean(page, 'duplicates of an earlier wave');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelectorAll('#log-table tbody tr').length === 2);
  expect(await page.locator('#wave').inputValue()).toBe('2026');
  await closeClean(page, errors);
});

it('shows a token without the export right the duplicates to read, no button the collector would refuse, and why', async () => {
  const { page, errors } = await openPage();
  await signIn(page, READER);
  await page.waitForSelector('[data-figure="responses"]');
  // From the territory's view: its duplicates, the territory named as there, not by its code.
  await page.click('main a[href="#doublons=commune:35238"]');
  await page.waitForSelector('section.group');
  expect(await text(page, 'h1')).toBe('Doublons probables — Rennes (35238)');
  expect((await api('/v1/cockpit/me', READER)).body).toEqual({ name: 'rennes-lecture', rights: ['read', 'stats'], territories: [{ level: 'commune', code: '35238', name: 'Rennes' }] });
  // Opened straight at its address (a bookmark, a link sent by a colleague): named all the
  // same, from what the collector says of the token's territories.
  await page.reload();
  await page.waitForSelector('section.group');
  expect(await text(page, 'h1')).toBe('Doublons probables — Rennes (35238)');
  expect(await text(page, '#decide-note')).toBe('Ce jeton peut lire les doublons mais pas les écarter : il lui faut le droit export.');
  expect(await page.locator('section.group th').allTextContents()).not.toContain('Actions');
  await page.click('section.group button[data-action="see"]');
  await page.waitForSelector('table.responses');
  expect(await page.locator('button[data-action="keep"], button[data-action="restore"], tr.actions').count()).toBe(0);
  await expectAxeClean(page, 'duplicates, read only');
  await page.focus('#lang');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('decide-note')?.textContent === 'This token can read the duplicates but not set them aside: it needs the export right.');
  expect(await text(page, 'h1')).toBe('Probable duplicates — Rennes (35238)');
  // The focus stays on the language button, in the bar where the keyboard was.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang');
  expect(await text(page, '#lang')).toBe('Français');
  // Back to its territory's figures in one step from the bar, by its name (through the network
  // of one row before), the link marked current there.
  // Named once, in the line saying who is signed in: the bar read it twice in a row.
  const nav = () => page.locator('header a').evaluateAll((links) => links.filter((a) => !a.classList.contains('skip')).map((a) => [a.textContent, a.getAttribute('aria-current')]));
  expect(await nav()).toEqual([['Rennes (35238)', null], ['Network', null], ['Duplicates', 'page']]);
  expect(await text(page, '#who')).toBe('Signed in with the token "rennes-lecture" — territory: Rennes (35238)');
  expect((await page.locator('header').innerText()).split('Rennes (35238)')).toHaveLength(2);
  await expectAxeClean(page, 'duplicates, read only (English), header');
  // Reached by the keyboard right after the skip link, and followed.
  await page.focus('#skip');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#territoire=commune:35238');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Territory: Rennes (35238)');
  expect(await nav()).toEqual([['Rennes (35238)', 'page'], ['Network', null], ['Duplicates', null]]);
  // No export for a token without the export right: the collector would refuse it.
  expect(await page.locator('[data-export], #export-title').count()).toBe(0);
  await closeClean(page, errors);
});

it('keys in a paper form from a territory’s view, comes back to that view, its wave kept, and exports its responses, by the keyboard', async () => {
  const { page, errors } = await openPage();
  await signIn(page, RENNES);
  await page.waitForSelector('[data-figure="responses"]');
  await page.selectOption('#wave', '2025');
  await page.waitForSelector('#chase-none');
  const entry = await page.locator('#paper-entry').getAttribute('href');
  expect(entry).toContain('wave=2025');
  await page.click('#paper-entry');
  // The entry page, in the same tab: a way back first on it, not only the browser's Back.
  await page.waitForSelector('#back-to-cockpit');
  expect(new URL(page.url()).pathname).toBe('/iframe/');
  expect(await text(page, '#back-to-cockpit')).toBe('Retour au suivi de la collecte');
  // The way back (the form itself is checked by the embed's own tests).
  await expectAxeClean(page, 'paper entry', '.olva-iframe-back');
  // Paper entry puts the focus in the form's first field, for the typist; the way back is the
  // one stop before it.
  await page.waitForFunction(() => document.activeElement?.tagName === 'OLVA-SURVEY');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('back-to-cockpit');
  await page.keyboard.press('Enter');
  // The view it came from: the territory, on the wave the form was keyed in for.
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Territoire : Rennes (35238)');
  await page.waitForSelector('#chase-none');
  expect(await page.locator('#wave').inputValue()).toBe('2025');
  // The address names the view alone: the wave chooser rules again.
  expect(new URL(page.url()).hash).toBe('#territoire=commune:35238');
  await page.selectOption('#wave', '2026');
  await page.waitForSelector('#chase li');
  // The territory's responses of the wave shown, as a file, from its view, by the keyboard
  // (the collector asks the token in a header: no link could carry it).
  await page.focus('button[data-export="xlsx"]');
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(workbook.suggestedFilename()).toBe('olva-core_2026_commune-35238.xlsx');
  expect(fs.readFileSync((await workbook.path())!).subarray(0, 2).toString()).toBe('PK');
  // What it leaves out said in sight, and to a screen reader; the focus stays on the button.
  await page.waitForFunction(() => /^Fichier téléchargé : olva-core_2026_commune-35238\.xlsx, sans les réponses personnelles/.test(document.getElementById('status')!.textContent ?? ''));
  expect(await text(page, '#export-done')).toBe('Fichier téléchargé : olva-core_2026_commune-35238.xlsx, sans les réponses personnelles (il faut le droit export-personal).');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('xlsx');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
  expect(csv.suggestedFilename()).toBe('olva-core_2026_commune-35238.csv');
  // The collector's file as it sent it, its byte-order mark kept (Excel reads the accents by it).
  const csvText = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvText.startsWith('\ufeff')).toBe(true);
  // Semicolons in French: French Excel put every column of a comma-separated file in the first.
  expect(await text(page, 'button[data-export="csv"]')).toBe('Fichier CSV (séparateur point-virgule)');
  expect(csvText.split('\n')[0]).toMatch(/^\ufeffsubmission_id;received_at;/);
  expect(csvText.slice(1)).toBe((await api('/v1/exports/responses.csv?questionnaire=olva-core&territory=commune:35238&wave=2026&locale=fr&separator=%3B', RENNES)).body);
  // The codes of that CSV read by its codebook, beside it: only the workbook had one.
  const [codebook] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="codebook"]')]);
  expect(codebook.suggestedFilename()).toBe('olva-core_2026_commune-35238_codebook.csv');
  expect(fs.readFileSync((await codebook.path())!, 'utf8').replace(/^\ufeff/, '')).toBe((await api('/v1/exports/codebook.csv?questionnaire=olva-core&territory=commune:35238&wave=2026&locale=fr&separator=%3B', RENNES)).body.replace(/^\ufeff/, ''));
  await page.waitForFunction(() => document.getElementById('export-done')?.textContent === 'Fichier téléchargé : olva-core_2026_commune-35238_codebook.csv.');
  // Published from the view, beside 2025, and withdrawn: it took a curl -X PUT with the token.
  const publicResults = async () => (await fetch(`${demo.base}/v1/public/results/commune:35238/2026`)).status;
  expect(await text(page, '#publication-state')).toBe('Pas encore publiés.');
  expect(await text(page, '#publication-intro')).toContain('comparés à la vague 2025');
  expect(await publicResults()).toBe(404);
  await page.click('#publish');
  await page.waitForFunction(() => /^Résultats publiés \(\d+ réponses\)\.$/.test(document.getElementById('publication-done')?.textContent ?? ''));
  expect(await publicResults()).toBe(200);
  expect(((await (await fetch(`${demo.base}/v1/public/results/commune:35238/2026`)).json()) as { scope: { previousWave?: string } }).scope.previousWave).toBe('2025');
  expect(await text(page, '#publication-state')).toMatch(/^Publiés le .+ par rennes \(\d+ réponses\), à l’adresse publique : \/v1\/public\/results\/commune:35238\/2026$/);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('publish');
  await expectAxeClean(page, 'territory, published');
  await page.click('#withdraw');
  await page.waitForFunction(() => document.getElementById('publication-done')?.textContent === 'Publication retirée : les résultats ne sont plus publics.');
  expect(await publicResults()).toBe(404);
  expect(await text(page, '#publication-state')).toBe('Pas encore publiés.');
  await expectAxeClean(page, 'territory, exported');
  // A page opened without the cockpit (a site's iframe) offers no way to it.
  await page.goto(`${demo.base}${entry!.replace('&from=cockpit', '')}`);
  await page.waitForSelector('olva-survey');
  expect(await page.locator('#back-to-cockpit').count()).toBe(0);
  await closeClean(page, errors);
});

it('signs in any valid token, shows each view only to a token that may read it, and says what it lacks and which right', async () => {
  const { page, errors } = await openPage();
  const navLinks = () => page.locator('nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const signOut = async () => { await page.click('#sign-out'); await page.waitForSelector('#token'); };

  // The duplicates only: no network to start on, the duplicates instead, said why.
  await signIn(page, ONLY_READ);
  await page.waitForSelector('section.group');
  expect(page.url()).toMatch(/#doublons$/);
  expect(await text(page, '#who')).toBe('Connecté avec le jeton « rennes-doublons » — territoire : Rennes (35238)');
  expect(await navLinks()).toEqual(['#doublons']);
  expect(await page.locator('#who a').count()).toBe(0);
  expect(await text(page, '#rights-note')).toBe('Le jeton « rennes-doublons » ne montre pas le réseau, les chiffres des territoires et les avertissements de cohérence (il lui faut le droit stats).');
  await page.click('section.group button[data-action="see"]');
  await page.waitForSelector('table.responses');
  await expectAxeClean(page, 'duplicates, read right only');
  // An old link to the network lands on what the token may read, not on a refusal.
  await page.evaluate(() => { window.location.hash = '#reseau'; });
  await page.waitForFunction(() => window.location.hash === '#doublons' && document.querySelector('h1')?.textContent === 'Doublons probables');
  await page.waitForSelector('section.group');
  expect(await page.locator('[role="alert"]').count()).toBe(0);
  // Signed out while a view loads: the view, back late, is not drawn over the sign-in form.
  const LOG = /\/v1\/cockpit\/duplicates\/log(\?|$)/;
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(LOG, async (route) => { await held; await route.continue(); });
  const asked = page.waitForRequest(LOG);
  await page.evaluate(() => { window.location.hash = '#doublons=commune:35238'; });
  await asked;
  await signOut();
  const answered = page.waitForResponse(LOG);
  release();
  await answered;
  // A request of the page's own, sent after the held one came back and answered after it.
  await page.evaluate(() => fetch('/health').then((r) => r.text()));
  expect(await page.locator('#token').count()).toBe(1);
  expect(await page.locator('main section.group, #who:not(:empty)').count()).toBe(0);
  await page.unroute(LOG);

  // The figures only: its territory, without the responses' answers nor the duplicates.
  await signIn(page, ONLY_STATS);
  await page.waitForSelector('[data-figure="responses"]');
  expect(await text(page, '#who')).toBe('Connecté avec le jeton « rennes-chiffres » — territoire : Rennes (35238)');
  expect(await navLinks()).toEqual(['#reseau']);
  expect(await page.locator('#who a').getAttribute('href')).toBe('#territoire=commune:35238');
  expect(await text(page, '#rights-note')).toBe('Le jeton « rennes-chiffres » ne montre pas les doublons probables et les réponses lues en mots (il lui faut le droit read).');
  expect(await page.locator('#warnings-table > tbody > tr[data-submission]').count()).toBeGreaterThan(0);
  // The paper entry asks no right of the collector (its POST /v1/responses is public and the
  // collector's own origin always allowed): every token that sees the territory is offered it.
  expect(await page.locator('#paper-entry').isVisible()).toBe(true);
  expect(await page.locator('main a[href^="#doublons"], #warnings-table button').count()).toBe(0);
  expect(await page.locator('#warnings-table thead th').allTextContents()).not.toContain('Actions');
  await expectAxeClean(page, 'territory, stats right only');
  await page.evaluate(() => { window.location.hash = '#doublons'; });
  await page.waitForFunction(() => window.location.hash === '#territoire=commune:35238');
  await page.waitForSelector('[data-figure="responses"]');
  await signOut();

  // Neither, only publish: its publication alone, no figure, said what it shows and lacks; Rennes'
  // results published beside 2025, by the keyboard, and withdrawn, in English (it took curl).
  await signIn(page, ONLY_PUBLISH);
  await page.waitForSelector('#publication-state');
  expect(page.url()).toMatch(/#publication$/);
  expect(await text(page, 'h1')).toBe('Publier les résultats');
  expect(await page.locator('main h2').allTextContents()).toEqual(['Rennes (35238)']);
  expect(await text(page, '#rights-note')).toBe('Le jeton « rennes-publication » ne montre que la publication des résultats (droit publish) : ni le réseau, les chiffres des territoires et les avertissements de cohérence (il lui faut le droit stats) ; ni les doublons probables et les réponses lues en mots (il lui faut le droit read).');
  expect(await navLinks()).toEqual(['#publication']);
  expect(await page.locator('main [data-figure], main table, main figure, main [data-export]').count()).toBe(0);
  expect(await page.locator('#wave option').allTextContents()).toEqual(['2026', '2025']);
  expect(await text(page, '#publication-intro')).toMatch(/^Les résultats de Rennes \(35238\) pour la vague 2026, .*comparés à la vague 2025/);
  expect(await text(page, '#publication-state')).toBe('Pas encore publiés.');
  const rennesResults = () => fetch(`${demo.base}/v1/public/results/commune:35238/2026`);
  expect((await rennesResults()).status).toBe(404);
  await expectAxeClean(page, 'publication, publish right only');
  await page.focus('#publish');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Résultats publiés \(\d+ réponses\)\.$/.test(document.getElementById('publication-done')?.textContent ?? ''));
  const publishedRennes = await (await rennesResults()).json() as { scope: { territory: unknown; previousWave?: string } };
  expect(publishedRennes.scope).toMatchObject({ territory: { level: 'commune', code: '35238' }, previousWave: '2025' });
  expect(await text(page, '#publication-state')).toMatch(/^Publiés le .+ par rennes-publication \(\d+ réponses\), à l’adresse publique : \/v1\/public\/results\/commune:35238\/2026$/);
  expect(await page.locator('#publication-url').getAttribute('href')).toBe('/v1/public/results/commune:35238/2026');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('publish');
  await expectAxeClean(page, 'publication, published by a publish-only token');
  await page.click('#lang');
  await page.waitForFunction(() => document.getElementById('rights-note')?.textContent === 'The token "rennes-publication" shows only the publication of the results (the publish right): neither the network, the figures of each territory and the coherence warnings (it needs the stats right); nor the probable duplicates and the responses read in words (it needs the read right).');
  expect(await text(page, '#who')).toBe('Signed in with the token "rennes-publication" — territory: Rennes (35238)');
  expect(await text(page, 'h1')).toBe('Publish the results');
  await page.click('#withdraw');
  await page.waitForFunction(() => document.getElementById('publication-done')?.textContent === 'Publication withdrawn: the results are no longer public.');
  expect((await rennesResults()).status).toBe(404);
  expect(await text(page, '#publication-state')).toBe('Not published yet.');
  await page.click('#lang');
  await signOut();

  // None of them: signed in all the same, told what it lacks.
  await signIn(page, ONLY_ERASE);
  await page.waitForSelector('#rights-note');
  expect(await text(page, 'h1')).toBe('Rien à montrer pour ce jeton');
  expect(await text(page, '#rights-note')).toBe('Le jeton « rennes-effacement » ne montre rien de cette page : ni le réseau, les chiffres des territoires et les avertissements de cohérence (il lui faut le droit stats) ; ni les doublons probables et les réponses lues en mots (il lui faut le droit read).');
  expect(await navLinks()).toEqual([]);
  await expectAxeClean(page, 'no view for this token');
  await signOut();
  expect(await page.locator('#who').isVisible()).toBe(false);
  await closeClean(page, errors);
});

it('counts the territories of a token covering dozens in the header, and lists them on demand, by keyboard, on a narrow screen', async () => {
  // 320 px: the width of a phone, or of a page zoomed to 400 %.
  const { page, errors } = await openPage({ width: 320, height: 640 });
  await signIn(page, REGIONAL);
  await page.waitForSelector('#network-table');
  const scope = (await api('/v1/cockpit/me', REGIONAL)).body.territories as { name: string; code: string }[];
  expect(scope).toHaveLength(24);
  // The count in the line, the names behind a disclosure, closed: the header stays a few lines.
  expect(await page.locator('#who').innerText()).toBe('Connecté avec le jeton « reseau-regional » — 24 territoires');
  expect(await page.locator('#scope li').first().isVisible()).toBe(false);
  const headerHeight = () => page.locator('header').evaluate((e) => e.getBoundingClientRect().height);
  expect(await headerHeight()).toBeLessThan(250);
  // Reached and opened by the keyboard, right after the skip link; named and stated by the browser's own disclosure.
  await page.focus('#skip');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  const summary = await page.locator('#scope summary').ariaSnapshot();
  expect(summary).toMatch(/24 territoires/);
  expect(summary).not.toMatch(/[▸▾]/);
  await page.keyboard.press('Enter');
  expect(await page.locator('#scope').getAttribute('open')).toBe('');
  expect(await page.locator('#scope li').allTextContents()).toEqual(scope.map(territoryWords));
  expect(await page.locator('#scope li').first().isVisible()).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAxeClean(page, 'header, a scope of two dozen territories listed');
  // On a wide screen, the bar's buttons stay on its first line, not centred against the list.
  await page.setViewportSize({ width: 1200, height: 700 });
  expect(await page.evaluate(() => document.getElementById('sign-out')!.getBoundingClientRect().top - document.getElementById('who')!.getBoundingClientRect().top)).toBeLessThan(20);
  await page.setViewportSize({ width: 320, height: 640 });
  // Another view keeps it open; the other language too, in its words.
  await page.click('a[href="#doublons"]');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Doublons probables');
  expect(await page.locator('#scope').getAttribute('open')).toBe('');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#scope summary')?.textContent === '24 territories');
  // The view is drawn again in English, and the focus given back to the language button once
  // that is done: the summary is focused after it, or the drawing's heading takes the Enter below.
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Probable duplicates' && document.activeElement?.id === 'lang');
  expect(await page.locator('#who').innerText()).toMatch(/^Signed in with the token "reseau-regional" — 24 territories\n/);
  await page.focus('#scope summary');
  await page.keyboard.press('Enter');
  expect(await page.locator('#scope').getAttribute('open')).toBeNull();
  expect(await headerHeight()).toBeLessThan(250);
  await page.click('#lang');
  await page.click('#sign-out');
  await page.waitForSelector('#token');
  await closeClean(page, errors);
});

it('lets the national network publish its own results (network:all) from the network view, and withdraw them, its publish-only token too; a national token without publish sees no such section', async () => {
  const { page, errors } = await openPage();
  await signIn(page, NATIONAL_STATS);
  await page.waitForSelector('#network-table tbody tr');
  expect(await page.locator('#publication-title').count()).toBe(0);
  await page.click('#sign-out');
  await page.waitForSelector('#token');
  await signIn(page, NETWORK_PUBLISHER);
  await page.waitForSelector('#publication-state');
  const { wave } = (await api('/v1/cockpit/network', NETWORK_PUBLISHER)).body;
  const publicResults = () => fetch(`${demo.base}/v1/public/results/network:all/${wave}`);
  expect(await text(page, '#publication-state')).toBe('Pas encore publiés.');
  expect(await text(page, '#publication-intro')).toMatch(new RegExp(`^Les résultats de l’ensemble du réseau pour la vague ${wave}, .* Ils réunissent toutes les réponses de la vague, de tous les territoires, chacune comptée une fois`));
  expect((await publicResults()).status).toBe(404);
  await page.click('#publish');
  await page.waitForFunction(() => /^Résultats publiés \(\d+ réponses\)\.$/.test(document.getElementById('publication-done')?.textContent ?? ''));
  // Every response of the wave, as the results route reads the network.
  const published = await (await publicResults()).json() as { scope: { territory: unknown }; groups: { responses: number }[] };
  expect(published.scope.territory).toEqual({ level: 'network', code: 'all' });
  expect(published.groups[0]!.responses).toBe((await api(`/v1/results?territory=network:all&wave=${wave}`, NETWORK_PUBLISHER)).body.groups[0].responses);
  expect(await text(page, '#publication-state')).toMatch(new RegExp(`^Publiés le .+ par rnma-publication \\(\\d+ réponses\\), à l’adresse publique : /v1/public/results/network:all/${wave}$`));
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('publish');
  await expectAxeClean(page, 'network, published');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('publish')?.textContent === 'Publish again (replaces the published version)');
  expect(await text(page, '#publication-intro')).toMatch(new RegExp(`^The results of the whole network for wave ${wave}, `));
  await page.click('#withdraw');
  await page.waitForFunction(() => document.getElementById('publication-done')?.textContent === 'Publication withdrawn: the results are no longer public.');
  expect((await publicResults()).status).toBe(404);
  await page.click('#lang');
  // The national network's communication officer: no figure, the network's publication alone.
  await page.click('#sign-out');
  await page.waitForSelector('#token');
  await signIn(page, NETWORK_ONLY_PUBLISH);
  await page.waitForSelector('#publication-state');
  expect(await page.locator('main h2').allTextContents()).toEqual(['Ensemble du réseau']);
  expect(await text(page, '#publication-intro')).toMatch(new RegExp(`^Les résultats de l’ensemble du réseau pour la vague ${wave}, .* Ils réunissent toutes les réponses de la vague`));
  expect(await page.locator('main [data-figure], main table').count()).toBe(0);
  await page.click('#publish');
  await page.waitForFunction(() => /^Résultats publiés \(\d+ réponses\)\.$/.test(document.getElementById('publication-done')?.textContent ?? ''));
  expect(((await (await publicResults()).json()) as { scope: { territory: unknown } }).scope.territory).toEqual({ level: 'network', code: 'all' });
  expect(await text(page, '#publication-state')).toMatch(/ par rnma-communication \(\d+ réponses\), à l’adresse publique : /);
  await expectAxeClean(page, 'publication, the network by a publish-only token');
  await page.click('#withdraw');
  await page.waitForFunction(() => document.getElementById('publication-done')?.textContent === 'Publication retirée : les résultats ne sont plus publics.');
  expect((await publicResults()).status).toBe(404);
  await closeClean(page, errors);
});

it('shows the national token every territory, sortable, in English too, on a phone', async () => {
  const { page, errors } = await openPage({ width: 360, height: 740 });
  await signIn(page, NATIONAL);
  await page.waitForSelector('#network-table tbody tr');
  const network = (await api('/v1/cockpit/network', NATIONAL)).body;
  const rows = () => page.locator('#network-table tbody tr').evaluateAll((trs) => trs.map((r) => [r.getAttribute('data-territory'), r.querySelector('[data-figure="responses"]')!.textContent]));
  expect((await rows()).sort()).toEqual(network.territories.map((r: any) => [`${r.territory.level}:${r.territory.code}`, String(r.responses)]).sort());
  expect(network.territories.map((r: any) => r.territory.code)).toEqual(expect.arrayContaining(['35238', '200042174']));
  // The wave's distinct total is said above the table: the rows do not add up when one contains another.
  expect(await text(page, '#network-total')).toBe(`Réponses de l’ensemble de la vague ${network.wave} : ${new Intl.NumberFormat('fr-FR').format(network.responses)}, chacune comptée une fois. Une ligne compte aussi les réponses des territoires que le sien contient : les lignes ne s’additionnent pas.`);
  // Lorient has no expected distribution: its sectors cell says what the collector knows, never
  // a bare "aucun" that would read as "nothing to chase".
  const lorient = network.territories.find((r: any) => r.territory.code === '200042174');
  expect(lorient.sectorBasis).toBe('none');
  const lorientCell = await text(page, '#network-table tr[data-territory="epci:200042174"] [data-figure="missing"]');
  if (lorient.sectorsMissing.length) expect(lorientCell).toMatch(/^sans réponse : ./);
  else expect(lorientCell).toBe('— (pas de répartition attendue)');
  // Its heading sits over its words, on the left, as the figures' headings sit over figures.
  expect(await page.locator('th:has(button[data-sort="missing"])').getAttribute('class')).toBeNull();
  expect(await page.locator('th:has(button[data-sort="responses"])').getAttribute('class')).toBe('num');
  // Sorting by responses (keyboard): most first, then fewest first.
  await page.focus('button[data-sort="responses"]');
  await page.keyboard.press('Enter');
  const most = [...network.territories].sort((a: any, b: any) => b.responses - a.responses)[0];
  expect((await rows())[0]![1]).toBe(String(most.responses));
  expect(await page.locator('th[aria-sort="descending"] button[data-sort="responses"]').count()).toBe(1);
  await page.keyboard.press('Enter');
  expect(await page.locator('th[aria-sort="ascending"] button[data-sort="responses"]').count()).toBe(1);
  // Nothing wider than the phone but the scrollable table regions, which the keyboard reaches.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect.poll(() => page.locator('.table-wrap:has(#network-table)').getAttribute('tabindex')).toBe('0');
  // The network table goes on past the phone's edge: said in sight above it, kept in sight
  // while it scrolls, with a shadow on the side that hides columns; and to a keyboard user on it.
  const hint = page.locator('.table-wrap:has(#network-table) .scroll-hint');
  expect(await hint.isVisible()).toBe(true);
  expect(await hint.textContent()).toBe('Faites défiler le tableau vers la droite pour voir toutes ses colonnes.');
  expect(await page.locator('.table-wrap:has(#network-table)').getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
  expect(await page.locator('.table-wrap:has(#network-table)').evaluate((w) => getComputedStyle(w).backgroundImage)).toMatch(/radial-gradient/);
  await page.locator('.table-wrap:has(#network-table)').evaluate((w) => { w.scrollLeft = w.scrollWidth; });
  expect(await hint.evaluate((p) => p.getBoundingClientRect().left >= 0)).toBe(true);
  expect(await hint.isVisible()).toBe(true);
  expect(await text(page, '#who')).toBe('Connecté avec le jeton « rnma-national » — territoires : tous');
  // The whole scope's responses of the wave shown, in one file, from the network, by the keyboard
  // (a national token exported one territory at a time).
  expect(await text(page, '#export-intro')).toBe(`Les réponses de tous les territoires de ce jeton pour la vague ${network.wave}, sans les doublons écartés, en un fichier :`);
  await page.focus('button[data-export="csv"]');
  const [whole] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(whole.suggestedFilename()).toBe(`olva-core_${network.wave}.csv`);
  await page.waitForFunction(() => document.getElementById('export-done')?.textContent !== '');
  expect(await text(page, '#export-done')).toBe(`Fichier téléchargé : olva-core_${network.wave}.csv. Il contient des réponses personnelles : gardez-le là où seules les personnes qui en ont besoin peuvent le lire.`);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('csv');
  const wholeText = fs.readFileSync((await whole.path())!, 'utf8').slice(1);
  expect(wholeText).toBe((await api(`/v1/exports/responses.csv?questionnaire=olva-core&wave=${network.wave}&locale=fr&separator=%3B`, NATIONAL)).body);
  // Every response of the wave, each once: Rennes' and Lorient's alike.
  const wholeRows = parseCsv(wholeText, ';');
  expect(wholeRows.length - 1).toBe(network.responses);
  const territoryColumn = wholeRows[0]!.indexOf('territory_code');
  expect(new Set(wholeRows.slice(1).map((r) => r[territoryColumn]))).toEqual(new Set(['35238', '56121']));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAxeClean(page, 'network (national, phone)');

  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('h1')?.textContent === 'Every territory of the wave');
  expect(await text(page, '#export-intro')).toBe(`The responses of every territory of this token for wave ${network.wave}, without the duplicates set aside, as a file:`);
  expect(await page.locator('#export-title + p + [role="group"] button').allTextContents()).toEqual(['Excel workbook (XLSX)', 'CSV file (comma-separated)', 'Codebook of the CSV (codes and labels)']);
  await page.click(`a[href="#territoire=commune:35238"]`);
  // English punctuation: no space before the colon.
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Territory: Rennes (35238)');
  expect(await page.title()).toBe('Territory: Rennes (35238) — Collection cockpit — OLVA');
  // The national token holds export-personal: each warned response by its association's name.
  const named = (await api('/v1/cockpit/warnings?territory=commune:35238', NATIONAL)).body;
  expect(named.personal).toBe('included');
  expect(await page.locator('#warnings-table > tbody > tr[data-submission] > th').allTextContents()).toEqual(named.listed.map((w: { name: string }) => w.name));
  expect(named.listed[0].name).toMatch(/\w/);
  // Two warnings on one response, joined the English way (a French « ; » before).
  const both = named.listed.find((w: { submissionId: string }) => w.submissionId === twoWarnings);
  expect(await text(page, `#warnings-table tr[data-submission="${twoWarnings}"] td:nth-child(4)`)).toBe(both.checks.map((c: { message: { en: string } }) => c.message.en).join('; '));
  expect(await text(page, '#chase-title')).toBe('Sectors to chase first');
  // The national token holds export-personal: its file holds personal answers, and it is told so.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
  expect(file.suggestedFilename()).toMatch(/^olva-core_2026_commune-35238\.csv$/);
  await page.waitForFunction(() => document.getElementById('export-done')?.textContent !== '');
  expect(await text(page, '#export-done')).toBe('File downloaded: olva-core_2026_commune-35238.csv. It holds personal answers: keep it where only those who need them can read it.');
  // On the phone, each chart drawn narrow: its text as legible as the page's (the wide drawing,
  // scaled down, wrote it 6 pixels high), and one drawing only in the accessibility tree.
  const charts = await page.evaluate(() => [...document.querySelectorAll('figure svg')].filter((svg) => getComputedStyle(svg).display !== 'none')
    .map((svg) => [svg.getAttribute('class'), Math.min(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height))]));
  expect(charts.map(([name]) => name)).toEqual(Array(4).fill('chart-narrow'));
  for (const [, height] of charts) expect(height).toBeGreaterThan(12);
  expect((await page.locator('main').ariaSnapshot()).match(/- img "Share of responses by sector/g)).toHaveLength(1);
  // The wave changed with the arrow keys, one wave at a time: the focus stays on the chooser.
  await page.focus('#wave');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('#chase-none');
  expect(await page.locator('#wave').inputValue()).toBe('2025');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('wave');
  // Every sector answered, none expected: said in words, not an empty list under « these sectors ».
  expect(await text(page, '#chase-none')).toBe('With no expected distribution configured, the collector only spots the sectors with no response at all: every sector has at least one.');
  expect(await page.locator('#chase').count()).toBe(0);
  await expectAxeClean(page, 'territory, earlier wave (English, phone)');
  await page.keyboard.press('ArrowUp');
  await page.waitForSelector('#chase li');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('wave');
  await expectAxeClean(page, 'territory (English, phone)');
  // A territory without an expected distribution (most of them): its sectors with no response,
  // the page's own words, nothing of the page's plumbing ("null", "[object …]").
  await page.evaluate(() => { location.hash = '#territoire=epci:200042174'; });
  await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('200042174') && document.querySelector('[data-figure="responses"]'));
  const view = (await api('/v1/cockpit/territory?territory=epci:200042174', NATIONAL)).body;
  expect(view.sectors.basis).toBe('none');
  expect(await page.locator('#chase li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(view.sectors.chase);
  const shown = await page.locator('main').innerText();
  expect(shown).toContain('With no expected distribution configured');
  // Who can add one, said to the coordinator, who runs no command line.
  expect(await text(page, '#expected-source')).toBe('No expected distribution is configured for this territory: whoever runs the collector can add one (the "olva reference rna" command, from the national register of associations).');
  expect(shown).not.toMatch(/\bnull\b|\[object /);

  // The national token holds export-personal: the names are among the answers, compared too; in English, on a phone.
  await page.evaluate(() => { location.hash = '#doublons'; });
  await page.click('section.group button[data-action="see"]');
  await page.waitForSelector('table.responses');
  expect(await page.locator('table.responses tr[data-question="nom_association"] th .tag').textContent()).toBe('differs');
  expect(await page.locator('table.responses tr[data-question="affiliation_federation"] td').allTextContents()).toEqual(['Yes', 'No']);
  expect(await page.locator('section.group [data-figure="where"]').allTextContents()).toEqual(['Wave 2026 — Rennes (35238)']);
  expect(await page.locator('#wave').inputValue()).toBe('2026');
  expect(await page.locator('#group-1-responses .note, #personal-note').count()).toBe(0);
  expect(await page.locator('table.responses tr[data-question="besoins_par_domaine"] li[data-differs="true"] .tag').first().textContent()).toBe('differs');
  expect(await page.locator('table.responses thead tr.actions button').first().getAttribute('aria-label')).toMatch(/^Keep this one: response 1, "Association L’Élan du Blosne", received on .+ \(Online\) \(the others are set aside\)$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAxeClean(page, 'duplicates compared (English, phone)');
  // A territory's duplicates opened at their address (a link, a reload): the territory by its
  // name, as every other view names it, in either language, though this token's scope lists none.
  await page.evaluate(() => { location.hash = '#doublons=epci:200042174'; });
  await page.reload();
  await page.waitForFunction((name) => document.querySelector('h1')?.textContent === `Probable duplicates — ${name}`, territoryWords(lorient.territory));
  await page.click('#lang');
  await page.waitForFunction((name) => document.querySelector('h1')?.textContent === `Doublons probables — ${name}`, territoryWords(lorient.territory));
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // Last year's duplicates, chosen as the other views' wave is.
  await page.evaluate(() => { location.hash = '#doublons'; });
  await page.waitForSelector('section.group');
  await page.selectOption('#wave', '2025');
  await page.waitForFunction(() => document.querySelector('section.group [data-figure="where"]')?.textContent === 'Wave 2025 — Rennes (35238)');
  expect(await page.locator('section.group').count()).toBe(1);
  await expectAxeClean(page, 'duplicates of an earlier wave (English, phone)');
  await page.selectOption('#wave', '2026');
  await page.waitForFunction(() => document.querySelector('section.group [data-figure="where"]')?.textContent === 'Wave 2026 — Rennes (35238)');

  // An earlier wave chosen, then the tab handed over: the next token starts on its newest wave.
  await page.evaluate(() => { location.hash = '#reseau'; });
  await page.waitForSelector('#network-table');
  await page.selectOption('#wave', '2025');
  await page.waitForFunction(() => document.querySelector('#network-table caption')?.textContent?.endsWith('2025'));
  await page.click('#sign-out');
  await page.waitForSelector('#token');
  expect(await page.evaluate(() => sessionStorage.getItem('olva-suivi-token'))).toBeNull();
  await signIn(page, RENNES);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Territory: Rennes (35238)');
  expect(await page.locator('#wave').inputValue()).toBe(network.wave);
  await page.click('#sign-out');
  await page.waitForSelector('#token');
  await closeClean(page, errors);
});

it('loads a territory’s view while the collector runs its most exports at once, and says why its warnings wait', async () => {
  // Exports under way, held open unread: as many as the collector reads at once (4 by default).
  const held: AsyncIterableIterator<unknown>[] = [];
  for (;;) {
    try {
      held.push(demo.collector.store.stream({ questionnaireId: 'olva-core', territories: 'all' }));
    } catch (e) {
      expect((e as Error).name).toBe('SnapshotsBusyError');
      break;
    }
    expect(held.length).toBeLessThan(65);
  }
  const { page, errors } = await openPage();
  try {
    await signIn(page, RENNES);
    await page.waitForSelector('#warnings-title');
    // The figures are there; only the warnings, which read every response, wait.
    expect(Number((await text(page, 'dd[data-figure="responses"]'))?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.locator('#warnings-table').count()).toBe(0);
    expect(await text(page, '#warnings-busy')).toMatch(/^Les avertissements ne peuvent pas être lus pour l’instant : rechargez la page dans quelques secondes\. Le collecteur répond : trop d’exports/);
    expect(await page.locator('#warnings-busy').getAttribute('role')).toBe('status');
    // An export asked meanwhile says the collector's reason, not « too many sign-in attempts ».
    await page.click('button[data-export="csv"]');
    await page.waitForFunction(() => /trop d’exports/.test(document.getElementById('export-done')?.textContent ?? ''));
    expect(await text(page, '#export-done')).toMatch(/^La requête a échoué \(429\)\. Le collecteur répond : trop d’exports .* réessayez dans 10 s\.$/);
  } finally {
    await Promise.all(held.map((s) => s.return?.()));
  }
  await page.reload();
  await page.waitForSelector('#warnings-table');
  expect(await page.locator('#warnings-busy').count()).toBe(0);
  await closeClean(page, errors);
});

/**
 * The RGAA display criteria axe does not check, on the view as it is: every control's focus
 * ring, in the default and in forced colours (10.7); nothing moving under reduced motion; at
 * 320 px (a 1280 px screen at 400 %), only tables scrolling sideways, each in its own box
 * reached by Tab (10.11); the user's text spacing with text at 200 %, nothing cut (10.12,
 * 10.4). The page is left as it was found: the default width, colours, spacing and size.
 */
async function expectDisplayCriteria(page: Page, view: string): Promise<void> {
  const rings = await focusRings(page);
  expect(rings.problems, `${view}: focus rings`).toEqual([]);
  expect(rings.checked, view).toBeGreaterThan(8);
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  expect((await focusRings(page)).problems, `${view}: focus rings in forced colours`).toEqual([]);
  expect(await motion(page), `${view}: motion`).toEqual([]);
  await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await reflowProblems(page), `${view} at 320 px`).toEqual([]);
  await page.setViewportSize(viewport);
  await spaceText(page);
  expect(await zoomText(page), `${view}: texts that do not grow at 200 %`).toEqual([]);
  expect(await cutText(page), `${view}: text spacing at 200 %`).toEqual([]);
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; document.adoptedStyleSheets = []; });
}

it('meets the display criteria axe does not check on a territory’s view, a response open, and on the duplicates compared', async () => {
  const { page, errors } = await openPage();
  await signIn(page, RENNES);
  await page.waitForSelector('#warnings-table');
  await page.click('#warnings-table tbody tr:first-child button[data-action="see"]');
  await page.waitForSelector('#warning-1-response table.responses');
  await expectDisplayCriteria(page, 'territory');
  await page.evaluate(() => { window.location.hash = '#doublons'; });
  await page.click('section.group button[data-action="see"]');
  await page.waitForSelector('table.responses');
  await expectDisplayCriteria(page, 'duplicates');
  await closeClean(page, errors);
});
