import { describe, expect, it } from 'vitest';
import { contrastRatio as contrast } from '@olva/test-support/contrast';
import { CHART_COLOURS, CHART_CSS } from './theme.js';


describe('default chart colours', () => {
  it('pass WCAG contrast on white: text 4.5:1, shapes 3:1, white value text on every series 4.5:1', () => {
    expect(contrast(CHART_COLOURS.text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(CHART_COLOURS.muted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    for (const shape of [CHART_COLOURS.bar, CHART_COLOURS.interval, CHART_COLOURS.hidden]) expect(contrast(shape, '#ffffff'), shape).toBeGreaterThanOrEqual(3);
    // The interval is drawn across the bar's end: it must show on the bar too.
    expect(contrast(CHART_COLOURS.interval, CHART_COLOURS.bar)).toBeGreaterThanOrEqual(3);
    // "masqué" is written in white on the hidden segment.
    expect(contrast('#ffffff', CHART_COLOURS.hidden)).toBeGreaterThanOrEqual(4.5);
    for (const s of CHART_COLOURS.series) expect(contrast('#ffffff', s), s).toBeGreaterThanOrEqual(4.5);
  });

  it('can each be changed through a --olva-chart-* custom property', () => {
    for (const name of ['text', 'muted', 'grid', 'bar', 'interval', 'box', 'hidden']) {
      expect(CHART_CSS).toContain(`var(--olva-chart-${name},${(CHART_COLOURS as Record<string, unknown>)[name]})`);
    }
    CHART_COLOURS.series.forEach((c, i) => expect(CHART_CSS).toContain(`var(--olva-chart-series-${i},${c})`));
  });
});
