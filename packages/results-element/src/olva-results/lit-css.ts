/**
 * What the `<olva-results>` bundle gives the modules that import `css` from 'lit' (the shared
 * theme tokens of `@olva/elements`; see rollup.config.mjs): their text, in `cssText` as Lit's
 * `CSSResult` has it. The element adopts one style sheet made from that text itself
 * (`styles.ts`), so Lit's CSSResult class is not bundled.
 */

/** Lit's `css` tag, reduced to the text it carries (interpolated results or numbers included). */
export function css(strings: TemplateStringsArray, ...values: ({ cssText: string } | number)[]): { cssText: string } {
  return { cssText: values.reduce<string>((text, v, i) => text + (typeof v === 'number' ? v : v.cssText) + strings[i + 1], strings[0]!) };
}
