import type { AppModule } from './http/module.js';
import { adminUnitsArea } from './admin-units/area.js';
import { agenciesArea } from './agencies/area.js';
import { identityArea } from './identity/area.js';
import { auditArea } from './audit/area.js';
import { calendarArea } from './calendar/area.js';
import { filesArea } from './files/area.js';
import { notificationsArea } from './notifications/area.js';
import { maintenanceArea } from './jobs/maintenance.js';
import { idempotencyArea } from './idempotency/area.js';
import { modules } from '../modules/index.js';

/**
 * The platform areas and then the domain modules, in dependency order: demo data is seeded in this
 * order (units before agencies before their staff).
 */
export function allAreas(): AppModule[] {
  return [adminUnitsArea, agenciesArea, identityArea, auditArea, calendarArea, filesArea, notificationsArea, idempotencyArea, maintenanceArea, ...modules];
}
