// Bundles the embed: packages/embed/dist/olva.js, one minified ES module that a page loads
// with <script type="module">. Input is the TypeScript output of @olva/embed
// (packages/embed/dist/tsc/olva.js, from `tsc -b`), so run `npx tsc -b packages/embed`
// (or `npm run build`) first. Lit, @olva/elements, @olva/runtime and json-logic-js (CommonJS)
// are bundled in; nothing is loaded at run time but the questionnaire JSON.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

const banner = '/*! olva embed (EUPL-1.2) | includes Lit (BSD-3-Clause, Google LLC) and json-logic-js (MIT, Jeremy Wadhams) */';

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
    terser({ ecma: 2020, module: true, format: { comments: /^!/ } }),
  ],
};
