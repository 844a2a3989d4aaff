// custom-elements.json for @olva/results-element, from the JSDoc of the sources (`npm run cem -w
// @olva/results-element`, run by `npm run build`), as @olva/elements does for <olva-survey>.
// <olva-results> is a plain HTMLElement drawn with lit-html (decision: the 15 KB budget), so
// its attributes come from `static observedAttributes` and the members' JSDoc.

/** Keeps the public surface only: no `#private` members, only the documented events. */
function publicSurfaceOnly() {
  return {
    name: 'olva-public-surface-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.members = declaration.members?.filter((m) => !m.name.startsWith('#') && m.privacy !== 'private');
          declaration.events = declaration.events?.filter((e) => e.name?.startsWith('olva-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  plugins: [publicSurfaceOnly()],
};
