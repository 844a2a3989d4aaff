/**
 * Registers <olva-results>. Loading it twice on one page is harmless: the first definition stays.
 */
import { OlvaResults } from './olva-results/olva-results.js';

if (!customElements.get('olva-results')) customElements.define('olva-results', OlvaResults);

declare global {
  interface HTMLElementTagNameMap {
    'olva-results': OlvaResults;
  }
}

export { OlvaResults };
