/**
 * The neutral theme's default colours against each other, computed from the tokens themselves
 * (RGAA 3.2: text 4.5:1; RGAA 3.3: controls, borders, focus rings and graphics 3:1), in every
 * pairing the theme draws; and the ratios the `@cssprop` JSDoc gives (hence the README's table)
 * are the ones computed. axe checks the contrast of texts it meets in a rendered page, never a
 * border's or a focus ring's, nor a colour shown only in a state the page is not in.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio } from '@olva/test-support/contrast';
import { tokens } from './tokens.js';

/** Each `--_name: var(--olva-name, #rrggbb)` default of the tokens, by name. */
const defaults = Object.fromEntries([...tokens.cssText.matchAll(/--_([\w-]+):\s*var\(--olva-[\w-]+,\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));

/** Text in the first colour on the second (4.5:1), as the theme draws it. */
const TEXT: [string, string, string][] = [
  ['color-text', 'color-background', 'body text'],
  ['color-text', 'color-surface', 'review, notices, receipt'],
  ['color-text-muted', 'color-background', 'help, hints, description, progress'],
  ['color-text-muted', 'color-surface', 'unanswered in the review'],
  ['color-primary', 'color-background', 'links, secondary buttons'],
  ['color-primary', 'color-surface', 'the review\'s « Modifier » buttons'],
  ['color-primary-contrast', 'color-primary', 'primary button'],
  ['color-background', 'color-primary', 'the commune picker\'s active option'],
  ['color-error', 'color-background', 'errors, the summary\'s links'],
  ['color-warning', 'color-background', 'warnings, their summary\'s links'],
];
/** A control, border, focus ring or graphic in the first colour next to the second (3:1). */
const COMPONENTS: [string, string, string][] = [
  ['color-border', 'color-background', 'text boxes, the progress bar, the commune list, matrix rows'],
  ['color-focus', 'color-background', 'focus ring'],
  ['color-focus', 'color-surface', 'focus ring in the review'],
  ['color-primary', 'color-background', 'button borders, ticked boxes, the progress value'],
  ['color-error', 'color-background', 'an invalid box\'s border, the error bar'],
  ['color-warning', 'color-background', 'the warnings summary\'s frame'],
  ['color-success', 'color-background', 'the receipt\'s bar'],
  ['color-success', 'color-surface', 'the receipt\'s bar, inside'],
];

describe('the neutral theme\'s default colours', () => {
  it('are read from the tokens', () => {
    expect(Object.keys(defaults).length).toBeGreaterThanOrEqual(11);
  });

  it('give text 4.5:1 and controls, borders and focus rings 3:1, in every pairing drawn', () => {
    const below = (pairs: [string, string, string][], floor: number) => pairs
      .map(([fg, bg, what]) => ({ what, fg, bg, ratio: Number(contrastRatio(defaults[fg]!, defaults[bg]!).toFixed(2)) }))
      .filter((p) => !(p.ratio >= floor));
    expect(below(TEXT, 4.5)).toEqual([]);
    expect(below(COMPONENTS, 3)).toEqual([]);
  });

  it('are documented with the ratios they have on white', () => {
    const source = readFileSync(new URL('../olva-survey/olva-survey.ts', import.meta.url), 'utf8');
    const documented = [...source.matchAll(/@cssprop \[--olva-([\w-]+)=(#[0-9a-f]{6})\][^\n]*?\((\d+(?:\.\d+)?):1/gi)];
    expect(documented.length).toBeGreaterThanOrEqual(7);
    for (const [, name, hex, ratio] of documented) {
      expect(hex!.toLowerCase(), name).toBe(defaults[name!]);
      expect(contrastRatio(hex!, '#ffffff').toFixed(1), name).toBe(ratio);
    }
  });
});
