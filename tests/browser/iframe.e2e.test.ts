/**
 * The iframe page (packages/collector/iframe/) framed by a page of another origin, in real Chromium: the
 * height it posts to its parent follows its content both ways, so that the short receipt after
 * a long page leaves no blank space in the parent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '@olva/test-support/chromium';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { startCollectorEndpoint, type CollectorEndpoint } from '@olva/test-support/collector-endpoint';
import { IFRAME_PAGE_DIR } from '@olva/collector';
import { EMBED_JS, requireBuild } from '@olva/test-support/olva-site';
import { modesQuestionnaire } from '../../stories/fixtures/modes.js';

let browser: Browser;
let endpoint: CollectorEndpoint;
let framed: StaticServer;
let parent: StaticServer;

beforeAll(async () => {
  requireBuild([EMBED_JS]);
  browser = await launchChromium();
  endpoint = await startCollectorEndpoint({ noListen: true });
  framed = await startStaticServer({
    mounts: { '/iframe/': IFRAME_PAGE_DIR },
    files: { '/embed/olva.js': EMBED_JS },
    // Where the collector serves its own builds: the iframe page shows nothing else.
    pages: { '/questionnaires/modes/questionnaire.json': JSON.stringify(modesQuestionnaire) },
    handler: (req, res) => endpoint.handle(req, res),
  });
  // The site that frames the survey: it sizes the iframe from the messages, as examples/README.md says.
  parent = await startStaticServer({
    pages: {
      '/parent.js': `window.__heights = [];
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'olva-iframe-height') return;
  window.__heights.push(event.data.height);
  document.querySelector('iframe').style.height = event.data.height + 'px';
});`,
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await framed?.close();
  await parent?.close();
});

async function lastHeight(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __heights: number[] }).__heights.at(-1) ?? 0);
}

/** Waits until the reported height has stayed put for a moment (layout settled). */
async function settledHeight(page: Page): Promise<number> {
  let previous = -1;
  for (let i = 0; i < 40; i++) {
    const height = await lastHeight(page);
    if (height === previous && height > 0) return height;
    previous = height;
    await page.waitForTimeout(250);
  }
  return previous;
}

it('posts a height that shrinks as well as grows, and the parent sizes the frame to it', async () => {
  const query = new URLSearchParams({
    questionnaire: 'modes', territory: 'commune:35238', wave: '2026', lang: 'fr',
  });
  parent.setPage('/index.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site de la ville</title>
<script src="/parent.js"></script></head><body style="margin:0"><main><h1>Enquête</h1>
<iframe src="${framed.origin}/iframe/?${query}" title="Questionnaire" style="width:100%;border:0;display:block"></iframe>
</main></body></html>`);
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${parent.origin}/index.html`);
  const frame: Frame = await (await page.waitForSelector('iframe')).contentFrame() as Frame;
  await frame.getByRole('radio', { name: 'Social' }).waitFor({ timeout: 15_000 });

  // The form with its errors: long.
  await frame.getByRole('button', { name: 'Suivant' }).or(frame.getByRole('button', { name: 'Vérifier mes réponses' })).click();
  await frame.getByText('Répondez à cette question.').first().waitFor();
  const long = await settledHeight(page);
  expect(long).toBeGreaterThan(700);

  // Answered, reviewed and sent: the receipt is short, and so is the frame.
  await frame.getByRole('radio', { name: 'Social' }).check();
  await frame.getByRole('radio', { name: 'Non' }).check();
  await frame.getByLabel('Nombre de bénévoles').fill('7');
  await frame.getByRole('button', { name: 'Vérifier mes réponses' }).click();
  await frame.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await frame.getByRole('heading', { name: 'Merci, vos réponses ont bien été reçues.' }).waitFor({ timeout: 15_000 });
  const short = await settledHeight(page);
  expect(short).toBeLessThan(long / 2);
  // The content fits the frame: no blank space left under it, nothing cut off.
  const fit = await frame.evaluate(() => ({ content: Math.ceil(document.body.getBoundingClientRect().height), frame: window.innerHeight }));
  expect(fit.frame).toBe(short);
  expect(fit.content).toBe(short);
  await page.close();
});
