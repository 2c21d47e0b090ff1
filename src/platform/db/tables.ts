import type { IdentityTables } from '../identity/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { AgencyTables } from '../agencies/tables.js';
import type { AdminUnitTables } from '../admin-units/tables.js';
import type { CalendarTables } from '../calendar/tables.js';
import type { FileTables } from '../files/tables.js';
import type { NotificationTables } from '../notifications/tables.js';
import type { IdempotencyTables } from '../idempotency/tables.js';

/** Every platform table. Modules extend it with their own tables via `db.withTables<…>()`. */
export interface Database
  extends IdentityTables,
    AuditTables,
    AgencyTables,
    AdminUnitTables,
    CalendarTables,
    FileTables,
    NotificationTables,
    IdempotencyTables {}
