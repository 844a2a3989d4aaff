/**
 * Routing of the paper form, computed from the conditions: which questions a respondent
 * skips after a given answer ("Si non, passez à la question 14"). Only what is certain is
 * written: a question is skipped when its condition reads nothing but the answer just given
 * and is false for it.
 */
import { answerName, evaluateLogic, isOperation, operation, truthy, type CompiledQuestion, type CompiledQuestionnaire } from '@olva/schema';
import { allQuestions, choicesOf } from './question-parts.js';

/** The variables a condition reads (undefined when one is not a plain name). */
export function conditionVars(node: unknown, out = new Set<string>()): Set<string> | undefined {
  if (Array.isArray(node)) {
    for (const n of node) if (!conditionVars(n, out)) return undefined;
    return out;
  }
  if (!isOperation(node)) return out;
  const [op, args] = operation(node);
  if (op === 'var') {
    if (typeof args[0] !== 'string') return undefined;
    out.add(args[0]);
    return out;
  }
  if (op === 'missing' || op === 'missing_some') {
    const keys = op === 'missing' ? (Array.isArray(args[0]) ? args[0] : args) : args[1];
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return undefined;
    keys.forEach((k) => out.add(k as string));
    return out;
  }
  for (const a of args) if (!conditionVars(a, out)) return undefined;
  return out;
}

/** The possible answers of a question with few of them (with their value), or undefined. */
export function finiteAnswers(q: CompiledQuestion): { value: unknown; code: string; label: { fr: string; en?: string } }[] | undefined {
  if (q.type === 'boolean') {
    return [
      { value: true, code: '1', label: { fr: 'Oui', en: 'Yes' } },
      { value: false, code: '0', label: { fr: 'Non', en: 'No' } },
    ];
  }
  if (q.type === 'single') return choicesOf(q).map((c) => ({ value: c.code, code: c.code, label: c.label }));
  if (q.type === 'scale') return q.choices.map((c, i) => ({ value: i + 1, code: String(i + 1), label: c.label }));
  return undefined;
}

/** One "if you answer this, go to" instruction. */
export interface Jump {
  /** The answers that lead there (codes, as printed). */
  answers: { code: string; label: { fr: string; en?: string } }[];
  /** The question to go to, or null for the end of the questionnaire. */
  to: CompiledQuestion | null;
}

/**
 * The jumps after a question (empty when no answer skips anything). After each answer the
 * following questions are walked in order: one is skipped when its condition reads only this
 * question and questions already skipped (which then have no answer), and is false; the walk
 * stops at the first question that is, or may be, asked. So a chain (Q12 asked if Q11 > 0, Q11
 * asked if Q10 = Oui) is followed through, and "go to" never names a question the same answer
 * hides.
 */
export function jumpsAfter(question: CompiledQuestion, compiled: CompiledQuestionnaire): Jump[] {
  const answers = finiteAnswers(question);
  if (!answers) return [];
  const questions = allQuestions(compiled);
  const start = questions.findIndex((q) => q.id === question.id) + 1;
  const jumps: Jump[] = [];
  for (const a of answers) {
    const skipped = new Set<string>();
    let i = start;
    while (i < questions.length && certainlySkipped(questions[i]!, question.id, a.value, skipped)) skipped.add(questions[i++]!.id);
    if (i === start) continue;
    const to = i < questions.length ? questions[i]! : null;
    const existing = jumps.find((j) => j.to === to);
    if (existing) existing.answers.push({ code: a.code, label: a.label });
    else jumps.push({ answers: [{ code: a.code, label: a.label }], to });
  }
  return jumps;
}

/** True when `q` is hidden for certain once `answered` is `value` and the `skipped` questions have no answer. */
function certainlySkipped(q: CompiledQuestion, answered: string, value: unknown, skipped: ReadonlySet<string>): boolean {
  if (!q.visibleWhen) return false;
  const vars = conditionVars(q.visibleWhen);
  if (!vars || !vars.has(answered) && ![...vars].some((v) => skipped.has(v))) return false;
  // `<id>_other` is empty when its question is skipped, like the question itself.
  const known = (v: string) => v === answered || skipped.has(v) || skipped.has(v.replace(/_other$/, ''));
  if (![...vars].every(known)) return false;
  return !truthy(evaluateLogic(q.visibleWhen, { [answered]: value }, answerName));
}
