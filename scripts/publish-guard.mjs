#!/usr/bin/env node
// The `prepublishOnly` of every publishable package: `npm publish` from a package's folder is
// refused, because it would upload a tarball nobody checked, possibly before the @olva packages
// it depends on. npm runs this script only when it publishes a folder, never a tarball: the
// tarballs `npm run pack` checked, published in their order (docs/release.md), go through.
console.error(`npm publish depuis le dossier d’un paquet est refusé : lancez « npm run pack » à la racine du dépôt, puis publiez les archives vérifiées de .olva-pack/ dans l’ordre de publish-order.txt (docs/release.md, étape 5).
Publishing from a package's folder is refused: run "npm run pack" at the repository's root, then publish the checked tarballs of .olva-pack/ in the order of publish-order.txt (docs/release.md, step 5).`);
process.exit(1);
