#!/usr/bin/env node
// `npm run bench`: the front-end bench (<olva-survey> beside survey-core + survey-js-ui in the
// same Chromium) and the collector bench (olva beside a hello-world route of the same
// framework, in the same run), then the documents, results, cockpit, personal-data purge and
// regional publication benches. `npm run bench -- <part>` runs one of them. Prints Markdown
// tables; the README quotes them.
import { runFrontRuns, formatFrontTable } from './bench/front.mjs';
import { runCollectorBench, formatCollectorTable } from './bench/collector.mjs';
import { runReportBench, formatReportTable } from './bench/report.mjs';
import { runResultsBench, formatResultsTable } from './bench/results.mjs';
import { runCockpitBench, formatCockpitTable } from './bench/cockpit.mjs';
import { runPurgeBench, formatPurgeTable } from './bench/purge.mjs';
import { runPublicationBench, formatPublicationTable } from './bench/publication.mjs';

const only = process.argv[2];
const PARTS = ['front', 'collector', 'report', 'results', 'cockpit', 'purge', 'publication'];
if (only && !PARTS.includes(only)) {
  console.error(`npm run bench -- <part>: « ${only} » is not a part of the bench; one of ${PARTS.join(', ')} (or none: all of them)`);
  process.exit(2);
}
const out = [];
// OLVA_BENCH_FRONT_REPEAT=N: the whole front measure N times, each row the median of the N.
if (!only || only === 'front') out.push('## Embed (olva vs SurveyJS)\n\n' + formatFrontTable(await runFrontRuns()));
if (!only || only === 'collector') out.push('## Collector (olva vs fastify hello-world)\n\n' + formatCollectorTable(await runCollectorBench()));
if (!only || only === 'report') out.push('## Documents (key-figures PDF)\n\n' + formatReportTable(await runReportBench()));
if (!only || only === 'results') out.push('## Results (olva analyse)\n\n' + formatResultsTable(await runResultsBench()));
if (!only || only === 'cockpit') out.push('## Collection cockpit\n\n' + formatCockpitTable(await runCockpitBench()));
if (!only || only === 'purge') out.push('## Personal-data purge (retention)\n\n' + formatPurgeTable(await runPurgeBench()));
if (!only || only === 'publication') out.push('## Regional publication (nested territories)\n\n' + formatPublicationTable(await runPublicationBench()));
console.log('\n' + out.join('\n\n'));
