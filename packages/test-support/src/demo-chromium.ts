/**
 * The demo's collector and a real Chromium for a whole-system browser test file: what
 * `tests/browser/demo`, `results-demo` and `cockpit` each started and closed by hand.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Collector } from '@olva/collector';
import { launchChromium } from './chromium.js';
import { startDemoCollector, type DemoCollector, type DemoCollectorOptions } from './demo-collector.js';
import { requireBuild } from './olva-site.js';

/** What {@link demoInChromium} gives; read it inside tests and hooks only. */
export interface DemoInChromium {
  /** The Chromium the test opens its pages in. */
  readonly browser: Browser;
  /** The demo collector's `http://127.0.0.1:<port>`. */
  readonly base: string;
  /** The demo collector itself (its store, to read what a page sent). */
  readonly collector: Collector;
}

/**
 * For the enclosing file or `describe` block: before its tests, checks that the build outputs
 * `requires` exist (`requireBuild`: "run `npm run build`" otherwise), starts the demo's
 * collector with `options` (see {@link startDemoCollector}) and launches Chromium; after them,
 * closes both.
 */
export function demoInChromium(options: DemoCollectorOptions & { requires: readonly string[] }): DemoInChromium {
  const { requires, ...demoOptions } = options;
  let demo: DemoCollector | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuild(requires);
    demo = await startDemoCollector(demoOptions);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  const started = (): { demo: DemoCollector; browser: Browser } => {
    if (!demo || !browser) throw new Error('the demo is read before its block started');
    return { demo, browser };
  };
  return {
    get browser() { return started().browser; },
    get base() { return started().demo.base; },
    get collector() { return started().demo.collector; },
  };
}
