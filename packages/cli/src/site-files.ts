/**
 * What `olva serve` serves beside the API, so that the README's two tags work against a
 * production collector as they do against the demo: the embed, the `<olva-results>` bundle,
 * the iframe page and the accepted builds. Found beside the CLI (installed packages, or the
 * monorepo's siblings); a part that is not there is simply not served.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IFRAME_PAGE_DIR, type SiteFiles } from '@olva/collector';
import { embedPath } from './commands/preview.js';

/** The directory of an installed package's main file, or of the monorepo's sibling package. */
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

/** The files of the collector's site for the accepted `builds`. */
export function collectorSiteFiles(builds: readonly string[]): SiteFiles {
  const embed = embedPath();
  return {
    builds,
    ...(embed ? { embedDir: path.dirname(embed) } : {}),
    iframeDir: IFRAME_PAGE_DIR,
    ...(() => { const d = packageDist('@olva/results-element', 'results-element'); return d ? { resultsEmbedDir: d } : {}; })(),
  };
}
