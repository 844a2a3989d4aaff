// custom-elements.json for @olva/elements, from the JSDoc of the sources (`npm run cem -w
// @olva/elements`, run by `npm run build`). Editors, Storybook and documentation read it.

/** Keeps the public surface only: no internal state (`_view`…), only the documented events. */
function publicSurfaceOnly() {
  return {
    name: 'olva-public-surface-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.attributes = declaration.attributes?.filter((a) => !a.name.startsWith('_'));
          declaration.members = declaration.members?.filter((m) => !m.name.startsWith('_') && !m.name.startsWith('#') && m.privacy !== 'private');
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
  litelement: true,
  plugins: [publicSurfaceOnly()],
};
