/**
 * What `olva serve` says at start-up about the optional bundles it could not find: one line
 * each, naming the prefix not served and the package to install.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlesNotServed, collectorSiteFiles } from './site-files.js';

describe('bundlesNotServed', () => {
  it('names each bundle that is missing, with the npm install that adds it, French and English', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-site-files-'));
    try {
      expect(bundlesNotServed({ builds: [], embedDir: dir, resultsEmbedDir: path.join(dir, 'absent') })).toEqual([{
        fr: '  ne sert pas /results-embed/ : @olva/results-element n’est pas installé ; ajoutez-le avec npm install @olva/results-element',
        en: '  does not serve /results-embed/: @olva/results-element is not installed; add it with npm install @olva/results-element',
      }]);
      expect(bundlesNotServed({ builds: [] }).map((line) => line.en)).toEqual([
        '  does not serve /embed/: @olva/embed is not installed; add it with npm install @olva/embed',
        '  does not serve /results-embed/: @olva/results-element is not installed; add it with npm install @olva/results-element',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says nothing when both are found (the repository, built)', () => {
    expect(bundlesNotServed(collectorSiteFiles([])), 'run `npm run build` first').toEqual([]);
  });
});
