/** Sample monitoring during collection and its HTTP route. */
export { sampleStats, DEFAULT_SECTOR_QUESTION, CHANNELS, type SampleStats, type TerritoryStats, type SectorTally, type Tally, type SampleOptions } from './sample.js';
export { findExpected, statsConfigSchema, type ExpectedDistribution, type StatsConfig } from './expected.js';
export { statsRoutes, type StatsRouteOptions } from './routes.js';
