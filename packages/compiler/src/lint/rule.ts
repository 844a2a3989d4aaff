/**
 * The shape of a lint rule. Rules are small objects in the manner of ajv keywords: a name
 * (what users see between brackets and can look up), a severity, a one-line description and a
 * `check` function that reads the lint context and returns findings. One rule per file; the
 * registry is `registry.ts`.
 */
import type { LintContext, DocKind, QuestionEntry } from './context.js';
import type { Severity } from '../problems.js';

/** A text in both languages (French first). */
export interface Bilingual { fr: string; en: string }

/** One thing a rule found wrong. */
export interface Finding {
  /** Which document it is in. */
  doc: DocKind;
  /** JSON pointer inside that document. */
  pointer: string;
  /** What is wrong. */
  message: Bilingual;
  /** How to fix it. */
  hint: Bilingual;
}

/** A lint rule. */
export interface LintRule {
  /** The rule's name, kebab-case, e.g. `duplicate-id`. */
  name: string;
  /** `error` blocks the build. */
  severity: Severity;
  /** What the rule rejects, for documentation and `olva validate --rules`. */
  description: Bilingual;
  /** Reads the context (never modifies it) and returns what is wrong, in document order. */
  check(context: LintContext): Finding[];
}

/** Shorthand for a finding: messages and hints are `[fr, en]` pairs, French first. */
export function finding(doc: DocKind, pointer: string, message: [fr: string, en: string], hint: [fr: string, en: string]): Finding {
  return { doc, pointer, message: { fr: message[0], en: message[1] }, hint: { fr: hint[0], en: hint[1] } };
}

/** Quotes a value for a message. */
export function q(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The extension's questions that reuse the id of a core question, each with that core
 * question: what the rules guarding the core (redefinition, visibility, requiredness) examine.
 */
export function* redeclaredCoreQuestions(context: LintContext): Generator<{ extension: QuestionEntry; core: QuestionEntry }> {
  for (const extension of context.questions) {
    if (extension.doc !== 'extension') continue;
    const core = context.coreQuestions.get(extension.id);
    if (core) yield { extension, core };
  }
}
