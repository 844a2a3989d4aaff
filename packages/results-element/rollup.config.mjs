// Bundles <olva-results>: packages/results-element/dist/olva-results.js, one minified ES module
// that a page loads with <script type="module">. Input is the TypeScript output
// (dist/define.js, from `tsc -b`); Lit, @olva/charts and the few @olva/runtime functions it
// uses are bundled in. Run from the repository root: `npx rollup -c packages/results-element/rollup.config.mjs`.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { minifyCssTemplates } from '../../rollup.config.mjs';

export default {
  input: 'packages/results-element/dist/define.js',
  output: {
    file: 'packages/results-element/dist/olva-results.js',
    format: 'es',
    sourcemap: true,
    banner: '/*! olva-results (EUPL-1.2) | includes Lit (BSD-3-Clause, Google LLC) */',
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
    commonjs(),
    minifyCssTemplates(),
    terser({ ecma: 2020, module: true, format: { comments: /^!/ } }),
  ],
};
