/**
 * Small helpers shared by the emitters. Every emitter is a pure function of the compiled
 * questionnaire: these helpers never read the clock, the disk or the environment.
 */
import type { CompiledQuestion, CompiledQuestionnaire, Condition, LocalizedText } from '@olva/schema';
import { OTHER_CODE } from '@olva/schema';

/** Pretty JSON with two spaces and a final newline: the one JSON layout of every output. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every question of the compiled questionnaire, in questionnaire order. */
export function allQuestions(compiled: CompiledQuestionnaire): CompiledQuestion[] {
  return compiled.sections.flatMap((s) => s.questions);
}

/** The French text, or '' when there is none. */
export function fr(text: LocalizedText | undefined): string {
  return text?.fr ?? '';
}

/** The English text, falling back to French (French is the required language). */
export function en(text: LocalizedText | undefined): string {
  return text?.en ?? text?.fr ?? '';
}

/** The key under which the "other, please specify" text of a question travels. */
export { otherKey } from '@olva/schema';

/** The condition under which the `<id>_other` text of a question is asked, and required. */
export function otherChosen(q: CompiledQuestion): Condition {
  return q.type === 'multiple' ? { in: [OTHER_CODE, { var: q.id }] } : { '==': [{ var: q.id }, OTHER_CODE] };
}

/** True when the question declares an "other, please specify" text. */
export function hasOther(q: CompiledQuestion): q is CompiledQuestion & { other: { label: LocalizedText } } {
  return (q.type === 'single' || q.type === 'multiple') && q.other !== undefined;
}

/** The choices of a question (empty for types without choices). */
export function choicesOf(q: CompiledQuestion): { code: string; label: LocalizedText }[] {
  return 'choices' in q && Array.isArray(q.choices) ? q.choices : [];
}

/** The rows of a matrix question (empty for other types). */
export function rowsOf(q: CompiledQuestion): { code: string; label: LocalizedText }[] {
  return q.type === 'matrix' ? q.rows : [];
}

/**
 * Name of the TypeScript interface of a questionnaire's answers, from its build id:
 * `olva-core+rennes-2026` → `OlvaCoreRennes2026Answers`.
 */
export function answersTypeName(compiled: CompiledQuestionnaire): string {
  const words = compiled.id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return `${/^[0-9]/.test(pascal) ? 'Q' : ''}${pascal}Answers`;
}

/**
 * Help texts may use a safe Markdown subset (links, emphasis); on paper and in the codebook
 * they are shown as plain text: `[text](url)` → `text (url)`, `**x**`/`*x*` → `x`.
 */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2');
}
