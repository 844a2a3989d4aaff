/**
 * Validation before comparison (`olva diff`, `olva impact`): each definition or extension is
 * checked against its schema and the lint rules, as `olva validate` would, so that a version
 * whose conditions read a removed code is refused before anything is classified.
 */
import {
  load, validateDocuments, lint, hasErrors,
  type CompilerProblem, type LoadedDocument,
} from '@olva/compiler';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';

/** A definition checked on its own: its schema problems, then (when the schema holds) its lint problems. */
export function checkDefinition(doc: LoadedDocument): CompilerProblem[] {
  const problems = validateDocuments([doc]);
  if (hasErrors(problems)) return problems;
  return [...problems, ...lint(doc.document as QuestionnaireDefinition, null, { core: doc.file })];
}

/** An extension checked against a core: its schema problems, then its own lint problems. */
export function checkExtension(doc: LoadedDocument, core: LoadedDocument): CompilerProblem[] {
  const problems = validateDocuments([doc]);
  if (hasErrors(problems)) return problems;
  return [...problems, ...lint(core.document as QuestionnaireDefinition, doc.document as TerritorialExtension, { core: core.file, extension: doc.file })
    .filter((p) => p.file === doc.file)];
}

/** Loads a core (for `--core`) and checks it; `core` is null when it cannot be used. */
export async function loadCore(path: string): Promise<{ core: LoadedDocument | null; problems: CompilerProblem[] }> {
  const loaded = await load([path]);
  const core = loaded.documents[0];
  if (!core) return { core: null, problems: loaded.problems };
  if (core.kind !== 'questionnaire') {
    return {
      core: null,
      problems: [{
        file: path, pointer: '', rule: 'load/wrong-kind', severity: 'error',
        message: 'the core file is not a questionnaire definition', hint: 'give the core questionnaire (olva-core.json)',
        fr: { message: 'le fichier du tronc commun n’est pas une définition de questionnaire', hint: 'donnez le tronc commun (olva-core.json)' },
      }],
    };
  }
  const problems = checkDefinition(core);
  return { core: hasErrors(problems) ? null : core, problems };
}
