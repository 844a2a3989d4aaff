/**
 * Phase 3: assemble. Puts the core and one territorial extension (or none) together into a
 * CompiledQuestionnaire: the questions inserted at an extension point take its place, the
 * points disappear, the extension's own sections come after the core's, questions are
 * numbered 1..n, every section, question and check records where it came from, and a `single`
 * or `multiple` question with `other` gets the reserved choice `other` at the end of its list.
 *
 * Assembly trusts that the documents passed schema validation; it does not judge them (that is
 * lint's job): an insertion at an unknown point is simply left out.
 */
import type {
  QuestionnaireDefinition, TerritorialExtension, Question, Item, Section, Check,
  CompiledQuestionnaire, CompiledSection, CompiledQuestion, CompiledCheck, Origin,
} from '@olva/schema';
import { COMPILED_FORMAT_VERSION, OTHER_CHOICE, pointerOf } from '@olva/schema';

/** True when a section item is an extension point rather than a question. */
export function isExtensionPoint(item: Item | Record<string, unknown>): item is { extensionPoint: string } {
  return typeof item === 'object' && item !== null && 'extensionPoint' in item;
}

/** The id of an assembled questionnaire: `core.id`, or `core.id+extension.id` (at most `MAX_COMPILED_ID_LENGTH` of @olva/schema). */
export function compiledId(core: Pick<QuestionnaireDefinition, 'id'>, extension: Pick<TerritorialExtension, 'id'> | null): string {
  return extension ? `${core.id}+${extension.id}` : core.id;
}

interface Placed { question: Question; origin: Origin }

function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A copy of `question` whose choices end with the "other, please specify" choice when it
 * declares `other` (docs/contracts.md, decisions of December 2026). Lint has already refused a
 * definition that declares the code `other` itself.
 */
export function withOtherChoice(question: Question): Question {
  const q = copy(question);
  if ((q.type === 'single' || q.type === 'multiple') && q.other !== undefined) q.choices = [...q.choices, copy(OTHER_CHOICE)];
  return q;
}

/**
 * Assembles the core with an extension (or `null`). Pure: neither input is modified and the
 * result shares no object with them.
 */
export function assemble(core: QuestionnaireDefinition, extension: TerritorialExtension | null): CompiledQuestionnaire {
  const coreOrigin = (ptr: string): Origin => ({ kind: 'core', id: core.id, version: core.version, pointer: ptr });
  const extOrigin = (ptr: string): Origin => ({ kind: 'extension', id: extension!.id, version: extension!.version, pointer: ptr });

  // Questions to insert, by extension point name, in the order of the extension.
  const inserts = new Map<string, Placed[]>();
  (extension?.insert ?? []).forEach((insertion, i) => {
    const list = inserts.get(insertion.at) ?? [];
    insertion.items.forEach((question, j) => list.push({ question: question as Question, origin: extOrigin(pointerOf('insert', i, 'items', j)) }));
    inserts.set(insertion.at, list);
  });

  let number = 0;
  const place = (sectionId: string, { question, origin }: Placed): CompiledQuestion =>
    ({ ...withOtherChoice(question), number: ++number, section: sectionId, origin }) as CompiledQuestion;

  const assembleSection = (section: Section, origin: Origin, resolvePoints: boolean): CompiledSection => {
    const questions: CompiledQuestion[] = [];
    section.items.forEach((item, j) => {
      if (isExtensionPoint(item)) {
        if (!resolvePoints) return;
        for (const placed of inserts.get(item.extensionPoint) ?? []) questions.push(place(section.id, placed));
        // A point used twice in the core gets the insertion once (lint reports the duplicate).
        inserts.delete(item.extensionPoint);
      } else {
        questions.push(place(section.id, { question: item, origin: { ...origin, pointer: `${origin.pointer}${pointerOf('items', j)}` } }));
      }
    });
    return {
      id: section.id,
      title: copy(section.title),
      ...(section.description ? { description: copy(section.description) } : {}),
      origin,
      questions,
    };
  };

  const sections: CompiledSection[] = [
    ...core.sections.map((s, i) => assembleSection(s, coreOrigin(pointerOf('sections', i)), true)),
    // An extension's own sections cannot host insertions: points are the core's to declare.
    ...(extension?.sections ?? []).map((s, i) => assembleSection(s as Section, extOrigin(pointerOf('sections', i)), false)),
  ];

  const checkOf = (check: Check, origin: Origin): CompiledCheck => ({
    id: check.id,
    when: copy(check.when),
    level: check.level,
    message: copy(check.message),
    questions: [...check.questions],
    origin,
  });
  const checks: CompiledCheck[] = [
    ...(core.checks ?? []).map((c, i) => checkOf(c, coreOrigin(pointerOf('checks', i)))),
    ...(extension?.checks ?? []).map((c, i) => checkOf({ ...c, level: c.level ?? 'warning' } as Check, extOrigin(pointerOf('checks', i)))),
  ];

  const description = extension ? extension.description ?? core.description : core.description;
  return {
    kind: 'olva-compiled-questionnaire',
    formatVersion: COMPILED_FORMAT_VERSION,
    id: compiledId(core, extension),
    questionnaire: { id: core.id, version: core.version },
    extension: extension ? { id: extension.id, version: extension.version, namespace: extension.namespace } : null,
    territory: extension ? copy(extension.territory) : null,
    title: copy(extension ? extension.title : core.title),
    ...(description ? { description: copy(description) } : {}),
    sections,
    checks,
    ...(core.crosswalk ? { crosswalk: copy(core.crosswalk) } : {}),
  };
}
