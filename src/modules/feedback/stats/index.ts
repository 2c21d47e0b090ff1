/** What other parts of the feedback module (use cases, the demo generator) use from the statistics. */
export { countReceived, countTransition, countRating, addCounts, type StatsReport, type StatsKey, type Counts } from './record.js';
export { rebuildFeedbackStats, type RebuildResult } from './rebuild.js';
export { feedbackStats, type StatsQuery, type StatsItem, type StatsFigures, type GroupBy } from './query.js';
export { STATS_DEFINITIONS } from './definitions.js';
