/**
 * Post-stratification on the main sector: each respondent weighs the expected share of their
 * sector divided by its share in the sample, so the sample's sectors take the territory's
 * expected weights. The weighted share of a code is Σ_s W_s · n(s, code) / n(s), over the
 * sectors s both expected and present in the sample (W renormalised over them); respondents
 * without a sector, or of a sector not expected, are left out. Counted in the same pass as the
 * figures, per territory with an expected distribution: sector × code counts, bounded by the
 * number of codes. A weighted share is a combination of sector × code counts nobody
 * publishes: it is given only when none of them is a small cell (it could give one away), only
 * for a question whose own figures are published, and only for a code whose count they show.
 */
import type { VisibilityState } from '@olva/runtime';
import type { CompiledQuestionnaire } from '@olva/schema';
import { Catalogue, type CatalogueEntry } from '../aggregate/catalogue.js';
import { distributionCode, multipleCodes } from '../aggregate/answers.js';
import { isSmallCell, type DisclosureRules } from '../disclosure/rules.js';
import type { CountedResponse, GroupResults, WeightedResults } from '../results.js';
import type { ExpectedSectors } from './sample.js';

/** Sector → (code → respondents), and sector → respondents who answered, for one question. */
interface Strata {
  answered: Map<string, number>;
  counts: Map<string, Map<string, number>>;
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** The sector × code counts of the territories with an expected distribution, counted as responses stream by. */
export class SectorWeighting {
  private readonly catalogue: Catalogue;
  private readonly sector: CatalogueEntry | undefined;
  /** Group key → question id → strata. */
  private readonly groups = new Map<string, Map<string, Strata>>();

  /**
   * @param wanted the territory and wave keys (`level:code|wave`) to count, those with an expected distribution.
   */
  constructor(compiled: readonly CompiledQuestionnaire[], readonly sectorQuestion: string, private readonly wanted: ReadonlySet<string>) {
    this.catalogue = new Catalogue(compiled);
    const entry = this.catalogue.get(sectorQuestion);
    this.sector = entry?.kind === 'distribution' ? entry : undefined;
  }

  /**
   * Counts one response (ignored unless its territory and wave are wanted).
   * @param state its visibility, as the aggregation computed it (`AggregateOptions.tap`).
   */
  add(payload: CountedResponse, state: VisibilityState): void {
    const key = `${payload.territory.level}:${payload.territory.code}|${payload.wave}`;
    if (!this.sector || !this.wanted.has(key)) return;
    const sectorAnswer = state.visible.has(this.sector.id) ? state.answers[this.sector.id] : undefined;
    if (sectorAnswer === undefined) return;
    const sector = distributionCode(payload.submissionId, this.sector, sectorAnswer);
    let questions = this.groups.get(key);
    if (!questions) this.groups.set(key, (questions = new Map()));
    for (const id of state.visible) {
      const entry = this.catalogue.get(id);
      const value = state.answers[id];
      if (!entry || value === undefined || (entry.kind !== 'distribution' && entry.kind !== 'multiple')) continue;
      let strata = questions.get(id);
      if (!strata) questions.set(id, (strata = { answered: new Map(), counts: new Map() }));
      bump(strata.answered, sector);
      let byCode = strata.counts.get(sector);
      if (!byCode) strata.counts.set(sector, (byCode = new Map()));
      const codes = entry.kind === 'multiple' ? multipleCodes(payload.submissionId, entry, value) : [distributionCode(payload.submissionId, entry, value)];
      for (const code of codes) bump(byCode, code);
    }
  }

  /** The weighted shares of a group, or undefined without counts or sector question. */
  result(group: GroupResults, expected: ExpectedSectors, rules: DisclosureRules): WeightedResults | undefined {
    const questions = this.groups.get(`${group.territory.level}:${group.territory.code}|${group.wave}`);
    if (!this.sector || !questions) return undefined;
    const sectorStrata = questions.get(this.sector.id);
    const present = [...(sectorStrata?.answered.keys() ?? [])].filter((s) => (expected.sectors[s] ?? 0) > 0);
    const total = present.reduce((n, s) => n + expected.sectors[s]!, 0);
    const weight = new Map(present.map((s) => [s, expected.sectors[s]! / total]));
    const out: WeightedResults = {
      method: 'post-stratification', question: this.sector.id, label: this.sector.label,
      base: present.reduce((n, s) => n + sectorStrata!.answered.get(s)!, 0), questions: [],
    };
    for (const f of group.questions) {
      const strata = questions.get(f.id);
      if (!strata || f.status === 'withheld' || (f.kind !== 'distribution' && f.kind !== 'multiple') || !f.categories) continue;
      const sectors = present.filter((s) => strata.answered.has(s));
      const mass = sectors.reduce((n, s) => n + weight.get(s)!, 0);
      if (mass === 0) continue;
      out.questions.push({
        id: f.id,
        categories: f.categories.map((c) => {
          const cells = sectors.map((s) => strata.counts.get(s)?.get(c.code) ?? 0);
          // A count the figures hide keeps its share hidden: with one sector present, share × base is the count.
          if (c.count === null || cells.some((n) => isSmallCell(n, rules))) return { code: c.code, share: null };
          const share = sectors.reduce((sum, s, i) => sum + (weight.get(s)! / mass) * (cells[i]! / strata.answered.get(s)!), 0);
          return { code: c.code, share };
        }),
      });
    }
    return out;
  }
}
