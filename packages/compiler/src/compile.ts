/**
 * The straight line: load → validate → assemble → lint. Stops before assembling when a file
 * cannot be read or does not match its schema, since later phases rely on the shapes.
 */
import type { QuestionnaireDefinition, TerritorialExtension, CompiledQuestionnaire } from '@olva/schema';
import { load, type LoadedDocument, type LoadedKind } from './load.js';
import { validateDocuments } from './validate.js';
import { assemble } from './assemble.js';
import { lint } from './lint/index.js';
import { hasErrors, type CompilerProblem } from './problems.js';
import { withLocations } from './problem-locations.js';

/** What to compile: the core's file and, optionally, one extension's file. */
export interface CompileInput {
  core: string;
  extension?: string | null;
}

/** The outcome: the compiled questionnaire when there is no error, and every problem found. */
export interface CompileResult {
  /** Null when any problem is an error. */
  compiled: CompiledQuestionnaire | null;
  problems: CompilerProblem[];
}

function wrongKind(doc: LoadedDocument, expected: LoadedKind): CompilerProblem | null {
  if (doc.kind === expected) return null;
  const isExt = expected === 'extension';
  return {
    file: doc.file,
    pointer: '',
    rule: 'load/wrong-kind',
    severity: 'error',
    message: isExt ? `expected a territorial extension (with "extends"), found a ${doc.kind} document` : `expected a questionnaire definition (the core), found a ${doc.kind} document`,
    hint: isExt ? 'pass the extension after --extension and the core first' : 'pass the core first; an extension goes after --extension',
    fr: {
      message: isExt ? `extension territoriale attendue (avec "extends"), trouvé un document de type ${doc.kind}` : `définition de questionnaire (tronc commun) attendue, trouvé un document de type ${doc.kind}`,
      hint: isExt ? 'passez l’extension après --extension et le tronc commun en premier' : 'passez le tronc commun en premier ; une extension se passe après --extension',
    },
  };
}

/**
 * Compiles already loaded documents (pure): checks their kinds, validates them, assembles them
 * and lints them.
 */
export function compileDocuments(core: LoadedDocument, extension: LoadedDocument | null): CompileResult {
  const kindProblems = [wrongKind(core, 'questionnaire'), extension ? wrongKind(extension, 'extension') : null]
    .filter((p): p is CompilerProblem => p !== null);
  if (kindProblems.length) return { compiled: null, problems: kindProblems };
  const schemaProblems = validateDocuments(extension ? [core, extension] : [core]);
  if (hasErrors(schemaProblems)) return { compiled: null, problems: withLocations(schemaProblems, [core, extension]) };
  const coreDoc = core.document as QuestionnaireDefinition;
  const extDoc = (extension?.document ?? null) as TerritorialExtension | null;
  const compiled = assemble(coreDoc, extDoc);
  const problems = [...schemaProblems, ...lint(coreDoc, extDoc, { core: core.file, extension: extension?.file })];
  return { compiled: hasErrors(problems) ? null : compiled, problems: withLocations(problems, [core, extension]) };
}

/**
 * Compiles a core file and an optional extension file: load → validate → assemble → lint.
 * Never throws for bad input: every problem is in `problems`.
 */
export async function compile(input: CompileInput): Promise<CompileResult> {
  const paths = input.extension ? [input.core, input.extension] : [input.core];
  const loaded = await load(paths);
  if (loaded.problems.length) return { compiled: null, problems: loaded.problems };
  const [core, extension] = loaded.documents;
  return compileDocuments(core!, extension ?? null);
}
