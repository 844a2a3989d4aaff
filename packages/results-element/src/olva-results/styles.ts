/**
 * The element's theme in its shadow root, the way Lit's `adoptStyles` puts it there, without
 * Lit's `CSSResult` machinery (0.7 KB of the gzipped bundle): one constructed style sheet,
 * made at the first element and shared by every other of the page; where a browser cannot
 * adopt one (or a ShadyCSS polyfill stands in for shadow DOM), a `<style>` with Lit's
 * `litNonce` when the page sets one.
 */
import { theme } from './theme.js';

const page = globalThis as typeof globalThis & { ShadyCSS?: { nativeShadow?: boolean }; litNonce?: string };

/** Lit's own test (`supportsAdoptingStyleSheets`), so that the same browsers take the same path. */
const adopting = !!page.ShadowRoot && (page.ShadyCSS === undefined || !!page.ShadyCSS.nativeShadow)
  && 'adoptedStyleSheets' in Document.prototype && 'replace' in CSSStyleSheet.prototype;

let sheet: CSSStyleSheet | undefined;

/** Gives `root` the element's theme. */
export function adoptTheme(root: ShadowRoot): void {
  if (adopting) {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(theme);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  if (page.litNonce !== undefined) style.setAttribute('nonce', page.litNonce);
  style.textContent = theme;
  root.appendChild(style);
}
