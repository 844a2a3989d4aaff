// custom-elements.json for @olva/elements, from the JSDoc of the sources (`npm run cem -w
// @olva/elements`, run by `npm run build`). Editors, Storybook and documentation read it.
import { publicSurfaceOnly } from '../../scripts/cem-public-surface.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicSurfaceOnly()],
};
