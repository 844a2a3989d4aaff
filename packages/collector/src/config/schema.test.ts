import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema } from './schema.js';
import { loadConfig } from './load.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('configuration schema', () => {
  it('is published as olva.config.schema.json, identical to the one the server checks with', () => {
    // Regenerate from the repository root with:
    // npx tsx -e "import('./packages/collector/src/config/schema.ts').then(m => require('fs').writeFileSync('packages/collector/src/config/olva.config.schema.json', JSON.stringify(m.configSchema, null, 2) + '\n'))"
    const published = JSON.parse(fs.readFileSync(path.join(here, 'olva.config.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });

  it('accepts the demo configuration', () => {
    const file = path.resolve(here, '../../../../examples/demo/olva.config.json');
    const { config, warnings } = loadConfig(file, {});
    expect(config.builds.map((b) => path.basename(b))).toEqual(['olva-core', 'olva-core+rennes-2026', 'olva-core+lorient-agglo-2026']);
    expect(config.databaseUrl).toBe(`sqlite:${path.resolve(here, '../../../../.olva-data/demo.sqlite')}`);
    expect(config.tokens.map((t) => t.name)).toEqual(['rnma-national', 'rennes', 'lorient-agglo', 'lorient']);
    // One per token written in clear.
    expect(warnings).toHaveLength(4);
  });
});
