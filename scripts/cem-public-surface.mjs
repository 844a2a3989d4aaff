// A custom-elements-manifest analyser plugin shared by the packages that ship elements
// (@olva/elements, @olva/results-element): their custom-elements.json keeps the public surface.

/** Keeps the public surface only: no internal (`_…`) attributes, no private or `#` members, only the `olva-` events. */
export function publicSurfaceOnly() {
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
