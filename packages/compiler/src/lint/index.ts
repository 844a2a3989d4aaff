/**
 * Phase 4: lint. Runs every rule of the registry (`lint/registry.ts`) over the core and the
 * extension and reports what the schemas cannot see: duplicates, conditions that read unknown
 * or later questions or loop, unsafe operators and patterns, and everything an extension is not
 * allowed to do to the core.
 */
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import type { CompilerProblem } from '../problems.js';
import { createContext } from './context.js';
import { RULES, type LintRule } from './registry.js';

/** The file names the problems are reported against. */
export interface LintFiles {
  core: string;
  extension?: string;
}

/**
 * Lints a core (and an extension, or `null`). Pure. `rules` defaults to every registered rule.
 * Problems come out rule by rule, in the registry's order, each rule's in document order.
 */
export function lint(
  core: QuestionnaireDefinition,
  extension: TerritorialExtension | null,
  files: LintFiles,
  rules: readonly LintRule[] = RULES,
): CompilerProblem[] {
  const context = createContext(core, extension);
  const problems: CompilerProblem[] = [];
  for (const rule of rules) {
    for (const f of rule.check(context)) {
      problems.push({
        file: f.doc === 'core' ? files.core : files.extension ?? '(extension)',
        pointer: f.pointer,
        rule: rule.name,
        severity: rule.severity,
        message: f.message.en,
        hint: f.hint.en,
        fr: { message: f.message.fr, hint: f.hint.fr },
      });
    }
  }
  return problems;
}
