/**
 * `olva build`: compile, then emit every output file and write them into a directory. The
 * bytes written depend only on the inputs (no timestamps, files written in name order), so
 * that two builds of the same definitions are identical and can be diffed or cached.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { compile, type CompileInput, type CompileResult } from './compile.js';
import { emitAll } from './emit/index.js';
import type { CompilerProblem } from './problems.js';

/** What to build, and where. */
export interface BuildInput extends CompileInput {
  /** Output directory; created when missing. Existing files of the same names are replaced. */
  out: string;
}

/** The outcome of a build. */
export interface BuildResult extends CompileResult {
  /** Paths of the files written (empty when compilation failed), in name order. */
  files: string[];
}

function outputPath(out: string, name: string): string | null {
  const clean = normalize(name);
  if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`)) return null;
  return join(out, clean);
}

/**
 * Compiles the core (and the extension) and, when there is no error, writes the outputs of
 * every emitter into `out`. Never throws for bad definitions: problems are returned.
 */
export async function build(input: BuildInput): Promise<BuildResult> {
  const result = await compile(input);
  if (!result.compiled) return { ...result, files: [] };
  const problems: CompilerProblem[] = [...result.problems];
  let outputs: Record<string, string>;
  try {
    outputs = await emitAll(result.compiled);
  } catch (error) {
    // Emitters refuse what they cannot write faithfully (two ids giving one export column…);
    // lint catches the known cases first, so this is a last line of defence, still reported
    // as a problem rather than a crash.
    const e = error instanceof Error ? error : new Error(String(error));
    problems.push({
      file: input.extension ?? input.core,
      pointer: '',
      rule: `emit/${e.constructor.name && e.constructor.name !== 'Error' ? e.constructor.name : 'failed'}`,
      severity: 'error',
      message: e.message,
      hint: 'rename the ids the message names; if the definitions look right, report the problem',
      fr: { message: e.message, hint: 'renommez les identifiants cités ; si les définitions semblent correctes, signalez le problème' },
    });
    return { compiled: null, problems, files: [] };
  }
  const files: string[] = [];
  for (const name of Object.keys(outputs).sort()) {
    const path = outputPath(input.out, name);
    if (!path) {
      problems.push({ file: name, pointer: '', rule: 'build/unsafe-output-name', severity: 'error', message: `an emitter produced a file name outside the output directory: ${name}`, hint: 'this is a bug in the emitter; please report it' });
      continue;
    }
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, outputs[name]!, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push({
        file: path, pointer: '', rule: 'build/write-failed', severity: 'error',
        message: `cannot write the file (${reason})`,
        hint: 'check that the output directory is writable and is not a file',
        fr: { message: `écriture impossible (${reason})`, hint: 'vérifiez que le répertoire de sortie est accessible en écriture et n’est pas un fichier' },
      });
      return { compiled: null, problems, files };
    }
    files.push(path);
  }
  return { compiled: result.compiled, problems, files };
}
