import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Rules, the engine's per-device state, alarms and their history. */
export const alarmMigrations: Record<string, Migration> = {
  '202612050200_iot_rules_and_alarms': {
    async up(db: Kysely<any>) {
      await sql`
        create table iot_rules (
          id uuid primary key default gen_random_uuid(),
          name jsonb not null,
          device_id uuid references iot_devices(id),
          type_id uuid references iot_device_types(id),
          levels jsonb not null,
          for_seconds integer not null default 0 check (for_seconds >= 0),
          enabled boolean not null default true,
          owner_agency_id uuid references agencies(id),
          notify jsonb not null default '{"inApp":true,"email":true}',
          version integer not null default 1,
          is_demo boolean not null default false,
          deleted_at timestamptz,
          created_by uuid references users(id),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((device_id is null) <> (type_id is null))
        )`.execute(db);
      await sql`create index iot_rules_device_idx on iot_rules (device_id) where deleted_at is null`.execute(db);
      await sql`create index iot_rules_type_idx on iot_rules (type_id) where deleted_at is null`.execute(db);
      await sql`
        create table iot_rule_states (
          rule_id uuid not null references iot_rules(id) on delete cascade,
          device_id uuid not null references iot_devices(id) on delete cascade,
          state jsonb not null,
          updated_at timestamptz not null default now(),
          primary key (rule_id, device_id)
        )`.execute(db);
      await sql`
        create table iot_alarms (
          id uuid primary key default gen_random_uuid(),
          rule_id uuid not null references iot_rules(id),
          device_id uuid not null references iot_devices(id),
          level integer not null check (level between 1 and 5),
          max_level integer not null,
          severity text not null check (severity in ('info','warning','critical')),
          state text not null check (state in ('active','acknowledged','cleared')),
          raised_at timestamptz not null,
          acknowledged_at timestamptz,
          acknowledged_by uuid references users(id),
          ack_note text,
          cleared_at timestamptz,
          last_metric text,
          last_value double precision,
          message jsonb not null,
          updated_at timestamptz not null default now()
        )`.execute(db);
      // At most one open alarm per rule and device: escalation updates it rather than adding one.
      await sql`create unique index iot_alarms_open_idx on iot_alarms (rule_id, device_id) where state <> 'cleared'`.execute(db);
      await sql`create index iot_alarms_raised_idx on iot_alarms (raised_at desc, id desc)`.execute(db);
      await sql`create index iot_alarms_device_idx on iot_alarms (device_id, raised_at desc)`.execute(db);
      await sql`create index iot_alarms_state_idx on iot_alarms (state, level)`.execute(db);
      await sql`
        create table iot_alarm_events (
          id bigserial primary key,
          alarm_id uuid not null references iot_alarms(id),
          kind text not null check (kind in ('raised','escalated','deescalated','acknowledged','cleared')),
          level integer not null,
          at timestamptz not null,
          actor_user_id uuid references users(id),
          note text,
          value double precision
        )`.execute(db);
      await sql`create index iot_alarm_events_alarm_idx on iot_alarm_events (alarm_id, id)`.execute(db);
    },
  },
};
