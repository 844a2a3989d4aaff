#!/usr/bin/env node
// `npm run bench`: the front-end bench (<olva-survey> beside survey-core + survey-js-ui in the
// same Chromium) and the collector bench (olva beside a hello-world route of the same
// framework, in the same run). Prints Markdown tables; the README quotes them.
import { runFrontBench, formatFrontTable } from './bench/front.mjs';
import { runCollectorBench, formatCollectorTable } from './bench/collector.mjs';
import { runReportBench, formatReportTable } from './bench/report.mjs';
import { runResultsBench, formatResultsTable } from './bench/results.mjs';
import { runCockpitBench, formatCockpitTable } from './bench/cockpit.mjs';

const only = process.argv[2];
const out = [];
if (!only || only === 'front') out.push('## Embed (olva vs SurveyJS)\n\n' + formatFrontTable(await runFrontBench()));
if (!only || only === 'collector') out.push('## Collector (olva vs fastify hello-world)\n\n' + formatCollectorTable(await runCollectorBench()));
if (!only || only === 'report') out.push('## Documents (key-figures PDF)\n\n' + formatReportTable(await runReportBench()));
if (!only || only === 'results') out.push('## Results (olva analyse)\n\n' + formatResultsTable(await runResultsBench()));
if (!only || only === 'cockpit') out.push('## Collection cockpit\n\n' + formatCockpitTable(await runCockpitBench()));
console.log('\n' + out.join('\n\n'));
