/**
 * @olva/cli: the `olva` command. `main(argv, io)` runs it in-process (used by the bin and by
 * tests); the registry lists the commands and loads their modules on demand.
 */
export { main, printHelp, SUMMARIES } from './cli.js';
export { COMMAND_NAMES, isCommand, loadCommand, CommandUnavailable } from './commands/index.js';
export type { CommandName } from './commands/index.js';
export { EXIT, pickLang, say, sayBoth } from './io.js';
export type { CommandIO, CommandModule, Output, Lang, Bilingual } from './io.js';
export { defaultCorePath } from './core-path.js';
