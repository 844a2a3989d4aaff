import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of sibling packages, not their dist/.
    alias: [
      { find: /^@olva\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` },
      { find: /^@olva\/([a-z-]+)\/(.+)$/, replacement: `${packages}$1/src/$2.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default leaves one core idle (one worker on a 2-core CI machine), yet the browser
    // and database tests wait on Chromium and PostgreSQL much of the time.
    maxWorkers: Math.max(2, availableParallelism()),
    // The files of a worker share its loaded modules: a fresh module graph per file cost half the
    // suite's CPU (lit, ajv, fastify, survey-core loaded 174 times). A test that changes a global,
    // the clock or the environment restores it (CONTRIBUTING.md).
    poolOptions: { forks: { isolate: false } },
    // One PostgreSQL server for the run instead of one per test file.
    globalSetup: ['packages/test-support/src/postgres-global.ts'],
    reporters: ['default'],
  },
});
