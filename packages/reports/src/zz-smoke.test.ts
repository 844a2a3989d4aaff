import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { resultsDocument, KEY_FIGURES, RENNES } from '/work/wt/reports/packages/reports/src/__fixtures__/results.js';
import { selectSubject, keyFiguresHtml, htmlToPdf, countPdfPages } from '/work/wt/reports/packages/reports/src/index.js';
import { chromium } from 'playwright-core';
it('smoke', async () => {
  const doc = await resultsDocument();
  writeFileSync('/tmp/rep/results.json', JSON.stringify(doc));
  const subject = selectSubject(doc, { territory: RENNES });
  const page = keyFiguresHtml(subject, KEY_FIGURES, 'fr');
  writeFileSync('/tmp/rep/kf.html', page);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await browser.newPage({ viewport: { width: 703, height: 1123 } });
  await p.emulateMedia({ media: 'print' });
  await p.setContent(page);
  const sheets = await p.$$('.sheet');
  for (let i = 0; i < sheets.length; i++) await sheets[i]!.screenshot({ path: `/tmp/rep/kf-${i + 1}.png` });
  const over = await p.$$eval('.sheet', (s) => s.map((x) => [x.id, x.scrollHeight, x.clientHeight]));
  console.log(over);
  await browser.close();
  try { const pdf = await htmlToPdf(page, { pages: 4 }); writeFileSync('/tmp/rep/kf.pdf', pdf); console.log('pages', countPdfPages(pdf)); } catch (e) { console.log(String(e)); }
}, 120000);
