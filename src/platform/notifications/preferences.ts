import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { NotificationChannel } from './tables.js';

export const CHANNELS: readonly NotificationChannel[] = ['in_app', 'email'];
export const CATEGORY_PATTERN = '^[a-z][a-z0-9_.-]{0,39}$';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every channel is on unless the person switched it off for that category. */
export async function channelEnabled(db: Executor, userId: string, category: string, channel: NotificationChannel): Promise<boolean> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('enabled')
    .where('user_id', '=', userId)
    .where('category', '=', category)
    .where('channel', '=', channel)
    .executeTakeFirst();
  return row?.enabled ?? true;
}

export async function listPreferences(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['category', 'channel', 'enabled'])
    .where('user_id', '=', userId)
    .orderBy('category')
    .orderBy('channel')
    .execute();
  return rows;
}

export async function setPreference(db: Executor, userId: string, category: string, channel: NotificationChannel, enabled: boolean): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, category, channel, enabled })
    .onConflict((oc) => oc.columns(['user_id', 'category', 'channel']).doUpdateSet({ enabled, updated_at: new Date() }))
    .execute();
}
