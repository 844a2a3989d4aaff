// Bundles the embed: packages/embed/dist/olva.js, one minified ES module that a page loads
// with <script type="module">. Input is the TypeScript output of @olva/embed
// (packages/embed/dist/tsc/olva.js, from `tsc -b`), so run `npx tsc -b packages/embed`
// (or `npm run build`) first. Lit, @olva/elements, @olva/runtime and json-logic-js (CommonJS)
// are bundled in; nothing is loaded at run time but the questionnaire JSON.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { minify as minifyCss } from 'csso';

const banner = '/*! olva embed (EUPL-1.2) | includes Lit (BSD-3-Clause, Google LLC) and json-logic-js (MIT, Jeremy Wadhams) */';

/**
 * Minifies the CSS of our `css` tagged templates (the theme): terser leaves template text as
 * written, and the theme's comments, which say why a rule is there, and its indentation weighed
 * 0.7 KB of the gzipped embed. csso without restructuring: rules keep their order and their
 * fallbacks. Only templates with neither `${}` nor a backslash, whose source text is the CSS
 * itself.
 */
function minifyCssTemplates() {
  return {
    name: 'olva-minify-css-templates',
    transform(code, id) {
      if (!id.includes('/packages/')) return null;
      const text = new MagicString(code);
      // tsc writes the tag as `css \``.
      for (const m of code.matchAll(/\bcss ?`([^`$\\]*)`/g)) {
        const start = m.index + m[0].length - m[1].length - 1;
        text.overwrite(start, start + m[1].length, minifyCss(m[1], { restructure: false, filename: id }).css);
      }
      return text.hasChanged() ? { code: text.toString(), map: text.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

export default {
  input: 'packages/embed/dist/tsc/olva.js',
  output: {
    file: 'packages/embed/dist/olva.js',
    format: 'es',
    sourcemap: true,
    banner,
  },
  plugins: [
    // `browser` first, then the default (production) builds of Lit, never its `development` ones.
    nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
    commonjs(),
    minifyCssTemplates(),
    terser({ ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: /^!/ } }),
  ],
};
