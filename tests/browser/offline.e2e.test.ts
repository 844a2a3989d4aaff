/**
 * Delivery when the network fails, in real Chromium with the built embed: a response sent
 * offline is kept on the device (IndexedDB outbox), survives a reload, and reaches the
 * collector exactly once when the network comes back, even with two tabs of the site open.
 * The respondent who comes back is told what became of it (waiting, sent, refused); a
 * collector that refuses the page (CORS) or the response gets no promise of delivery.
 */
import { afterAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { addSurveyPage, openSurvey, recordedEvents, waitForEvent, waitForReady, type OlvaSite, useBrowserAndSite, useFreshContext } from '@olva/test-support/olva-site';
import { SKIP, fillSurveyByKeyboard, sendFromReview } from '@olva/test-support/keyboard';
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

it('tells a returning respondent that the response that waited was refused, and fires olva-error', async () => {
  const page = await context().newPage();
  const queued = await sendOffline(page, 'refused-later');
  expect(await receiptText(page)).toContain('automatiquement');
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
