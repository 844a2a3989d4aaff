/**
 * The compiled questionnaire: what `olva build` writes as `questionnaire.json` and what the
 * runtime, the web components and the collector load. It is the core with one territorial
 * extension (or none) already assembled: extension points are resolved, every question and
 * check carries its provenance, and questions are numbered for the paper form.
 *
 * This is an internal contract between the compiler and its consumers; the public contracts
 * are the definition, extension and payload schemas under `schemas/`.
 */
import type { LocalizedText, Question, Condition, Crosswalk } from './questionnaire.generated.js';
import type { Territory } from './extension.generated.js';

/** Where an assembled element came from. */
export interface Origin {
  /** `core` for the common core, `extension` for a territorial extension. */
  kind: 'core' | 'extension';
  /** Id of the document (questionnaire or extension id). */
  id: string;
  /** Version of the document. */
  version: string;
  /** JSON pointer of the element in its source document, e.g. `/sections/0/items/3`. */
  pointer: string;
}

/**
 * A question once assembled: its definition plus where it sits and where it came from. A
 * `single` or `multiple` question with `other` ends its choices with `OTHER_CHOICE` (format 2).
 */
export type CompiledQuestion = Question & {
  /** 1-based number in the whole questionnaire, shown on the paper form and in data entry. */
  number: number;
  /** Id of the section that holds it. */
  section: string;
  /** Provenance. */
  origin: Origin;
};

/** A section once assembled; extension points are replaced by the questions inserted there. */
export interface CompiledSection {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  origin: Origin;
  questions: CompiledQuestion[];
}

/** A coherence check once assembled. */
export interface CompiledCheck {
  id: string;
  /** JsonLogic condition that is true when something is wrong. */
  when: Condition;
  level: 'error' | 'warning';
  message: LocalizedText;
  questions: string[];
  origin: Origin;
}

/**
 * The format of the compiled questionnaire that this version of olva writes and reads. 2: the
 * choices of a question with `other` end with the reserved choice `other` (format 1 had none,
 * and its `<id>_other` text was optional and independent of the choices).
 */
export const COMPILED_FORMAT_VERSION = 2;

/** The compiled questionnaire (`questionnaire.json` in the output of `olva build`). */
export interface CompiledQuestionnaire {
  kind: 'olva-compiled-questionnaire';
  formatVersion: typeof COMPILED_FORMAT_VERSION;
  /** `<coreId>` or `<coreId>+<extensionId>`: names the build. */
  id: string;
  /** The exact core version; copied into every payload. */
  questionnaire: { id: string; version: string };
  /** The exact extension version, or null; copied into every payload. */
  extension: { id: string; version: string; namespace: string } | null;
  /** The extension's territory; null for the bare core (the embedding page then names it). */
  territory: Territory | null;
  /** Title: the extension's when there is one, else the core's. */
  title: LocalizedText;
  description?: LocalizedText;
  sections: CompiledSection[];
  checks: CompiledCheck[];
  /** The core's crosswalk from its previous version, copied from the definition when it declares one. */
  crosswalk?: Crosswalk;
}
