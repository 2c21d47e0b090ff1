import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import type { AppContext } from '../../../platform/http/module.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { queueMail } from '../../../platform/notifications/mail.js';
import { channelEnabled } from '../../../platform/notifications/preferences.js';
import type { IotTrx } from '../tables.js';
import type { NotifySettingsT } from './rule-schema.js';

/** People can mute IoT alarms per channel under this category in their notification settings. */
export const ALARM_CATEGORY = 'iot.alarm';

export interface AlarmNotice {
  alarmId: string;
  ownerAgencyIds: Array<string | null>;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  notify: NotifySettingsT;
}

export function alarmLink(alarmId: string): string {
  return `/can-bo/canh-bao?alarm=${alarmId}`;
}

/** The owner agencies' officers and administrators, and every leader (lãnh đạo), active accounts only. */
export async function alarmRecipients(trx: IotTrx, agencyIds: string[]): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where((eb) => {
      const staff = agencyIds.length > 0 ? [eb.and([eb('agency_id', 'in', agencyIds), eb('role', 'in', ['officer', 'agency_admin'])])] : [];
      return eb.or([eb('role', '=', 'leader'), ...staff]);
    })
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Notifies in the caller's transaction, so the notice exists exactly when the alarm change does.
 * Each person's preferences for `iot.alarm` are honoured channel by channel by the platform.
 */
export async function notifyAlarm(trx: IotTrx, ctx: AppContext, notice: AlarmNotice): Promise<number> {
  if (!notice.notify.inApp && !notice.notify.email) return 0;
  const platform = trx as unknown as Transaction<Database>;
  const agencies = [...new Set(notice.ownerAgencyIds.filter((a): a is string => a !== null))];
  const recipients = await alarmRecipients(trx, agencies);
  const link = alarmLink(notice.alarmId);
  for (const userId of recipients) {
    if (notice.notify.inApp) {
      await notifyUser(platform, ctx, { userId, category: ALARM_CATEGORY, title: notice.title, body: notice.body, link, email: notice.notify.email });
    } else if (await channelEnabled(platform, userId, ALARM_CATEGORY, 'email')) {
      const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
      const url = `${ctx.config.publicUrl}${link}`;
      await queueMail(platform, ctx, { to: user.email, subject: `${notice.title.vi} / ${notice.title.en}`, text: `${notice.body.vi}\n\n${url}\n\n---\n${notice.body.en}\n\n${url}` });
    }
  }
  return recipients.length;
}
