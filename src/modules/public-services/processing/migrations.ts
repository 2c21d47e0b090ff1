import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Indexes the work queues need beyond the module's own: the receiving one-stop unit's view of
 * dossiers it received and passed on, and finished dossiers waiting to be handed back.
 */
export const processingMigrations: Record<string, Migration> = {
  '202612020210_processing_queue_indexes': {
    async up(db: Kysely<any>) {
      // The "agency" queue reads handling OR receiving agency; the receiving half needs its own index by due date.
      await sql`create index dossiers_receiving_queue_idx on dossiers (receiving_agency_id, status, due_at) where status in (2,4,5,6,9)`.execute(db);
      // Finished (9) but not yet returned (10): still work for the desk that hands results back.
      await sql`create index dossiers_awaiting_return_idx on dossiers (handling_agency_id, due_at) where status = 9`.execute(db);
    },
  },
};
