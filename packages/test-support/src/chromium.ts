/**
 * Launches the Debian Chromium (`/usr/bin/chromium`) with playwright-core, with the flags every
 * OLVA browser test and benchmark uses. Never downloads a browser.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { existsSync } from 'node:fs';

/** The Chromium shipped by Debian; the only browser the tests use. */
export const CHROMIUM_PATH = process.env.OLVA_CHROMIUM ?? '/usr/bin/chromium';

/** Command-line flags: no sandbox (containers), no GPU, and no traffic beyond loopback. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]);

/**
 * Starts a headless Chromium. Extra flags (e.g. `--enable-precise-memory-info` for the bench)
 * are appended to {@link CHROMIUM_ARGS}.
 * @throws when /usr/bin/chromium is missing, with the Debian package to install.
 */
export async function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install the Debian package "chromium" (apt-get install chromium)`);
  }
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
