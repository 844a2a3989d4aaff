/**
 * The lint context: an index of the core and the extension built once, so that each rule
 * stays a few lines. Built defensively: lint may be given documents that failed schema
 * validation (in tests, or by tools that want every problem at once), so nothing here assumes
 * a property is present or has the right type.
 */
import type { QuestionnaireDefinition, TerritorialExtension, Question } from '@olva/schema';
import { childPointer, isJsonObject, pointerOf } from '@olva/schema';
import { scanCondition, type ConditionScan } from './walk.js';

/** Which of the two documents. */
export type DocKind = 'core' | 'extension';

/** A question as found in a document. */
export interface QuestionEntry {
  question: Question;
  id: string;
  doc: DocKind;
  /** Pointer of the question object in its document. */
  pointer: string;
  /**
   * Position in the assembled questionnaire (0-based), or null when the question would not be
   * placed (inserted at an extension point that does not exist).
   */
  position: number | null;
}

/** A section as found in a document. */
export interface SectionEntry {
  id: string;
  doc: DocKind;
  pointer: string;
  items: unknown[];
}

/** A check as found in a document. */
export interface CheckEntry {
  id: string;
  doc: DocKind;
  pointer: string;
  check: Record<string, unknown>;
}

/** A condition: where it is, who owns it, and what it reads. */
export interface ConditionEntry {
  doc: DocKind;
  /** `visibleWhen` and `required` belong to a question; `when` to a check. */
  role: 'visibleWhen' | 'required' | 'when';
  owner: QuestionEntry | CheckEntry;
  condition: unknown;
  /** Pointer of the condition. */
  pointer: string;
  scan: ConditionScan;
}

/** Everything a rule may read. */
export interface LintContext {
  core: QuestionnaireDefinition;
  extension: TerritorialExtension | null;
  /** Every question: the core's in document order, then the extension's (insertions, then sections). */
  questions: QuestionEntry[];
  sections: SectionEntry[];
  checks: CheckEntry[];
  conditions: ConditionEntry[];
  /** Core question ids → entries (first occurrence). */
  coreQuestions: Map<string, QuestionEntry>;
  /** Names of the core's extension points → pointer of their first declaration. */
  extensionPoints: Map<string, string>;
  /** Answer names a condition of the given document may read (ids, `<id>_other`, matrix rows `<id>.<row>`). */
  readable(doc: DocKind): Set<string>;
  /** The question an answer name belongs to (`x_other` → `x`, `grid.row` → `grid`), among those `doc` may read. */
  questionOf(name: string, doc: DocKind): QuestionEntry | undefined;
  /**
   * Extension questions outside the namespace, by the id they get once it is fixed
   * (`quartier` → `rennes.quartier`): a condition that reads that id fails only because of the
   * namespace error, which is the one to report.
   */
  namespaceFixes: Map<string, QuestionEntry>;
}

/**
 * The id `id` should have in the namespace `namespace` (`quartier` or `renes.quartier` →
 * `rennes.quartier`), or undefined when it is already in it.
 */
export function namespacedId(id: string, namespace: string): string | undefined {
  if (id.startsWith(`${namespace}.`)) return undefined;
  return `${namespace}.${id.includes('.') ? id.slice(id.indexOf('.') + 1) : id}`;
}


function array(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** True when a section item is an extension point. */
export function isPoint(item: unknown): item is { extensionPoint: unknown } {
  return isJsonObject(item) && 'extensionPoint' in item;
}

/** Builds the lint context. Pure: the documents are read, never modified. */
export function createContext(core: QuestionnaireDefinition, extension: TerritorialExtension | null): LintContext {
  const questions: QuestionEntry[] = [];
  const sections: SectionEntry[] = [];
  const checks: CheckEntry[] = [];
  const conditions: ConditionEntry[] = [];
  const extensionPoints = new Map<string, string>();

  const addQuestion = (q: unknown, doc: DocKind, ptr: string): QuestionEntry | null => {
    if (!isJsonObject(q)) return null;
    const entry: QuestionEntry = { question: q as unknown as Question, id: typeof q.id === 'string' ? q.id : '', doc, pointer: ptr, position: null };
    questions.push(entry);
    return entry;
  };

  // The extension's insertions, by point, to compute the assembled order.
  const inserted = new Map<string, QuestionEntry[]>();
  const insertEntries: QuestionEntry[] = [];
  array(extension?.insert).forEach((ins, i) => {
    if (!isJsonObject(ins)) return;
    array(ins.items).forEach((q, j) => {
      if (!isJsonObject(q) || isPoint(q)) return;
      const entry: QuestionEntry = { question: q as unknown as Question, id: typeof q.id === 'string' ? q.id : '', doc: 'extension', pointer: pointerOf('insert', i, 'items', j), position: null };
      insertEntries.push(entry);
      if (typeof ins.at === 'string') {
        const list = inserted.get(ins.at) ?? [];
        list.push(entry);
        inserted.set(ins.at, list);
      }
    });
  });

  let position = 0;
  array(core?.sections).forEach((s, i) => {
    if (!isJsonObject(s)) return;
    const sptr = pointerOf('sections', i);
    sections.push({ id: typeof s.id === 'string' ? s.id : '', doc: 'core', pointer: sptr, items: array(s.items) });
    array(s.items).forEach((item, j) => {
      if (isPoint(item)) {
        if (typeof item.extensionPoint === 'string') {
          if (!extensionPoints.has(item.extensionPoint)) {
            extensionPoints.set(item.extensionPoint, childPointer(sptr, 'items', j));
            for (const e of inserted.get(item.extensionPoint) ?? []) e.position = position++;
          }
        }
        return;
      }
      const e = addQuestion(item, 'core', childPointer(sptr, 'items', j));
      if (e) e.position = position++;
    });
  });
  questions.push(...insertEntries);
  array(extension?.sections).forEach((s, i) => {
    if (!isJsonObject(s)) return;
    const sptr = pointerOf('sections', i);
    sections.push({ id: typeof s.id === 'string' ? s.id : '', doc: 'extension', pointer: sptr, items: array(s.items) });
    array(s.items).forEach((item, j) => {
      if (isPoint(item)) return;
      const e = addQuestion(item, 'extension', childPointer(sptr, 'items', j));
      if (e) e.position = position++;
    });
  });

  const addChecks = (list: unknown, doc: DocKind) => array(list).forEach((c, i) => {
    if (!isJsonObject(c)) return;
    const entry: CheckEntry = { id: typeof c.id === 'string' ? c.id : '', doc, pointer: pointerOf('checks', i), check: c };
    checks.push(entry);
    if ('when' in c) conditions.push({ doc, role: 'when', owner: entry, condition: c.when, pointer: childPointer(entry.pointer, 'when'), scan: scanCondition(c.when, childPointer(entry.pointer, 'when')) });
  });
  addChecks(core?.checks, 'core');
  addChecks(extension?.checks, 'extension');

  for (const q of questions) {
    const raw = q.question as unknown as Record<string, unknown>;
    if ('visibleWhen' in raw) {
      const p = childPointer(q.pointer, 'visibleWhen');
      conditions.push({ doc: q.doc, role: 'visibleWhen', owner: q, condition: raw.visibleWhen, pointer: p, scan: scanCondition(raw.visibleWhen, p) });
    }
    if ('required' in raw && typeof raw.required !== 'boolean') {
      const p = childPointer(q.pointer, 'required');
      conditions.push({ doc: q.doc, role: 'required', owner: q, condition: raw.required, pointer: p, scan: scanCondition(raw.required, p) });
    }
  }
  // Document order, so that findings come out in the order a reader meets them.
  const docRank = (d: DocKind) => (d === 'core' ? 0 : 1);
  conditions.sort((a, b) => docRank(a.doc) - docRank(b.doc) || comparePointers(a.pointer, b.pointer));

  const coreQuestions = new Map<string, QuestionEntry>();
  for (const q of questions) if (q.doc === 'core' && q.id && !coreQuestions.has(q.id)) coreQuestions.set(q.id, q);

  const byName = { core: new Map<string, QuestionEntry>(), extension: new Map<string, QuestionEntry>() };
  for (const q of questions) {
    if (!q.id) continue;
    const names = [q.id];
    const raw = q.question as unknown as Record<string, unknown>;
    if (isJsonObject(raw.other)) names.push(`${q.id}_other`);
    // The runtime lets conditions read one row of a matrix as `<id>.<row>`.
    if (raw.type === 'matrix') for (const row of array(raw.rows)) if (isJsonObject(row) && typeof row.code === 'string') names.push(`${q.id}.${row.code}`);
    for (const n of names) {
      if (q.doc === 'core' && !byName.core.has(n)) byName.core.set(n, q);
      if (!byName.extension.has(n)) byName.extension.set(n, q);
    }
  }
  const readableCache = new Map<DocKind, Set<string>>();
  const namespaceFixes = new Map<string, QuestionEntry>();
  const namespace = extension?.namespace;
  if (typeof namespace === 'string') {
    for (const q of questions) {
      const fixed = q.doc === 'extension' && q.id && !coreQuestions.has(q.id) ? namespacedId(q.id, namespace) : undefined;
      if (fixed && !byName.extension.has(fixed)) namespaceFixes.set(fixed, q);
    }
  }

  return {
    core,
    extension,
    questions,
    sections,
    checks,
    conditions,
    coreQuestions,
    extensionPoints,
    readable(doc) {
      let set = readableCache.get(doc);
      if (!set) { set = new Set(byName[doc].keys()); readableCache.set(doc, set); }
      return set;
    },
    questionOf(name, doc) {
      return byName[doc].get(name);
    },
    namespaceFixes,
  };
}

/** Orders JSON pointers the way their targets appear in the document (array indexes numerically). */
export function comparePointers(a: string, b: string): number {
  const ta = a.split('/');
  const tb = b.split('/');
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] === tb[i]) continue;
    const na = /^\d+$/.test(ta[i]!) ? Number(ta[i]) : NaN;
    const nb = /^\d+$/.test(tb[i]!) ? Number(tb[i]) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return ta[i]! < tb[i]! ? -1 : 1;
  }
  return ta.length - tb.length;
}
