import type { AppModule } from '../../platform/http/module.js';
import { bootstrapDeviceTypes, registerRegistryRoutes, registryMigrations, seedDemoDevices } from './device-registry/index.js';
import { registerTelemetryJobs, registerTelemetryRoutes, telemetryMigrations } from './telemetry/index.js';
import { ingestionMigrations, registerIngestionRoutes } from './ingestion/index.js';
import { alarmMigrations, registerAlarmJobs, registerAlarmRoutes, seedDemoRules } from './alarms/index.js';
import { seedDemoTelemetry } from './simulator/index.js';
import { registerAirQuality } from './air-quality/index.js';

/** Sensors for floods, farms, traffic and tourism (nền tảng IoT): registry, ingestion, telemetry, alarms, air quality. */
export const iotModule: AppModule = {
  name: 'iot',
  migrations: { ...registryMigrations, ...telemetryMigrations, ...ingestionMigrations, ...alarmMigrations },
  routes(app, ctx) {
    registerRegistryRoutes(app, ctx);
    registerTelemetryRoutes(app, ctx);
    registerIngestionRoutes(app, ctx);
    registerAlarmRoutes(app, ctx);
    // After the rules: it stops first on close, so its last indices still reach them.
    registerAirQuality(app, ctx);
  },
  async jobs(ctx) {
    await registerTelemetryJobs(ctx);
    await registerAlarmJobs(ctx);
  },
  async bootstrap(ctx) {
    await bootstrapDeviceTypes(ctx);
  },
  async seedDemo(ctx) {
    await seedDemoDevices(ctx);
    await seedDemoRules(ctx);
    await seedDemoTelemetry(ctx);
  },
};
