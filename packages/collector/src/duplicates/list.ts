/**
 * The duplicates a token may see: probable duplicates among the responses of its reach
 * (excluded ones included, so that an exclusion can be undone from the list), each member
 * with what a coordinator needs to choose (name as typed, RNA number, commune, channel,
 * reception) and a link to the response.
 */
import type { ResponsePayload } from '@olva/schema';
import type { SqlDb } from '../store/sql.js';
import { whereOf } from '../store/sql-store.js';
import type { Exclusion, ResponseFilter, ResponseStore, TerritoryRef } from '../store/types.js';
import { refreshFacts, FACTS_AS_RESPONSES, NAME_QUESTION, RNA_QUESTION, COMMUNE_QUESTION } from '../store/facts.js';
import { findDuplicates, type DuplicateCandidate } from './detect.js';
import { officialName } from '@olva/compiler/geography';

/** One response of a group. */
export interface DuplicateMember {
  submissionId: string;
  receivedAt: string;
  territory: TerritoryRef;
  channel: string;
  wave: string;
  name: string | null;
  rna: string | null;
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

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Lists the probable duplicates of a filter. */
export async function listDuplicates(db: SqlDb, store: ResponseStore, filter: ResponseFilter, sectorQuestion: string): Promise<DuplicateList> {
  await refreshFacts(db, sectorQuestion);
  const groups = findDuplicates(await candidates(db, filter));
  const excluded = new Map((await store.exclusions()).map((e) => [e.submissionId, e]));
  const out: DuplicateList = { groups: [], resolved: 0 };
  for (const g of groups) {
    const members: DuplicateMember[] = [];
    for (const id of g.members) {
      const r = await store.get(id);
      if (!r) continue; // erased meanwhile
      const a = (r.payload as ResponsePayload).answers as Record<string, unknown>;
      members.push({
        submissionId: r.submissionId, receivedAt: r.receivedAt, territory: r.payload.territory, channel: r.payload.channel, wave: r.payload.wave,
        name: text(a[NAME_QUESTION]), rna: text(a[RNA_QUESTION]), commune: text(a[COMMUNE_QUESTION]),
        communeName: officialName('commune', text(a[COMMUNE_QUESTION]) ?? '') ?? null,
        link: `/v1/responses/${r.submissionId}`, excluded: excluded.get(r.submissionId) ?? null,
      });
    }
    if (members.length < 2) continue;
    if (members.filter((m) => !m.excluded).length <= 1) out.resolved += 1;
    out.groups.push({ reasons: g.reasons, members });
  }
  return out;
}
