/**
 * The one builder of small compiled questionnaires for tests and stories. It wraps questions
 * the way the compiler's assembly does (numbers across sections, section ids, provenance, the
 * choice `other` appended), without running the compiler, so that a package is tested on its
 * own and a fixture reads as the few questions it is about.
 */
import type { CompiledCheck, CompiledQuestion, CompiledQuestionnaire, LocalizedText, Origin, Question } from '@olva/schema';
import { COMPILED_FORMAT_VERSION, OTHER_CHOICE, OTHER_CODE } from '@olva/schema';

/**
 * `list` as a list of at least one element, as the schema types choices and rows: a fixture
 * built with `map` is an array to the compiler of types; an empty one is a mistake in the test.
 */
export function nonEmpty<T>(list: readonly T[]): [T, ...T[]] {
  if (list.length === 0) throw new Error('nonEmpty: the fixture list is empty');
  return [list[0]!, ...list.slice(1)];
}

/** Where an element comes from: the core or an extension, by id and version. */
export type Provenance = Omit<Origin, 'pointer'>;

/** A question from another document than its section's (e.g. an extension question inserted in a core section). */
export interface ForeignQuestion {
  question: Question;
  from: Provenance;
  /** Its pointer in that document (default: the one of its place in the section). */
  pointer?: string;
}

/** One section of the questionnaire to build. */
export interface SectionSpec {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Default: the core (`questionnaire` of the spec). */
  from?: Provenance;
  questions: Array<Question | ForeignQuestion>;
}

/** What {@link compiledQuestionnaire} builds. */
export interface CompiledSpec {
  id: string;
  /** Default `{ id: 'fixture', version: '1.0.0' }`; the core's provenance. */
  questionnaire?: { id: string; version: string };
  /** Default null (a bare core). */
  extension?: CompiledQuestionnaire['extension'];
  /** Default: the commune of Rennes (35238). */
  territory?: CompiledQuestionnaire['territory'];
  title: LocalizedText;
  sections: SectionSpec[];
  /** Checks of the core, given without origin. */
  checks?: Array<Omit<CompiledCheck, 'origin'>>;
  /**
   * `definition` (default): origins point where the element sits in a core definition
   * (`/sections/i`, `/sections/i/items/j`, `/checks/k`); `none`: empty pointers.
   */
  pointers?: 'definition' | 'none';
}

/** Rennes, the territory of most fixtures. */
export const RENNES = Object.freeze({ level: 'commune', code: '35238', name: 'Rennes' }) as NonNullable<CompiledQuestionnaire['territory']>;

/** The choices of a question with `other` end with the choice `other`, as the compiler adds it. */
function withOther(q: Question): { choices?: unknown[] } {
  if ((q.type !== 'single' && q.type !== 'multiple') || !q.other) return {};
  if (q.choices.some((c) => c.code === OTHER_CODE)) return {};
  return { choices: [...q.choices, structuredClone(OTHER_CHOICE)] };
}

const isForeign = (item: Question | ForeignQuestion): item is ForeignQuestion => 'question' in item && 'from' in item;

/** Builds a compiled questionnaire from sections of plain questions. */
export function compiledQuestionnaire(spec: CompiledSpec): CompiledQuestionnaire {
  const questionnaire = spec.questionnaire ?? { id: 'fixture', version: '1.0.0' };
  const core: Provenance = { kind: 'core', id: questionnaire.id, version: questionnaire.version };
  const at = (pointer: string) => (spec.pointers === 'none' ? '' : pointer);
  let number = 0;
  return {
    kind: 'olva-compiled-questionnaire',
    formatVersion: COMPILED_FORMAT_VERSION,
    id: spec.id,
    questionnaire: { ...questionnaire },
    extension: spec.extension ?? null,
    territory: spec.territory === undefined ? { ...RENNES } : spec.territory,
    title: spec.title,
    sections: spec.sections.map((section, i) => {
      const from = section.from ?? core;
      return {
        id: section.id, title: section.title, ...(section.description ? { description: section.description } : {}),
        origin: { ...from, pointer: at(`/sections/${i}`) },
        questions: section.questions.map((item, j) => {
          const question = isForeign(item) ? item.question : item;
          const origin = isForeign(item)
            ? { ...item.from, pointer: item.pointer ?? at(`/sections/${i}/items/${j}`) }
            : { ...from, pointer: at(`/sections/${i}/items/${j}`) };
          number += 1;
          return { ...question, ...withOther(question), number, section: section.id, origin } as CompiledQuestion;
        }),
      };
    }),
    checks: (spec.checks ?? []).map((check, k) => ({ ...check, origin: { ...core, pointer: at(`/checks/${k}`) } })),
  };
}
