// Bundles <olva-results>: packages/results-element/dist/olva-results.js, one minified ES module
// that a page loads with <script type="module">. Input is the TypeScript output
// (dist/define.js, from `tsc -b`); Lit, @olva/charts and the few @olva/runtime functions it
// uses are bundled in. Run from the repository root: `npx rollup -c packages/results-element/rollup.config.mjs`.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import MagicString from 'magic-string';
import { fileURLToPath } from 'node:url';
import { collapseHtmlTemplates, minifyCssTemplates, minifyRenaming, shortenPrivateProperties } from '../../rollup.config.mjs';

/**
 * The element renders with lit-html and adopts its own style sheet (`src/olva-results/styles.ts`),
 * without LitElement: the theme's tokens (`@olva/elements/theme/tokens`) import `css` from `lit`,
 * whose index would bring LitElement and ReactiveElement (2.3 KB gzipped) into the bundle for
 * nothing, and whose css tag its CSSResult class (0.7 KB). Here `lit` is `lit-css.ts`, a css tag
 * that keeps the text; rollup fails the build if a module wants anything else from it.
 */
function litCssOnly() {
  const shim = fileURLToPath(new URL('./dist/olva-results/lit-css.js', import.meta.url));
  return {
    name: 'olva-lit-css-only',
    resolveId(source) {
      return source === 'lit' ? shim : null;
    },
  };
}

/**
 * Drops the private properties of the shared theme tokens (`--_name:var(--olva-name, …);`,
 * `@olva/elements/theme/tokens`) that nothing in the bundle reads with `var(--_name)`: the
 * survey's controls use some (radius, warning and success colours…) that results never draw.
 * A private property is only read through `var()` by the element's own rules, so one no rule
 * reads changes nothing shown; the public `--olva-*` properties are untouched.
 */
function dropUnreadPrivateProperties() {
  return {
    name: 'olva-drop-unread-private-properties',
    renderChunk(code) {
      const text = new MagicString(code);
      for (const m of code.matchAll(/--_([a-z0-9-]+):var\(--olva-[a-z0-9-]+,[^;}]*\);?/g)) {
        if (!code.includes(`var(--_${m[1]})`) && !code.includes(`var(--_${m[1]},`)) text.remove(m.index, m.index + m[0].length);
      }
      return text.hasChanged() ? { code: text.toString(), map: text.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * Members of the element's internal parts that the minifier renames, as it does `#private` ones
 * (the embed's `INTERNAL_PROPERTIES` says when a name may join): the interface strings' that
 * are no key of the results document (`smallBase`, `median`… are, and stay), a comparison's
 * `there` and `compared`, and the charts' `legend`, `attrs` of a node, `cls` of a series, `nodes`
 * of a legend. A test checks that none is a key of a results document; the build fails where a
 * string or a template names one. 0.1 KB of the gzipped bundle.
 */
export const INTERNAL_PROPERTIES = [
  // strings.ts, and @olva/charts' words (complementaryNote)
  'complementaryNote', 'notPublishedCell', 'withheldFilter', 'classesCaption', 'compareCaption', 'sameTerritory',
  'compareMethod', 'notPublished', 'tableCaption', 'notResults', 'notNotable', 'noPrevious', 'showTable',
  'noVerdict', 'noNotable', 'noSource', 'answer', 'dataYear', 'rowBase', 'versus', 'gaps',
  // comparisons.ts, @olva/charts
  'there', 'compared', 'legend', 'attrs', 'cls', 'nodes',
];

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
    dropUnreadPrivateProperties(),
    // After the drop: the shortest names go to the properties that stay.
    shortenPrivateProperties(),
    minifyRenaming(INTERNAL_PROPERTIES),
  ],
};
