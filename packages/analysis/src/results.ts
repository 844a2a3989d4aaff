/**
 * The results document (`schemas/results.schema.json`): what the aggregation produces and what
 * every report and component reads. Each figure is protected under the rules it states:
 * counts protected by the frequency rule are null with the reason, bases under `minBase`
 * carry no figures, free text and personal answers are absent, and a question shown under a
 * condition is withheld when its figures would give back a hidden count of its filter
 * (disclosure/linked.ts).
 */
import type { LocalizedText, ResponsePayload, TerritoryLevel } from '@olva/schema';
import type { BaseStatus, DisclosureRules } from './disclosure/rules.js';
import type { Interval } from './stats/wilson.js';
import type { ComparisonRules } from './stats/two-proportions.js';

/** The level of a results document's territory: one payloads name, or `network` (network-territory.ts). */
export type ResultsTerritoryLevel = TerritoryLevel | 'network';

/** A territory as payloads name it, or the network (`network:all`, every response pooled). */
export interface TerritoryRef {
  level: ResultsTerritoryLevel;
  code: string;
}

/**
 * A response as the analysis counts it: under the territory it counts in, which is the one it
 * was collected in, the territory analysed when it lies inside it, or the network.
 */
export type CountedResponse = Omit<ResponsePayload, 'territory'> & { territory: TerritoryRef };

/** An exact version of a document. */
export interface VersionRef {
  id: string;
  version: string;
}

/**
 * The base of a question: respondents it was asked to, who answered it, who did not. For a
 * question shown under a condition, `asked` is a count of the filter question (`nb_salaries`
 * is asked of employers: its `asked` is the count of `employeur = true`), which the frequency
 * rule may hide there; so `asked` and `noAnswer` are null for such questions, and a report
 * reads them from the filter question's own figures.
 */
export interface Base {
  /** Respondents who were shown the question (its conditions held in the version answered);
   * null for a question shown under a condition. */
  asked: number | null;
  /** Those of them who answered it. */
  answered: number;
  /** asked − answered; null with `asked`. */
  noAnswer: number | null;
}

/** One code of a distribution with its count, share of the base and Wilson interval. */
export interface Category {
  code: string;
  label?: LocalizedText;
  /** The scale point (1..n) of a scale's code. */
  value?: number;
  /** Null when hidden by the frequency rule (see `suppressed`). */
  count: number | null;
  /** count / answered; null when the count is hidden. */
  share: number | null;
  /** 95% Wilson interval of the share; null when the count is hidden. */
  interval: Interval | null;
  /** Why the count is hidden: `small` (shown as "< minCell"), or `complementary` (so that a
   * small count cannot be recomputed from the total, nor from a nested territory's published
   * count: `HiddenCounts`). Absent when shown. */
  suppressed?: 'small' | 'complementary';
}

/**
 * One count of a group's figures: a code of a question, of one of its rows for a matrix, or
 * of its classes for a numeric question.
 */
export interface CountRef {
  question: string;
  /** The matrix row's code; absent outside matrices. */
  row?: string;
  code: string;
}

/**
 * Counts of one group to hide whatever their value, for a reason outside the group's figures:
 * another published document subtracts from them into a small count (a nested territory's).
 * They are published as complements (`suppressed: "complementary"`), with their own complements.
 */
export interface HiddenCounts {
  territory: TerritoryRef;
  wave: string;
  counts: readonly CountRef[];
  /** Lines (a question, or a matrix row) to withhold whatever their base (`withheldReason:
   * "complementary"`): another published document subtracts from their base into a base under
   * `minBase`. */
  lines?: readonly LineRef[];
}

/** A line of a group's figures: a question, or one row of a matrix. */
export interface LineRef {
  question: string;
  /** The matrix row's code; absent for the question itself. */
  row?: string;
}

/** What every question's figures carry. */
interface FiguresBase {
  id: string;
  type: string;
  label: LocalizedText;
  /** True when the question is shown under a condition in a version answered. */
  conditional: boolean;
  /** Absent when withheld: a small base is itself a small count (of a filter's code, say). */
  base?: Base;
  /** `withheld`: no figures (see `withheldReason`); `small`: answered < smallBase, read with care. */
  status: BaseStatus;
  /** Why a question is withheld: `small-base` (answered < minBase), `filter-suppressed`
   * (shown under a condition, its figures would give back a count of its filter question
   * that the frequency rule hides: see `withheldFilters`), or `complementary` (its figures
   * would give back a hidden count: every count hidden and their marks with the total fix one,
   * or its base less a nested territory's published one is under minBase). Absent unless withheld; optional,
   * documents of earlier versions have none. */
  withheldReason?: WithheldReason;
  /** With `filter-suppressed`: the filter questions whose hidden counts (or withheld figures)
   * this question's figures depend on. */
  withheldFilters?: string[];
}

/** Why a question's figures are withheld. */
export type WithheldReason = 'small-base' | 'filter-suppressed' | 'complementary';

/** A single choice, boolean or scale: the counts add up to the answered base. */
export interface DistributionFigures extends FiguresBase {
  kind: 'distribution';
  /** Absent when the base is withheld. */
  categories?: Category[];
}

/** A multiple choice: each share is of the respondents who answered, not of the ticks. */
export interface MultipleFigures extends FiguresBase {
  kind: 'multiple';
  categories?: Category[];
}

/** One row of a matrix, a distribution on its own base. */
export interface MatrixRowFigures {
  code: string;
  label?: LocalizedText;
  /** `asked` is the question's; `answered` those who answered this row. Absent when withheld. */
  base?: Base;
  status: BaseStatus;
  /** `complementary` when the row is withheld although its base is not under minBase (see
   * the question's `withheldReason`); absent otherwise. */
  withheldReason?: 'complementary';
  categories?: Category[];
}

/** A matrix: one distribution per row. */
export interface MatrixFigures extends FiguresBase {
  kind: 'matrix';
  /** Absent when the question's base is withheld. */
  rows?: MatrixRowFigures[];
}

/** Summary of a numeric question. Quartiles by Hyndman & Fan's definition 7. */
export interface NumericSummary {
  n: number;
  sum: number;
  mean: number;
  q1: number;
  median: number;
  q3: number;
  /** False when more values were given than kept: the quartiles are then estimated from a
   * uniform sample of them (count, sum and mean stay exact). */
  exact: boolean;
}

/** An integer, decimal or year question. */
export interface NumericFigures extends FiguresBase {
  kind: 'numeric';
  /** `age` for a year turned into whole years at the wave's reference date, `year` for a
   * year when the wave has no reference date, `value` otherwise. */
  unit: 'value' | 'age' | 'year';
  /** Absent when the base is withheld. */
  summary?: NumericSummary;
  /** The configured classes, as a distribution on the answered base (absent when withheld,
   * when none are configured, or for a year without a reference date). */
  classes?: ClassCategory[];
}

/** One class of a numeric question: [from, to), null for an open end. */
export interface ClassCategory extends Category {
  from: number | null;
  to: number | null;
}

/** The figures of one question in one group. */
export type QuestionFigures = DistributionFigures | MultipleFigures | MatrixFigures | NumericFigures;

/** One version answered in a group, with how many responses it has. */
export interface VersionAnswered {
  questionnaire: VersionRef;
  extension: VersionRef | null;
  responses: number;
}

/** The figures of one territory and wave. */
export interface GroupResults {
  territory: TerritoryRef;
  /** The territory's name ("Rennes"): the official one, or a custom territory's declared one,
   * when whoever made the document knew it (the collector does). Optional: readers fall back
   * on the level and code. */
  territoryName?: string;
  wave: string;
  /** The date years are turned into ages at, YYYY-MM-DD; null when the wave has none. */
  referenceDate: string | null;
  responses: number;
  versions: VersionAnswered[];
  questions: QuestionFigures[];
  /** Comparisons asked for (`olva analyse`); absent otherwise. Optional: readers of earlier
   * documents keep working. */
  comparisons?: GroupComparisons;
  /** The sample beside the territory's expected distribution by sector, when one is configured. */
  sample?: SampleComparison;
  /** How the responses were collected, for the report's methodology. Optional: documents of
   * earlier versions have none. */
  collection?: CollectionFigures;
}

/**
 * The collection of a group: the first and last submission, and the responses by channel and
 * by source (responses without a source are in no source). These describe how answers came,
 * not what they say, so they are published as counted.
 */
export interface CollectionFigures {
  /** The first and last `submittedAt` of the group's responses (ISO 8601, UTC). */
  from: string;
  to: string;
  byChannel: Record<string, number>;
  bySource: Record<string, number>;
}

/** A published share: count of the base, with its 95% Wilson interval. */
export interface ShareFigure {
  count: number;
  base: number;
  share: number;
  interval: Interval;
}

/** Why a comparison was not made rather than invented. */
export type ComparisonGap =
  /** a count needed is hidden by the frequency rule (here or in a territory pooled) */
  | 'hidden'
  /** the question's or row's base is withheld (under minBase) here */
  | 'withheld'
  /** the question (or code) is not in this group's figures */
  | 'not-asked'
  /** fewer than 3 other territories have a published figure: no network figure, so that no
   * single territory shows through */
  | 'too-few-territories'
  /** the reference figure has no core question to compare with */
  | 'no-question'
  /** the code or question is absent from the other wave */
  | 'not-in-previous'
  | 'not-in-current'
  /** the question's type changed between the versions answered */
  | 'type-changed'
  /** the new core's crosswalk declares the question not comparable with the previous version */
  | 'not-comparable';

/** The comparisons of one group. Each is present only when asked for. */
export interface GroupComparisons {
  network?: NetworkComparison;
  national?: NationalComparison;
  previousWave?: PreviousWaveComparison;
}

/** One share of the territory beside the same share of all other territories of the wave pooled. */
export interface NetworkShare {
  question: string;
  /** The matrix row, for a matrix. */
  row?: string;
  code: string;
  territory: ShareFigure | null;
  network: ShareFigure | null;
  /** Territories pooled for this line (published base, not withheld). */
  territories: number;
  /** Two-sided p-value of the two-proportion test; null without both figures or variance. */
  p: number | null;
  /** Verdict only with both bases ≥ the comparison's minimum base; null otherwise. */
  notable: boolean | null;
  missing?: ComparisonGap;
}

/** The territory against the network: the other territories of the same wave, pooled. */
export interface NetworkComparison {
  wave: string;
  /**
   * Other territories with responses in the wave, as distinct areas: a territory inside another
   * one listed is not one more, and those inside or around the territory compared are not others.
   */
  otherTerritories: number;
  shares: NetworkShare[];
}

/** One national reference figure beside the territory's share on the question it maps to. */
export interface NationalShare {
  /** Id of the figure in the references file. */
  id: string;
  label: LocalizedText;
  /** The core question and codes compared; null for a context figure. */
  question: string | null;
  codes: string[];
  /** The national figure: a share, or a value (a count of associations) for context. */
  national: { share?: number; count?: number; value?: number; unit?: string; source: string; year: number };
  /** Set when the national categories differ from the core's: what to keep in mind. */
  categoriesDiffer?: LocalizedText;
  /** The territory's share of the codes summed; null when it cannot be given. */
  territory: ShareFigure | null;
  /** Score test of the territory's share against the national one (taken as known). */
  p: number | null;
  notable: boolean | null;
  missing?: ComparisonGap;
}

/** The territory against national references. */
export interface NationalComparison {
  /** The references file: id, version and the full citation of each source. */
  references: { id: string; version: string; sources: Record<string, { citation: string; year: number }> };
  figures: NationalShare[];
}

/** The territory against its own previous wave. */
export interface PreviousWaveComparison {
  wave: string;
  /** False when the territory has no responses in that wave (then `shares` is empty). */
  available: boolean;
  /** The core versions answered in each wave, when they differ, and whether the new core's
   * crosswalk was applied; null when both waves answered the same core version. */
  crosswalk: { from: string[]; to: string[]; applied: boolean } | null;
  shares: PreviousWaveShare[];
}

/** One share of the current wave beside the previous wave's (after the crosswalk, if any). */
export interface PreviousWaveShare {
  question: string;
  row?: string;
  /** The code, or the harmonised category when a crosswalk applies. */
  code: string;
  /** With a crosswalk, the codes of each version counted in the category. */
  currentCodes?: string[];
  previousCodes?: string[];
  /** The question's id in the previous wave's versions, when a crosswalk renamed it: a
   * publication of that wave shows it under this id. */
  previousQuestion?: string;
  current: { count: number; base: number; share: number } | null;
  previous: { count: number; base: number; share: number } | null;
  p: number | null;
  notable: boolean | null;
  missing?: ComparisonGap;
  /** The crosswalk's explanation, for a question declared not comparable. */
  reason?: LocalizedText;
}

/** The sample beside the territory's expected distribution by main sector. */
export interface SampleComparison {
  /** The main-sector question. */
  question: string;
  /** Where the expected counts come from. */
  source?: string;
  /** Associations expected in all, over the sectors listed. */
  expectedTotal: number;
  sectors: SampleSector[];
  /** Post-stratified shares on the main sector (`--weight sector`), always labelled so. */
  weighted?: WeightedResults;
}

/** One sector: the sample's published count and share beside the expected ones. */
export interface SampleSector {
  code: string;
  label?: LocalizedText;
  /** Null when hidden by the frequency rule. */
  sample: { count: number; share: number } | null;
  expected: { count: number; share: number } | null;
  suppressed?: 'small' | 'complementary';
}

/** Shares re-weighted so that the sample's sectors take their expected weights. */
export interface WeightedResults {
  method: 'post-stratification';
  question: string;
  label: LocalizedText;
  /** Respondents with a sector among the expected ones (the others are left out). */
  base: number;
  questions: WeightedQuestion[];
}

/** Weighted shares of one question (distribution or multiple choice). */
export interface WeightedQuestion {
  id: string;
  /** Codes with their weighted share; null where a sector × code cell behind it is small. */
  categories: { code: string; share: number | null }[];
}

/** The rules a document was made with, stated so that a report can print them. */
export interface ResultsRules extends DisclosureRules {
  /** Confidence level of every interval. */
  confidence: 0.95;
  /** How intervals of shares are computed. */
  interval: 'wilson';
  /** How quartiles are computed. */
  quantiles: 'hyndman-fan-7';
  /** When a difference between two shares is called notable. */
  comparison: ComparisonRules;
}

/** The results document. */
export interface ResultsDocument {
  kind: 'olva-results';
  formatVersion: 1;
  generator: { name: string; version: string };
  rules: ResultsRules;
  /** What `olva analyse` was asked for (absent from a bare aggregation). */
  scope?: { wave: string; territory: TerritoryRef | null; previousWave: string | null };
  groups: GroupResults[];
  /** Cross-tabulations, when asked for. */
  crosstabs?: Crosstab[];
  /** What a reader should know that no figure says (a previous wave without responses);
   * absent when nothing. Optional: readers of earlier documents keep working. */
  notes?: ResultsNote[];
}

/** A note of a results document, in French and in English. */
export interface ResultsNote {
  /** `previous-wave-empty`: groups without responses in the previous wave asked for (their
   * `comparisons.previousWave.available` is false); `wave-empty`: no response in the wave;
   * `network-composition`: the network's previous wave pooled other territories than its wave
   * (counts in the text, no territory named). */
  code: 'previous-wave-empty' | 'wave-empty' | 'network-composition';
  /** The wave without responses; for `network-composition`, the previous wave. */
  wave: string;
  /** The territories concerned; empty for every territory. */
  territories: TerritoryRef[];
  text: { fr: string; en: string };
}

/** One axis of a cross-tabulation: a question and its codes in display order. */
export interface CrosstabAxis {
  id: string;
  type: string;
  label: LocalizedText;
  codes: { code: string; label?: LocalizedText; value?: number }[];
}

/** One count of a cross-tabulation, with its shares of its row's and its column's totals. */
export interface CrosstabCell {
  /** Null when hidden by the frequency rule (see `suppressed`). */
  count: number | null;
  /** count / row total; null when either is hidden. */
  rowShare: number | null;
  /** count / column total; null when either is hidden. */
  columnShare: number | null;
  suppressed?: 'small' | 'complementary';
}

/** A row or column total, with its share of the base. */
export interface CrosstabTotal {
  count: number | null;
  share: number | null;
  suppressed?: 'small' | 'complementary';
}

/** The chi-square test of independence of a published cross-tabulation. */
export interface CrosstabTest {
  statistic: number;
  df: number;
  p: number;
  cramersV: number;
  /** The smallest expected count. */
  minExpected: number;
  /** True when the chi-square approximation is doubtful (Cochran: an expected count below 1,
   * or more than 20% of them below 5): read the p-value with care. */
  lowExpected: boolean;
}

/** A cross-tabulation of two questions among the respondents who answered both. */
export interface Crosstab {
  rows: CrosstabAxis;
  columns: CrosstabAxis;
  /** The territory and wave read, or null for all of them. */
  territory: TerritoryRef | null;
  wave: string | null;
  /** Respondents who answered both questions; null when withheld (a small base is itself a
   * small count). */
  base: number | null;
  /** `withheld` when the base is under `minBase` or the small cells cannot be protected. */
  status: BaseStatus;
  /** rows × columns; absent when withheld. */
  cells?: CrosstabCell[][];
  rowTotals?: CrosstabTotal[];
  columnTotals?: CrosstabTotal[];
  /** Null when not published: see `testOmitted`. */
  test: CrosstabTest | null;
  /** Why there is no test: the table is withheld, some counts are hidden (the statistic
   * would let them be recomputed), or fewer than two rows or columns have answers. */
  testOmitted?: 'withheld' | 'suppressed-cells' | 'no-variation';
  /** `filter-suppressed`: an axis is shown under a condition and withheld for its filters in a
   * territory and wave of the scope (its base would bound a hidden count of its filter); the
   * table is withheld with it. Absent otherwise. */
  withheldReason?: 'filter-suppressed';
  /** With `withheldReason`: the filters that withhold the axis question. */
  withheldFilters?: string[];
}
