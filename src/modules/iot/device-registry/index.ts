export { registryMigrations } from './migrations.js';
export { registerRegistryRoutes } from './routes.js';
export { bootstrapDeviceTypes } from './device-types.js';
export { seedDemoDevices } from './demo-seed.js';
