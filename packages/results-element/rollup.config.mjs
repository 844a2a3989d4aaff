// Bundles <olva-results>: packages/results-element/dist/olva-results.js, one minified ES module
// that a page loads with <script type="module">. Input is the TypeScript output
// (dist/define.js, from `tsc -b`); Lit, @olva/charts and the few @olva/runtime functions it
// uses are bundled in. Run from the repository root: `npx rollup -c packages/results-element/rollup.config.mjs`.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { collapseHtmlTemplates, minifyCssTemplates } from '../../rollup.config.mjs';

/**
 * The element renders with lit-html and styles itself with Lit's css tag, without LitElement:
 * the theme's tokens (`@olva/elements/theme/tokens`) import `css` from `lit`, whose index would
 * bring LitElement and ReactiveElement (2.3 KB gzipped) into the bundle for nothing. Here `lit`
 * is its css tag; rollup fails the build if a module wants anything else from it.
 */
function litCssOnly() {
  return {
    name: 'olva-lit-css-only',
    resolveId(source, importer) {
      return source === 'lit' ? this.resolve('@lit/reactive-element/css-tag.js', importer, { skipSelf: true }) : null;
    },
  };
}

export default {
  input: 'packages/results-element/dist/define.js',
  output: {
    file: 'packages/results-element/dist/olva-results.js',
    format: 'es',
    sourcemap: true,
    banner: '/*! olva-results (EUPL-1.2) | includes Lit (BSD-3-Clause, Google LLC) */',
  },
  plugins: [
    litCssOnly(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
    commonjs(),
    minifyCssTemplates(),
    collapseHtmlTemplates(),
    terser({ ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: /^!/ } }),
  ],
};
