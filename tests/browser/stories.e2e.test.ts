/**
 * Every Storybook story (stories/**) in real Chromium, from a static Storybook build: it
 * renders, its play function puts the survey in the state it names, and axe-core finds no
 * serious or critical violation (inside the shadow root). Reuses `storybook-static/` when it is
 * newer than the stories and the components; otherwise builds Storybook into a temporary
 * directory first (about 30 s).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@olva/test-support/chromium';
import { REPO, requireBuild } from '@olva/test-support/olva-site';
import { startStaticServer, type StaticServer } from '@olva/test-support/static-server';
import { seriousViolations } from '@olva/test-support/axe';

const run = promisify(execFile);

let browser: Browser;
let server: StaticServer;
let outDir: string;
let temporary = false;

/** Latest modification time of the files under `dir` (recursively). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

beforeAll(async () => {
  requireBuild();
  const existing = join(REPO, 'storybook-static');
  const index = join(existing, 'index.json');
  const sources = Math.max(...['stories', '.storybook', 'packages/elements/src', 'packages/runtime/src'].map((d) => newest(join(REPO, d))));
  if (existsSync(index) && statSync(index).mtimeMs > sources) {
    outDir = existing;
  } else {
    outDir = mkdtempSync(join(tmpdir(), 'olva-storybook-'));
    temporary = true;
    await run(join(REPO, 'node_modules/.bin/storybook'), ['build', '-o', outDir, '--quiet'], { cwd: REPO, timeout: 280_000 });
  }
  server = await startStaticServer({ mounts: { '/': outDir } });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (temporary) rmSync(outDir, { recursive: true, force: true });
});

interface StoryEntry { id: string; title: string; name: string; type: string }

type Preview = { storyRenders?: { id?: string; phase?: string }[]; currentRender?: { id?: string; phase?: string }; channel?: { emit(event: string, data: unknown): void } };

/**
 * Shows one story and waits for its render and play function to finish. The first story loads
 * the preview; the next ones are selected through Storybook's channel, without reloading it.
 */
async function openStory(page: Page, id: string, first: boolean): Promise<string> {
  if (first) {
    await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  } else {
    await page.evaluate((storyId) => {
      const preview = (window as unknown as { __STORYBOOK_PREVIEW__: Preview }).__STORYBOOK_PREVIEW__;
      preview.channel!.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id);
  }
  const phase = await page.waitForFunction((storyId) => {
    const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: Preview }).__STORYBOOK_PREVIEW__;
    const render = preview?.currentRender;
    if (!render || render.id !== storyId) return false;
    return ['finished', 'completed', 'errored', 'aborted'].includes(render.phase ?? '') ? render.phase : false;
  }, id, { timeout: 20_000 }).then((h) => h.jsonValue() as Promise<string>);
  // The survey of whole-survey stories loads its questionnaire after the story rendered.
  await page.waitForFunction(() => {
    const root = document.querySelector('olva-survey')?.shadowRoot;
    return Boolean(root?.querySelector('[data-question], [part~="error"]'));
  }, null, { timeout: 10_000 }).catch(() => undefined);
  return phase;
}

it('every story renders, reaches its state and has no serious accessibility violation', async () => {
  const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, StoryEntry> };
  const stories = Object.values(index.entries).filter((e) => e.type === 'story');
  // One story per question type and state, plus the whole surveys, modes and themes.
  expect(stories.length).toBeGreaterThanOrEqual(12 * 4 + 8);
  const failures: string[] = [];
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const [i, story] of stories.entries()) {
    errors.length = 0;
    const phase = await openStory(page, story.id, i === 0);
    if (phase !== 'finished' && phase !== 'completed') failures.push(`${story.id}: story ${phase}`);
    const state = await page.evaluate(() => {
      const root = document.querySelector('olva-survey')?.shadowRoot;
      return {
        // The questions shown: a hidden one may keep its DOM, out of sight (`hidden`).
        questions: root ? [...root.querySelectorAll('[data-question]')].filter((q) => q.checkVisibility()).map((q) => q.getAttribute('data-question')) : null,
        invalid: root ? root.querySelectorAll('[aria-invalid="true"]').length : 0,
        loadError: root?.querySelector('p[part~="error"]')?.textContent ?? null,
        // Whether the question under test has an answer: a ticked box or a filled text box.
        subjectAnswered: (() => {
          const subject = [...root?.querySelectorAll('[data-question^="q_"]') ?? []].find((q) => q.checkVisibility());
          if (!subject) return false;
          return subject.querySelector('input:checked') !== null
            || [...subject.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type="radio"]):not([type="checkbox"]), textarea')].some((b) => b.value !== '');
        })(),
      };
    });
    if (!state.questions) failures.push(`${story.id}: no <olva-survey> with a shadow root`);
    else if (!state.questions.length) failures.push(`${story.id}: no question shown (${state.loadError ?? 'nothing'})`);
    if (story.title.startsWith('Questions/')) {
      const subject = state.questions?.find((q) => q?.startsWith('q_'));
      if (story.name === 'With Error' && state.invalid === 0) failures.push(`${story.id}: no aria-invalid control`);
      if (story.name === 'Hidden' && subject) failures.push(`${story.id}: ${subject} still shown`);
      if (story.name !== 'Hidden' && !subject) failures.push(`${story.id}: the question under test is missing`);
      if (story.name === 'Answered' && !state.subjectAnswered) failures.push(`${story.id}: the question under test has no answer`);
      if (story.name === 'Empty' && state.subjectAnswered) failures.push(`${story.id}: the question under test is not empty`);
    }
    if (errors.length) failures.push(`${story.id}: page errors ${errors.join('; ')}`);
    for (const v of await seriousViolations(page)) failures.push(`${story.id}: axe ${v.impact} ${v.id} (${v.help}) ${v.nodes.join(' | ')}`);
  }
  await page.close();
  expect(failures).toEqual([]);
}, 300_000);
