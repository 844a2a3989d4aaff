/**
 * Linked figures: a question shown under a condition (`visibleWhen`) was asked of the
 * respondents whose answers to its filter questions meet the condition, so its published
 * `answered` (and every figure it publishes: shares, row bases, n) is a lower bound of that
 * count — equal to it when the question is required. When the frequency rule hides counts of
 * the filter, that bound can give them back: `employeur` [oui 15, non 2] hides both cells, yet
 * `nb_salaries` answered by 15 says 15 and so 2. The rule (README, "Figures liées"):
 *
 * A filtered question's figures are withheld (`withheldReason: "filter-suppressed"`) unless the
 * count it was asked of is known from what the group publishes anyway. That count is known
 * when the condition reads one question F only, F is a single choice, boolean or scale whose
 * distribution is published, the question is in every version answered in the group with a
 * condition selecting the same codes T (and the same outcome for "no answer"), and the hidden
 * counts of F are all inside T or all outside it (their sum is published: answered − shown).
 * Otherwise it is known only when no question the condition reads has a hidden count, a
 * withheld base or row, or is itself withheld by this rule (nesting: a question filtered by a
 * withheld filtered question is withheld too; through a question never aggregated — free
 * text — the rule follows that question's own condition). A crosstab with such an axis is
 * withheld with it (crosstab/crosstab.ts).
 */
import type { CompiledQuestion, CompiledQuestionnaire, Condition } from '@olva/schema';
import { allQuestions, conditionNames, evaluateCondition, otherKey } from '@olva/runtime';
import type { Category, QuestionFigures } from '../results.js';

/** How a condition reads a question: its plain answer, or a matrix row or `other` text of it. */
type Read = 'value' | 'part';

/** The questions a condition reads in a version, or null when a name is not a string. */
function readsOf(when: Condition, version: readonly CompiledQuestion[]): Map<string, Read> | null {
  const names = conditionNames(when);
  if (!names) return null;
  const out = new Map<string, Read>();
  for (const name of names) {
    for (const q of version) {
      if (name === q.id) out.set(q.id, out.get(q.id) ?? 'value');
      else if (name === otherKey(q.id) || name.startsWith(`${q.id}.`)) out.set(q.id, 'part');
    }
  }
  // A value read as well as a part is read as a part: the precise path below does not apply.
  return out;
}

/** Every count a published question shows, for "does it hide one?". */
function categoriesOf(f: QuestionFigures): Category[] {
  if (f.kind === 'distribution' || f.kind === 'multiple') return f.categories ?? [];
  if (f.kind === 'numeric') return f.classes ?? [];
  return (f.rows ?? []).flatMap((r) => r.categories ?? []);
}

/** True when a published question hides something the count of a question it filters depends on. */
function hidesSomething(f: QuestionFigures): boolean {
  if (f.status === 'withheld') return true;
  if (f.kind === 'matrix' && (f.rows ?? []).some((r) => r.status === 'withheld')) return true;
  return categoriesOf(f).some((c) => c.count === null);
}

/** The answer a payload carries for a code of a published distribution. */
function answerOfCode(f: QuestionFigures, c: Category): unknown {
  if (f.type === 'boolean') return c.code === 'true';
  if (f.type === 'scale') return c.value;
  return c.code;
}

/** The codes of F a condition holds for, and whether it holds when F is not answered. */
function selection(when: Condition | undefined, filter: QuestionFigures & { categories: Category[] }): string {
  if (when === undefined) return '*';
  const codes = filter.categories.filter((c) => evaluateCondition(when, { [filter.id]: answerOfCode(filter, c) } as never)).map((c) => c.code);
  return JSON.stringify([codes, evaluateCondition(when, {})]);
}

/** Context of one group. */
interface GroupView {
  figures: ReadonlyMap<string, QuestionFigures>;
  versions: readonly CompiledQuestionnaire[];
  /** Questions withheld by this rule so far, with the filters that withhold them. */
  blocked: Map<string, string[]>;
}

const isWithheld = (view: GroupView, id: string) => view.blocked.has(id) || view.figures.get(id)?.status === 'withheld';

/**
 * The precise path: one distribution F read, the same selection in every version, published.
 * Returns true when the count asked is known, false when it is not, null when the path does
 * not apply.
 */
function knownFromOneFilter(view: GroupView, id: string, reads: Map<string, Read>): boolean | null {
  if (reads.size !== 1) return null;
  const [[filterId, how]] = [...reads];
  const filter = view.figures.get(filterId!);
  if (how !== 'value' || !filter || filter.kind !== 'distribution' || isWithheld(view, filterId!) || !filter.categories) return null;
  const selections = new Set<string>();
  for (const version of view.versions) {
    const q = allQuestions(version).find((x) => x.id === id);
    if (!q) return null;
    selections.add(selection(q.visibleWhen, filter as typeof filter & { categories: Category[] }));
  }
  if (selections.size !== 1) return null;
  const [selected] = selections;
  if (selected === '*') return true;
  const codes = new Set((JSON.parse(selected!) as [string[], boolean])[0]);
  const hidden = filter.categories.filter((c) => c.count === null);
  // The hidden counts add up to a published figure: a selection holding all or none of them
  // is a published sum; one that splits them is not.
  return hidden.every((c) => codes.has(c.code)) || hidden.every((c) => !codes.has(c.code));
}

/** The filters that make a filtered question's figures unsafe to publish (empty: safe). */
function unsafeFilters(view: GroupView, id: string): string[] {
  const causes = new Set<string>();
  const all = new Map<string, Read>();
  for (const version of view.versions) {
    const list = allQuestions(version);
    const q = list.find((x) => x.id === id);
    if (!q || q.visibleWhen === undefined) continue;
    const reads = readsOf(q.visibleWhen, list);
    // A name that is not a string could read anything: nothing can be said to be safe.
    if (!reads) return ['*'];
    for (const [r, how] of reads) all.set(r, all.get(r) === 'part' ? 'part' : how);
  }
  const precise = knownFromOneFilter(view, id, all);
  if (precise !== null) return precise ? [] : [...all.keys()];
  for (const filter of all.keys()) {
    const f = view.figures.get(filter);
    if (f ? view.blocked.has(filter) || hidesSomething(f) : view.blocked.has(filter)) causes.add(filter);
  }
  return [...causes];
}

/**
 * The figures of one group with the filtered questions that would reveal a hidden count of
 * their filters withheld (see the rule above), and the reason of every withheld question.
 * @param versions the compiled versions answered in the group.
 */
export function withholdLinked(questions: readonly QuestionFigures[], versions: readonly CompiledQuestionnaire[]): QuestionFigures[] {
  const view: GroupView = { figures: new Map(questions.map((f) => [f.id, f])), versions, blocked: new Map() };
  // Every question shown under a condition, aggregated or not (free text passes its filter on).
  const filtered = [...new Set(versions.flatMap((v) => allQuestions(v).filter((q) => q.visibleWhen !== undefined).map((q) => q.id)))];
  // Withholding only ever adds causes: repeat until nothing changes (conditions may read a
  // later question, and a question withheld here can withhold the ones it filters).
  for (let changed = true; changed;) {
    changed = false;
    for (const id of filtered) {
      if (view.blocked.has(id)) continue;
      const causes = unsafeFilters(view, id);
      if (causes.length) {
        view.blocked.set(id, causes);
        changed = true;
      }
    }
  }
  return questions.map((f) => {
    const causes = view.blocked.get(f.id);
    if (causes && f.status !== 'withheld') return withheldFigures(f, causes);
    return f.status === 'withheld' ? { ...f, withheldReason: f.withheldReason ?? 'small-base' } : f;
  });
}

/** A question's figures with nothing published but who it is and why. */
function withheldFigures(f: QuestionFigures, filters: string[]): QuestionFigures {
  // '*': a condition reading a name that is not a string, which names no filter.
  const withheldFilters = filters.filter((id) => id !== '*');
  const common = { id: f.id, type: f.type, label: f.label, conditional: f.conditional, status: 'withheld' as const, withheldReason: 'filter-suppressed' as const, withheldFilters };
  return f.kind === 'numeric' ? { ...common, kind: 'numeric', unit: f.unit } : { ...common, kind: f.kind };
}
