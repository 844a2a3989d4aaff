/** Indexes a definition by ids so that rules compare like with like. */
import type { Question, QuestionnaireDefinition } from '@olva/schema';
import type { Change, ChangeKind, IndexedDefinition } from './types.js';

/** True when an item is a question (not an extension point). */
export function isQuestion(item: unknown): item is Question {
  return typeof item === 'object' && item !== null && 'id' in item && 'type' in item;
}

/** The definition indexed by question, section, extension point and check ids. */
export function indexDefinition(definition: QuestionnaireDefinition): IndexedDefinition {
  const out: IndexedDefinition = {
    definition,
    questions: new Map(),
    sections: new Map(),
    extensionPoints: new Map(),
    checks: new Map(),
  };
  let order = 0;
  definition.sections.forEach((section, s) => {
    out.sections.set(section.id, { section, index: s, pointer: `/sections/${s}` });
    let index = 0;
    section.items.forEach((item, i) => {
      const pointer = `/sections/${s}/items/${i}`;
      if (isQuestion(item)) {
        out.questions.set(item.id, { question: item, section: section.id, index: index++, order: order++, pointer });
      } else if ('extensionPoint' in item) {
        out.extensionPoints.set(item.extensionPoint, { section: section.id, pointer });
      }
    });
  });
  (definition.checks ?? []).forEach((check, c) => out.checks.set(check.id, { check, pointer: `/checks/${c}` }));
  return out;
}

/** Canonical JSON (sorted keys), to compare conditions and other values by meaning of structure. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Questions present in both versions, with both placements. */
export function commonQuestions(ctx: { before: IndexedDefinition; after: IndexedDefinition }) {
  const pairs = [];
  for (const [id, after] of ctx.after.questions) {
    const before = ctx.before.questions.get(id);
    if (before) pairs.push({ id, before, after });
  }
  return pairs;
}

/** One classified change, with its message in English and French. */
export function change(kind: ChangeKind, pointer: string, rule: string, en: string, fr: string, question?: string): Change {
  return { kind, pointer, rule, message: en, fr: { message: fr }, ...(question !== undefined ? { question } : {}) };
}
