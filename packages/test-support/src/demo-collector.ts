/**
 * The demo's collector as `olva demo` runs it — its own configuration and tokens — on a free
 * port and a temporary SQLite file, with or without the demo site (municipal page, iframe
 * page, both embeds, the builds), for the whole-system browser tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCollector, demoRoutes, IFRAME_PAGE_DIR, loadConfig, type Collector, type CollectorOptions } from '@olva/collector';
import { REPO } from './olva-site.js';

/** The demo's configuration (`examples/demo/olva.config.json`). */
export const DEMO_CONFIG = path.join(REPO, 'examples/demo/olva.config.json');

/** The demo's tokens by name (`national`, `rennes`, `lorient-agglo`…). */
export function demoTokens(): Record<string, string> {
  return Object.fromEntries(demoTokenEntries().map((t) => [t.name, t.token]));
}

/** A token entry as the configuration writes it, in clear (the demo's way). */
export interface DemoToken {
  name: string;
  token: string;
  scope: { territories: { level: string; code: string }[] | 'all'; rights: string[] };
}

function demoTokenEntries(): DemoToken[] {
  return JSON.parse(fs.readFileSync(DEMO_CONFIG, 'utf8')).tokens as DemoToken[];
}

/** What {@link startDemoCollector} gives. */
export interface DemoCollector {
  collector: Collector;
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** Closes the collector and removes its database. */
  close(): Promise<void>;
}

/** Options of {@link startDemoCollector}. */
export interface DemoCollectorOptions {
  /** Serve the demo site as `olva demo` does (default false: the collector alone). */
  site?: boolean;
  onStored?: CollectorOptions['onStored'];
  /** Runs once the collector is created, before it listens (to seed its store). */
  prepare?: (collector: Collector) => Promise<void>;
  /** Tokens besides the demo's (a token short of a right), given as `OLVA_TOKENS` would. */
  extraTokens?: readonly DemoToken[];
}

/** Starts the demo's collector; only the port and the database file are the test's. */
export async function startDemoCollector(options: DemoCollectorOptions = {}): Promise<DemoCollector> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-demo-'));
  const env: Record<string, string> = { OLVA_PORT: '0', OLVA_DATABASE_URL: `sqlite:${path.join(dir, 'demo.sqlite')}` };
  if (options.extraTokens?.length) env.OLVA_TOKENS = JSON.stringify([...demoTokenEntries(), ...options.extraTokens]);
  const { config } = loadConfig(DEMO_CONFIG, env);
  const collector = await createCollector({
    config,
    logStream: false,
    ...(options.site ? {
      extraRoutes: (app) => demoRoutes(app, {
        municipalDir: path.join(REPO, 'examples/municipal'),
        iframeDir: IFRAME_PAGE_DIR,
        embedDir: path.join(REPO, 'packages/embed/dist'),
        resultsEmbedDir: path.join(REPO, 'packages/results-element/dist'),
        questionnairesDir: path.join(REPO, 'build/questionnaires'),
      }),
    } : {}),
    ...(options.onStored ? { onStored: options.onStored } : {}),
  });
  try {
    await options.prepare?.(collector);
    const base = await collector.listen();
    return { collector, base, close: async () => { await collector.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  } catch (error) {
    await collector.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
