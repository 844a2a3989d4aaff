// custom-elements.json for @olva/results-element, from the JSDoc of the sources (`npm run cem -w
// @olva/results-element`, run by `npm run build`), as @olva/elements does for <olva-survey>.
// <olva-results> is a plain HTMLElement drawn with lit-html (decision 0009), so its attributes
// come from the `@attr` tags of its JSDoc (the analyser cannot read its observedAttributes).
import { publicSurfaceOnly } from '../../scripts/cem-public-surface.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  plugins: [publicSurfaceOnly()],
};
