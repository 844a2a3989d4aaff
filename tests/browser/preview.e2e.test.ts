/**
 * `olva preview` as a developer uses it: the real command (packages/cli/dist/bin.js) on a
 * temporary extension, the page in Debian's Chromium under the preview's own strict CSP.
 * A question shows; an edit of the file on disk reloads the page with the new text; a broken
 * file lists the compiler's problems in the page (as text) while the last good build stays;
 * fixing it brings the survey back; the picker jumps straight to the extension's section
 * (behind required core questions); "next" never stops; the paper form and the codebook
 * follow the build; axe finds nothing serious.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@olva/test-support/chromium';
import { seriousViolations } from '@olva/test-support/axe';
import { REPO, requireBuild, EMBED_JS } from '@olva/test-support/olva-site';

const SECTION = 'essai.section';

/** A small extension with its own section (one question), then the core's range. */
function extension(label: string, type = 'single'): string {
  return JSON.stringify({
    id: 'essai-apercu', version: '1.0.0', extends: { id: 'olva-core', version: '^2026.1.0' }, namespace: 'essai',
    territory: { level: 'commune', code: '35238', name: 'Rennes' },
    title: { fr: 'Essai d’aperçu', en: 'Preview trial' },
    sections: [{
      id: SECTION, title: { fr: 'Questions de l’essai', en: 'Trial questions' },
      items: [{ id: 'essai.frequence', type, label: { fr: label, en: label },
        choices: [{ code: 'souvent', label: { fr: 'Souvent', en: 'Often' } }, { code: 'jamais', label: { fr: 'Jamais', en: 'Never' } }] }],
    }],
  }, null, 2);
}

/** The text of the survey's shadow root. */
const surveyText = (page: Page) => page.evaluate(() => document.querySelector('olva-survey')?.shadowRoot?.textContent ?? '');

async function waitForSurveyText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => (document.querySelector('olva-survey')?.shadowRoot?.textContent ?? '').includes(t), text, { timeout: 30_000 });
}

describe('olva preview', () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  let child: ChildProcess;
  let url: string;
  const stderr: string[] = [];

  beforeAll(async () => {
    requireBuild([EMBED_JS]);
    dir = mkdtempSync(join(tmpdir(), 'olva-preview-e2e-'));
    file = join(dir, 'mon-extension.json');
    writeFileSync(file, extension('Question d’essai A'));
    child = spawn(process.execPath, [join(REPO, 'packages/cli/dist/bin.js'), 'preview', file, '--port', '0', '--lang', 'fr'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk) => stderr.push(String(chunk)));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += String(chunk);
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`olva preview exited (${code}): ${out}${stderr.join('')}`)));
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the survey, follows edits, shows a broken build\'s problems as text, and recovers', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() !== 'GET') posts.push(`${r.method()} ${r.url()}`); });

    // Straight to the extension's section, past the core's required questions.
    await page.goto(`${url}?section=${encodeURIComponent(SECTION)}`);
    await waitForSurveyText(page, 'Question d’essai A');
    expect(await page.textContent('.banner')).toContain('jamais envoyées');

    writeFileSync(file, extension('Question d’essai B'));
    await waitForSurveyText(page, 'Question d’essai B');

    // Broken: an unknown question type whose text would be markup if it were injected.
    writeFileSync(file, extension('Question d’essai C', '<img src=x id=injected>'));
    await page.waitForSelector('#build-status.failed', { timeout: 30_000 });
    const problems = await page.evaluate(() => ({
      text: document.querySelector('.problems')?.textContent ?? '',
      injected: document.querySelectorAll('.problems img, #injected').length,
      rules: [...document.querySelectorAll('.problem')].map((li) => li.getAttribute('data-rule')),
    }));
    expect(problems.injected).toBe(0);
    expect(problems.text).toContain('mon-extension.json');
    expect(problems.text).toContain('/sections/0/items/0');
    expect(problems.rules.some((r) => r?.startsWith('schema/'))).toBe(true);
    // The last good build stays on show.
    await waitForSurveyText(page, 'Question d’essai B');
    expect(await seriousViolations(await axePageLike(browser, page.url()))).toEqual([]);

    writeFileSync(file, extension('Question d’essai D'));
    await page.waitForSelector('#build-status.ok', { timeout: 30_000 });
    await waitForSurveyText(page, 'Question d’essai D');
    expect(await page.$$('.problem')).toHaveLength(0);

    expect(errors, 'no console error, no CSP violation').toEqual([]);
    expect(posts, 'nothing is ever posted').toEqual([]);
    await page.close();
  }, 120_000);

  it('never stops on a page, and shows only the extension\'s questions on demand', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => !!document.querySelector('olva-survey')?.shadowRoot?.querySelector('h3.section-title'));
    const heading = () => page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('h3.section-title')!.id);
    expect(await heading()).toBe('olva-section-profil');
    // Nothing answered, every required question empty: "next" moves on all the same.
    await page.evaluate(() => (document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="button-primary"]') as HTMLElement).click());
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('h3.section-title')?.id !== 'olva-section-profil');
    expect(await heading()).toBe('olva-section-membres');

    await page.goto(`${url}?only=extension`);
    await waitForSurveyText(page, 'Questions de l’essai');
    expect(await heading()).toBe(`olva-section-${SECTION}`);
    expect(await surveyText(page)).not.toContain('Profil de l’association');
    await page.close();
  }, 60_000);

  it('serves the paper form and the codebook of the current build', async () => {
    // Without CSP only so that axe can be injected (see axePageLike).
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${url}paper`);
    const frame = page.frameLocator('iframe.paper');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 15_000 }).toContain('Question d’essai D');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${url}codebook`);
    expect(await page.textContent('pre.codebook')).toContain('essai.frequence');
    await page.close();
  }, 60_000);
});

/**
 * A second page on `url` where axe-core can be injected: the preview's policy (rightly) refuses
 * the inline script axe needs, so this context bypasses CSP; the page is otherwise the same.
 */
async function axePageLike(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !!document.querySelector('olva-survey')?.shadowRoot?.querySelector('h3'));
  return page;
}
