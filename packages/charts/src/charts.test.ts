import { describe, expect, it } from 'vitest';
import type { SvgNode } from './svg.js';
import { svgText } from './svg.js';
import { shareBars } from './share-bars.js';
import { stackedBars } from './stacked-bars.js';
import { axisDomain, niceStep, numericDistribution } from './distribution.js';
import { wrap } from './format.js';

/** Every node of a tree, depth first. */
function nodes(n: SvgNode): SvgNode[] {
  return [n, ...n.children.flatMap((c) => (typeof c === 'string' ? [] : nodes(c)))];
}
const rects = (n: SvgNode) => nodes(n).filter((x) => x.tag === 'rect' && x.attrs.x !== undefined && x.attrs.y !== undefined);
const num = (v: string | number | undefined) => Number(v);

describe('shareBars', () => {
  const bars = [
    { label: 'Culture', share: 0.5, interval: { low: 0.38, high: 0.62 } },
    { label: 'Sport', share: 0.25, interval: { low: 0.15, high: 0.37 } },
    { label: 'Santé', share: 0.04, suppressed: 'small' as const, interval: { low: 0.01, high: 0.1 } },
    { label: 'Autre', share: null, suppressed: 'complementary' as const, interval: null },
  ];
  const chart = shareBars({ title: 'Secteur', id: 's', minCell: 3, bars, width: 600 });

  it('draws each shown share as a bar proportional to it, and its interval around the bar end', () => {
    const drawn = rects(chart);
    expect(drawn).toHaveLength(2);
    const plot = 600 - 120;
    expect(drawn.map((r) => num(r.attrs.width))).toEqual([0.5 * plot, 0.25 * plot]);
    const intervals = nodes(chart).filter((x) => x.attrs.class === 'olva-chart-interval');
    expect(intervals).toHaveLength(2);
    const [first] = intervals;
    expect(first!.attrs.d).toMatch(new RegExp(`^M${0.38 * plot} [\\d.]+H${0.62 * plot}`));
  });

  it('never draws a hidden count, even when a share is passed with it', () => {
    const text = svgText(chart);
    expect(text).toContain('Santé : < 3');
    expect(text).toContain('Autre : masqué');
    expect(text).not.toMatch(/\b4\u202f%|\b1\u202f%|\b10\u202f%/);
    expect(nodes(chart).filter((x) => x.attrs.class === 'olva-chart-interval')).toHaveLength(2);
    expect(text).toContain('de 1 à 2 réponses, non montré');
  });

  it('hatches the bars of a small base and says so, in English too', () => {
    const small = shareBars({ title: 'Sector', id: 'e', minCell: 5, lang: 'en', smallBase: true, bars: [{ label: 'Culture', share: 0.5 }, { label: 'Health', share: null, suppressed: 'small' }] });
    expect(rects(small)[0]!.attrs.fill).toBe('url(#e-small)');
    expect(nodes(small).some((x) => x.tag === 'pattern' && x.attrs.id === 'e-small')).toBe(true);
    expect(svgText(small)).toContain('Small base: read with care.');
    expect(svgText(small)).toContain('Health: < 5');
    expect(svgText(small)).toContain('Culture: 50%');
  });

  it('grows in height with the number of bars and stays inside its viewBox', () => {
    const one = shareBars({ title: 't', id: 'x', minCell: 3, bars: bars.slice(0, 1) });
    expect(num(chart.attrs.height)).toBeGreaterThan(num(one.attrs.height));
    for (const n of nodes(chart)) if (n.attrs.y !== undefined) expect(num(n.attrs.y)).toBeLessThanOrEqual(num(chart.attrs.height));
  });
});

describe('stackedBars', () => {
  const chart = stackedBars({
    title: 'Besoins', id: 'm', minCell: 3, width: 500,
    categories: [{ label: 'Oui' }, { label: 'Non' }, { label: 'Ne sait pas' }],
    rows: [
      { label: 'Locaux', segments: [{ share: 0.6 }, { share: 0.3 }, { share: 0.1 }] },
      { label: 'Bénévoles', segments: [{ share: 0.7 }, { share: null, suppressed: 'small' }, { share: null, suppressed: 'complementary' }], smallBase: true },
      { label: 'Financement' },
    ],
  });
  const segments = rects(chart).filter((r) => String(r.attrs.fill).startsWith('url(#m-p') && num(r.attrs.width) !== 14);

  it('fills each published row to the width, one patterned segment per shown code', () => {
    const byRow = new Map<number, number>();
    for (const r of rects(chart).filter((r) => num(r.attrs.height) === 24)) byRow.set(num(r.attrs.y), (byRow.get(num(r.attrs.y)) ?? 0) + num(r.attrs.width));
    expect([...byRow.values()].map((w) => Math.round(w))).toEqual([500, 500]);
    expect(segments.map((r) => r.attrs.fill)).toEqual(['url(#m-p0)', 'url(#m-p1)', 'url(#m-p2)', 'url(#m-p0)']);
    // Three distinct patterns, one per code, and the hidden one; a legend swatch for each.
    expect(nodes(chart).filter((n) => n.tag === 'pattern').map((n) => n.attrs.id)).toEqual(['m-p0', 'm-p1', 'm-p2', 'm-hidden']);
    expect(rects(chart).filter((r) => num(r.attrs.width) === 14).map((r) => r.attrs.fill)).toEqual(['url(#m-p0)', 'url(#m-p1)', 'url(#m-p2)', 'url(#m-hidden)']);
  });

  it('draws what hidden counts leave as one grey segment without a value', () => {
    const grey = rects(chart).filter((r) => r.attrs.fill === 'url(#m-hidden)' && num(r.attrs.height) === 24);
    expect(grey).toHaveLength(1);
    expect(num(grey[0]!.attrs.width)).toBeCloseTo(0.3 * 500, 5);
  });

  // RGAA 3.1: a "masqué" sliver too narrow for its word must not differ from a solid series
  // (series 0 has no hatching) by its grey alone: it has a pattern of its own, drawn with marks
  // no series pattern has, and a legend entry naming it.
  it('tells a narrow hidden segment from every series without colour: its own marks and a legend word', () => {
    const narrow = stackedBars({
      title: 'Besoins', id: 'k', minCell: 3, width: 500,
      categories: Array.from({ length: 8 }, (_, i) => ({ label: `C${i}` })),
      rows: [{ label: 'Locaux', segments: [{ share: 0.97 }, ...Array.from({ length: 7 }, () => ({ share: null, suppressed: 'small' as const }))] }],
    });
    const patterns = nodes(narrow).filter((n) => n.tag === 'pattern');
    const marks = (p: SvgNode) => JSON.stringify(p.children.slice(1));
    const hidden = patterns.find((p) => p.attrs.id === 'k-hidden')!;
    expect(marks(hidden)).not.toBe('[]');
    for (const p of patterns.filter((p) => p !== hidden)) expect(marks(p)).not.toBe(marks(hidden));
    const sliver = rects(narrow).find((r) => r.attrs.fill === 'url(#k-hidden)' && num(r.attrs.height) === 24)!;
    expect(num(sliver.attrs.width)).toBeLessThan(56);
    const legend = nodes(narrow).filter((n) => n.tag === 'text').map((n) => n.children.join(''));
    expect(legend).toContain('masqué');
    expect(rects(narrow).filter((r) => num(r.attrs.width) === 14).map((r) => r.attrs.fill)).toContain('url(#k-hidden)');
    // A chart with nothing hidden has no such entry.
    const whole = stackedBars({ title: 'b', id: 'w', minCell: 3, categories: [{ label: 'Oui' }], rows: [{ label: 'L', segments: [{ share: 1 }] }] });
    expect(nodes(whole).some((n) => n.attrs.id === 'w-hidden')).toBe(false);
  });

  // A 0–10 scale has 11 columns: past the eighth, series must not repeat the first ones' hatching.
  it('gives fifteen series fifteen hatchings that differ without colour', () => {
    const wide = stackedBars({ title: 'Note', id: 'n', minCell: 3, categories: Array.from({ length: 15 }, (_, i) => ({ label: String(i) })), rows: [{ label: 'L' }] });
    const hatchings = nodes(wide).filter((n) => n.tag === 'pattern').map((p) => JSON.stringify([p.attrs.patternTransform, p.children.slice(1)]));
    expect(new Set(hatchings).size).toBe(15);
  });

  it('writes every value of a row in its description', () => {
    const text = svgText(chart);
    expect(text).toContain('Bénévoles : Oui : 70\u202f%, Non : < 3, Ne sait pas : masqué');
    expect(text).toContain('Financement : non publié');
    // †, not *: the documents mark a notable difference with *, on the same sheets.
    expect(text).toContain('† Petite base');
    expect(text).not.toContain('*');
  });

  it('writes its notes under the bars, inside its viewBox, not only in its description', () => {
    const drawn = nodes(chart).filter((n) => n.tag === 'text').map((n) => ({ text: n.children.join(''), y: num(n.attrs.y) }));
    const notes = drawn.filter((t) => t.text.startsWith('† Petite base') || t.text.startsWith('< 3 :') || t.text.startsWith('masqué :'));
    expect(notes.map((t) => t.text.slice(0, 8)), JSON.stringify(drawn)).toEqual(['† Petite', '< 3 : de', 'masqué :']);
    // Each note says what its mark means, not both the same thing.
    expect(drawn.find((t) => t.text.startsWith('< 3 :'))!.text).toBe('< 3 : de 1 à 2 réponses, non montré (secret statistique).');
    expect(drawn.find((t) => t.text.startsWith('masqué :'))!.text).toBe('masqué : caché, sinon un « < 3 » se déduirait du total.');
    const lastBar = Math.max(...rects(chart).map((r) => num(r.attrs.y) + num(r.attrs.height)));
    for (const n of notes) {
      expect(n.y).toBeGreaterThan(lastBar);
      expect(n.y).toBeLessThanOrEqual(num(chart.attrs.height));
    }
  });
});

describe('numericDistribution', () => {
  it('orders quartiles on the axis and writes every value', () => {
    const chart = numericDistribution({ title: 'Âge', id: 'n', unit: 'ans', rows: [{ label: 'Âge', q1: 8, median: 15, q3: 31, mean: 21.4, n: 62 }] });
    const box = rects(chart)[0]!;
    const median = nodes(chart).find((n) => n.attrs.class === 'olva-chart-box-line')!;
    const x = num(String(median.attrs.d).slice(1).split(" ")[0]);
    expect(num(box.attrs.x)).toBeLessThan(x);
    expect(x).toBeLessThan(num(box.attrs.x) + num(box.attrs.width));
    expect(svgText(chart)).toContain('médiane : 15 ans, quartiles : 8 – 31 ans, moyenne : 21,4 ans, n = 62');
  });

  it('takes round axis bounds around every value', () => {
    expect([niceStep(100), niceStep(7), niceStep(0.3), niceStep(0)]).toEqual([20, 2, 0.1, 1]);
    expect(axisDomain([{ label: '', q1: 12, median: 40, q3: 187, mean: 90 }])).toEqual({ min: 0, max: 200, step: 50 });
    expect(axisDomain([{ label: '', q1: -3, median: 1, q3: 4 }])).toEqual({ min: -4, max: 4, step: 2 });
    // Years of creation: the axis starts near them, not at year 0.
    expect(axisDomain([{ label: '', q1: 1962, median: 1990, q3: 2011 }])).toEqual({ min: 1960, max: 2020, step: 10 });
  });
});

describe('wrap', () => {
  it('breaks at spaces, cuts an overlong word and caps the lines', () => {
    expect(wrap('Culture et loisirs de plein air', 12)).toEqual(['Culture et', 'loisirs de', 'plein air']);
    expect(wrap('Anticonstitutionnellement', 10)).toEqual(['Anticonst…']);
    expect(wrap('a b c d e f', 1, 2)).toEqual(['a', '…']);
  });
});

describe('shareBars with comparisons', () => {
  const comparisons = [
    { kind: 'previous-wave' as const, label: 'Vague 2025', source: 'même territoire' },
    { kind: 'national' as const, label: 'France', source: 'enquête 2017' },
  ];
  const bars = [
    { label: 'Sport', share: 0.3, interval: { low: 0.2, high: 0.4 }, compared: [0.25, 0.242] },
    { label: 'Santé', share: null, suppressed: 'small' as const, compared: [0.07, 0.11] },
    { label: 'Culture', share: 0.5, compared: [null, 0.23] },
  ];
  const chart = shareBars({ title: 'Secteur', id: 'm', minCell: 3, bars, width: 600, comparisons });
  const plot = 600 - 120;
  const ticks = () => nodes(chart).filter((x) => x.attrs.class === 'olva-chart-mark');

  it('draws a tick at each compared share of a shown bar, a dash style per kind, and none on a hidden bar', () => {
    const drawn = ticks();
    const x = (t: SvgNode) => Number(String(t.attrs.d).match(/^M([\d.]+) /)![1]);
    // The legend's two samples first, side by side; then the bars' ticks, left to right in a bar.
    expect(x(drawn[0]!)).toBe(8);
    expect(x(drawn[1]!)).toBeGreaterThan(8);
    expect(drawn.slice(2).map(x)).toEqual([0.242 * plot, 0.25 * plot, 0.23 * plot].map((v) => Math.round(v * 100) / 100));
    // Santé is hidden: neither of its compared shares is drawn, nor written.
    expect(drawn.some((t) => [0.07, 0.11].some((v) => x(t) === Math.round(v * plot * 100) / 100))).toBe(false);
    expect(svgText(chart)).not.toMatch(/\b7\u202f%|\b11\u202f%/);
    // Each kind its own line style, and its own shape (triangle path, diamond path): not colour alone.
    expect(drawn[2]!.attrs['stroke-dasharray']).toBe('4 2');
    expect(drawn[3]!.attrs['stroke-dasharray']).toBeUndefined();
    const shapes = nodes(chart).filter((x) => x.attrs.class === 'olva-chart-text' && x.tag === 'path').map((x) => String(x.attrs.d));
    expect(shapes.filter((d) => d.endsWith('l-5 9z'))).toHaveLength(2); // ▼ legend + Sport
    expect(shapes.filter((d) => d.endsWith('l5 5-5 5-5-5z'))).toHaveLength(3); // ◆ legend + Sport + Culture
  });

  it('names each comparison in a legend and says every marked share in its description', () => {
    const text = svgText(chart);
    expect(text).toContain('Vague 2025 (même territoire)');
    expect(text).toContain('France (enquête 2017)');
    const desc = nodes(chart).find((x) => x.tag === 'desc')!.children.join('');
    expect(desc).toContain('Repères sur les barres : ▼ Vague 2025 (même territoire) ; ◆ France (enquête 2017)');
    expect(desc).toContain('Sport : 30\u202f% (intervalle de confiance à 95 % : 20\u202f% – 40\u202f%), Vague 2025 : 25\u202f%, France : 24\u202f%');
    expect(desc).toContain('Culture : 50\u202f%, France : 23\u202f%');
    expect(desc).toContain('Santé : < 3.');
    const en = shareBars({ title: 'Sector', id: 'e', minCell: 3, bars, lang: 'en', comparisons: [{ kind: 'network', label: 'Network' }] });
    expect(nodes(en).find((x) => x.tag === 'desc')!.children.join('')).toContain('Markers on the bars: ● Network. Sport: 30% (95% confidence interval: 20% – 40%), Network: 25%');
  });

  it('draws the shapes of a share of 0 % whole, inside the chart, their ticks at 0', () => {
    const zero = shareBars({ title: 'S', id: 'z', minCell: 3, width: 600, comparisons, legend: false, bars: [{ label: 'Autre', share: 0, compared: [0, 0] }] });
    const lefts = nodes(zero).filter((x) => x.attrs.class === 'olva-chart-text' && (x.tag === 'path' || x.tag === 'circle'))
      .map((x) => (x.tag === 'circle' ? num(x.attrs.cx) - num(x.attrs.r) : Number(String(x.attrs.d).match(/^M([-\d.]+) /)![1]) - (String(x.attrs.d).includes('l5 5') ? 5 : 0)));
    expect(lefts).toHaveLength(2);
    for (const left of lefts) expect(left).toBeGreaterThanOrEqual(0);
    expect(nodes(zero).filter((x) => x.attrs.class === 'olva-chart-mark').map((t) => String(t.attrs.d).split(' ')[0])).toEqual(['M0', 'M0']);
  });

  it('sets the shapes of close shares side by side, the ticks at the shares, and draws no legend when told', () => {
    const close = shareBars({ title: 'S', id: 'c', minCell: 3, width: 600, comparisons, legend: false, bars: [{ label: 'Sport', share: 0.3, compared: [0.25, 0.25] }] });
    const shapes = nodes(close).filter((x) => x.attrs.class === 'olva-chart-text' && x.tag === 'path').map((x) => Number(String(x.attrs.d).match(/^M([\d.]+) /)![1]));
    // The triangle's path starts 5 left of its centre, the diamond's at its centre: 11 apart, not on top of each other.
    expect(shapes).toEqual([0.25 * plot - 5, 0.25 * plot + 11]);
    expect(nodes(close).filter((x) => x.attrs.class === 'olva-chart-mark').map((t) => String(t.attrs.d).split(' ')[0])).toEqual([`M${0.25 * plot}`, `M${0.25 * plot}`]);
    expect(nodes(close).filter((x) => x.tag === 'text').map(svgText).join(' ')).not.toContain('Vague 2025');
    expect(nodes(close).find((x) => x.tag === 'desc')!.children.join('')).toContain('Repères sur les barres : ▼ Vague 2025 (même territoire)');
  });

  it('makes room for the legend, and draws nothing more without comparisons', () => {
    const plain = shareBars({ title: 'Secteur', id: 'p', minCell: 3, bars, width: 600 });
    expect(num(chart.attrs.height)).toBeGreaterThan(num(plain.attrs.height));
    expect(nodes(plain).some((x) => x.attrs.class === 'olva-chart-mark')).toBe(false);
    expect(svgText(plain)).not.toContain('Repères');
    for (const n of nodes(chart)) if (n.attrs.y !== undefined) expect(num(n.attrs.y)).toBeLessThanOrEqual(num(chart.attrs.height));
  });
});
