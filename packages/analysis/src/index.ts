/**
 * @olva/analysis: what the responses say, DOM-free. Statistics primitives (Wilson intervals,
 * quartiles, two-proportion and chi-square tests), statistical disclosure control (the
 * frequency rule with complementary suppression, small and withheld bases), streaming
 * aggregation of `olva-response` payloads per question, territory and wave, and
 * cross-tabulation of two questions. Every distribution it returns is protected under the
 * rules it was given, filtered questions included (linked figures: disclosure/linked.ts).
 */
export { wilsonInterval, Z_95, type Interval } from './stats/wilson.js';
export { quartiles, quantileOfSorted, sortedValues, type Quartiles } from './stats/quantiles.js';
export { compareProportions, DEFAULT_COMPARISON_RULES, type Proportion, type ProportionComparison, type ComparisonRules } from './stats/two-proportions.js';
export { chiSquareTest, type ChiSquareTest } from './stats/chi-square-test.js';
export { chiSquareSurvival } from './stats/chi-square-distribution.js';
export { logGamma, regularizedGammaP, regularizedGammaQ } from './stats/gamma.js';
export {
  DEFAULT_DISCLOSURE_RULES, disclosureRules, disclosureRuleProblems, baseStatus, isSmallCell,
  type DisclosureRules, type RuleProblem, type BaseStatus, type CellStatus,
} from './disclosure/rules.js';
export { lineGivenAway, suppressLine } from './disclosure/line.js';
export { boundedCountPinned, type BoundedCount } from './disclosure/bounds.js';
export { suppressTable, type TableDisclosure } from './disclosure/table.js';
export { withholdLinked } from './disclosure/linked.js';
export { aggregateResponses, resultsRules, type AggregateOptions } from './aggregate/aggregate.js';
export { Catalogue, figureKind, isPersonal, type CatalogueEntry, type CodeEntry, type FigureKind } from './aggregate/catalogue.js';
export { ValueStore, DEFAULT_EXACT_VALUES } from './aggregate/value-store.js';
export { waveReferenceDate, ageAt } from './aggregate/reference-date.js';
export { AnalysisError } from './errors.js';
export { ANALYSIS_VERSION } from './version.js';
export type {
  ResultsDocument, ResultsRules, GroupResults, QuestionFigures, DistributionFigures, MultipleFigures, MatrixFigures,
  MatrixRowFigures, NumericFigures, NumericSummary, Category, Base, CountRef, HiddenCounts, LineRef, TerritoryRef, ResultsTerritoryLevel, VersionRef, VersionAnswered, WithheldReason,
} from './results.js';
export { crossTabulate, publishCrosstab, type CrosstabOptions } from './crosstab/crosstab.js';
export { countCrossed, type CrosstabQuery, type CrossCounts } from './crosstab/count.js';
export type { Crosstab, CrosstabAxis, CrosstabCell, CrosstabTotal, CrosstabTest } from './results.js';
export { numericClasses, classOf, type NumericClass } from './aggregate/classes.js';
export type { ClassCategory } from './results.js';
export { readNdjsonPayloads, type NdjsonOptions, type PayloadProblem } from './ndjson.js';
export { flattenResults, FLAT_COLUMNS, type FlatCell } from './flat.js';
export { compareWaves, type WaveComparison } from './compare/waves.js';
export { analyseResponses, type AnalyseOptions } from './analyse.js';
export { withTerritoryNames } from './territory-names.js';
export { emptyWaveNote, notesOf, previousWaveNote } from './notes.js';
export type { ResultsNote } from './results.js';
export { compareNetwork, networkTotals, MIN_OTHER_TERRITORIES, type NetworkTotals, type Within } from './compare/network.js';
export { compareNational } from './compare/national.js';
export { comparePreviousWave } from './compare/previous.js';
export { GatheredTicks } from './compare/gathered-ticks.js';
export { compareVersions } from '@olva/schema';
export { compareSample, expectedFor, withoutExpected, groupNames, DEFAULT_SECTOR_QUESTION, type ExpectedSectors } from './compare/sample.js';
export { publishedLines, shareFigure, type PublishedLine } from './compare/lines.js';
export { compareWithReference, type ReferenceComparison } from './stats/one-proportion.js';
export { checkNationalReferences, type NationalReferences, type NationalFigure } from './references.js';
export type {
  ShareFigure, ComparisonGap, GroupComparisons, NetworkComparison, NetworkShare, NationalComparison, NationalShare,
  PreviousWaveComparison, PreviousWaveShare, SampleComparison, SampleSector, CollectionFigures, WeightedResults, WeightedQuestion,
} from './results.js';
export { NETWORK_TERRITORY, NETWORK_NAME, isNetworkTerritory } from './network-territory.js';
