/**
 * The command registry: name → module `./<name>.js`. Modules are imported only when their
 * command runs, so `olva validate` does not load the collector. A command whose module is not
 * installed (yet) is reported as such rather than crashing.
 */
import type { CommandModule } from '../io.js';

/** Names of the commands, in the order `olva --help` lists them. */
export const COMMAND_NAMES = Object.freeze(['init', 'validate', 'build', 'preview', 'diff', 'impact', 'serve', 'demo', 'export', 'import', 'stats', 'purge', 'backup', 'token', 'reference', 'analyse', 'crosstab', 'report'] as const);

/** A command name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** True when `name` is a registered command. */
export function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** Why a command could not be loaded. */
export class CommandUnavailable extends Error {
  constructor(readonly command: string, readonly reason: 'missing' | 'invalid' | 'broken', readonly detail: string) {
    super(`command ${command} is unavailable (${reason}): ${detail}`);
  }
}

function isMissingModule(error: unknown, name: string): boolean {
  const e = error as { code?: string; message?: string };
  const message = String(e?.message ?? '');
  const mentionsSelf = new RegExp(`commands[\\\\/]${name}(?:\\.[jt]s)?\\b`).test(message) || message.includes(`./${name}.js`);
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(message)) && mentionsSelf;
}

/** Loads the module of a command; throws CommandUnavailable when it is missing or malformed. */
export async function loadCommand(name: CommandName): Promise<CommandModule> {
  let mod: Partial<CommandModule>;
  try {
    mod = (await import(`./${name}.js`)) as Partial<CommandModule>;
  } catch (error) {
    if (isMissingModule(error, name)) throw new CommandUnavailable(name, 'missing', String((error as Error).message ?? error));
    throw new CommandUnavailable(name, 'broken', String((error as Error)?.stack ?? error));
  }
  if (typeof mod.run !== 'function' || typeof mod.usage?.fr !== 'string') {
    throw new CommandUnavailable(name, 'invalid', 'the module does not export run() and usage');
  }
  return mod as CommandModule;
}
