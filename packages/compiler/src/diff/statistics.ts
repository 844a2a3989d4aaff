/**
 * The changes a statistician cares about, question by question: reworded, added, removed,
 * renamed, recoded, split, merged, codes added or removed, declared not comparable, and what
 * else changed (routing, bounds, type). Read from the classified changes and the crosswalk.
 */
import {
  codeChanges, crosswalkEntryFor, crosswalkVersionOf, isNotComparable,
  type LocalizedText, type QuestionnaireDefinition,
} from '@olva/schema';
import type { Change, ChangeKind } from './types.js';

/** One change to a question, in a statistician's words. */
export type StatisticalChange =
  | { what: 'reworded' | 'added' | 'removed' }
  | { what: 'renamed'; from: string }
  | { what: 'recoded'; from: string; to: string }
  | { what: 'split'; from: string; to: string[] }
  | { what: 'merged'; from: string[]; to: string }
  | { what: 'code-added' | 'code-removed'; code: string }
  | { what: 'not-comparable'; reason: LocalizedText }
  | { what: 'changed'; rules: string[] };

/** What happened to one question between the two versions. */
export interface QuestionVerdict {
  /** Id in the new version (in the old one when removed). */
  question: string;
  /** The largest kind among its changes. */
  kind: ChangeKind;
  changes: StatisticalChange[];
}

/** The codes a crosswalk entry maps onto. */
function targetsOf(entry: ReturnType<typeof crosswalkEntryFor>): Set<string> {
  return new Set(entry && !isNotComparable(entry) ? Object.values(entry.codes ?? {}).flat() : []);
}

const RANK: Record<ChangeKind, number> = { patch: 1, minor: 2, major: 3 };
/** Rules that the statistical view names by themselves (the rest are listed under `changed`). */
const NAMED = new Set(['wording-changed', 'question-added', 'question-removed', 'choice-added', 'choice-removed', 'question-renamed']);

/** One verdict per question that changed, in the order of the changes. */
export function questionVerdicts(changes: readonly Change[], before: QuestionnaireDefinition, after: QuestionnaireDefinition): QuestionVerdict[] {
  const byQuestion = new Map<string, Change[]>();
  for (const c of changes) if (c.question) byQuestion.set(c.question, [...(byQuestion.get(c.question) ?? []), c]);
  const oldQs = new Map(crosswalkVersionOf(before).questions.map((q) => [q.id, q]));
  const newQs = new Map(crosswalkVersionOf(after).questions.map((q) => [q.id, q]));
  for (const e of after.crosswalk?.questions ?? []) if (!byQuestion.has(e.question) && newQs.has(e.question)) byQuestion.set(e.question, []);

  return [...byQuestion].map(([id, cs]) => {
    const out: StatisticalChange[] = [];
    const rules = new Set(cs.map((c) => c.rule));
    const entry = crosswalkEntryFor(after.crosswalk, id);
    if (rules.has('question-added')) out.push({ what: 'added' });
    if (rules.has('question-removed')) out.push({ what: 'removed' });
    if (entry && !isNotComparable(entry) && entry.from !== id) out.push({ what: 'renamed', from: entry.from });
    if (rules.has('wording-changed')) out.push({ what: 'reworded' });
    if (entry && isNotComparable(entry)) out.push({ what: 'not-comparable', reason: entry.notComparable });
    const was = oldQs.get(entry && !isNotComparable(entry) ? entry.from : id);
    const now = newQs.get(id);
    if (was && now && !(entry && isNotComparable(entry))) {
      const codes = entry && !isNotComparable(entry) ? entry.codes ?? {} : {};
      const moves = codeChanges(codes);
      for (const s of moves.split) out.push({ what: 'split', ...s });
      for (const m of moves.merged) out.push({ what: 'merged', ...m });
      for (const r of moves.recoded) out.push({ what: 'recoded', ...r });
      const oldCodes = (was.choices ?? []).map((c) => c.code);
      const newCodes = (now.choices ?? []).map((c) => c.code);
      const targets = targetsOf(entry);
      for (const c of oldCodes) if (!newCodes.includes(c) && !(c in codes)) out.push({ what: 'code-removed', code: c });
      for (const c of newCodes) if (!oldCodes.includes(c) && !targets.has(c)) out.push({ what: 'code-added', code: c });
    }
    // New codes put in place of the code they split or recode are that split, not an insertion.
    const fresh = (now?.choices ?? []).filter((c) => !(was?.choices ?? []).some((o) => o.code === c.code));
    if (fresh.every((c) => targetsOf(entry).has(c.code))) rules.delete('choice-inserted');
    const other = [...rules].filter((r) => !NAMED.has(r));
    if (other.length) out.push({ what: 'changed', rules: other });
    const kind = cs.reduce<ChangeKind>((k, c) => (RANK[c.kind] > RANK[k] ? c.kind : k), cs.length ? 'patch' : entry ? 'major' : 'patch');
    return { question: id, kind, changes: out };
  });
}
