/**
 * The duplicates a token may see: probable duplicates among the responses of its reach
 * (excluded ones included, so that an exclusion can be undone from the list), each member
 * with what a coordinator needs to choose (name as typed, RNA number, commune, channel,
 * reception) and a link to the response.
 *
 * Name, RNA number (and commune, were a questionnaire to mark it) are answers to questions
 * marked personal: they are shown under the rules of `GET /v1/responses/{id}` (the same
 * `personalPolicy`, read from the questionnaire's definitions), so a token without
 * `export-personal` still sees the groups and why they are grouped, not who is in them.
 */
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { jsonTextList, type SqlDb } from '../store/sql.js';
import { toStored, whereOf } from '../store/sql-store.js';
import type { Exclusion, ResponseFilter, StoredResponse, TerritoryRef } from '../store/types.js';
import { FACTS_AS_RESPONSES, NAME_QUESTION, RNA_QUESTION, COMMUNE_QUESTION } from '../store/facts.js';
import { findDuplicates, type DuplicateCandidate } from './detect.js';
import { officialName } from '@olva/compiler/geography';
import { exportedResponse, personalPolicies, personalState } from '../export/personal.js';

/** A member's fields that carry an answer, and the question each comes from. */
const ANSWER_FIELDS = [['name', NAME_QUESTION], ['rna', RNA_QUESTION], ['commune', COMMUNE_QUESTION]] as const;

/** A member's field that carries an answer (and may be left out as personal). */
export type AnswerField = (typeof ANSWER_FIELDS)[number][0];

/** One response of a group. */
export interface DuplicateMember {
  submissionId: string;
  receivedAt: string;
  territory: TerritoryRef;
  channel: string;
  wave: string;
  /** Null when not answered, or left out as personal (see `DuplicateList.personal`). */
  name: string | null;
  /** Null when not answered, or left out as personal. */
  rna: string | null;
  /** Null when not answered, or left out as personal. */
  commune: string | null;
  /** The commune's name, when `commune` is the code of a current one. */
  communeName: string | null;
  /** `GET` it with a `read` token. */
  link: string;
  /** Set when a coordinator set this response aside. */
  excluded: Exclusion | null;
}

/** The document of `GET /v1/cockpit/duplicates`. */
export interface DuplicateList {
  groups: { reasons: ('rna' | 'name')[]; members: DuplicateMember[] }[];
  /** Groups where every member but one at most is set aside. */
  resolved: number;
  /**
   * What was done with the members' personal answers: `left-out` for a token without
   * `export-personal` (the fields of `personalLeftOut` are then null), `included` for one
   * with it, `none` when no field shown is personal.
   */
  personal: 'none' | 'included' | 'left-out';
  /** The members' fields whose question is personal, left out when `personal` is `left-out`. */
  personalLeftOut: AnswerField[];
}

/** How personal answers are read: every known version of the questionnaires, and whether the reader may have them. */
export interface PersonalReading {
  known: readonly CompiledQuestionnaire[];
  include: boolean;
}

/** The candidates of a filter (excluded responses included). */
async function candidates(db: SqlDb, filter: ResponseFilter): Promise<DuplicateCandidate[]> {
  const { sql, params } = whereOf({ ...filter, includeExcluded: true }, db);
  const rows = await db.query(
    `SELECT submission_id AS id, received_at, wave, rna, name_key, commune FROM ${FACTS_AS_RESPONSES}
     ${sql ? `${sql} AND` : 'WHERE'} (rna IS NOT NULL OR name_key IS NOT NULL)`,
    params,
  );
  return rows.map((r) => ({
    submissionId: String(r.id), receivedAt: String(r.received_at), wave: String(r.wave),
    rna: r.rna === null ? null : String(r.rna), nameKey: r.name_key === null ? null : String(r.name_key), commune: r.commune === null ? null : String(r.commune),
  }));
}

/**
 * The members of the groups as they are now, each with its exclusion, in ONE statement (one
 * snapshot): read apart, a decision or an erasure committed between the reads (an erasure
 * restores the responses set aside for the one erased) showed a group in a state it never
 * had, and counted it resolved. A member erased since the grouping is absent.
 */
async function membersNow(db: SqlDb, ids: readonly string[]): Promise<Map<string, { stored: StoredResponse; excluded: Exclusion | null }>> {
  if (!ids.length) return new Map();
  const rows = await db.query(
    `SELECT r.submission_id, r.received_at, r.digest, r.payload, x.kept_id, x.excluded_by, x.excluded_at
     FROM olva_responses r LEFT JOIN olva_exclusions x ON x.submission_id = r.submission_id
     WHERE r.submission_id IN (${jsonTextList(db.dialect)})`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [String(r.submission_id), {
    stored: toStored(r),
    excluded: r.kept_id === null || r.kept_id === undefined ? null
      : { submissionId: String(r.submission_id), keptId: String(r.kept_id), by: String(r.excluded_by), at: String(r.excluded_at) },
  }]));
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Lists the probable duplicates of a filter, personal answers read as `personal` says. Reads
 * the cockpit's facts as they are: the caller refreshes them first (`refreshFacts`), once
 * for all it reads from them.
 */
export async function listDuplicates(db: SqlDb, filter: ResponseFilter, personal: PersonalReading): Promise<DuplicateList> {
  const groups = findDuplicates(await candidates(db, filter));
  const now = await membersNow(db, groups.flatMap((g) => g.members));
  const policyOf = personalPolicies(personal.known, personal.include);
  const personalFields = new Set<AnswerField>();
  const out: DuplicateList = { groups: [], resolved: 0, personal: 'none', personalLeftOut: [] };
  for (const g of groups) {
    const members: DuplicateMember[] = [];
    const fields = new Set<AnswerField>();
    for (const id of g.members) {
      const member = now.get(id);
      if (!member) continue; // erased meanwhile
      const { stored, excluded } = member;
      const policy = policyOf(stored.payload.questionnaire.id);
      for (const [field, question] of ANSWER_FIELDS) if (policy.questions.has(question)) fields.add(field);
      const r = exportedResponse(stored, policy);
      const a = (r.payload as ResponsePayload).answers as Record<string, unknown>;
      members.push({
        submissionId: r.submissionId, receivedAt: r.receivedAt, territory: r.payload.territory, channel: r.payload.channel, wave: r.payload.wave,
        name: text(a[NAME_QUESTION]), rna: text(a[RNA_QUESTION]), commune: text(a[COMMUNE_QUESTION]),
        communeName: officialName('commune', text(a[COMMUNE_QUESTION]) ?? '') ?? null,
        link: `/v1/responses/${r.submissionId}`, excluded,
      });
    }
    if (members.length < 2) continue;
    if (members.filter((m) => !m.excluded).length <= 1) out.resolved += 1;
    out.groups.push({ reasons: g.reasons, members });
    for (const f of fields) personalFields.add(f);
  }
  if (personalFields.size) {
    out.personal = personalState({ include: personal.include, questions: personalFields });
    out.personalLeftOut = personal.include ? [] : ANSWER_FIELDS.map(([f]) => f).filter((f) => personalFields.has(f));
  }
  return out;
}
