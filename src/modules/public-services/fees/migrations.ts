import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Tables only the fees folder reads. */
export const feeMigrations: Record<string, Migration> = {
  '202612040100_demo_gateway_intents': {
    async up(db: Kysely<any>) {
      // The demo gateway's own side: a real gateway keeps its payment intents in its own system. Only the
      // SHA-256 of the checkout token is kept, so a copy of the table does not let anyone pay or cancel.
      await sql`
        create table demo_gateway_intents (
          id uuid primary key default gen_random_uuid(),
          token_hash text not null unique,
          dossier_id uuid not null references dossiers(id),
          reference text not null,
          amount bigint not null check (amount > 0),
          return_url text not null,
          state text not null default 'open' check (state in ('open','paid','cancelled')),
          payment_id uuid references dossier_payments(id),
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          settled_at timestamptz
        )`.execute(db);
      await sql`create index demo_gateway_intents_dossier_idx on demo_gateway_intents (dossier_id)`.execute(db);
    },
  },
};
