/**
 * @olva/results-element: the <olva-results> web component (Lit). This entry registers
 * nothing; `@olva/results-element/define` does, and `dist/olva-results.js` is the single-file
 * embed.
 */
export { OlvaResults } from './olva-results/olva-results.js';
export { loadResults, isResultsDocument, ResultsLoadError } from './olva-results/load.js';
export { resultsStrings, type ResultsStrings } from './olva-results/strings.js';
