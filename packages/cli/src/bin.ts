#!/usr/bin/env node
/** The `olva` executable: runs the dispatcher on the process's arguments and streams. */
import { main } from './cli.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.stderr.write(`olva: ${(error as Error)?.stack ?? error}\n`); process.exitCode = 1; },
);
