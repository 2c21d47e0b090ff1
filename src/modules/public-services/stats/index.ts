/** Statistics of public services: maintained aggregates, Decision 766 indicators, monthly report (README.md). */
export { statsMigrations } from './migrations.js';
export { registerStatsRoutes } from './routes.js';
export { recordStatsChange } from './counters.js';
export { rebuildDossierStats } from './rebuild.js';
export { indicatorReport, computeIndicators } from './indicators.js';
export { monthlyReport } from './monthly-report.js';
export { publicServicesOverview, type PublicServicesOverview } from './overview.js';
export { monthPeriod, quarterPeriod, yearPeriod, parsePeriod, type Period } from './period.js';
