/**
 * Delivery when the network fails, in real Chromium with the built embed: a response sent
 * offline is kept on the device (IndexedDB outbox), survives a reload, and reaches the
 * collector exactly once when the network comes back, even with two tabs of the site open; the
 * network back or a new visit sends it at once, however long its backoff had grown.
 * The respondent who comes back is told what became of it (waiting, sent, refused); a
 * collector that refuses the page (CORS) or the response gets no promise of delivery. A real
 * collector whose wave does not take the page (closed, or another core version) is asked at
 * load, and the page says so instead of its questions; a check that fails changes nothing. A
 * kiosk asks again for each visitor, and so stops once the wave closes while it runs; on the
 * closed notice it asks on, and starts again once the wave reopens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { OlvaSurvey } from '@olva/elements';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { addSurveyPage, openSurvey, QUESTIONNAIRES, recordedEvents, waitForEvent, waitForReady, type OlvaSite, useBrowserAndSite, useFreshContext } from '@olva/test-support/olva-site';
import { startTestCollector, type TestCollector } from '@olva/test-support/test-collector';
import { seriousViolations } from '@olva/test-support/axe';
import { SKIP, answerPageByKeyboard, fillSurveyByKeyboard, sendFromReview } from '@olva/test-support/keyboard';
import { coreQuestionnaire, writeBuild } from '@olva/test-support/collector-questionnaires';
import text from '../../stories/fixtures/types/text.js';
import { HIDE_SWITCH } from '../../stories/fixtures/build.js';

let browser: Browser;
let site: OlvaSite;

useBrowserAndSite((b, s) => { browser = b; site = s; });
/** A fresh profile for each test: an empty outbox. */
const context = useFreshContext(() => browser);

const ENDPOINT_PATTERN = '**/v1/responses';

function pageUrl(name: string): string {
  return addSurveyPage(site, `/offline/${name}.html`, {
    attributes: { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' },
    questionnaire: text.questionnaire,
  });
}

/** Fills the one-question fixture with the keyboard and sends it from the review page. */
async function answerAndSend(page: Page): Promise<void> {
  await fillSurveyByKeyboard(page, text.questionnaire, { [HIDE_SWITCH]: SKIP, [text.questionId]: text.expected });
  await sendFromReview(page);
}

/** Opens the test page `name`, sends a response with the network off; returns the olva-queued detail. */
async function sendOffline(page: Page, name: string): Promise<{ submissionId: string; offline: boolean }> {
  await openSurvey(page, pageUrl(name));
  await context().setOffline(true);
  await answerAndSend(page);
  return waitForEvent(page, 'olva-queued');
}

/** The receipt the respondent sees, as text. */
async function receiptText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const receipt = document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLElement>('[part~="receipt"]');
    return receipt && receipt.checkVisibility() ? (receipt.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  });
}

/** The notices above the form (what became of an earlier response), as text. */
async function notices(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelector('olva-survey')!.shadowRoot!.querySelectorAll('[part~="notice"]')]
    .filter((n) => n.checkVisibility()).map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

async function waitForNotice(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => [...document.querySelector('olva-survey')!.shadowRoot!.querySelectorAll('[part~="notice"]')]
    .some((n) => new RegExp(source).test(n.textContent ?? '')), pattern.source, { timeout: 30_000 })
    .catch(async () => { throw new Error(`no notice matching ${pattern}; notices: ${JSON.stringify(await notices(page))}`); });
}

/**
 * Leaves what waits in the page's outbox as a long outage does: its next attempt five minutes
 * away, the longest backoff. Done under the outbox's Web Lock (`olva-outbox:<endpoint>`), once
 * no sending is under way; with `hold`, the page keeps the lock until it goes, and so sends
 * nothing more, as a tab the respondent closed.
 */
async function asAfterLongOutage(page: Page, hold = false): Promise<void> {
  await page.evaluate(([hold]) => new Promise<void>((done) => {
    void navigator.locks.request('olva-outbox:/v1/responses', () => new Promise<void>((release) => {
      const open = indexedDB.open('olva-outbox');
      open.onsuccess = () => {
        const entries = open.result.transaction('entries', 'readwrite').objectStore('entries');
        const all = entries.getAll();
        all.onsuccess = () => {
          for (const entry of all.result) entries.put({ ...entry, attempts: 12, nextAttemptAt: Date.now() + 5 * 60_000 });
          entries.transaction.oncomplete = () => {
            open.result.close();
            done();
            if (!hold) release();
          };
        };
      };
    }));
  }), [hold] as const);
}

/** Aborts requests to the collector as a dead network does. */
async function cutCollector(): Promise<void> {
  await context().route(ENDPOINT_PATTERN, (route) => route.abort('internetdisconnected'));
}

it('keeps a response sent offline through a reload and delivers it once back online', async () => {
  const page = await context().newPage();
  const queued = await sendOffline(page, 'reload');
  expect(queued.submissionId).toMatch(/^[0-9a-f-]{36}$/i);
  // The respondent is told the response waits on this device, with its number.
  const message = await receiptText(page);
  expect(message).toContain(queued.submissionId);
  expect(site.endpoint.postsFor(queued.submissionId)).toHaveLength(0);

  // Reload while the collector is still out of reach: the page comes back, the response waits.
  await cutCollector();
  await context().setOffline(false);
  await page.reload();
  await waitForReady(page);
  await page.waitForTimeout(500);
  expect(site.endpoint.postsFor(queued.submissionId)).toHaveLength(0);
  // The page says the response is kept and will be sent: no reason to answer twice.
  await waitForNotice(page, /Votre réponse du .* a été enregistrée .* sera envoyée/);

  // Back online: delivered by the reloaded page's outbox.
  const baseline = site.endpoint.stored.length;
  await context().unrouteAll({ behavior: 'wait' });
  await site.endpoint.waitForStored(baseline + 1, 30_000).catch(async () => {
    throw new Error(`not delivered after coming back online; events: ${JSON.stringify(await recordedEvents(page))}`);
  });
  await page.waitForTimeout(1_500);
  const posts = site.endpoint.postsFor(queued.submissionId);
  expect(posts.map((p) => p.status)).toEqual([201]);
  await waitForNotice(page, /Votre réponse du .* a été envoyée/);
  const stored = site.endpoint.stored.filter((s) => s.submissionId === queued.submissionId);
  expect(stored).toHaveLength(1);
  expect((stored[0]!.payload as { answers: unknown }).answers).toEqual({ [text.questionId]: text.expected });
  await page.close();
});

it('delivers a response queued offline exactly once when the browser goes back online and reloads at once', async () => {
  const page = await context().newPage();
  const queued = await sendOffline(page, 'online-reload');
  const baseline = site.endpoint.stored.length;
  // Going online fires `online` in the page while it reloads: both may try to send.
  await context().setOffline(false);
  await page.reload();
  await waitForReady(page);
  await site.endpoint.waitForStored(baseline + 1, 30_000).catch(() => undefined);
  await page.waitForTimeout(1_500);
  expect(site.endpoint.stored.filter((s) => s.submissionId === queued.submissionId)).toHaveLength(1);
  expect(site.endpoint.postsFor(queued.submissionId).map((p) => p.status)).not.toContain(409);
  await page.close();
});

it('sends once when two tabs of the site are open as the network comes back', async () => {
  await cutCollector();
  const first = await context().newPage();
  await openSurvey(first, pageUrl('tab'));
  await answerAndSend(first);
  const queued = await waitForEvent(first, 'olva-queued');
  const second = await context().newPage();
  await openSurvey(second, pageUrl('tab'));
  await first.waitForTimeout(300);
  expect(site.endpoint.postsFor(queued.submissionId)).toHaveLength(0);

  // Network back; both tabs look at the outbox at the same moment.
  const baseline = site.endpoint.stored.length;
  await context().unrouteAll({ behavior: 'wait' });
  await Promise.all([first.reload(), second.reload()]);
  await Promise.all([waitForReady(first), waitForReady(second)]);
  await site.endpoint.waitForStored(baseline + 1, 30_000).catch(() => undefined);
  await first.waitForTimeout(2_000);
  const posts = site.endpoint.postsFor(queued.submissionId);
  expect(posts.map((p) => p.status)).toEqual([201]);
  await first.close();
  await second.close();
});

it('delivers at once, when the network comes back, a response whose backoff had grown long', async () => {
  const page = await context().newPage();
  const queued = await sendOffline(page, 'online-at-once');
  await asAfterLongOutage(page);
  const baseline = site.endpoint.stored.length;
  await context().setOffline(false);
  // Sent on the `online` event, not five minutes later.
  await site.endpoint.waitForStored(baseline + 1, 30_000);
  expect(site.endpoint.postsFor(queued.submissionId).map((p) => p.status)).toEqual([201]);
  await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[role="status"]')?.textContent?.includes('Votre réponse en attente a été envoyée.'));
  expect(await receiptText(page)).not.toMatch(/automatiquement/);
  await page.close();
});

it('tells a returning respondent that the response that waited was refused, and fires olva-error', async () => {
  const page = await context().newPage();
  const queued = await sendOffline(page, 'refused-later');
  expect(await receiptText(page)).toContain('automatiquement');
  // The respondent leaves after a long outage: this page sends nothing more (on `online` it would
  // send the response, refused before the next visit could tell), and what waits is due in five
  // minutes, which the next visit does not wait for.
  await asAfterLongOutage(page, true);
  // Back online, the collector refuses it for good (a 4xx).
  await context().route(ENDPOINT_PATTERN, (route) => route.fulfill({
    status: 403, contentType: 'application/json',
    body: JSON.stringify({ error: 'forbidden', message: 'origin not allowed', problems: [] }),
  }));
  await context().setOffline(false);
  await page.reload();
  await waitForReady(page);
  await waitForNotice(page, /Votre réponse du .* a été refusée/);
  expect((await notices(page)).join(' ')).not.toMatch(/sera envoyée/);
  const error = await waitForEvent(page, 'olva-error');
  expect(error.message).toMatch(/pas pu être acceptées/);
  expect(queued.submissionId).toMatch(/^[0-9a-f-]{36}$/i);
  await page.close();
});

let foreign: StaticServer | undefined;
afterAll(async () => { await foreign?.close(); });

it('promises no delivery when a collector online refuses the page (CORS), and fires olva-error', async () => {
  // A collector on another origin that does not allow this page's origin: no CORS headers.
  foreign = await startStaticServer({
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{}');
      return true;
    },
  });
  const url = addSurveyPage(site, '/offline/cors.html', {
    attributes: { endpoint: `${foreign.origin}/v1/responses`, territory: 'commune:35238', wave: '2026', lang: 'fr' },
    questionnaire: text.questionnaire,
  });
  const page = await context().newPage();
  await openSurvey(page, url);
  await answerAndSend(page);
  const error = await waitForEvent(page, 'olva-error');
  expect(error.message).toMatch(/pas pu être envoyées/);
  await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="receipt"]') !== null);
  const message = await receiptText(page);
  expect(message).toMatch(/pas pu être envoyées/);
  expect(message).not.toMatch(/automatiquement|La connexion est indisponible/);
  await page.close();
});

let collector: TestCollector | undefined;
afterAll(async () => { await collector?.close(); });

/** A real collector that takes this site's pages and the built core, with a closed wave, a wave of the next core and an open one. */
async function wavesCollector(): Promise<TestCollector> {
  collector ??= await startTestCollector('sqlite::memory:', {
    builds: (dir) => fs.cpSync(path.join(QUESTIONNAIRES, 'olva-core'), path.join(dir, 'olva-core'), { recursive: true }),
    overrides: {
      questionnaires: [{ build: 'olva-core' }],
      origins: [{ origin: site.origin, territories: 'all' }],
      waves: [{ id: '2026', core: '^2026.0.0', closes: '2026-01-31' }, { id: '2027', core: '^2027.0.0' }, { id: '2026-bis', core: '^2026.0.0' }],
    },
  });
  return collector;
}

/**
 * Opens the built core at `endpoint` for `wave`; returns the page, what it wrote to the console
 * as warnings, and the answer to its check of the wave (awaited before the page is closed).
 */
async function openCore(name: string, endpoint: string, wave: string, lang = 'fr'): Promise<{ page: Page; warnings: string[]; checked: Promise<import('playwright-core').Response> }> {
  const url = addSurveyPage(site, `/offline/${name}.html`, {
    attributes: { src: '/questionnaires/olva-core/questionnaire.json', endpoint, territory: 'commune:35238', wave, lang },
  });
  const page = await context().newPage();
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const checked = page.waitForResponse((r) => r.url().includes(`/v1/waves/${wave}/admits?channel=web`));
  await page.goto(url);
  return { page, warnings, checked };
}

/** The page has read an answer in a task of its own: lets it run, and the update it asks for. */
function settled(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => setTimeout(resolve)).then(() => (document.querySelector('olva-survey') as unknown as { updateComplete: Promise<unknown> }).updateComplete));
}

/** What the survey shows: its error paragraph, its notice, its live region, whether a form is there, and any alert. */
function shown(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    return {
      error: root.querySelector('[part~="error"]')?.textContent?.trim(),
      notice: root.querySelector('[part~="notice"]')?.textContent?.trim(),
      live: root.querySelector('[role="status"]')?.textContent?.trim(),
      form: root.querySelector('form') !== null,
      alert: root.querySelector('[role="alert"]') !== null,
    };
  });
}

/** The closed wave's notice, French first. */
const closedNotice = (wave: string, lang = 'fr') => (lang === 'en'
  ? `The ${wave} collection is closed. Thank you to every association that took part.`
  : `La collecte ${wave} est close. Merci à toutes les associations qui y ont répondu.`);

/** Axe finds nothing serious in the page as it is. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

it('says, instead of the questions, that the collector\'s wave is closed (a neutral notice with thanks) or does not take this questionnaire (an error for the web team), and tells the web team which attributes to fix', async () => {
  const endpoint = `${(await wavesCollector()).url}/v1/responses`;
  for (const [wave, lang, notice, warning, part] of [
    ['2026', 'fr', closedNotice('2026'), 'olva-survey: fix src or wave (2026 closed)', 'notice'],
    ['2027', 'en', 'The 2027 collection does not take this questionnaire.', 'olva-survey: fix src or wave (2027 refuses 2026.2.2)', 'error'],
  ] as const) {
    const { page, warnings, checked } = await openCore(`wave-${wave}`, endpoint, wave, lang);
    expect((await checked).headers()['access-control-allow-origin']).toBe(site.origin);
    const error = await waitForEvent(page, 'olva-error');
    expect(error.message).toBe(notice);
    await page.waitForFunction(() => !document.querySelector('olva-survey')!.shadowRoot!.querySelector('form'));
    // Said in the live region of the survey's own shadow root, with nothing left to answer; a
    // collection that ended in the neutral notice, a page on the wrong version as an error.
    expect(await shown(page)).toEqual({ error: undefined, notice: undefined, [part]: notice, live: notice, form: false, alert: false });
    expect(warnings).toEqual([warning]);
    // The notice is this test's own look; the error paragraph is the load failure's, unchanged.
    if (part === 'notice') await expectAccessible(page, 'closed wave');
    await page.close();
  }
});

let elsewhere: TestCollector | undefined;
afterAll(async () => { await elsewhere?.close(); });

it('says, instead of the questions, that the collector does not list this page\'s origin, in the collector\'s words, before anyone answers for a post the browser would block', async () => {
  elsewhere = await startTestCollector('sqlite::memory:', {
    builds: (dir) => fs.cpSync(path.join(QUESTIONNAIRES, 'olva-core'), path.join(dir, 'olva-core'), { recursive: true }),
    overrides: { questionnaires: [{ build: 'olva-core' }], origins: [{ origin: 'https://www.rennes.fr', territories: 'all' }] },
  });
  const { page, warnings, checked } = await openCore('origin-unlisted', `${elsewhere.url}/v1/responses`, '2026');
  expect((await checked).headers()['access-control-allow-origin']).toBe('*');
  const notice = `Ce site (${site.origin}) n’est pas autorisé à envoyer des réponses à ce collecteur : son administrateur doit ajouter cette origine aux « origins » de sa configuration.`;
  expect((await waitForEvent(page, 'olva-error')).message).toBe(notice);
  await page.waitForFunction(() => !document.querySelector('olva-survey')!.shadowRoot!.querySelector('form'));
  expect(await shown(page)).toEqual({ error: notice, notice: undefined, live: notice, form: false, alert: false });
  expect(warnings).toEqual([`olva-survey: ${notice[0]!.toLowerCase()}${notice.slice(1, -1)}`]);
  await page.close();
});

it('shows the questions when the wave takes the questionnaire, and when the check fails (an endpoint without it answers 404)', async () => {
  const endpoint = `${(await wavesCollector()).url}/v1/responses`;
  for (const [name, at, status] of [['wave-open', endpoint, 200], ['wave-unknown-route', '/v1/responses', 404]] as const) {
    const { page, warnings, checked } = await openCore(name, at, '2026-bis');
    await waitForReady(page);
    const response = await checked;
    expect(response.status()).toBe(status);
    await response.finished();
    await settled(page);
    expect(await shown(page)).toMatchObject({ error: undefined, notice: undefined, form: true });
    expect((await recordedEvents(page)).filter((e) => e.type === 'olva-error')).toEqual([]);
    expect(warnings).toEqual([]);
    await page.close();
  }
});

let kioskCollector: TestCollector | undefined;
afterAll(async () => { await kioskCollector?.close(); });

/** The bare core of the shared fixtures, as this site serves it to the kiosk pages. */
const KIOSK_CORE = coreQuestionnaire();
const KIOSK_WAVES = ['fete-2026', 'salon-2026', 'forum-2026'];

/** A real collector of the bare core whose kiosk waves are open until a test closes them. */
async function kioskWaves(): Promise<TestCollector> {
  kioskCollector ??= await startTestCollector('sqlite::memory:', {
    builds: (dir) => writeBuild(dir, KIOSK_CORE),
    overrides: {
      questionnaires: [{ build: 'olva-core' }],
      origins: [{ origin: site.origin, territories: 'all' }],
      waves: KIOSK_WAVES.map((id) => ({ id, core: '^2026.0.0' })),
    },
  });
  return kioskCollector;
}

/**
 * The wave's closing date passes while the kiosk runs (or, `open`, the coordinator takes it away): the running collector reads its
 * configuration's waves at each request, so the closing set now is the one a coordinator would
 * have written for yesterday.
 */
function closeWave(collector: TestCollector, wave: string, open = false): void {
  const rule = collector.collector.config.waves!.find((w) => w.id === wave)!;
  if (open) delete rule.closes;
  else rule.closes = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** Opens a kiosk of the bare core at the kiosk collector for `wave`; resolves once it asked its wave and shows the questions. */
async function openKiosk(name: string, wave: string, attributes: Record<string, string>): Promise<{ page: Page; collector: TestCollector; warnings: string[] }> {
  const collector = await kioskWaves();
  site.server.setPage('/offline/kiosk-core.json', JSON.stringify(KIOSK_CORE));
  const page = await context().newPage();
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const asked = page.waitForResponse((r) => r.url().includes(`/v1/waves/${wave}/admits?channel=kiosk`));
  await openSurvey(page, addSurveyPage(site, `/offline/${name}.html`, {
    attributes: { src: '/offline/kiosk-core.json', endpoint: `${collector.url}/v1/responses`, territory: 'commune:35238', wave, lang: 'fr', channel: 'kiosk', ...attributes },
  }));
  expect(await (await asked).json()).toMatchObject({ admitted: true });
  return { page, collector, warnings };
}

/** The closed wave's notice once the kiosk started again: no questions left for the next visitor, the notice said, the web team told. */
async function expectClosedNotice(page: Page, warnings: string[], wave: string, lang?: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('olva-survey')!.shadowRoot!.querySelector('form'), null, { timeout: 15_000 });
  const notice = closedNotice(wave, lang);
  expect(await shown(page)).toEqual({ error: undefined, notice, live: notice, form: false, alert: false });
  expect(warnings).toEqual([`olva-survey: fix src or wave (${wave} closed)`]);
  expect((await recordedEvents(page)).filter((e) => e.type === 'olva-error').map((e) => e.detail.message)).toEqual([notice]);
}

it('a kiosk asks its wave again for each visitor: once the wave has closed, the next visitor gets the notice instead of the questions, after a receipt and after a form left alone', async () => {
  // After a receipt: the visitor's response is taken, then the wave closes before the next one.
  const receipt = await openKiosk('kiosk-receipt', 'fete-2026', { 'reset-after': '2' });
  await fillSurveyByKeyboard(receipt.page, KIOSK_CORE, { commune_siege: SKIP });
  const posted = receipt.page.waitForResponse((r) => r.url().endsWith('/v1/responses') && r.request().method() === 'POST');
  await sendFromReview(receipt.page);
  expect((await posted).status()).toBe(201);
  closeWave(receipt.collector, 'fete-2026');
  // Asked past the browser's cache, which still holds the answer of the kiosk's load.
  const reasked = receipt.page.waitForResponse((r) => r.url().includes('/v1/waves/fete-2026/admits?channel=kiosk'), { timeout: 15_000 });
  expect(await (await reasked).json()).toMatchObject({ admitted: false });
  await expectClosedNotice(receipt.page, receipt.warnings, 'fete-2026');
  await receipt.page.close();

  // A form left alone: started again for the next visitor while the wave is open, the questions
  // stay; once it has closed, the next start shows the notice (in English here).
  const idle = await openKiosk('kiosk-idle', 'salon-2026', { 'idle-after': '1', 'reset-after': '1', lang: 'en' });
  const emptied = () => idle.page.waitForFunction(() => Object.keys(document.querySelector<OlvaSurvey>('olva-survey')!.session!.answers).length === 0, null, { timeout: 15_000 });
  const asked = () => idle.page.waitForResponse((r) => r.url().includes('/v1/waves/salon-2026/admits?channel=kiosk'), { timeout: 15_000 });
  await answerPageByKeyboard(idle.page, KIOSK_CORE, { secteur: 'culture', nb_benevoles: SKIP, employeur: SKIP, commune_siege: SKIP });
  const open = asked();
  await emptied();
  const admitted = await open;
  expect(await admitted.json()).toMatchObject({ admitted: true });
  await admitted.finished();
  await settled(idle.page);
  expect(await shown(idle.page)).toMatchObject({ error: undefined, notice: undefined, form: true });
  await answerPageByKeyboard(idle.page, KIOSK_CORE, { secteur: 'sport', nb_benevoles: SKIP, employeur: SKIP, commune_siege: SKIP });
  closeWave(idle.collector, 'salon-2026');
  const closed = asked();
  await emptied();
  expect(await (await closed).json()).toMatchObject({ admitted: false });
  await expectClosedNotice(idle.page, idle.warnings, 'salon-2026', 'en');
  await idle.page.close();
});

it('a kiosk on the closed notice asks its wave again every idle-after seconds: the same notice is neither said nor warned again, and the form comes back once the wave reopens', async () => {
  const kiosk = await openKiosk('kiosk-reopen', 'forum-2026', { 'idle-after': '1', 'reset-after': '1' });
  const asked = () => kiosk.page.waitForResponse((r) => r.url().includes('/v1/waves/forum-2026/admits?channel=kiosk'), { timeout: 15_000 });
  await answerPageByKeyboard(kiosk.page, KIOSK_CORE, { secteur: 'culture', nb_benevoles: SKIP, employeur: SKIP, commune_siege: SKIP });
  closeWave(kiosk.collector, 'forum-2026');
  await expectClosedNotice(kiosk.page, kiosk.warnings, 'forum-2026');
  // Every change of the live region from now on: a notice said again would show here.
  await kiosk.page.evaluate(() => {
    const live = document.querySelector('olva-survey')!.shadowRoot!.querySelector('[role="status"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < 2; i++) {
    const again = await asked();
    expect(await again.json()).toMatchObject({ admitted: false });
    await settled(kiosk.page);
  }
  await expectClosedNotice(kiosk.page, kiosk.warnings, 'forum-2026');
  expect(await kiosk.page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([]);
  closeWave(kiosk.collector, 'forum-2026', true);
  await kiosk.page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('form'), null, { timeout: 15_000 });
  await settled(kiosk.page);
  expect(await shown(kiosk.page)).toMatchObject({ error: undefined, notice: undefined, live: '', form: true });
  await answerPageByKeyboard(kiosk.page, KIOSK_CORE, { secteur: 'sport', nb_benevoles: SKIP, employeur: SKIP, commune_siege: SKIP });
  await kiosk.page.close();
});
