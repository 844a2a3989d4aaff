/**
 * Personal data in exports (docs/contracts.md, "Personal data"): the answers of questions marked
 * `"personal": true` (names, RNA number, e-mail, free comment) go only to a reader allowed to
 * have them: an HTTP token with the `export-personal` right, or `olva export --personal`.
 * Everyone else gets exports without them: no column in the CSV, XLSX and codebook (the
 * compiled versions lose those questions), no answer in the NDJSON payloads.
 *
 * Which questions are personal is read from every known version of the questionnaire (a
 * question personal in any is personal in all, `personalQuestionIds`), so that answers kept
 * under a version compiled before the mark existed (olva-core 2026.2.0) are left out too, as
 * soon as the collector knows a version that marks them.
 */
import { personalQuestionIds, withoutPersonalAnswers, type CompiledQuestionnaire } from '@olva/schema';
import type { Principal } from '../auth.js';
import type { StoredResponse } from '../store/types.js';

/** The response header that says what an export did with personal answers. */
export const PERSONAL_HEADER = 'olva-personal-data';

/** True when `principal` may have personal answers: its rights (scope-wide) hold `export-personal`. */
export function mayHavePersonal(principal: Principal): boolean {
  return principal.scope.rights.includes('export-personal');
}

/** What an export does with personal answers. */
export interface PersonalPolicy {
  /** True when the reader may have them (then nothing is left out). */
  include: boolean;
  /** The personal questions of the questionnaire, over every known version. */
  questions: ReadonlySet<string>;
}

/** The policy of an export of `questionnaireId`, over every `known` compiled version. */
export function personalPolicy(known: readonly CompiledQuestionnaire[], questionnaireId: string, include: boolean): PersonalPolicy {
  return { include, questions: personalQuestionIds(known.filter((c) => c.questionnaire.id === questionnaireId)) };
}

/** The personal questions an export leaves out (none when the reader may have them). */
export function leftOut(policy: PersonalPolicy): string[] {
  return policy.include ? [] : [...policy.questions].sort();
}

/** Copies of `compiled` without the questions `policy` leaves out (the inputs themselves when none is). */
export function exportedVersions(compiled: CompiledQuestionnaire[], policy: PersonalPolicy): CompiledQuestionnaire[] {
  if (policy.include || policy.questions.size === 0) return compiled;
  return compiled.map((c) => ({
    ...c,
    sections: c.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => !policy.questions.has(q.id)) })),
  }));
}

/** A stored response without the answers `policy` leaves out (itself when none is there). */
export function exportedResponse(r: StoredResponse, policy: PersonalPolicy): StoredResponse {
  if (policy.include || policy.questions.size === 0) return r;
  const answers = withoutPersonalAnswers(r.payload.answers as Record<string, unknown>, policy.questions);
  return answers === r.payload.answers ? r : { ...r, payload: { ...r.payload, answers: answers as typeof r.payload.answers } };
}

/** The stored responses with the answers `policy` leaves out removed from their payloads. */
export async function* exportedResponses(responses: AsyncIterable<StoredResponse>, policy: PersonalPolicy): AsyncIterable<StoredResponse> {
  for await (const r of responses) yield exportedResponse(r, policy);
}

/**
 * For readers of responses of any questionnaire (`GET /v1/responses`): each response without
 * the personal answers of its own questionnaire, unless `include`.
 */
export function responseReader(known: readonly CompiledQuestionnaire[], include: boolean): (r: StoredResponse) => StoredResponse {
  const policyOf = personalPolicies(known, false);
  return (r) => (include ? r : exportedResponse(r, policyOf(r.payload.questionnaire.id)));
}

/**
 * The policy of each questionnaire, worked out once per questionnaire: for readers of the
 * responses of several (the versions of a questionnaire are read once, not per response).
 */
export function personalPolicies(known: readonly CompiledQuestionnaire[], include: boolean): (questionnaireId: string) => PersonalPolicy {
  const policies = new Map<string, PersonalPolicy>();
  return (id) => {
    let policy = policies.get(id);
    if (!policy) policies.set(id, policy = personalPolicy(known, id, include));
    return policy;
  };
}

/** The value of the `olva-personal-data` header: `included`, `none`, or `left-out; questions=a,b`. */
export function personalHeader(policy: PersonalPolicy): string {
  const state = personalState(policy);
  return state === 'left-out' ? `left-out; questions=${leftOut(policy).join(',')}` : state;
}

/** The note of a codebook (French, then English) when personal questions were left out; null otherwise. */
export function personalNote(policy: PersonalPolicy): string | null {
  const ids = leftOut(policy);
  if (!ids.length) return null;
  const list = ids.map((id) => `\`${id}\``).join(', ');
  return `Données personnelles : les réponses aux questions ${list} ne figurent pas dans cet export (il faut le droit \`export-personal\`, ou \`olva export --personal\`). / *Personal data: the answers to ${list} are left out of this export (they need the \`export-personal\` right, or \`olva export --personal\`).*`;
}

/**
 * What a reading of one response does with personal answers, in a word (the cockpit's
 * `personal` field and its `olva-personal-data` header): `none` when the questionnaire marks no
 * question personal, `included` for a reader allowed to have them, `left-out` otherwise.
 */
export function personalState(policy: PersonalPolicy): 'none' | 'included' | 'left-out' {
  if (policy.questions.size === 0) return 'none';
  return policy.include ? 'included' : 'left-out';
}
