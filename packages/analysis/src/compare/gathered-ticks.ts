/**
 * Respondents who ticked at least one of the codes a crosswalk gathers into one category of a
 * multiple choice: a split's new codes (2027's `action_sociale` and `sante` read 2026's
 * `social_sante`) or a merge's old ones. Their published counts cannot be summed as a single
 * choice's can: a respondent who ticked both codes would count twice, and the share compared
 * with the previous wave would be too high (the harmonised export counts that respondent once).
 *
 * Counted in the same pass as the figures, per group (territory and wave, as the aggregation
 * keys them): for each multiple choice with gathered codes, respondents by the set of gathered
 * codes they ticked, so at most 2^k sets for k gathered codes, whatever the number of
 * responses. The count of any category is then exact, whichever versions the two waves
 * answered. Published only when it is not a small cell and does not give one away: the
 * published counts of its codes minus it is the number of extra ticks, which for two codes is
 * the respondents who ticked both.
 */
import type { VisibilityState } from '@olva/runtime';
import { compareVersions, crosswalkVersionOf, harmoniseQuestion, type CompiledQuestionnaire, type CrosswalkVersion } from '@olva/schema';
import { isSmallCell, type DisclosureRules } from '../disclosure/rules.js';
import type { CountedResponse, GroupResults, TerritoryRef } from '../results.js';

const groupKey = (territory: TerritoryRef, wave: string) => `${territory.level}:${territory.code}|${wave}`;

/**
 * The core versions of the builds, oldest first, one CrosswalkVersion each; between `from`
 * and `to` when given. The core alone carries the crosswalk; an extension's build adds
 * questions the core's lacks, so a core-only build is preferred for a version.
 */
export function coreVersionChain(compiled: readonly CompiledQuestionnaire[], from?: string, to?: string): CrosswalkVersion[] {
  const byVersion = new Map<string, CompiledQuestionnaire>();
  for (const c of compiled) {
    const v = c.questionnaire.version;
    if ((from !== undefined && compareVersions(v, from) < 0) || (to !== undefined && compareVersions(v, to) > 0)) continue;
    const known = byVersion.get(v);
    if (!known || (known.extension && !c.extension)) byVersion.set(v, c);
  }
  return [...byVersion.keys()].sort(compareVersions).map((v) => crosswalkVersionOf(byVersion.get(v)!));
}

/**
 * Question id → the codes some crosswalk gathers with another code of the same version, over
 * every chain of versions the builds allow (each chain ending at a version; a chain starting
 * later gathers fewer codes, never others).
 */
function gatheredCodes(chain: readonly CrosswalkVersion[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  chain.forEach((version, k) => {
    if (!version.crosswalk) return;
    const upTo = chain.slice(0, k + 1);
    for (const q of version.questions) {
      if (q.type !== 'multiple') continue;
      const h = harmoniseQuestion(q.id, upTo);
      for (const category of h.categories) {
        for (const member of category.members) {
          if (member.codes.length < 2) continue;
          const id = h.sources.find((s) => s.version === member.version)?.question;
          if (!id) continue;
          let codes = out.get(id);
          if (!codes) out.set(id, (codes = new Set()));
          member.codes.forEach((c) => codes!.add(c));
        }
      }
    }
  });
  return out;
}

/** The respondents of gathered codes of multiple choices, counted as responses stream by. */
export class GatheredTicks {
  private readonly gathered: Map<string, Set<string>>;
  /** Group key → question id → (gathered codes ticked, joined) → respondents. */
  private readonly groups = new Map<string, Map<string, Map<string, number>>>();

  constructor(compiled: readonly CompiledQuestionnaire[], private readonly rules: DisclosureRules) {
    this.gathered = gatheredCodes(coreVersionChain(compiled));
  }

  /**
   * Counts one response: the gathered codes it ticked in each multiple choice shown.
   * @param state its visibility, as the aggregation computed it (`AggregateOptions.tap`): only
   * the answers of questions shown count, there as here.
   */
  add(payload: CountedResponse, state: VisibilityState): void {
    if (this.gathered.size === 0) return;
    const key = groupKey(payload.territory, payload.wave);
    for (const [id, codes] of this.gathered) {
      const value = state.visible.has(id) ? state.answers[id] : undefined;
      if (!Array.isArray(value)) continue;
      const ticked = [...new Set((value as unknown[]).filter((c): c is string => typeof c === 'string' && codes.has(c)))].sort();
      if (ticked.length === 0) continue;
      let questions = this.groups.get(key);
      if (!questions) this.groups.set(key, (questions = new Map()));
      let sets = questions.get(id);
      if (!sets) questions.set(id, (sets = new Map()));
      const set = ticked.join('\u0000');
      sets.set(set, (sets.get(set) ?? 0) + 1);
    }
  }

  /**
   * The respondents of a group who ticked any of `codes` in `question`, as a comparison may
   * publish it: null when it is a small cell or when `summed` (the published counts of the
   * codes added up) minus it is one; undefined when the codes are not all gathered ones.
   */
  published(group: GroupResults, question: string, codes: readonly string[], summed: number): number | null | undefined {
    const gathered = this.gathered.get(question);
    if (!gathered || codes.some((c) => !gathered.has(c))) return undefined;
    let count = 0;
    for (const [set, n] of this.groups.get(groupKey(group.territory, group.wave))?.get(question) ?? []) {
      if (set.split('\u0000').some((c) => codes.includes(c))) count += n;
    }
    return isSmallCell(count, this.rules) || isSmallCell(summed - count, this.rules) ? null : count;
  }
}
