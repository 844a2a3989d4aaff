import { describe, expect, it } from 'vitest';
import { aggregateResponses, type ResultsDocument } from '@olva/analysis';
import { localize } from '@olva/runtime';
import { builds, generate, stream } from '@olva/test-support/responses';
import { questionChart, readerQuartiles } from './figures.js';
import { svgMarkup, svgText } from './svg.js';

describe('questionChart over a generated results document', () => {
  let doc: ResultsDocument;
  const ready = (async () => {
    const b = builds();
    doc = await aggregateResponses(stream(generate(7)), { compiled: [b.core, b.rennes, b.lorient], classes: { annee_creation: [5, 10, 20, 50], nb_salaries: [1, 5, 10, 50] } });
  })();

  it('draws every published figure, with finite geometry, and nothing for a withheld base', async () => {
    await ready;
    let drawn = 0;
    for (const group of doc.groups) {
      for (const [i, q] of group.questions.entries()) {
        const chart = questionChart(q, { lang: 'fr', rules: doc.rules, id: `q${i}` });
        if (q.status === 'withheld') { expect(chart).toBeNull(); continue; }
        expect(chart, q.id).not.toBeNull();
        drawn += 1;
        const markup = svgMarkup(chart!);
        expect(markup).not.toMatch(/NaN|Infinity|undefined/);
        expect(svgText(chart!)).toContain(localize(q.label, 'fr'));
      }
    }
    expect(drawn).toBeGreaterThan(20);
  });

  it('writes each hidden category as "< 3" or "masqué", never with a share', async () => {
    await ready;
    let hidden = 0;
    for (const group of doc.groups) {
      for (const q of group.questions) {
        if ((q.kind !== 'distribution' && q.kind !== 'multiple') || !q.categories) continue;
        const desc = svgText(questionChart(q, { lang: 'fr', rules: doc.rules, id: 'x' })!);
        for (const c of q.categories) {
          const label = localize(c.label!, 'fr');
          if (c.suppressed) {
            hidden += 1;
            expect(desc).toContain(`${label} : ${c.suppressed === 'small' ? '< 3' : 'masqué'}`);
          } else {
            expect(desc).toContain(`${label} : ${Math.round(c.share! * 100)}\u202f%`);
          }
        }
      }
    }
    expect(hidden).toBeGreaterThan(0);
  });

  it('marks the comparisons on shown categories only, and names one that marks nothing nowhere', async () => {
    await ready;
    const q = doc.groups.flatMap((g) => g.questions).find((x) => x.kind === 'distribution' && x.categories?.some((c) => c.suppressed) && x.categories.some((c) => !c.suppressed))!;
    const cats = 'categories' in q ? q.categories! : [];
    const every = Object.fromEntries(cats.map((c, i) => [c.code, (i + 1) / 100]));
    const onlyHidden = Object.fromEntries(cats.filter((c) => c.suppressed).map((c) => [c.code, 0.5]));
    const chart = questionChart(q, { lang: 'fr', rules: doc.rules, id: 'k', comparisons: [
      { kind: 'previous-wave', label: 'Vague 2025', shares: every },
      { kind: 'network', label: 'Réseau', shares: onlyHidden },
    ] })!;
    const markup = svgMarkup(chart);
    // One tick per shown category, plus the legend's sample.
    expect(markup.match(/class="olva-chart-mark"/g)).toHaveLength(cats.filter((c) => !c.suppressed).length + 1);
    expect(svgText(chart)).toContain('Vague 2025');
    expect(svgText(chart)).not.toContain('Réseau');
    for (const c of cats.filter((x) => x.suppressed)) expect(svgText(chart)).toContain(`${localize(c.label!, 'fr')} : ${c.suppressed === 'small' ? '< 3' : 'masqué'}.`);
  });
});

describe('readerQuartiles', () => {
  it('rounds the median and quartiles of whole-number questions half away from zero, and keeps a decimal question\'s', () => {
    expect(readerQuartiles({ type: 'integer' }, { q1: 33.5, median: 87.49, q3: 252.3 })).toEqual({ q1: 34, median: 87, q3: 252 });
    expect(readerQuartiles({ type: 'year' }, { q1: -2.5, median: 10.5, q3: 12 })).toEqual({ q1: -3, median: 11, q3: 12 });
    expect(readerQuartiles({ type: 'decimal' }, { q1: 0.25, median: 1.5, q3: 2.35 })).toEqual({ q1: 0.25, median: 1.5, q3: 2.35 });
  });
});
