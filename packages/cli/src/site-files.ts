/**
 * What `olva serve` serves beside the API, so that the README's two tags work against a
 * production collector as they do against the demo: the embed, the `<olva-results>` bundle,
 * the iframe page and the accepted builds. Found beside the CLI (installed packages, or the
 * monorepo's siblings); a bundle that is not there is not served, and {@link bundlesNotServed}
 * says so at start-up with the command that adds it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IFRAME_PAGE_DIR, type SiteFiles } from '@olva/collector';
import type { Bilingual } from './io.js';

/**
 * The directory of an installed package's main file, or the `dist/` of the monorepo's sibling
 * package (`sibling` is its folder under `packages/`); undefined when neither exists.
 */
function packageDist(name: string, sibling: string): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(path.dirname(fileURLToPath(import.meta.resolve(name))));
  } catch {
    // Not installed as a dependency: the sibling package of the monorepo.
  }
  candidates.push(fileURLToPath(new URL(`../../${sibling}/dist/`, import.meta.url)));
  return candidates.find((p) => existsSync(p));
}

/** Path of the built embed bundle (`@olva/embed`), or undefined when it is not built. */
export function embedPath(): string | undefined {
  const dist = packageDist('@olva/embed', 'embed');
  const file = dist && path.join(dist, 'olva.js');
  return file && existsSync(file) ? file : undefined;
}

/** The files of the collector's site for the accepted `builds`. */
export function collectorSiteFiles(builds: readonly string[]): SiteFiles {
  const embed = embedPath();
  return {
    builds,
    embedDir: embed && path.dirname(embed),
    iframeDir: IFRAME_PAGE_DIR,
    resultsEmbedDir: packageDist('@olva/results-element', 'results-element'),
  };
}

/** The optional bundles (peers of the CLI), with the prefix each is served at. */
const BUNDLES = [
  { key: 'embedDir', name: '@olva/embed', prefix: '/embed/' },
  { key: 'resultsEmbedDir', name: '@olva/results-element', prefix: '/results-embed/' },
] as const;

/**
 * One start-up line per optional bundle of `site` that was not found (neither installed nor
 * built), naming what is not served and how to get it: otherwise only its absence from the
 * list of served prefixes hints at it, and a page that loads it gets a 404.
 */
export function bundlesNotServed(site: SiteFiles): Bilingual[] {
  return BUNDLES.filter(({ key }) => { const dir = site[key]; return !dir || !existsSync(dir); }).map(({ name, prefix }) => ({
    fr: `  ne sert pas ${prefix} : ${name} n’est pas installé ; ajoutez-le avec npm install ${name}`,
    en: `  does not serve ${prefix}: ${name} is not installed; add it with npm install ${name}`,
  }));
}
