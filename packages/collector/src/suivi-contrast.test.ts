/**
 * The cockpit's colours (`suivi/suivi.css`, its `:root` custom properties) against each other,
 * computed from the properties themselves: text 4.5:1 (RGAA 3.2), controls, focus ring and the
 * charts' shapes 3:1 (RGAA 3.3), in every pairing the page draws. axe checks the texts it meets
 * in a rendered view, never a border, a focus ring or a chart's shape.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { contrastRatio } from '@olva/test-support/contrast';

const css = readFileSync(new URL('../suivi/suivi.css', import.meta.url), 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
const colour = Object.fromEntries([...root.matchAll(/--olva-([\w-]+):\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\b/gi)].map((m) => [m[1]!, m[2]!]));

it('gives the cockpit\'s text 4.5:1 and its controls, focus ring and chart shapes 3:1, in every pairing drawn', () => {
  const pairs: [string, string, number, string][] = [
    ['text', 'background', 4.5, 'text'], ['text', 'surface', 4.5, 'the top bar, figures'],
    ['muted', 'background', 4.5, 'notes'], ['muted', 'surface', 4.5, 'figures\' names'],
    ['accent', 'background', 4.5, 'links, buttons'], ['accent', 'surface', 4.5, 'the top bar\'s buttons and links'],
    ['accent-text', 'accent', 4.5, 'primary and current buttons'],
    ['warning', 'background', 4.5, 'errors, tags'], ['warning', 'differs', 4.5, 'a tag in a differing row'],
    ['text', 'differs', 4.5, 'a differing row'],
    ['focus', 'background', 3, 'focus ring'], ['focus', 'surface', 3, 'focus ring in the top bar'],
    ['accent', 'background', 3, 'button borders'], ['border', 'background', 3, 'token box and wave chooser'],
    ['bar', 'background', 3, 'chart bars and line'], ['bar-expected', 'background', 3, 'the expected share\'s frame'],
  ];
  const below = pairs.map(([fg, bg, floor, what]) => ({ what, fg, bg, floor, ratio: Number(contrastRatio(colour[fg]!, colour[bg]!).toFixed(2)) }))
    .filter((p) => !(p.ratio >= p.floor));
  expect(below).toEqual([]);
});
