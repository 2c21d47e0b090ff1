import type { App, AppContext } from '../../../platform/http/module.js';
import { startAirQualityIndexer, stopAirQualityIndexer } from './derive.js';

export { airQualityIndexer, indexHours, completedHours, AQI_METRIC } from './derive.js';
export { hourlyVnAqi, aqiCategory, nowCast, subIndex, type HourlyAqi, type AqiCategory, type DustPollutant } from './vn-aqi.js';

/**
 * The listener that derives the hourly VN_AQI of air quality stations from their committed dust
 * readings in this process. Register it after the alarm rules: Fastify closes hooks in reverse order,
 * so it stops first and its last indices still reach the rules.
 */
export function registerAirQuality(app: App, ctx: AppContext): void {
  startAirQualityIndexer(ctx);
  app.addHook('onClose', async () => stopAirQualityIndexer(ctx.db));
}
