import { describe, expect, it } from 'vitest';
import { el, escapeMarkup, svgMarkup, svgText } from './svg.js';
import { shareBars } from './share-bars.js';
import { stackedBars } from './stacked-bars.js';
import { numericDistribution } from './distribution.js';

const HOSTILE = `</text><script>alert("x")</script><text onload='alert(1)'> & "quoted"`;

/** Every tag the markup opens: only what the charts build may appear. */
const tagsOf = (markup: string) => new Set([...markup.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
const CHART_TAGS = new Set(['svg', 'title', 'desc', 'defs', 'pattern', 'rect', 'path', 'circle', 'text', 'g']);

describe('svgMarkup', () => {
  it('escapes text and attribute values', () => {
    expect(svgMarkup(el('text', { 'data-label': `a"b'<c>&` }, ['<b>&amp;</b>']))).toBe(
      '<text data-label="a&#34;b&#39;&#60;c&#62;&#38;">&#60;b&#62;&#38;amp;&#60;/b&#62;</text>');
    expect(escapeMarkup(HOSTILE)).not.toMatch(/[<>"']/);
  });

  it('refuses event handlers and malformed names, which no chart builds', () => {
    expect(() => svgMarkup(el('text', { onload: 'alert(1)' }))).toThrow(/refused attribute/);
    expect(() => svgMarkup(el('text', { 'x" onload="y': '1' }))).toThrow(/refused attribute/);
    expect(() => svgMarkup(el('scr ipt'))).toThrow(/refused tag/);
  });

  it('writes hostile labels of every chart as text only', () => {
    const charts = [
      shareBars({ title: HOSTILE, id: 'a', minCell: 3, bars: [{ label: HOSTILE, share: 0.4, interval: { low: 0.3, high: 0.5 } }, { label: HOSTILE, share: null, suppressed: 'small' }] }),
      stackedBars({ title: HOSTILE, id: 'b', minCell: 3, categories: [{ label: HOSTILE }, { label: 'x' }], rows: [{ label: HOSTILE, segments: [{ share: 0.6 }, { share: 0.4 }] }] }),
      numericDistribution({ title: HOSTILE, id: 'c', unit: HOSTILE, rows: [{ label: HOSTILE, q1: 1, median: 2, q3: 3, mean: 2.5, n: 40 }] }),
    ];
    for (const chart of charts) {
      const markup = svgMarkup(chart);
      expect([...tagsOf(markup)].filter((t) => !CHART_TAGS.has(t!))).toEqual([]);
      // No attribute outside the charts' own: every opening tag is `<name name="…" …>`.
      const attributes = [...markup.matchAll(/<[a-zA-Z]+((?:\s[a-zA-Z:-]+="[^"<>]*")*)\/?>/g)].flatMap((m) => [...m[1]!.matchAll(/\s([a-zA-Z:-]+)=/g)].map((a) => a[1]));
      expect(attributes.filter((a) => /^on/i.test(a!))).toEqual([]);
      expect(markup.match(/<(?!\/?[a-zA-Z]+[\s/>])/g)).toBeNull();
      expect((markup.match(/<[a-zA-Z]/g) ?? []).length).toBe([...markup.matchAll(/<[a-zA-Z]+((?:\s[a-zA-Z:-]+="[^"<>]*")*)\/?>/g)].length);
      // The label is still all there, as text.
      expect(svgText(chart)).toContain(HOSTILE);
      expect(markup).toContain(escapeMarkup(HOSTILE));
    }
  });

  it('gives the root the SVG namespace, role="img", a title and a description', () => {
    const markup = svgMarkup(shareBars({ title: 'Employeur', id: 'q1', minCell: 3, bars: [{ label: 'Oui', share: 0.25 }] }));
    expect(markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="olva-chart" role="img"/);
    expect(markup).toContain('aria-labelledby="q1-title" aria-describedby="q1-desc"');
    expect(markup).toContain('<title id="q1-title">Employeur</title>');
    expect(markup).toMatch(/<desc id="q1-desc">Oui : 25\u202f%<\/desc>/);
  });
});
