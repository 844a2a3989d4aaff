/**
 * Questions renamed through the crosswalk (`{ question: <new id>, from: <old id> }`). The old
 * definition is compared under the new ids, so that a renamed question is compared with what
 * it was (its wording, choices, bounds) instead of being reported as removed and added, and
 * conditions that read it are not reported as changed for the rename alone.
 */
import type { Crosswalk, QuestionnaireDefinition } from '@olva/schema';
import { isNotComparable } from '@olva/schema';

/** Old id → new id, for every crosswalk mapping whose `from` differs from its `question`. */
export function renamesOf(crosswalk: Crosswalk | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of crosswalk?.questions ?? []) {
    if (!isNotComparable(e) && e.from !== e.question) out.set(e.from, e.question);
  }
  return out;
}

/** `{"var": "old"}` and `{"var": "old.row"}` read under their new ids; a deep copy. */
function renameVars(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameVars(v, renames));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'var' && typeof v === 'string') {
      const dot = v.indexOf('.');
      const head = dot < 0 ? v : v.slice(0, dot);
      out[k] = renames.has(head) ? `${renames.get(head)}${dot < 0 ? '' : v.slice(dot)}` : v;
    } else out[k] = renameVars(v, renames);
  }
  return out;
}

/**
 * A copy of `before` where each question renamed by `renames` carries its new id, and every
 * condition and check reads the new ids. Questions whose new id already exists in `before`
 * are left alone (the crosswalk checks report it).
 */
export function withRenames(before: QuestionnaireDefinition, renames: ReadonlyMap<string, string>): QuestionnaireDefinition {
  const existing = new Set(before.sections.flatMap((s) => s.items.flatMap((i) => ('id' in i ? [i.id] : []))));
  const usable = new Map([...renames].filter(([, to]) => !existing.has(to)));
  if (usable.size === 0) return before;
  const copy = renameVars(before, usable) as QuestionnaireDefinition;
  for (const section of copy.sections) {
    for (const item of section.items) {
      if ('id' in item && usable.has(item.id)) item.id = usable.get(item.id)!;
    }
  }
  for (const check of copy.checks ?? []) check.questions = check.questions.map((q) => usable.get(q) ?? q) as typeof check.questions;
  return copy;
}
