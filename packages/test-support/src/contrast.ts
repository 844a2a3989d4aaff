/**
 * WCAG 2 contrast ratio (RGAA 3.2 and 3.3): the one computation of the tests, for theme
 * tokens (`#rrggbb`) and for colours read from a page (`[r, g, b]`, 0–255).
 */

/** A colour as `#rrggbb`, `#rgb` or `[r, g, b]` (0–255; a fourth item, alpha, is ignored). */
export type Colour = string | readonly number[];

/** WCAG 2 relative luminance. */
export function luminance(colour: Colour): number {
  const hex = typeof colour === 'string' && colour.length === 4 ? colour.replace(/\w/g, '$&$&') : colour;
  const channels = typeof hex === 'string' ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : hex.slice(0, 3);
  const [r, g, b] = channels.map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two colours, from 1 to 21, whichever is lighter. */
export function contrastRatio(a: Colour, b: Colour): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
