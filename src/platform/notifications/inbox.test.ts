import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signIn, type SignedIn } from '../testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../testing/users.js';
import { notifyUser, type NotifyInput } from './inbox.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

async function person(): Promise<SignedIn & { email: string }> {
  const user = await createTestUser(t.ctx, 'citizen');
  return { ...(await signIn(t.app, user.email, TEST_PASSWORD)), email: user.email };
}

const notice = (userId: string, n: number, extra: Partial<NotifyInput> = {}): NotifyInput => ({
  userId,
  title: { vi: `Thông báo ${n}`, en: `Notice ${n}` },
  body: { vi: `Nội dung ${n}`, en: `Body ${n}` },
  link: `/phan-anh/${n}`,
  ...extra,
});

function notify(input: NotifyInput) {
  return t.ctx.db.transaction().execute((trx) => notifyUser(trx, t.ctx, input));
}

test('people see only their own notifications, newest first, in cursor pages with an unread count', async () => {
  const me = await person();
  const other = await person();
  for (let n = 1; n <= 5; n++) await notify(notice(me.userId, n));
  await notify(notice(other.userId, 99));
  const first = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=2', headers: me.headers });
  assert.equal(first.statusCode, 200);
  const page1 = first.json();
  assert.deepEqual(page1.items.map((i: { title: { en: string } }) => i.title.en), ['Notice 5', 'Notice 4']);
  assert.equal(page1.unreadCount, 5);
  assert.deepEqual(page1.items[0].body, { vi: 'Nội dung 5', en: 'Body 5' });
  const seen: string[] = page1.items.map((i: { title: { en: string } }) => i.title.en);
  let cursor = page1.nextCursor;
  while (cursor) {
    const next = (await t.app.inject({ method: 'GET', url: `/api/v1/notifications?limit=2&cursor=${cursor}`, headers: me.headers })).json();
    seen.push(...next.items.map((i: { title: { en: string } }) => i.title.en));
    cursor = next.nextCursor;
  }
  assert.deepEqual(seen, ['Notice 5', 'Notice 4', 'Notice 3', 'Notice 2', 'Notice 1'], 'every notice once, none of the other person\'s');
  const bad = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?cursor=WyJ4Il0', headers: me.headers });
  assert.equal(bad.statusCode, 400);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode, 401);
});

test('marking read works on one\'s own notices only; another person\'s answers 404', async () => {
  const me = await person();
  const other = await person();
  const mine = (await notify(notice(me.userId, 1)))!;
  await notify(notice(me.userId, 2));
  const theirs = (await notify(notice(other.userId, 3)))!;
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${theirs}/read`, headers: me.writeHeaders })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine}/read`, headers: me.writeHeaders })).statusCode, 204);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine}/read`, headers: me.writeHeaders })).statusCode, 204, 'again is fine');
  const unread = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: me.headers })).json();
  assert.deepEqual(unread.items.map((i: { title: { en: string } }) => i.title.en), ['Notice 2']);
  const all = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: me.writeHeaders });
  assert.deepEqual(all.json(), { updated: 1 });
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: me.headers })).json().unreadCount, 0);
  const theirsRow = await t.ctx.db.selectFrom('notifications').select('read_at').where('id', '=', theirs).executeTakeFirstOrThrow();
  assert.equal(theirsRow.read_at, null, 'read-all touched only my notices');
  const audited = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', me.userId).where('action', 'like', 'notification.%').execute();
  assert.deepEqual(audited.map((r) => r.action).sort(), ['notification.read', 'notification.read_all'], 'each write is in the audit trail, a repeat is not');
});

test('notifyUser with email queues a mail, unless the person turned that channel off for the category', async () => {
  const me = await person();
  const countMail = async () =>
    Number((await t.ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('to_address', '=', me.email).executeTakeFirstOrThrow()).n);
  await notify(notice(me.userId, 1, { category: 'feedback', email: true }));
  assert.equal(await countMail(), 1);
  const mail = await t.ctx.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', me.email).executeTakeFirstOrThrow();
  assert.ok(mail.text_body.includes(`${t.config.publicUrl}/phan-anh/1`));
  const off = await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: me.writeHeaders, payload: { category: 'feedback', channel: 'email', enabled: false } });
  assert.equal(off.statusCode, 204);
  await notify(notice(me.userId, 2, { category: 'feedback', email: true }));
  assert.equal(await countMail(), 1, 'no mail once e-mail is off for feedback');
  await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: me.writeHeaders, payload: { category: 'feedback', channel: 'in_app', enabled: false } });
  assert.equal(await notify(notice(me.userId, 3, { category: 'feedback' })), null, 'in-app muted: nothing written');
  assert.ok(await notify(notice(me.userId, 4, { category: 'services' })), 'other categories still arrive');
  const prefs = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications/preferences', headers: me.headers })).json();
  assert.deepEqual(prefs.items, [
    { category: 'feedback', channel: 'email', enabled: false },
    { category: 'feedback', channel: 'in_app', enabled: false },
  ]);
});

test('a notification link must stay inside the site', async () => {
  const me = await person();
  for (const link of ['https://evil.example/login', '//evil.example', 'javascript:alert(1)']) {
    await assert.rejects(notify(notice(me.userId, 1, { link })), /inside the site/, link);
  }
});
