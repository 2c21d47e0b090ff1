import type { AppModule } from '../http/module.js';
import { notificationMigrations } from './migrations.js';
import { registerNotificationRoutes } from './routes.js';
import { registerOutboxRoutes } from './outbox-routes.js';
import { MAIL_JOB } from './mail.js';
import { MAIL_QUEUE, deliverMail } from './mail-sender.js';
import { PURGE_CRON, PURGE_JOB, purgeOldMessages } from './retention.js';

/** E-mail (outbox + SMTP job), the in-app inbox and per-person notification settings. */
export const notificationsArea: AppModule = {
  name: 'notifications',
  migrations: notificationMigrations,
  routes(app, ctx) {
    registerNotificationRoutes(app, ctx);
    registerOutboxRoutes(app, ctx);
  },
  jobs(ctx) {
    ctx.jobs.register<{ id: string }>(MAIL_JOB, async (data, job) => void (await deliverMail(ctx, data.id, job)), {
      queue: MAIL_QUEUE,
      pollingIntervalSeconds: 1,
    });
    ctx.jobs.register(PURGE_JOB, async () => void (await purgeOldMessages(ctx)), { cron: PURGE_CRON });
  },
};
