/**
 * Confirmed coherence warnings. A response is stored only once its error-level checks pass; a
 * check of level "warning" only asks the respondent (or the person typing a paper form) to
 * confirm. So a stored response whose answers still meet a warning's condition is one whose
 * warning was seen and confirmed: the coordinator looks at those first when checking data
 * quality. Worked out from the stored answers with the runtime's own checks, per version.
 *
 * Each response is named by its association's name under the rules of `GET /v1/responses/{id}`
 * (the same `personalPolicy`): a token without `export-personal` gets none where the
 * questionnaire marks the name personal, and is told so (`personal: 'left-out'`).
 */
import type { CompiledQuestionnaire, LocalizedText } from '@olva/schema';
import { versionKeyString } from '@olva/schema';
import { computeVisibility, failingChecks } from '@olva/runtime';
import type { QuestionnaireRegistry } from '../../questionnaire-registry.js';
import type { ResponseFilter, ResponseStore, TerritoryRef } from '../../store/types.js';
import { NAME_QUESTION } from '../../store/facts.js';
import { exportedResponse, personalPolicies, personalState } from '../../export/personal.js';

/** At most this many responses are listed; the rest are counted. */
export const MAX_LISTED_WARNINGS = 500;

/** One response with the warnings its respondent confirmed. */
export interface ConfirmedWarning {
  submissionId: string;
  receivedAt: string;
  territory: TerritoryRef;
  channel: string;
  /** The association's name as typed; null when not answered, or left out as personal (see `personal`). */
  name: string | null;
  /** The response in the API (`read` right). */
  link: string;
  checks: { id: string; message: LocalizedText; questions: string[] }[];
}

/** The confirmed warnings of a filter. */
export interface ConfirmedWarnings {
  /** The responses read. */
  responses: number;
  /** At most {@link MAX_LISTED_WARNINGS}, newest first. */
  listed: ConfirmedWarning[];
  total: number;
  /**
   * What was done with the names listed: `left-out` for a token without `export-personal`
   * (their `name` is then null), `included` for one with it, `none` when no name is personal.
   */
  personal: 'none' | 'included' | 'left-out';
}

/**
 * The responses of `filter` with confirmed warnings, newest first, and how many there are in
 * all; names only when `includePersonal` (the reader holds `export-personal`) or not personal.
 */
export async function confirmedWarnings(store: ResponseStore, registry: QuestionnaireRegistry, filter: ResponseFilter, includePersonal: boolean): Promise<ConfirmedWarnings> {
  const policyOf = personalPolicies(await registry.all(), includePersonal);
  // Whether any questionnaire read marks the name personal (else `personal` is `none`).
  let nameIsPersonal = false;
  const found: ConfirmedWarning[] = [];
  let responses = 0;
  // A payload names its versions as a version key does; a wave holds a handful of them.
  const versions = new Map<string, Promise<CompiledQuestionnaire | null>>();
  for await (const stored of store.stream(filter)) {
    responses += 1;
    const key = versionKeyString(stored.payload);
    if (!versions.has(key)) versions.set(key, registry.find(stored.payload));
    const compiled = await versions.get(key)!;
    if (!compiled || !compiled.checks.some((c) => c.level === 'warning')) continue;
    const state = computeVisibility(compiled, stored.payload.answers ?? {});
    const checks = failingChecks(compiled, state.answers, state.visible).filter((f) => f.level === 'warning');
    if (checks.length === 0) continue;
    const policy = policyOf(stored.payload.questionnaire.id);
    nameIsPersonal ||= policy.questions.has(NAME_QUESTION);
    const name = (exportedResponse(stored, policy).payload.answers as Record<string, unknown>)[NAME_QUESTION];
    found.push({
      submissionId: stored.submissionId,
      receivedAt: stored.receivedAt,
      territory: { level: stored.payload.territory.level, code: stored.payload.territory.code },
      channel: stored.payload.channel,
      name: typeof name === 'string' ? name : null,
      link: `/v1/responses/${stored.submissionId}`,
      checks: checks.map((f) => ({ id: f.check.id, message: f.message, questions: [...f.questions] })),
    });
  }
  found.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.submissionId.localeCompare(b.submissionId));
  const personal = nameIsPersonal ? personalState({ include: includePersonal, questions: new Set([NAME_QUESTION]) }) : 'none';
  return { responses, listed: found.slice(0, MAX_LISTED_WARNINGS), total: found.length, personal };
}
