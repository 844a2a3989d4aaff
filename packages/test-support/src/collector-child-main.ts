/**
 * A collector in its own process, for tests that kill it: `tsx server-child.ts <config.json>`.
 * Prints `LISTENING <url>` once it accepts requests.
 */
import { createCollector, loadConfig } from '@olva/collector';

const { config } = loadConfig(process.argv[2], { ...process.env });
const collector = await createCollector({ config, logStream: false });
const url = await collector.listen();
process.stdout.write(`LISTENING ${url}\n`);
