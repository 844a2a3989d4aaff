/**
 * The "extension only" view of `olva preview`: the compiled questionnaire cut down to the
 * extension's own questions, so that a territorial developer sees them without the core.
 * A condition or check that reads a core question cannot hold without it: it is dropped (the
 * question is always shown) and the page says so.
 */
import { conditionVars } from '@olva/compiler';
import type { CompiledQuestionnaire, Condition } from '@olva/schema';

/** True when the condition reads only questions of `kept` (or cannot be read: then it is kept). */
function readsOnly(condition: Condition, kept: ReadonlySet<string>): boolean {
  const vars = conditionVars(condition);
  if (!vars) return false;
  // `<id>_other` texts belong to their question.
  return [...vars].every((v) => kept.has(v) || kept.has(v.replace(/_other$/, '')));
}

/** The extension's questions only (sections without any are left out); null for a bare core. */
export function extensionOnly(compiled: CompiledQuestionnaire): { compiled: CompiledQuestionnaire; droppedConditions: number } | null {
  if (!compiled.extension) return null;
  const kept = new Set(compiled.sections.flatMap((s) => s.questions).filter((q) => q.origin.kind === 'extension').map((q) => q.id));
  let droppedConditions = 0;
  const sections = compiled.sections.map((s) => ({
    ...s,
    questions: s.questions.filter((q) => kept.has(q.id)).map((q) => {
      const copy = { ...q };
      if (copy.visibleWhen !== undefined && !readsOnly(copy.visibleWhen, kept)) { delete copy.visibleWhen; droppedConditions++; }
      if (copy.required && typeof copy.required === 'object' && !readsOnly(copy.required, kept)) { delete copy.required; droppedConditions++; }
      return copy;
    }),
  })).filter((s) => s.questions.length > 0);
  const checks = compiled.checks.filter((c) => readsOnly(c.when, kept) && c.questions.every((id) => kept.has(id)));
  // The core's own checks are not the extension's business; count only the extension's.
  droppedConditions += compiled.checks.filter((c) => c.origin.kind === 'extension' && !checks.includes(c)).length;
  return { compiled: { ...compiled, sections, checks }, droppedConditions };
}
