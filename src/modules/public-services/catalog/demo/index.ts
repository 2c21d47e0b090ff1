import { CIVIL_STATUS_PROCEDURES } from './civil-status.js';
import { COMMUNE_PROCEDURES } from './commune.js';
import { PROVINCE_PROCEDURES } from './province.js';

export { VN_DEMO_EFFECTIVE_FROM, type DemoProcedure } from './build.js';

/** The demo catalog of Quảng Trị: commune-level procedures first, then the departments'. */
export const DEMO_PROCEDURES = [...CIVIL_STATUS_PROCEDURES, ...COMMUNE_PROCEDURES, ...PROVINCE_PROCEDURES];
