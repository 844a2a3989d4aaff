/**
 * `@olva/compiler/html`: the one HTML escaping function alone, for the server-side writers of
 * HTML (the paper form here, the reports of `@olva/reports`) without loading the compiler.
 */
export { escapeHtml } from './emit/html.js';
