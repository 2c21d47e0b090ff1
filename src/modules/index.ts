import type { Migration } from 'kysely/migration';
import type { AppModule } from '../platform/http/module.js';

/**
 * The domain modules (feedback, public services, IoT, IOC, data sharing, DTI, assistant),
 * each in its own folder. A module is added here and nowhere else.
 */
export const modules: AppModule[] = [];

export const moduleMigrations: Record<string, Migration> = Object.assign({}, ...modules.map((m) => m.migrations ?? {}));
